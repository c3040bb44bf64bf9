#pragma once

#include "analysis/AnalysisResult.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace bouncelens {

// What to fetch and how to connect. A value type: the GUI keeps one per account.
struct FetchOptions
{
    QString url; // imap://, imaps://, pop3:// or pop3s://host[:port][/FOLDER]
    QString user;
    QString password;
    QString folder; // overrides the URL's path; "" = the URL's path or INBOX. Levels split by "/".
    QDate since; // only messages that arrived on or after this day; invalid = all
    int limit = 0; // stop after this many results; 0 = no limit
    bool startTls = false; // imap:// / pop3://: upgrade with STARTTLS / STLS, and insist on it
    bool includeFeedback = false; // also return feedback (abuse) reports
    bool includeAutoReplies = false; // also return auto-replies
    QString caFile; // a PEM file of extra trusted CA or server certificates
    QString systemCaBundle = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
    QStringList trustedFingerprints; // SHA-256 of server certificates the user accepted (any format)
    int timeoutSeconds = 30; // for every network wait
    // Keep every bounce in FetchResult::messages. Callers that take them one by one through
    // MailboxFetcher's message callback (the CLI, the window) turn it off: memory then stays
    // bounded whatever the number of messages.
    bool keepMessages = true;
    qint64 maxMessageBytes = 0; // larger messages are not downloaded; 0 = MessageLoader's limit
};

// Why a fetch stopped early. The text for people is in FetchResult::errorText.
enum class FetchError {
    None,
    InvalidRequest, // bad URL, unsupported scheme, POP3 with a folder other than INBOX
    HostNotFound,
    ConnectionRefused,
    Timeout,
    Certificate, // untrusted, expired or for another host name: see certificateFingerprint
    TlsFailed, // the TLS handshake or STARTTLS failed for another reason
    Authentication, // wrong user name or password (or no usable mechanism)
    FolderNotFound,
    ConnectionClosed, // the server went away in the middle of the session
    Cancelled,
    ServerError, // the server answered something unexpected
};

// A stable name of an error kind for the log ("authentication", "timeout", ...; "none"); never
// shown to people (FetchResult::errorText is). Defined in FetchErrors.cpp.
[[nodiscard]] QLatin1String fetchErrorName(FetchError error);

// Where a running fetch is, for progress bars. Counts grow monotonically.
struct FetchProgress
{
    enum class Stage { Connecting, Searching, Fetching, Done };
    Stage stage = Stage::Connecting;
    int candidates = 0; // messages that look like bounces from their headers
    int examined = 0; // candidates downloaded and analysed so far
    int found = 0; // of those, the ones returned
};

// Everything a fetch produced. Messages fetched before an error are kept.
struct FetchResult
{
    // In the order found (newest first); left empty when FetchOptions::keepMessages is false
    // (the caller takes each through the message callback, so a mailbox of any size stays bounded).
    QList<MessageAnalysis> messages;
    int found = 0; // bounces returned (kept or not)
    FetchError error = FetchError::None;
    QString errorText; // translated, for people; empty when error == None
    QString certificateFingerprint; // SHA-256 of a rejected certificate ("AB:CD:..."), else ""
    int candidates = 0;
    int examined = 0;
    bool searchedOnServer = false; // IMAP SEARCH picked the candidates (else headers were read here)

    [[nodiscard]] bool ok() const { return error == FetchError::None; }
};

// The folders of a mailbox (MailboxFetcher::listFolders), read without changing anything.
struct FolderListResult
{
    // Full folder names with their levels split by "/" (the form FetchOptions::folder takes),
    // e.g. "INBOX", "INBOX/Bounces", "Archive"; INBOX first, then sorted. Folders the server
    // marks \Noselect (containers only) are left out. POP3: just "INBOX".
    QStringList folders;
    FetchError error = FetchError::None;
    QString errorText; // translated, for people; empty when error == None
    QString certificateFingerprint; // SHA-256 of a rejected certificate ("AB:CD:..."), else ""

    [[nodiscard]] bool ok() const { return error == FetchError::None; }
};

} // namespace bouncelens

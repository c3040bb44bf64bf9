#pragma once

#include "fetch/FetchTypes.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace bouncelens {

// One mailbox account as the Fetch dialog edits it and QSettings remembers it. Never holds the
// password: that lives in the system keychain (or, without one, in memory for the session).
struct FetchAccount
{
    enum class Protocol { Imap, Pop3 };
    enum class Security { SslTls, StartTls, None };

    QString host;
    int port = 993;
    Protocol protocol = Protocol::Imap;
    Security security = Security::SslTls;
    QString user;
    QString folder = QStringLiteral("INBOX"); // IMAP only; POP3 always reads INBOX
    bool useSince = false;
    int sinceDays = 30; // "since" is remembered as "the last N days", so it does not go stale
    int limit = 0; // 0 = no limit
    bool includeFeedback = false;
    bool includeAutoReplies = false;

    // 993 (IMAPS), 143 (IMAP, plain or STARTTLS), 995 (POP3S), 110 (POP3, plain or STLS).
    [[nodiscard]] static int defaultPort(Protocol protocol, Security security);
    [[nodiscard]] static bool isDefaultPort(int port);

    // "imaps://host:993", IPv6 addresses in brackets.
    [[nodiscard]] QString url() const;
    // "host:port", the key for trusted certificates.
    [[nodiscard]] QString hostPort() const;
    // "user@host:port", the keychain key and the account's identity.
    [[nodiscard]] QString id() const;
    [[nodiscard]] QDate since() const;

    // Everything MailboxFetcher needs except the password and the trusted fingerprints.
    [[nodiscard]] FetchOptions toOptions() const;

    // "host:port" of a fetch URL (the default port when it names none).
    [[nodiscard]] static QString hostPortOf(const QString &url);

    [[nodiscard]] static QString protocolKey(Protocol protocol);
    [[nodiscard]] static QString securityKey(Security security);
    [[nodiscard]] static Protocol protocolFromKey(const QString &key);
    [[nodiscard]] static Security securityFromKey(const QString &key);

    friend bool operator==(const FetchAccount &, const FetchAccount &) = default;
};

} // namespace bouncelens

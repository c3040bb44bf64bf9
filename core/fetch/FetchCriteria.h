#pragma once

#include "analysis/AnalysisResult.h"

#include <QByteArray>
#include <QDate>
#include <QList>

namespace bouncelens {

// Which messages of a mailbox are worth downloading. The same rules run on the server (an IMAP
// SEARCH program) and on the client (over fetched headers, for POP3 and for IMAP servers whose
// SEARCH fails), so both paths pick the same candidates. Picking is generous: BounceAnalyzer
// makes the final decision on the whole message, the criteria only save downloads.
struct FetchCriteria
{
    QDate since; // invalid = no date limit
    bool feedback = false; // also feedback (abuse) reports
    bool autoReplies = false; // also auto-replies

    // The IMAP "UID SEARCH" command text, split before each non-ASCII string: every chunk but the
    // last ends with a synchronising literal announcement "{N}"; the next chunk starts with its
    // N bytes. Non-ASCII strings (Japanese subjects) need CHARSET UTF-8 and literals, because
    // IMAP quoted strings are 7-bit. ASCII strings are sent quoted.
    [[nodiscard]] QList<QByteArray> imapSearchChunks() const;

    // The same rules over a raw message header (up to the first empty line), including `since`
    // applied to the Date field (a missing or unreadable date passes).
    [[nodiscard]] bool matchesHeader(const QByteArray &header) const;

    // Whether an analysed message belongs in the results.
    [[nodiscard]] bool wants(MessageKind kind) const;

    // "1-Jan-2024", IMAP's date format (English month names whatever the locale).
    [[nodiscard]] static QByteArray imapDate(QDate date);
};

} // namespace bouncelens

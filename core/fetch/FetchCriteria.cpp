#include "fetch/FetchCriteria.h"

#include "message/HeaderBlock.h"
#include "message/TextDecoder.h"
#include "report/BounceMarkers.h"

#include <QDateTime>
#include <QStringList>

namespace bouncelens {

namespace {

// One search key: an IMAP header name to look in and the text to look for. The rules are data;
// IMAP SEARCH matches substrings case-insensitively, and so does matchesHeader.
struct Key
{
    const char *field; // "FROM", "SUBJECT" or a header name for IMAP's HEADER key
    QString text; // "" for HEADER: matches any message that has the field
    bool absent = false; // matches when no such field contains `text` (IMAP: NOT HEADER ...)
};

QList<Key> keysFor(const FetchCriteria &criteria)
{
    QList<Key> keys;
    // A From without any '@': the null path "<>" of a saved or forwarded report that lost its
    // Return-Path, or a bare "MAILER-DAEMON". It goes first: Dovecot 2.3 drops the matches of
    // a HEADER From key that follows a FROM key in one OR chain (measured).
    keys.append({"From", QStringLiteral("@"), true});
    for (const QString &s : BounceMarkers::bounceSenders())
        keys.append({"FROM", s});
    // Senders seen on bounces that the analyzer's list does not need (it also reads bodies).
    for (const char *s : {"post_master", "-admin@"}) // Apache James; fml mailing-list errors
        keys.append({"FROM", QString::fromLatin1(s)});
    for (const QString &s : BounceMarkers::bounceSubjects())
        keys.append({"SUBJECT", s});
    // The null reverse-path: RFC 5321 has every delivery report sent with MAIL FROM:<>.
    keys.append({"Return-Path", QStringLiteral("<>")});
    // RFC 3834 (and RFC 3464's practice): mail systems mark what they generate, reports included.
    keys.append({"Auto-Submitted", QStringLiteral("auto-")});
    // DSNs (RFC 3464) and feedback reports (RFC 5965) are multipart/report whatever they say.
    keys.append({"Content-Type", QStringLiteral("report")});
    // Exim and others name the failed addresses in a header.
    keys.append({"X-Failed-Recipients", QString()});
    // Amazon SES reports bounces as SNS notifications (JSON in a plain message).
    keys.append({"X-Amz-Sns-Message-Id", QString()});
    if (criteria.feedback) {
        for (const QString &s : BounceMarkers::feedbackSubjects())
            keys.append({"SUBJECT", s});
        keys.append({"Feedback-Type", QString()});
    }
    if (criteria.autoReplies) {
        for (const QString &s : BounceMarkers::autoReplySubjects())
            keys.append({"SUBJECT", s});
        keys.append({"Auto-Submitted", QStringLiteral("auto-replied")});
        keys.append({"X-Autoreply", QString()});
        keys.append({"X-Autorespond", QString()});
    }
    return keys;
}

bool isAscii(const QByteArray &bytes)
{
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

QByteArray quoted(const QByteArray &text)
{
    QByteArray out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace

QByteArray FetchCriteria::imapDate(QDate date)
{
    static const char *const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QByteArray::number(date.day()) + '-' + months[date.month() - 1] + '-'
        + QByteArray::number(date.year());
}

QList<QByteArray> FetchCriteria::imapSearchChunks() const
{
    const QList<Key> keys = keysFor(*this);
    // IMAP's OR takes two keys: n keys need n-1 ORs in front, "OR OR a b c" = (a or b) or c.
    QList<QByteArray> chunks {QByteArray("UID SEARCH CHARSET UTF-8")};
    if (since.isValid())
        chunks.last() += " SINCE " + imapDate(since);
    for (qsizetype i = 1; i < keys.size(); ++i)
        chunks.last() += " OR";
    for (const Key &key : keys) {
        const QByteArray field = key.field;
        const bool plain = field == "FROM" || field == "SUBJECT";
        chunks.last() += QByteArray(key.absent ? " NOT " : " ") + (plain ? field : "HEADER " + field) + ' ';
        const QByteArray text = key.text.toUtf8();
        if (isAscii(text)) {
            chunks.last() += quoted(text);
        } else {
            chunks.last() += '{' + QByteArray::number(text.size()) + '}';
            chunks.append(text);
        }
    }
    return chunks;
}

bool FetchCriteria::matchesHeader(const QByteArray &header) const
{
    const HeaderBlock block = HeaderBlock::parse(header);
    if (since.isValid()) {
        const QByteArray date = block.value("Date");
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(date).simplified(), Qt::RFC2822Date);
        if (when.isValid() && when.date() < since)
            return false;
    }
    for (const Key &key : keysFor(*this)) {
        if (key.absent) {
            bool present = false;
            for (const QByteArray &value : block.values(key.field)) {
                // vmime regenerates the headers it fetched and writes the null path "<>" as
                // "invalid@invalid" (measured with vmime 0.9.2).
                const QString text = TextDecoder::decodeHeader(value).trimmed();
                present = present
                    || (text.contains(key.text, Qt::CaseInsensitive)
                        && text.compare(QLatin1String("invalid@invalid"), Qt::CaseInsensitive) != 0);
            }
            if (!present)
                return true;
            continue;
        }
        if (!block.contains(key.field))
            continue;
        if (key.text.isEmpty())
            return true;
        for (const QByteArray &value : block.values(key.field))
            if (TextDecoder::decodeHeader(value).contains(key.text, Qt::CaseInsensitive))
                return true;
    }
    return false;
}

bool FetchCriteria::wants(MessageKind kind) const
{
    switch (kind) {
    case MessageKind::Bounce:
    case MessageKind::Delay: return true;
    case MessageKind::Feedback: return feedback;
    case MessageKind::AutoReply: return autoReplies;
    case MessageKind::Delivered:
    case MessageKind::NotBounce: break;
    }
    return false;
}

} // namespace bouncelens

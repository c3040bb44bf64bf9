#pragma once

#include "message/AnalysisError.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace bouncelens {

// What kind of message was analysed (DESIGN.md, "The analysis result").
enum class MessageKind { Bounce, Delay, Feedback, AutoReply, Delivered, NotBounce };

// What the opening notice says the message is (DESIGN.md, "The opening notice"); Subject when
// the text has no such sentence and the bounce's subject line stands for it.
enum class NoticeKind { None, NotDelivered, Delayed, Warning, AutoReply, Feedback, Delivered, Subject };

// The role of a highlighted span of the display text.
enum class SpanRole { Notice, Recipient, ReplyCode, StatusCode, ServerText };

// A highlighted range of MessageAnalysis::displayText, in UTF-16 code units (QString indices),
// so the viewer can apply formats without re-finding anything.
struct Span
{
    SpanRole role = SpanRole::Notice;
    qsizetype start = 0;
    qsizetype length = 0;
    int recipient = -1; // index into MessageAnalysis::recipients, -1 for the notice

    friend bool operator==(const Span &, const Span &) = default;
};

// Why a reason was chosen: the phrase or code that matched, and where it was found.
struct Evidence
{
    QString rule; // the rule group that matched, e.g. "userunknown/phrase"
    QString matched; // the exact text or code that matched
    QString field; // where: "status", "reply-code", "diagnostic", "body", "action"

    [[nodiscard]] bool isEmpty() const { return rule.isEmpty(); }

    friend bool operator==(const Evidence &, const Evidence &) = default;
};

// One recipient of a delivery report.
struct RecipientResult
{
    QString address; // the address the sender used: Original-Recipient, else Final-Recipient
    QString finalRecipient; // Final-Recipient when it differs from `address` (aliases, forwards)
    bool addressGuessed = false; // the report names nobody: taken from the returned message's To
    QString action; // failed, delayed, delivered, relayed, expanded (RFC 3464), lower case
    QString status; // enhanced status code as written ("5.1.1"), "" when none
    QString replyCode; // SMTP reply code as written ("550"), "" when none
    QString diagnostic; // the server's text, unfolded, without the "smtp;" type prefix
    QString remoteMta; // the host that gave the diagnostic, when known
    QString lastAttempt; // Last-Attempt-Date, when given
    QString retryUntil; // Will-Retry-Until (delay reports), when given
    QString reason; // Sisimai 5.6 reason name, lower case
    bool permanent = false; // failed for good (5xx / failed) rather than temporarily
    bool hardBounce = false; // the address itself is bad: do not mail it again
    Evidence evidence;

    friend bool operator==(const RecipientResult &, const RecipientResult &) = default;
};

// What the bounce says about the message that could not be delivered.
struct OriginalMessage
{
    QString subject;
    QString messageId;
    QString date;
    QString from;
    QString to;

    friend bool operator==(const OriginalMessage &, const OriginalMessage &) = default;
};

// The single result type that flows from the core to the UI, the CLI and the exports.
struct MessageAnalysis
{
    QString source; // path (or "-" for standard input)
    int index = 0; // position of the message inside its source (mbox), from 0
    MessageKind kind = MessageKind::NotBounce;
    QString reportingMta;
    QString arrivalDate;
    QString subject; // the bounce's own subject, decoded
    QString from; // the bounce's own sender, decoded
    QString date; // the bounce's own Date header
    QString notice; // the opening notice: the text of its spans, joined (see NoticeLocator)
    NoticeKind noticeKind = NoticeKind::None;
    OriginalMessage original;
    QString displayText; // decoded human-readable text plus the delivery-status block
    QList<Span> spans;
    QList<RecipientResult> recipients;
    QStringList warnings; // read, but not all of it is shown (e.g. a report too long to list)
    QString error; // non-empty when the input could not be read or analysed
    AnalysisError errorCode = AnalysisError::None; // why, when `error` is set

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    // The exact characters a span covers.
    [[nodiscard]] QString spanText(const Span &span) const
    {
        return displayText.mid(span.start, span.length);
    }

    friend bool operator==(const MessageAnalysis &, const MessageAnalysis &) = default;
};

[[nodiscard]] QString toString(MessageKind kind);
[[nodiscard]] QString toString(SpanRole role);
// The stable identifier of a notice kind: "not-delivered", "delayed", "warning", "autoreply",
// "feedback", "delivered", "subject"; "" for None.
[[nodiscard]] QString toString(NoticeKind kind);

} // namespace bouncelens

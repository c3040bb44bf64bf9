#include "ReasonClassifier.h"

namespace bouncelens {

// First rough version: decides from the enhanced status code and the action only. The phrase
// rules of the classification issue replace this.
void ReasonClassifier::classify(RecipientResult &r, const ClassificationContext &context)
{
    r.permanent = r.status.startsWith(QLatin1Char('5')) || r.replyCode.startsWith(QLatin1Char('5'))
        || (r.action == QLatin1String("failed") && !r.status.startsWith(QLatin1Char('4'))
            && !r.replyCode.startsWith(QLatin1Char('4')));
    switch (context.kind) {
    case MessageKind::Feedback:
        r.reason = QStringLiteral("feedback");
        r.permanent = false;
        return;
    case MessageKind::AutoReply:
        r.reason = QStringLiteral("vacation");
        r.permanent = false;
        return;
    case MessageKind::Delivered:
        r.reason = QStringLiteral("delivered");
        r.permanent = false;
        return;
    default:
        break;
    }
    static const struct { const char *status; const char *reason; } byStatus[] = {
        {"5.1.1", "userunknown"}, {"5.1.2", "hostunknown"}, {"5.2.2", "mailboxfull"},
        {"4.2.2", "mailboxfull"}, {"5.2.1", "suspend"},     {"5.3.4", "emailtoolarge"},
        {"5.2.3", "emailtoolarge"}, {"4.4.7", "expired"},   {"5.4.7", "expired"},
        {"5.1.6", "hasmoved"},    {"5.7.1", "rejected"},    {"5.1.0", "userunknown"},
    };
    for (const auto &entry : byStatus) {
        if (r.status == QLatin1String(entry.status)) {
            r.reason = QString::fromLatin1(entry.reason);
            r.evidence = {QStringLiteral("status"), r.status, QStringLiteral("status")};
            break;
        }
    }
    if (r.reason.isEmpty())
        r.reason = context.kind == MessageKind::Delay ? QStringLiteral("expired") : QStringLiteral("undefined");
    r.hardBounce = r.permanent
        && (r.reason == QLatin1String("userunknown") || r.reason == QLatin1String("hostunknown")
            || r.reason == QLatin1String("hasmoved"));
}

} // namespace bouncelens

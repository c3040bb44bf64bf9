#include "ReasonLabels.h"

namespace bouncelens {

namespace {

struct ReasonName
{
    const char *reason;
    const char *label;
};

// Kept in the order of DESIGN.md's list so a missing one is easy to spot.
constexpr ReasonName kReasons[] = {
    {"userunknown", QT_TRANSLATE_NOOP("ReasonLabels", "Address does not exist")},
    {"hostunknown", QT_TRANSLATE_NOOP("ReasonLabels", "Domain does not exist")},
    {"mailboxfull", QT_TRANSLATE_NOOP("ReasonLabels", "Mailbox full")},
    {"filtered", QT_TRANSLATE_NOOP("ReasonLabels", "Refused by a filter")},
    {"rejected", QT_TRANSLATE_NOOP("ReasonLabels", "Sender rejected")},
    {"blocked", QT_TRANSLATE_NOOP("ReasonLabels", "Sending server blocked")},
    {"expired", QT_TRANSLATE_NOOP("ReasonLabels", "Delivery time expired")},
    {"suspend", QT_TRANSLATE_NOOP("ReasonLabels", "Mailbox suspended")},
    {"hasmoved", QT_TRANSLATE_NOOP("ReasonLabels", "Recipient has moved")},
    {"policyviolation", QT_TRANSLATE_NOOP("ReasonLabels", "Policy violation")},
    {"spamdetected", QT_TRANSLATE_NOOP("ReasonLabels", "Judged as spam")},
    {"virusdetected", QT_TRANSLATE_NOOP("ReasonLabels", "Virus detected")},
    {"contenterror", QT_TRANSLATE_NOOP("ReasonLabels", "Content not accepted")},
    {"emailtoolarge", QT_TRANSLATE_NOOP("ReasonLabels", "Message too large")},
    {"ratelimited", QT_TRANSLATE_NOOP("ReasonLabels", "Too many messages (rate limit)")},
    {"authfailure", QT_TRANSLATE_NOOP("ReasonLabels", "Sender authentication failed")},
    {"badreputation", QT_TRANSLATE_NOOP("ReasonLabels", "Poor sender reputation")},
    {"requireptr", QT_TRANSLATE_NOOP("ReasonLabels", "Sending server lacks reverse DNS")},
    {"failedstarttls", QT_TRANSLATE_NOOP("ReasonLabels", "Encryption (STARTTLS) failed")},
    {"securityerror", QT_TRANSLATE_NOOP("ReasonLabels", "Security error")},
    {"norelaying", QT_TRANSLATE_NOOP("ReasonLabels", "Relaying denied")},
    {"notaccept", QT_TRANSLATE_NOOP("ReasonLabels", "Domain accepts no mail")},
    {"notcompliantrfc", QT_TRANSLATE_NOOP("ReasonLabels", "Message breaks the standards")},
    {"networkerror", QT_TRANSLATE_NOOP("ReasonLabels", "Network error")},
    {"systemerror", QT_TRANSLATE_NOOP("ReasonLabels", "Server error")},
    {"systemfull", QT_TRANSLATE_NOOP("ReasonLabels", "Server disk full")},
    {"mailererror", QT_TRANSLATE_NOOP("ReasonLabels", "Mail program error")},
    {"syntaxerror", QT_TRANSLATE_NOOP("ReasonLabels", "Command syntax error")},
    {"suppressed", QT_TRANSLATE_NOOP("ReasonLabels", "On a suppression list")},
    {"onhold", QT_TRANSLATE_NOOP("ReasonLabels", "On hold")},
    {"undefined", QT_TRANSLATE_NOOP("ReasonLabels", "Cause unclear")},
    {"delivered", QT_TRANSLATE_NOOP("ReasonLabels", "Delivered")},
    {"feedback", QT_TRANSLATE_NOOP("ReasonLabels", "Spam complaint")},
    {"vacation", QT_TRANSLATE_NOOP("ReasonLabels", "Automatic reply")},
};

} // namespace

QString ReasonLabels::reason(const QString &reason)
{
    for (const ReasonName &r : kReasons)
        if (reason == QLatin1String(r.reason))
            return tr(r.label);
    // A reason newer than this list: its technical name is still better than nothing.
    return reason.isEmpty() ? tr("Cause unclear") : reason;
}

QString ReasonLabels::kind(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Bounce: return tr("Bounce");
    case MessageKind::Delay: return tr("Delay notice");
    case MessageKind::Feedback: return tr("Spam complaint report");
    case MessageKind::AutoReply: return tr("Automatic reply");
    case MessageKind::Delivered: return tr("Delivery report");
    case MessageKind::NotBounce: break;
    }
    return tr("Not a bounce");
}

QString ReasonLabels::verdict(bool permanent)
{
    return permanent ? tr("Permanent failure") : tr("Temporary failure");
}

QString ReasonLabels::verdictInSentence(bool permanent)
{
    return permanent ? tr("permanent failure", "after a dash in a headline")
                     : tr("temporary failure", "after a dash in a headline");
}

} // namespace bouncelens

#include "analysis/AnalysisResult.h"

namespace bouncelens {

QString toString(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Bounce: return QStringLiteral("bounce");
    case MessageKind::Delay: return QStringLiteral("delay");
    case MessageKind::Feedback: return QStringLiteral("feedback");
    case MessageKind::AutoReply: return QStringLiteral("autoreply");
    case MessageKind::Delivered: return QStringLiteral("delivered");
    case MessageKind::NotBounce: break;
    }
    return QStringLiteral("not-bounce");
}

QString toString(SpanRole role)
{
    switch (role) {
    case SpanRole::Notice: return QStringLiteral("notice");
    case SpanRole::Recipient: return QStringLiteral("recipient");
    case SpanRole::ReplyCode: return QStringLiteral("reply-code");
    case SpanRole::StatusCode: return QStringLiteral("status-code");
    case SpanRole::ServerText: break;
    }
    return QStringLiteral("server-text");
}

QString toString(NoticeKind kind)
{
    switch (kind) {
    case NoticeKind::NotDelivered: return QStringLiteral("not-delivered");
    case NoticeKind::Delayed: return QStringLiteral("delayed");
    case NoticeKind::Warning: return QStringLiteral("warning");
    case NoticeKind::AutoReply: return QStringLiteral("autoreply");
    case NoticeKind::Feedback: return QStringLiteral("feedback");
    case NoticeKind::Delivered: return QStringLiteral("delivered");
    case NoticeKind::Subject: return QStringLiteral("subject");
    case NoticeKind::None: break;
    }
    return {};
}

} // namespace bouncelens

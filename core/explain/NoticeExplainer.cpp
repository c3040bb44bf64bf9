#include "explain/NoticeExplainer.h"

#include "explain/KnowledgeBase.h"

namespace bouncelens {

NoticeKind NoticeExplainer::kindFor(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Bounce: return NoticeKind::NotDelivered;
    case MessageKind::Delay: return NoticeKind::Delayed;
    case MessageKind::Feedback: return NoticeKind::Feedback;
    case MessageKind::AutoReply: return NoticeKind::AutoReply;
    case MessageKind::Delivered: return NoticeKind::Delivered;
    case MessageKind::NotBounce: break;
    }
    return NoticeKind::None;
}

NoticeExplanation NoticeExplainer::explain(const MessageAnalysis &message, Language language)
{
    NoticeExplanation x;
    if (message.notice.isEmpty() || message.noticeKind == NoticeKind::None)
        return x;
    const KnowledgeBase &kb = KnowledgeBase::builtIn();
    const QString lang = languageCode(language);
    x.text = message.notice;
    x.kind = toString(message.noticeKind);
    // A subject line stands in for a notice: say so, then what the message itself is.
    const bool subject = message.noticeKind == NoticeKind::Subject;
    const NoticeKind meant = subject ? kindFor(message.kind) : message.noticeKind;
    const KnowledgeEntry *entry = kb.notice(toString(meant));
    if (entry) {
        x.title = entry->text(QStringLiteral("title"), lang);
        x.meaning = entry->text(QStringLiteral("meaning"), lang);
    }
    if (subject)
        if (const KnowledgeEntry *note = kb.notice(x.kind)) {
            const QString said = note->text(QStringLiteral("meaning"), lang);
            // Sentences that end with a full stop of their own script need no space after it.
            const bool spaced = !said.endsWith(u'。');
            x.meaning
                = x.meaning.isEmpty() ? said : said + (spaced ? QStringLiteral(" ") : QString()) + x.meaning;
        }
    return x;
}

} // namespace bouncelens

#pragma once

#include "analysis/AnalysisResult.h"
#include "explain/BounceExplainer.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace bouncelens {

// A reply to the customer about one bounced recipient, ready to edit and send.
struct ReplyDraft
{
    QString group; // the template group used: address, mailbox, content, size, sender, temporary, delay,
                   // info, other
    QString to; // the customer: the returned original's sender, "" when the bounce does not name one
    QString subject;
    QString body;
};

// Composes the reply a support desk sends its customer about a bounced recipient, from the
// templates in resources/knowledge/reply-templates.json (compiled in as :/knowledge): one group
// of reasons per template, a letter layout per language, the date, subject and recipient as
// BounceExplainer fills them, the reason's plain-language title as what happened, and the
// "did you mean" note (AddressSuggester) when there is one. Every placeholder is filled.
class ReplyComposer
{
public:
    [[nodiscard]] static ReplyDraft compose(
        const MessageAnalysis &message, const RecipientResult &recipient, Language language);
    // Which template group answers this recipient (a delay notice is "delay" whatever its reason).
    [[nodiscard]] static QString groupOf(const MessageAnalysis &message, const RecipientResult &recipient);
    // The groups the templates define, in file order.
    [[nodiscard]] static QStringList groups();
    // "" when the templates loaded, else what went wrong.
    [[nodiscard]] static QString loadError();
    // mailto: with the subject and body (RFC 6068: CRLF line breaks, percent-encoded UTF-8).
    [[nodiscard]] static QUrl mailto(const ReplyDraft &draft);
};

} // namespace bouncelens

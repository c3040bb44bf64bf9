#pragma once

#include "analysis/AnalysisResult.h"
#include "explain/BounceExplainer.h"

namespace bouncelens {

// What the opening notice of a message says, in one language: the notice as the message words
// it, and one line saying what it means (from notices.json), so that a Japanese reader of an
// English notice, or the other way round, knows at once what kind of message this is.
struct NoticeExplanation
{
    QString text; // the notice, verbatim ("" when the message has none)
    QString kind; // notice_kind: "not-delivered", "delayed", ..., "subject"
    QString title; // the kind's short name: "Not delivered" / 「配信できなかった通知」
    QString meaning; // "This is a notice that your message could not be delivered."

    [[nodiscard]] bool isEmpty() const { return text.isEmpty(); }
};

class NoticeExplainer
{
public:
    [[nodiscard]] static NoticeExplanation explain(const MessageAnalysis &message, Language language);
    // The notice kind that a message of `kind` stands for when its subject line is the notice.
    [[nodiscard]] static NoticeKind kindFor(MessageKind kind);
};

} // namespace bouncelens

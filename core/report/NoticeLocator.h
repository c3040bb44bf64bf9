#pragma once

#include "analysis/AnalysisResult.h"

namespace bouncelens {

// The opening notice and what kind it is (see NoticeLocator::locate).
struct NoticeResult
{
    QList<Span> spans; // role Notice, in text order: an introduction line, then the notice
    NoticeKind kind = NoticeKind::None;

    [[nodiscard]] bool found() const { return !spans.isEmpty(); }
};

// Finds the opening notice of a returned message: the sentence near the top of its own words
// that says the message was not delivered, is delayed, is only a warning, is an automatic reply
// or a feedback report (NoticePhrases, in many languages), plus the introduction line before it
// ("This is the mail system at host X."), as one span when they share a paragraph, else two. The
// notice is a few sentences at most and never reaches the per-recipient details: it ends before
// the first line that opens with an address or holds the server's reply. Only the first
// kWindow characters are read, each once, with fixed phrases: linear time, no patterns.
class NoticeLocator
{
public:
    static constexpr qsizetype kWindow = 8192;

    // `text` is the display text; the notice is looked for in [0, end) (the bounce's own words).
    // `details` are the other spans already located (recipients, codes, server text), sorted by
    // start: the notice stops before them. `kind` decides which notices fit: a bounce's or a
    // delay's notice says not delivered / delayed / warning, an auto-reply's says it is one.
    [[nodiscard]] static NoticeResult locate(
        QStringView text, qsizetype end, const QList<Span> &details, MessageKind kind);

    // The notice kinds a message of `kind` can carry.
    [[nodiscard]] static bool fits(NoticeKind notice, MessageKind kind);
};

} // namespace bouncelens

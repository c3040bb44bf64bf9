#pragma once

#include "analysis/AnalysisResult.h"

namespace bouncelens {

// The returned message's own header fields, shown at the top of the display text ("From: ...",
// "Date: ...", "Subject: ..."): the reader sees which message this is, and where the text has no
// notice sentence, its subject line is the notice and is highlighted there.
class DisplayHeader
{
public:
    struct Fields
    {
        QString from;
        QString to;
        QString date;
        QString subject;
    };

    // Longer values are cut: a header block is read at a glance.
    static constexpr qsizetype kMaxValue = 998;

    // Puts the block (field lines, then a blank line) before `analysis.displayText` and moves
    // every span by its length, so each still covers the same characters. Returns the range of
    // the subject's value in the new display text, as a notice span (length 0: no subject).
    static Span prepend(MessageAnalysis &analysis, const Fields &fields);
};

} // namespace bouncelens

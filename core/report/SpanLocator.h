#pragma once

#include "analysis/AnalysisResult.h"
#include "classify/PhraseMatcher.h"

namespace bouncelens {

// Finds where each recipient, its codes and the server's words stand in the display
// text, so the viewer highlights the exact characters. Searches are bounded to the first
// kSearchLimit characters: beyond that nobody reads, and hostile inputs stay linear.
class SpanLocator
{
public:
    static constexpr qsizetype kSearchLimit = 1 << 20;

    // `bounceTextEnd` is where the returned original starts in the display text (spans prefer
    // the bounce's own words); `statusBlockStart` is where the delivery-status block starts
    // (display text size when there is none).
    [[nodiscard]] static QList<Span> locate(
        const MessageAnalysis &analysis, qsizetype bounceTextEnd, qsizetype statusBlockStart);

    // `needle` in `haystack` at or after `from`, where any run of whitespace in either side
    // matches any run in the other. Returns the start and sets `length` (in the haystack).
    [[nodiscard]] static qsizetype indexOfLoose(
        QStringView haystack, QStringView needle, qsizetype from, qsizetype &length);

    // The markers of a bounce's opening words (BounceMarkers::noticeStarts), ready to search: they
    // tell a bounce written for people; the notice itself is NoticeLocator's.
    [[nodiscard]] static const PhraseMatcher &noticeMatcher();
};

} // namespace bouncelens

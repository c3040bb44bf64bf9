#pragma once

#include "analysis/AnalysisResult.h"

#include <QCoreApplication>
#include <QList>
#include <QTextCharFormat>

class QPalette;

namespace bouncelens {

// How each span role looks in the message view and its legend. Every role differs in weight,
// slant or underline style as well as in colour, so nobody has to tell colours apart; the
// colours are derived from the palette's lightness so they stay readable in dark mode.
class SpanStyle
{
    Q_DECLARE_TR_FUNCTIONS(SpanStyle)

public:
    // The roles in the order the legend lists them.
    [[nodiscard]] static QList<SpanRole> roles();

    // The character format of a span. The anchor (for click handling) is added by the view.
    [[nodiscard]] static QTextCharFormat format(SpanRole role, const QPalette &palette);
    [[nodiscard]] static QColor background(SpanRole role, const QPalette &palette);
    [[nodiscard]] static QTextCharFormat::UnderlineStyle underline(SpanRole role);
    [[nodiscard]] static int weight(SpanRole role);

    // The short legend label ("Reply code") and the tooltip saying what the part is.
    [[nodiscard]] static QString name(SpanRole role);
    [[nodiscard]] static QString description(SpanRole role);

    [[nodiscard]] static bool isDark(const QPalette &palette);
};

} // namespace bouncelens

#pragma once
// Lines of a decoded bounce text by position: where the line holding a position starts and ends,
// and its text. Bounded, so that scans per address stay linear on hostile one-line texts.
#include <QString>
#include <QStringView>

namespace bouncelens::textlines {

// Lines longer than this are cut where the look-back ends.
constexpr qsizetype kMaxLineLookBack = 4096;

// Diagnostics built from the text keep their start only: the classifier and the spans read the
// beginning, and a hostile one-line text must not be copied whole per recipient.
constexpr qsizetype kMaxDiagnosticChars = 8 * 1024;

[[nodiscard]] inline qsizetype lineStartOf(const QString &text, qsizetype pos)
{
    if (pos <= 0)
        return 0;
    const qsizetype from = qMax<qsizetype>(0, pos - kMaxLineLookBack);
    const qsizetype nl = QStringView(text).mid(from, pos - from).lastIndexOf(QLatin1Char('\n'));
    return nl < 0 ? from : from + nl + 1;
}

// The position of the '\n' that ends the line holding `pos`, or text.size().
[[nodiscard]] inline qsizetype lineEndOf(const QString &text, qsizetype pos)
{
    const qsizetype nl = text.indexOf(QLatin1Char('\n'), pos);
    return nl < 0 ? text.size() : nl;
}

// The line holding `pos`, without its '\n', at most kMaxDiagnosticChars long.
[[nodiscard]] inline QString lineAt(const QString &text, qsizetype pos)
{
    const qsizetype s = lineStartOf(text, pos);
    return text.mid(s, qMin(lineEndOf(text, pos) - s, kMaxDiagnosticChars));
}

[[nodiscard]] inline bool isBlankLine(QStringView line)
{
    for (const QChar c : line)
        if (!c.isSpace())
            return false;
    return true;
}

} // namespace bouncelens::textlines

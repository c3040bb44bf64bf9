#pragma once

#include "BarChart.h"
#include "explain/BounceExplainer.h"
#include "export/BounceSummary.h"

#include <QCoreApplication>
#include <QImage>

class QPainter;

namespace bouncelens {

// The summary as charts, in one language: the bars the summary view shows and the PNG and PDF
// exports draw, so the window and the files always show the same thing.
class SummaryReport
{
    Q_DECLARE_TR_FUNCTIONS(SummaryReport)

public:
    // One chart: its title, style and bars. `facet` says what a click on a bar filters by.
    enum class Facet { Reason, Domain, Day, Kind, Failure };
    struct Chart
    {
        Facet facet = Facet::Reason;
        QString title;
        BarChart::Style style = BarChart::Style::Horizontal;
        QList<BarChart::Bar> bars;
    };

    SummaryReport(const BounceSummary &summary, Language language);

    [[nodiscard]] const BounceSummary &summary() const { return m_summary; }
    [[nodiscard]] Chart chart(Facet facet) const;
    // The failure chart's keys (hard, soft, permanent, temporary).
    static inline const QString kHard = QStringLiteral("hard");
    static inline const QString kSoft = QStringLiteral("soft");
    static inline const QString kPermanent = QStringLiteral("permanent");
    static inline const QString kTemporary = QStringLiteral("temporary");

    [[nodiscard]] QString title() const;
    // "22 messages · 21 recipients · 11 hard bounces (52%)"
    [[nodiscard]] QString totals() const;

    // The whole report drawn at `width` logical pixels (light palette, like paper).
    [[nodiscard]] QImage toImage(int width = 1100, qreal scale = 2.0) const;
    [[nodiscard]] bool writePng(const QString &path, QString *error) const;
    [[nodiscard]] bool writePdf(const QString &path, QString *error) const;

private:
    // Draws from `top` and returns where it ended; with `pageHeight` > 0 a chart that does not
    // fit on the page starts a new one (newPage is then called).
    qreal paint(QPainter &painter, qreal width, const std::function<bool()> &newPage = {},
        qreal pageHeight = 0) const;
    [[nodiscard]] qreal height(qreal width) const;

    BounceSummary m_summary;
    Language m_language;
};

} // namespace bouncelens

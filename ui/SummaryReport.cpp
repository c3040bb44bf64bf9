#include "SummaryReport.h"

#include "Logging.h"
#include "export/SummaryWriter.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <functional>

namespace bouncelens {

namespace {

// Paper colours whatever the desktop theme: exports are read on white.
QPalette paperPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb3));
    return p;
}

// Sizes in pixels of the logical page, so that the PNG and the PDF (whatever its resolution)
// lay out alike.
QFont reportFont(int pixelSize)
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(pixelSize);
    return f;
}

QString percent(qint64 part, qint64 whole)
{
    return whole > 0 ? QLocale().toString(100.0 * double(part) / double(whole), 'f', 0) + QLatin1Char('%')
                     : QString();
}

constexpr qreal kGap = 18;

} // namespace

SummaryReport::SummaryReport(const BounceSummary &summary, Language language)
    : m_summary(summary)
    , m_language(language)
{ }

SummaryReport::Chart SummaryReport::chart(Facet facet) const
{
    Chart c;
    c.facet = facet;
    const BounceSummary &s = m_summary;
    switch (facet) {
    case Facet::Reason:
        c.title = tr("Recipients by reason");
        for (const SummaryCount &n : BounceSummary::sorted(s.byReason))
            c.bars.append({n.key, SummaryWriter::reasonTitle(n.key, m_language), n.count});
        break;
    case Facet::Domain:
        c.title = tr("Recipients by domain (top 20)");
        for (const SummaryCount &n : s.topDomains())
            c.bars.append({n.key, SummaryWriter::domainLabel(n.key), n.count});
        break;
    case Facet::Day:
        c.title = tr("Messages per day");
        c.style = BarChart::Style::Timeline;
        for (const SummaryCount &n : s.timeline())
            c.bars.append({n.key, n.key, n.count});
        break;
    case Facet::Kind:
        c.title = tr("Messages by kind");
        for (const SummaryCount &n : BounceSummary::sorted(s.kinds))
            c.bars.append({n.key, SummaryWriter::kindLabel(n.key), n.count});
        break;
    case Facet::Failure:
        c.title = tr("Hard or soft, permanent or temporary");
        c.bars = {{kHard, tr("Hard bounces (do not mail again)"), s.hardBounces},
            {kSoft, tr("Soft bounces"), s.softBounces}, {kPermanent, tr("Permanent failures"), s.permanent},
            {kTemporary, tr("Temporary failures"), s.temporary}};
        break;
    }
    return c;
}

QString SummaryReport::title() const
{
    return tr("Bounce summary");
}

QString SummaryReport::totals() const
{
    const BounceSummary &s = m_summary;
    QString text = tr("%1 messages · %2 recipients · %3 hard bounces (%4)")
                       .arg(QLocale().toString(s.messages), QLocale().toString(s.recipients),
                           QLocale().toString(s.hardBounces), percent(s.hardBounces, s.recipients));
    if (s.unreadable > 0)
        text += tr(" · %1 could not be read").arg(QLocale().toString(s.unreadable));
    return text;
}

qreal SummaryReport::height(qreal width) const
{
    QImage scratch(1, 1, QImage::Format_ARGB32);
    QPainter p(&scratch);
    return paint(p, width);
}

qreal SummaryReport::paint(
    QPainter &p, qreal width, const std::function<bool()> &newPage, qreal pageHeight) const
{
    const QPalette palette = paperPalette();
    const QFont body = reportFont(13);
    QFont heading = reportFont(16);
    heading.setBold(true);
    QFont big = reportFont(22);
    big.setBold(true);
    const QFontMetricsF hm(heading);
    qreal y = 0;

    p.setPen(palette.color(QPalette::WindowText));
    p.setFont(big);
    p.drawText(QRectF(0, y, width, QFontMetricsF(big).height()), Qt::AlignLeft, title());
    y += QFontMetricsF(big).height() + 4;
    p.setFont(body);
    p.drawText(QRectF(0, y, width, QFontMetricsF(body).height()), Qt::AlignLeft, totals());
    y += QFontMetricsF(body).height() + kGap;

    for (Facet facet : {Facet::Reason, Facet::Domain, Facet::Day, Facet::Failure, Facet::Kind}) {
        const Chart c = chart(facet);
        if (c.bars.isEmpty())
            continue;
        const qreal h = hm.height() + 6 + BarChart::heightFor(c.style, int(c.bars.size()), body);
        if (pageHeight > 0 && y + h > pageHeight && y > 0 && newPage && newPage())
            y = 0;
        p.setFont(heading);
        p.setPen(palette.color(QPalette::WindowText));
        p.drawText(QRectF(0, y, width, hm.height()), Qt::AlignLeft, c.title);
        y += hm.height() + 6;
        const qreal chartHeight = BarChart::heightFor(c.style, int(c.bars.size()), body);
        BarChart::paint(p, QRectF(0, y, width, chartHeight), c.style, c.bars, QString(), -1, palette, body);
        y += chartHeight + kGap;
    }
    return y;
}

QImage SummaryReport::toImage(int width, qreal scale) const
{
    const int margin = 32;
    const qreal h = height(width - 2 * margin);
    QImage image(QSize(width, int(h) + 2 * margin) * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter p(&image);
    p.translate(margin, margin);
    paint(p, width - 2 * margin);
    return image;
}

bool SummaryReport::writePng(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !toImage().save(&file, "PNG") || !file.commit()) {
        qCWarning(lcExport).noquote() << "could not write" << path << ':' << file.errorString();
        if (error)
            *error = file.errorString();
        return false;
    }
    qCDebug(lcExport).noquote() << "wrote summary PNG" << path << QFileInfo(path).size() << "bytes";
    return true;
}

bool SummaryReport::writePdf(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcExport).noquote() << "could not write" << path << ':' << file.errorString();
        if (error)
            *error = file.errorString();
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(title());
        writer.setCreator(QStringLiteral("BounceLens"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        writer.setResolution(300);
        QPainter p(&writer);
        // Lay out at a screen-like width, scaled to the page.
        const qreal logicalWidth = 700;
        const qreal scale = writer.width() / logicalWidth;
        p.scale(scale, scale);
        paint(
            p, logicalWidth, [&writer] { return writer.newPage(); }, writer.height() / scale);
    }
    if (!file.commit()) {
        qCWarning(lcExport).noquote() << "could not write" << path << ':' << file.errorString();
        if (error)
            *error = file.errorString();
        return false;
    }
    qCDebug(lcExport).noquote() << "wrote summary PDF" << path << QFileInfo(path).size() << "bytes";
    return true;
}

} // namespace bouncelens

#include "BarChart.h"

#include "SpanStyle.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace bouncelens {

namespace {

constexpr int kTimelineHeight = 120;

int rowHeight(const QFont &font)
{
    return QFontMetrics(font).height() + 10;
}

qint64 maxCount(const QList<BarChart::Bar> &bars)
{
    qint64 m = 1;
    for (const BarChart::Bar &b : bars)
        m = std::max(m, b.count);
    return m;
}

// The bar colour: the palette's highlight, softened so the labels stay the first thing read.
QColor barColour(const QPalette &p, bool accent, bool hovered)
{
    const QColor h = p.color(QPalette::Highlight);
    if (accent)
        return h.darker(SpanStyle::isDark(p) ? 80 : 130);
    QColor c = h;
    c.setAlphaF(hovered ? 0.95f : 0.7f);
    return c;
}

} // namespace

BarChart::BarChart(Style style, QWidget *parent)
    : QWidget(parent)
    , m_style(style)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
}

void BarChart::setBars(const QList<Bar> &bars)
{
    m_bars = bars;
    m_hovered = -1;
    m_focused = std::min<int>(m_focused, int(m_bars.size()) - 1);
    updateGeometry();
    update();
}

void BarChart::setSelected(const QString &key)
{
    m_selected = key;
    update();
}

int BarChart::heightFor(Style style, int barCount, const QFont &font)
{
    if (style == Style::Timeline)
        return kTimelineHeight + QFontMetrics(font).height() * 2;
    return std::max(1, barCount) * rowHeight(font) + 4;
}

QSize BarChart::sizeHint() const
{
    return {480, heightFor(m_style, int(m_bars.size()), font())};
}

QSize BarChart::minimumSizeHint() const
{
    return {240, heightFor(m_style, int(m_bars.size()), font())};
}

QList<QRectF> BarChart::hitRects(const QRectF &rect, Style style, int barCount, const QFont &font)
{
    QList<QRectF> rects;
    if (style == Style::Horizontal) {
        const int h = rowHeight(font);
        for (int i = 0; i < barCount; ++i)
            rects << QRectF(rect.left(), rect.top() + i * h, rect.width(), h);
        return rects;
    }
    const QFontMetrics fm(font);
    const qreal left = rect.left() + fm.horizontalAdvance(QStringLiteral("00000")) + 6;
    const qreal width = std::max<qreal>(1, rect.right() - left);
    const qreal step = barCount > 0 ? width / barCount : width;
    const qreal top = rect.top() + fm.height();
    const qreal bottom = rect.bottom() - fm.height() - 4;
    for (int i = 0; i < barCount; ++i)
        rects << QRectF(left + i * step, top, step, bottom - top);
    return rects;
}

void BarChart::paint(QPainter &p, const QRectF &rect, Style style, const QList<Bar> &bars,
    const QString &selected, int hovered, const QPalette &palette, const QFont &font)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(font);
    const QFontMetrics fm(font);
    const QColor text = palette.color(QPalette::WindowText);
    QColor faint = text;
    faint.setAlphaF(0.55f);
    const qint64 top = maxCount(bars);
    const QList<QRectF> rects = hitRects(rect, style, int(bars.size()), font);

    if (style == Style::Horizontal) {
        // Labels take up to 45% of the width; the bar and its count share the rest.
        int labelWidth = 0;
        for (const Bar &b : bars)
            labelWidth = std::max(labelWidth, fm.horizontalAdvance(b.label));
        labelWidth = std::min<int>(labelWidth, int(rect.width() * 0.45));
        const int countWidth = fm.horizontalAdvance(QLocale().toString(top)) + 10;
        const qreal barLeft = rect.left() + labelWidth + 12;
        const qreal barSpace = std::max<qreal>(4, rect.right() - barLeft - countWidth);
        for (qsizetype i = 0; i < bars.size(); ++i) {
            const Bar &b = bars.at(i);
            const QRectF row = rects.at(i);
            if (i == hovered) {
                QColor hl = palette.color(QPalette::Highlight);
                hl.setAlphaF(0.12f);
                p.fillRect(row, hl);
            }
            p.setPen(b.key == selected ? palette.color(QPalette::Highlight).darker(130) : text);
            QFont f = font;
            f.setBold(b.key == selected);
            p.setFont(f);
            p.drawText(QRectF(row.left() + 4, row.top(), labelWidth, row.height()),
                Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(b.label, Qt::ElideRight, labelWidth));
            p.setFont(font);
            const qreal w = std::max<qreal>(2, barSpace * qreal(b.count) / qreal(top));
            const QRectF bar(barLeft, row.top() + 4, w, row.height() - 8);
            QPainterPath path;
            path.addRoundedRect(bar, 3, 3);
            p.fillPath(path, barColour(palette, b.key == selected, i == hovered));
            p.setPen(text);
            p.drawText(QRectF(bar.right() + 6, row.top(), countWidth, row.height()),
                Qt::AlignVCenter | Qt::AlignLeft, QLocale().toString(b.count));
        }
        p.restore();
        return;
    }

    // Timeline: the scale on the left, a bar per day, dates under it where they fit.
    const qreal axisLeft = rects.isEmpty() ? rect.left() : rects.first().left();
    const qreal baseY = rects.isEmpty() ? rect.bottom() : rects.first().bottom();
    const qreal topY = rects.isEmpty() ? rect.top() : rects.first().top();
    QPen gridPen(faint, 1, Qt::DotLine);
    for (int g = 0; g <= 2; ++g) {
        const qreal y = baseY - (baseY - topY) * g / 2.0;
        p.setPen(gridPen);
        p.drawLine(QPointF(axisLeft, y), QPointF(rect.right(), y));
        p.setPen(faint);
        p.drawText(QRectF(rect.left(), y - fm.height() / 2.0, axisLeft - rect.left() - 6, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(qint64(std::llround(top * g / 2.0))));
    }
    const qreal labelWidth = fm.horizontalAdvance(QStringLiteral("00-00")) + 8;
    int every = 1;
    if (!rects.isEmpty())
        every = std::max(1, int(std::ceil(labelWidth / rects.first().width())));
    for (qsizetype i = 0; i < bars.size(); ++i) {
        const Bar &b = bars.at(i);
        const QRectF slot = rects.at(i);
        const qreal gap = std::min<qreal>(slot.width() * 0.2, 6);
        const qreal h = (slot.height()) * qreal(b.count) / qreal(top);
        if (b.count > 0) {
            const QRectF bar(slot.left() + gap / 2, baseY - h, std::max<qreal>(1, slot.width() - gap), h);
            QPainterPath path;
            path.addRoundedRect(bar, 2, 2);
            p.fillPath(path, barColour(palette, b.key == selected, i == hovered));
        }
        if (i % every == 0) {
            p.setPen(b.key == selected ? text : faint);
            p.drawText(QRectF(slot.center().x() - labelWidth / 2, baseY + 4, labelWidth, fm.height()),
                Qt::AlignHCenter | Qt::AlignTop, b.label.right(5));
        }
    }
    p.setPen(faint);
    p.drawLine(QPointF(axisLeft, baseY), QPointF(rect.right(), baseY));
    p.restore();
}

void BarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(p, QRectF(rect()).adjusted(0, 0, -1, -1), m_style, m_bars, m_selected,
        m_hovered >= 0 ? m_hovered : (hasFocus() ? m_focused : -1), palette(), font());
}

QRect BarChart::barRect(int index) const
{
    const QList<QRectF> rects
        = hitRects(QRectF(rect()).adjusted(0, 0, -1, -1), m_style, int(m_bars.size()), font());
    return index >= 0 && index < rects.size() ? rects.at(index).toAlignedRect() : QRect();
}

int BarChart::barAt(const QPoint &pos) const
{
    const QList<QRectF> rects
        = hitRects(QRectF(rect()).adjusted(0, 0, -1, -1), m_style, int(m_bars.size()), font());
    for (qsizetype i = 0; i < rects.size(); ++i)
        if (rects.at(i).contains(pos))
            return int(i);
    return -1;
}

void BarChart::mouseMoveEvent(QMouseEvent *event)
{
    const int at = barAt(event->position().toPoint());
    if (at != m_hovered) {
        m_hovered = at;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void BarChart::mousePressEvent(QMouseEvent *event)
{
    const int at = barAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && at >= 0) {
        m_focused = at;
        emit barClicked(m_bars.at(at).key);
        return;
    }
    QWidget::mousePressEvent(event);
}

void BarChart::leaveEvent(QEvent *event)
{
    m_hovered = -1;
    update();
    QWidget::leaveEvent(event);
}

// Arrow keys move between bars, Enter or Space filters by the focused one.
void BarChart::keyPressEvent(QKeyEvent *event)
{
    const int n = int(m_bars.size());
    const bool forward = event->key() == Qt::Key_Down || event->key() == Qt::Key_Right;
    const bool back = event->key() == Qt::Key_Up || event->key() == Qt::Key_Left;
    if (n > 0 && (forward || back)) {
        m_focused = std::clamp(m_focused + (forward ? 1 : -1), 0, n - 1);
        update();
        return;
    }
    if (m_focused >= 0 && m_focused < n
        && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
            || event->key() == Qt::Key_Space)) {
        emit barClicked(m_bars.at(m_focused).key);
        return;
    }
    QWidget::keyPressEvent(event);
}

bool BarChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int at = barAt(help->pos());
        if (at >= 0)
            QToolTip::showText(help->globalPos(),
                tr("%1: %2 (click to show only these in the table)")
                    .arg(m_bars.at(at).label, QLocale().toString(m_bars.at(at).count)),
                this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace bouncelens

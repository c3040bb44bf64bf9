#pragma once

#include <QFont>
#include <QList>
#include <QPalette>
#include <QWidget>

namespace bouncelens {

// A bar chart drawn with QPainter: horizontal bars with their labels (reasons, domains) or a
// vertical timeline (bounces per day). The same paint() draws the widget, the PNG and the PDF,
// so an export looks like the window. Clicking a bar emits barClicked(key); the bar whose key
// is selected() is drawn in the accent colour.
class BarChart : public QWidget
{
    Q_OBJECT

public:
    enum class Style { Horizontal, Timeline };
    struct Bar
    {
        QString key; // what a click filters by: "userunknown", "example.jp", "2026-11-24"
        QString label; // what is written next to the bar
        qint64 count = 0;
    };

    explicit BarChart(Style style, QWidget *parent = nullptr);

    void setBars(const QList<Bar> &bars);
    [[nodiscard]] const QList<Bar> &bars() const { return m_bars; }
    void setSelected(const QString &key);
    [[nodiscard]] QString selected() const { return m_selected; }

    // The area a bar answers clicks in, in widget coordinates (for tests and keyboard users).
    [[nodiscard]] QRect barRect(int index) const;
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

    // Draws `bars` into `rect`: the widget's paintEvent and the exports both call this.
    static void paint(QPainter &painter, const QRectF &rect, Style style, const QList<Bar> &bars,
        const QString &selected, int hovered, const QPalette &palette, const QFont &font);
    // The height paint() needs for `bars` at this font.
    [[nodiscard]] static int heightFor(Style style, int barCount, const QFont &font);

signals:
    void barClicked(const QString &key);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    [[nodiscard]] static QList<QRectF> hitRects(
        const QRectF &rect, Style style, int barCount, const QFont &font);
    [[nodiscard]] int barAt(const QPoint &pos) const;

    Style m_style;
    QList<Bar> m_bars;
    QString m_selected;
    int m_hovered = -1;
    int m_focused = -1;
};

} // namespace bouncelens

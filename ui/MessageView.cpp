#include "MessageView.h"

#include "SpanStyle.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace bouncelens {

namespace {

const QString kSpanScheme = QStringLiteral("span");

} // namespace

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_rawAction = new QAction(this);
    m_rawAction->setCheckable(true);
    m_rawAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(m_rawAction, &QAction::toggled, this, &MessageView::render);
    m_rawButton = new QToolButton(this);
    m_rawButton->setDefaultAction(m_rawAction);
    m_rawButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    // The legend is a tiny text browser so that it uses the very same character formats as the
    // message text: what the legend shows is exactly what the highlights look like.
    m_legend = new QTextBrowser(this);
    m_legend->setFrameShape(QFrame::NoFrame);
    m_legend->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_legend->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_legend->setFocusPolicy(Qt::NoFocus);
    m_legend->viewport()->setAutoFillBackground(false);
    m_legend->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_legend->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
        [this](const QSizeF &size) { m_legend->setFixedHeight(int(size.height()) + 2); });

    m_text = new QTextBrowser(this);
    m_text->setOpenLinks(false);
    m_text->setOpenExternalLinks(false);
    m_text->setLineWrapMode(QTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_text, &QTextBrowser::anchorClicked, this, &MessageView::onAnchorClicked);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_rawButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_legend);
    layout->addWidget(m_text, 1);

    retranslateUi();
}

void MessageView::setMessage(const LoadedMessage &message)
{
    m_message = message;
    m_hasMessage = true;
    render();
    m_text->verticalScrollBar()->setValue(0);
}

void MessageView::clear()
{
    m_message = {};
    m_hasMessage = false;
    render();
}

bool MessageView::showsRawSource() const
{
    return m_rawAction->isChecked();
}

QTextDocument *MessageView::document() const
{
    return m_text->document();
}

void MessageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange) {
        renderLegend();
        render();
    }
    QWidget::changeEvent(event);
}

void MessageView::retranslateUi()
{
    m_title->setText(tr("Message"));
    m_rawAction->setText(tr("Show &Raw Source"));
    m_rawAction->setToolTip(tr("Show the message exactly as it was read, headers and all (%1)")
                                .arg(m_rawAction->shortcut().toString(QKeySequence::NativeText)));
    m_text->setAccessibleName(tr("Message text"));
    m_text->setAccessibleDescription(tr("The bounce message with its important parts highlighted; "
                                        "activate a highlight to show its explanation."));
    m_legend->setAccessibleName(tr("Legend of the highlights"));
    renderLegend();
    // The tooltips inside the text are translated too: re-apply the formats (no re-parsing).
    render();
}

void MessageView::renderLegend()
{
    m_legend->clear();
    QTextCursor cursor(m_legend->document());
    QTextCharFormat plain;
    plain.setForeground(palette().color(QPalette::WindowText));
    cursor.insertText(tr("Highlights:") + QLatin1Char(' '), plain);
    const QList<SpanRole> roles = SpanStyle::roles();
    for (qsizetype i = 0; i < roles.size(); ++i) {
        if (i > 0)
            cursor.insertText(QStringLiteral("  "), plain);
        cursor.insertText(QLatin1Char(' ') + SpanStyle::name(roles.at(i)) + QLatin1Char(' '),
            SpanStyle::format(roles.at(i), palette()));
    }
}

void MessageView::render()
{
    const int scroll = m_text->verticalScrollBar()->value();
    m_legend->setVisible(!showsRawSource());
    if (!m_hasMessage) {
        m_text->setPlainText(QString());
        m_text->setPlaceholderText(
            tr("Drop bounced messages, an mbox or a folder here, or use File > Open."));
        return;
    }
    const MessageAnalysis &a = m_message.analysis;
    if (showsRawSource()) {
        // Raw bytes are shown as UTF-8: MIME keeps headers ASCII, and anything else is shown
        // as-is rather than guessed at; the decoded text is one click away.
        m_text->setPlainText(QString::fromUtf8(m_message.raw));
        m_text->verticalScrollBar()->setValue(scroll);
        return;
    }
    if (a.displayText.isEmpty()) {
        m_text->setPlainText(a.error.isEmpty() ? tr("This message has no readable text.") : a.error);
        return;
    }
    m_text->setPlainText(a.displayText);
    QTextCursor cursor(m_text->document());
    // Longer spans first so that shorter ones inside them (a recipient inside the server's
    // text) are drawn on top.
    QList<qsizetype> order;
    for (qsizetype i = 0; i < a.spans.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(),
        [&a](qsizetype l, qsizetype r) { return a.spans.at(l).length > a.spans.at(r).length; });
    const qsizetype end = a.displayText.size();
    for (qsizetype i : order) {
        const Span &span = a.spans.at(i);
        if (span.start < 0 || span.length <= 0 || span.start + span.length > end)
            continue; // a span outside the text would be a core bug; never crash the viewer on it
        QTextCharFormat format = SpanStyle::format(span.role, palette());
        format.setAnchor(true);
        format.setAnchorHref(kSpanScheme + QLatin1Char(':') + QString::number(i));
        cursor.setPosition(int(span.start));
        cursor.setPosition(int(span.start + span.length), QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    }
    m_text->verticalScrollBar()->setValue(scroll);
}

void MessageView::onAnchorClicked(const QUrl &url)
{
    if (url.scheme() != kSpanScheme)
        return;
    bool ok = false;
    const int index = url.path().toInt(&ok);
    const QList<Span> &spans = m_message.analysis.spans;
    if (!ok || index < 0 || index >= spans.size())
        return;
    emit spanActivated(spans.at(index).recipient, spans.at(index).role);
}

} // namespace bouncelens

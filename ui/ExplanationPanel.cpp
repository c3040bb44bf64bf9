#include "ExplanationPanel.h"

#include "ExplanationContent.h"
#include "RecipientCard.h"
#include "ReplyComposerDialog.h"

#include "explain/NoticeExplainer.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace bouncelens {

ExplanationPanel::ExplanationPanel(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_container = new QWidget(this);
    m_layout = new QVBoxLayout(m_container);
    // The notice first: it is what the message says before anything else.
    m_notice = new QLabel(m_container);
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::RichText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(m_notice);
    m_summary = new QLabel(m_container);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(m_summary);
    m_layout->addStretch(1);
    setWidget(m_container);
    render();
}

void ExplanationPanel::setMessage(const MessageAnalysis &message)
{
    m_message = message;
    m_hasMessage = true;
    m_lastShown = 0;
    render();
    verticalScrollBar()->setValue(0);
}

void ExplanationPanel::clear()
{
    m_message = {};
    m_hasMessage = false;
    render();
}

void ExplanationPanel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    render();
}

void ExplanationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QScrollArea::changeEvent(event);
}

void ExplanationPanel::render()
{
    setAccessibleName(tr("Explanation"));
    const NoticeExplanation notice
        = m_hasMessage ? NoticeExplainer::explain(m_message, m_language) : NoticeExplanation();
    m_notice->setVisible(!notice.isEmpty());
    m_notice->setText(notice.isEmpty()
            ? QString()
            : QStringLiteral("<b>%1</b> %2<br>%3")
                  .arg(tr("Notice:").toHtmlEscaped(),
                      tr("“%1”", "the notice, quoted").arg(notice.text.left(400)).toHtmlEscaped(),
                      notice.meaning.toHtmlEscaped()));
    m_notice->setAccessibleName(tr("Notice"));
    if (!m_hasMessage)
        m_summary->setText(tr("Open a bounced message to see what went wrong and what to do about it."));
    else if (m_message.recipients.isEmpty() && m_message.ok())
        m_summary->setText(ExplanationContent::summary(m_message) + QLatin1Char('\n')
            + tr("BounceLens found no failed delivery in this message."));
    else
        m_summary->setText(ExplanationContent::summary(m_message));

    const qsizetype wanted = m_hasMessage ? m_message.recipients.size() : 0;
    // Cards are reused so that a language switch keeps scroll position and focus.
    while (m_cards.size() > wanted)
        delete m_cards.takeLast();
    while (m_cards.size() < wanted) {
        auto *card = new RecipientCard(m_container);
        connect(card, &RecipientCard::customerTextCopied, this, &ExplanationPanel::customerTextCopied);
        connect(card, &RecipientCard::replyRequested, this,
            [this, index = int(m_cards.size())] { openReplyComposer(index); });
        m_layout->insertWidget(m_layout->count() - 1, card);
        m_cards << card;
    }
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        m_cards.at(i)->setContent(ExplanationContent::forRecipient(m_message, i, m_language));
        m_cards.at(i)->setCurrent(i == m_lastShown && m_cards.size() > 1);
    }
}

void ExplanationPanel::showRecipient(int recipient, SpanRole role)
{
    if (recipient < 0 || recipient >= m_cards.size()) {
        ensureWidgetVisible(m_notice->isHidden() ? m_summary : m_notice);
        return;
    }
    // A lone card needs no marking: there is nothing to tell it apart from.
    for (qsizetype i = 0; i < m_cards.size(); ++i)
        m_cards.at(i)->setCurrent(i == recipient && m_cards.size() > 1);
    m_lastShown = recipient;
    RecipientCard *card = m_cards.at(recipient);
    // The card's top first, then the exact part: the headline stays in view when it fits.
    ensureWidgetVisible(card, 0, 0);
    ensureWidgetVisible(card->partFor(role));
}

int ExplanationPanel::currentRecipient() const
{
    return m_cards.isEmpty() ? -1 : qBound(0, m_lastShown, int(m_cards.size()) - 1);
}

QString ExplanationPanel::noticeText() const
{
    return m_notice->isHidden() ? QString() : QTextDocumentFragment::fromHtml(m_notice->text()).toPlainText();
}

QString ExplanationPanel::summaryText() const
{
    return m_summary->text();
}

ReplyComposerDialog *ExplanationPanel::openReplyComposer(int recipient)
{
    if (!m_hasMessage || recipient < 0 || recipient >= m_message.recipients.size())
        return nullptr;
    auto *dialog = new ReplyComposerDialog(m_message, recipient, m_language, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace bouncelens

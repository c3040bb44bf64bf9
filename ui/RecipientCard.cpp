#include "RecipientCard.h"

#include "SpanStyle.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bouncelens {

namespace {

QLabel *makeText(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    return label;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

RecipientCard::RecipientCard(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);

    m_headline = makeText(this);
    QFont big = m_headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_headline->setFont(big);
    layout->addWidget(m_headline);

    // The badges carry words, not only colours.
    m_verdictBadge = new QLabel(this);
    m_hardBadge = new QLabel(this);
    for (QLabel *badge : {m_verdictBadge, m_hardBadge}) {
        badge->setAutoFillBackground(true);
        badge->setMargin(3);
        badge->setWordWrap(true); // never force the panel wider than the window
        QFont f = badge->font();
        f.setBold(true);
        badge->setFont(f);
    }
    auto *badges = new QHBoxLayout;
    badges->addWidget(m_verdictBadge);
    badges->addWidget(m_hardBadge);
    badges->addStretch(1);
    layout->addLayout(badges);
    m_verdictText = makeText(this);
    layout->addWidget(m_verdictText);

    m_address = addSection(&m_addressCaption);
    // A small note under the address when it is a guess (the report named nobody).
    m_guessNote = makeText(this);
    QFont small = m_guessNote->font();
    small.setItalic(true);
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_guessNote->setFont(small);
    layout->addWidget(m_guessNote);
    m_cause = addSection(&m_causeCaption);
    m_who = addSection(&m_whoCaption);
    m_fix = addSection(&m_fixCaption);
    m_suggestion = addSection(&m_suggestionCaption);
    m_suggestion->setObjectName(QStringLiteral("suggestion"));
    m_copySuggestion = new QPushButton(this);
    connect(m_copySuggestion, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_content.suggestion); });
    auto *suggestionRow = new QHBoxLayout;
    suggestionRow->addStretch(1);
    suggestionRow->addWidget(m_copySuggestion);
    layout->addLayout(suggestionRow);
    m_evidence = addSection(&m_evidenceCaption);
    m_server = addSection(&m_serverCaption);
    m_codes = addSection(&m_codesCaption);
    m_customer = addSection(&m_customerCaption);
    m_customer->setFrameShape(QFrame::StyledPanel);
    m_customer->setMargin(6);
    m_customer->setBackgroundRole(QPalette::Base);
    m_customer->setAutoFillBackground(true);

    m_copy = new QPushButton(this);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_content.customer);
        emit customerTextCopied(m_content.customer);
    });
    m_reply = new QPushButton(this);
    m_reply->setObjectName(QStringLiteral("replyButton"));
    connect(m_reply, &QPushButton::clicked, this, &RecipientCard::replyRequested);
    auto *copyRow = new QHBoxLayout;
    copyRow->addStretch(1);
    copyRow->addWidget(m_reply);
    copyRow->addWidget(m_copy);
    layout->addLayout(copyRow);
    updateColours();
}

QLabel *RecipientCard::addSection(QLabel **caption)
{
    *caption = new QLabel(this);
    QFont f = (*caption)->font();
    f.setBold(true);
    (*caption)->setFont(f);
    QLabel *text = makeText(this);
    (*caption)->setBuddy(text);
    layout()->addWidget(*caption);
    layout()->addWidget(text);
    return text;
}

void RecipientCard::setContent(const RecipientExplanation &c)
{
    m_content = c;
    m_headline->setText(c.headline);
    m_verdictBadge->setVisible(c.failure);
    m_verdictBadge->setText(c.verdict);
    m_hardBadge->setVisible(c.hardBounce);
    m_hardBadge->setText(tr("Hard bounce"));
    m_hardBadge->setToolTip(tr("The address itself is bad: do not mail it again"));

    m_addressCaption->setText(tr("Recipient"));
    m_address->setText(c.finalRecipient.isEmpty()
            ? c.address
            : tr("%1\nFinal recipient: %2", "the address the sender used, then where it led")
                  .arg(c.address, c.finalRecipient));
    m_guessNote->setText(tr("Guessed from the returned message's To field: the report names no recipient."));
    m_guessNote->setVisible(c.addressGuessed);
    m_causeCaption->setText(tr("What happened"));
    m_cause->setText(c.cause);
    m_whoCaption->setText(tr("Who needs to act"));
    m_who->setText(c.whoMustAct);
    m_fixCaption->setText(tr("What to do"));
    m_fix->setText(c.fix);
    m_suggestionCaption->setText(c.suggestion.isEmpty() ? tr("About the address") : tr("Did you mean"));
    m_suggestion->setText(c.suggestionNote);
    for (QLabel *l : {m_suggestionCaption, m_suggestion})
        l->setVisible(!c.suggestionNote.isEmpty());
    m_copySuggestion->setText(tr("Copy &Address %1").arg(c.suggestion));
    m_copySuggestion->setToolTip(tr("Copy the likely intended address to the clipboard"));
    m_copySuggestion->setVisible(!c.suggestion.isEmpty());
    m_reply->setText(tr("&Reply to Customer…"));
    m_reply->setToolTip(tr("Write a reply to your customer about this bounce, in English or Japanese"));
    m_reply->setVisible(!c.customer.isEmpty());
    m_evidenceCaption->setText(tr("Why we think so"));
    m_evidence->setText(c.evidence);
    m_verdictText->setText(c.verdictText);
    m_verdictText->setVisible(!c.verdictText.isEmpty());
    m_serverCaption->setText(tr("What the server said"));
    // The server's words stay as written (they are evidence); the gloss says them plainly.
    m_server->setText(
        c.serverGloss.isEmpty() ? c.serverText : c.serverText + QLatin1Char('\n') + c.serverGloss);
    for (QLabel *l : {m_serverCaption, m_server})
        l->setVisible(!c.serverText.isEmpty());
    m_codesCaption->setText(tr("What the codes mean"));
    m_codes->setText(c.codeNotes.isEmpty() ? (c.codes.isEmpty() ? QString() : tr("Codes: %1").arg(c.codes))
                                           : c.codeNotes.join(QLatin1Char('\n')));
    for (QLabel *l : {m_codesCaption, m_codes})
        l->setVisible(!m_codes->text().isEmpty());
    m_customerCaption->setText(tr("Text for the customer"));
    m_customer->setText(c.customer);
    m_copy->setText(tr("&Copy Text for Customer"));
    m_copy->setToolTip(tr("Copy the text for the customer to the clipboard"));
    for (QWidget *w : {static_cast<QWidget *>(m_customerCaption), static_cast<QWidget *>(m_customer),
             static_cast<QWidget *>(m_copy)})
        w->setVisible(!c.customer.isEmpty());

    setAccessibleName(tr("Explanation for %1").arg(c.address));
    m_copy->setAccessibleName(tr("Copy text for the customer about %1").arg(c.address));
    m_headline->setAccessibleName(tr("Verdict"));
    m_customer->setAccessibleName(tr("Text for the customer"));
    updateColours();
}

void RecipientCard::setCurrent(bool current)
{
    m_current = current;
    updateColours();
}

QWidget *RecipientCard::partFor(SpanRole role) const
{
    switch (role) {
    case SpanRole::Notice: return m_headline;
    case SpanRole::Recipient: return m_address;
    case SpanRole::ReplyCode:
    case SpanRole::StatusCode:
        if (!m_codes->text().isEmpty())
            return m_codes;
        break;
    case SpanRole::ServerText: break;
    }
    return m_server->text().isEmpty() ? m_evidence : m_server;
}

void RecipientCard::changeEvent(QEvent *event)
{
    // Not PaletteChange: updateColours() sets this card's palette and would call itself back.
    if (event->type() == QEvent::ApplicationPaletteChange)
        updateColours();
    QFrame::changeEvent(event);
}

void RecipientCard::updateColours()
{
    // Palette-derived tints: readable in light and dark themes alike.
    const QPalette base = QGuiApplication::palette();
    const bool dark = SpanStyle::isDark(base);
    QPalette p = palette();
    const QColor window = base.color(QPalette::Window);
    p.setColor(QPalette::Window,
        m_current ? mix(window, base.color(QPalette::Highlight), dark ? 0.30 : 0.12) : window);
    setPalette(p);

    auto tint = [&](QLabel *badge, int hue) {
        QPalette bp = badge->palette();
        bp.setColor(QPalette::Window, dark ? QColor::fromHsl(hue, 110, 70) : QColor::fromHsl(hue, 200, 215));
        bp.setColor(QPalette::WindowText, base.color(QPalette::Text));
        badge->setPalette(bp);
    };
    tint(m_verdictBadge, m_content.permanent ? 355 : 40);
    tint(m_hardBadge, 355);
}

} // namespace bouncelens

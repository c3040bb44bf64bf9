#include "ReplyComposerDialog.h"

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bouncelens {

ReplyComposerDialog::ReplyComposerDialog(
    const MessageAnalysis &message, int recipient, Language language, QWidget *parent)
    : QDialog(parent)
    , m_message(message)
    , m_recipient(recipient)
    , m_language(language)
{
    setObjectName(QStringLiteral("replyComposerDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_languageLabel = new QLabel(this);
    m_languageBox = new QComboBox(this);
    // Each language under its own name, so it can be found whatever the window's language.
    m_languageBox->addItem(QStringLiteral("English"), int(Language::English));
    m_languageBox->addItem(QStringLiteral("日本語"), int(Language::Japanese));
    m_languageBox->setCurrentIndex(language == Language::Japanese ? 1 : 0);
    m_languageLabel->setBuddy(m_languageBox);
    m_toLabel = new QLabel(this);
    m_to = new QLineEdit(this);
    m_toLabel->setBuddy(m_to);
    m_subjectLabel = new QLabel(this);
    m_subject = new QLineEdit(this);
    m_subjectLabel->setBuddy(m_subject);
    m_body = new QPlainTextEdit(this);
    m_body->setTabChangesFocus(true);
    m_status = new QLabel(this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_mail = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &ReplyComposerDialog::copy);
    connect(m_mail, &QPushButton::clicked, this, &ReplyComposerDialog::openInMailApp);
    connect(m_languageBox, &QComboBox::currentIndexChanged, this, &ReplyComposerDialog::onLanguageChosen);

    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_languageBox);
    form->addRow(m_toLabel, m_to);
    form->addRow(m_subjectLabel, m_subject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(720, 640);

    retranslateUi();
    compose();
}

void ReplyComposerDialog::compose()
{
    if (m_recipient < 0 || m_recipient >= m_message.recipients.size())
        return;
    const ReplyDraft d = ReplyComposer::compose(m_message, m_message.recipients.at(m_recipient), m_language);
    m_group = d.group;
    m_to->setText(d.to);
    m_subject->setText(d.subject);
    m_body->setPlainText(d.body);
    m_body->document()->setModified(false);
    m_status->clear();
}

ReplyDraft ReplyComposerDialog::draft() const
{
    return {m_group, m_to->text().trimmed(), m_subject->text(), m_body->toPlainText()};
}

void ReplyComposerDialog::setLanguage(Language language)
{
    m_language = language;
    {
        const QSignalBlocker blocker(m_languageBox);
        m_languageBox->setCurrentIndex(language == Language::Japanese ? 1 : 0);
    }
    compose();
}

void ReplyComposerDialog::onLanguageChosen(int index)
{
    const auto language = Language(m_languageBox->itemData(index).toInt());
    if (language == m_language)
        return;
    if (m_body->document()->isModified()
        && QMessageBox::question(this, tr("Replace Your Changes?"),
               tr("Writing the reply in the other language replaces the changes you made to the text."),
               QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Ok) {
        const QSignalBlocker blocker(m_languageBox);
        m_languageBox->setCurrentIndex(m_language == Language::Japanese ? 1 : 0);
        return;
    }
    setLanguage(language);
}

void ReplyComposerDialog::copy()
{
    QGuiApplication::clipboard()->setText(m_body->toPlainText());
    m_status->setText(tr("The reply was copied to the clipboard."));
}

void ReplyComposerDialog::openInMailApp()
{
    if (QDesktopServices::openUrl(ReplyComposer::mailto(draft()))) {
        m_status->setText(tr("The reply was handed to your mail program."));
        return;
    }
    m_status->setText(
        tr("No mail program could be opened. Copy the text and paste it into your mail instead."));
}

void ReplyComposerDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ReplyComposerDialog::retranslateUi()
{
    const QString address = m_recipient >= 0 && m_recipient < m_message.recipients.size()
        ? m_message.recipients.at(m_recipient).address
        : QString();
    setWindowTitle(tr("Reply to Customer"));
    m_intro->setText(
        tr("A reply to your customer about the message to %1. Check and edit it, then copy it or open "
           "it in your mail program.")
            .arg(address));
    m_languageLabel->setText(tr("&Language:"));
    m_toLabel->setText(tr("&To:"));
    m_to->setPlaceholderText(tr("The customer's address"));
    m_subjectLabel->setText(tr("&Subject:"));
    m_body->setAccessibleName(tr("Text of the reply"));
    m_copy->setText(tr("&Copy Text"));
    m_copy->setToolTip(tr("Copy the text of the reply to the clipboard"));
    m_mail->setText(tr("&Open in Mail App"));
    m_mail->setToolTip(tr("Start a new message with this subject and text in your mail program"));
}

} // namespace bouncelens

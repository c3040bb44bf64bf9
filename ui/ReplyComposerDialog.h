#pragma once

#include "analysis/AnalysisResult.h"
#include "explain/BounceExplainer.h"
#include "explain/ReplyComposer.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace bouncelens {

// "Reply to Customer…": the reply about one bounced recipient (ReplyComposer), editable, in the
// language chosen here (English or polite Japanese). Copy puts the text on the clipboard; Open
// in Mail App hands a mailto: link with the subject and body to the desktop's mail program.
// Switching the language composes the text again (after asking, when it was edited).
class ReplyComposerDialog : public QDialog
{
    Q_OBJECT

public:
    ReplyComposerDialog(
        const MessageAnalysis &message, int recipient, Language language, QWidget *parent = nullptr);

    [[nodiscard]] Language language() const { return m_language; }
    void setLanguage(Language language); // composes again, discarding edits
    // The draft as edited now.
    [[nodiscard]] ReplyDraft draft() const;

    [[nodiscard]] QComboBox *languageBox() const { return m_languageBox; }
    [[nodiscard]] QLineEdit *toEdit() const { return m_to; }
    [[nodiscard]] QLineEdit *subjectEdit() const { return m_subject; }
    [[nodiscard]] QPlainTextEdit *bodyEdit() const { return m_body; }
    [[nodiscard]] QPushButton *copyButton() const { return m_copy; }
    [[nodiscard]] QPushButton *mailButton() const { return m_mail; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void compose();
    void retranslateUi();
    void onLanguageChosen(int index);
    void copy();
    void openInMailApp();

    MessageAnalysis m_message;
    int m_recipient = 0;
    Language m_language;
    QString m_group;
    QLabel *m_intro = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_languageBox = nullptr;
    QLabel *m_toLabel = nullptr;
    QLineEdit *m_to = nullptr;
    QLabel *m_subjectLabel = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_mail = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace bouncelens

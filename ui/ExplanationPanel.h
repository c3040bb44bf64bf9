#pragma once

#include "analysis/AnalysisResult.h"
#include "explain/BounceExplainer.h"

#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace bouncelens {

class RecipientCard;
class ReplyComposerDialog;

// The explanation of the current message: its opening notice and what that means in the chosen
// language, a summary line, then one RecipientCard per recipient.
// It keeps the analysis (a value), so switching the language re-renders it without re-parsing.
class ExplanationPanel : public QScrollArea
{
    Q_OBJECT

public:
    explicit ExplanationPanel(QWidget *parent = nullptr);

    void setMessage(const MessageAnalysis &message);
    void clear();
    void setLanguage(Language language);
    [[nodiscard]] Language language() const { return m_language; }

    // Scrolls the part that explains `role` for `recipient` into view and marks its card
    // (recipient -1: the message as a whole).
    void showRecipient(int recipient, SpanRole role = SpanRole::Recipient);

    [[nodiscard]] QList<RecipientCard *> cards() const { return m_cards; }
    [[nodiscard]] int currentRecipient() const;
    [[nodiscard]] QString summaryText() const;
    // The notice block as shown (plain text): the notice, then what it means.
    [[nodiscard]] QString noticeText() const;
    // "Reply to Customer…" for a recipient of the shown message: opens the composer (window-modal,
    // returns at once; it deletes itself when closed). nullptr when there is no such recipient.
    ReplyComposerDialog *openReplyComposer(int recipient);

signals:
    void customerTextCopied(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    Language m_language = Language::English;
    MessageAnalysis m_message;
    bool m_hasMessage = false;
    int m_lastShown = 0; // the recipient last asked for, for a lone (unmarked) card
    QWidget *m_container = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_summary = nullptr;
    QList<RecipientCard *> m_cards;
};

} // namespace bouncelens

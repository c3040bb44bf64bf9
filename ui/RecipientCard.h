#pragma once

#include "ExplanationContent.h"
#include "analysis/AnalysisResult.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace bouncelens {

// The explanation of one bounced recipient: headline verdict, badges, cause, who must act, what
// to do, "did you mean" for a mistyped address (with a Copy button), the evidence, the server's
// words and the text for the customer with Copy and Reply to Customer… buttons.
class RecipientCard : public QFrame
{
    Q_OBJECT

public:
    explicit RecipientCard(QWidget *parent = nullptr);

    // Sets every visible string, captions included, so a language switch is one call.
    void setContent(const RecipientExplanation &content);
    [[nodiscard]] const RecipientExplanation &content() const { return m_content; }

    // Marks the card the user is looking at (clicked highlight or selected table row).
    void setCurrent(bool current);
    [[nodiscard]] bool isCurrent() const { return m_current; }
    // The part of the card that explains a span of this role, to scroll it into view.
    [[nodiscard]] QWidget *partFor(SpanRole role) const;

    [[nodiscard]] QLabel *headlineLabel() const { return m_headline; }
    [[nodiscard]] QPushButton *copyButton() const { return m_copy; }
    [[nodiscard]] QPushButton *replyButton() const { return m_reply; }
    [[nodiscard]] QPushButton *copySuggestionButton() const { return m_copySuggestion; }
    [[nodiscard]] QLabel *suggestionLabel() const { return m_suggestion; }

signals:
    void customerTextCopied(const QString &text);
    // "Reply to Customer…" was pressed.
    void replyRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *addSection(QLabel **caption);
    void updateColours();

    RecipientExplanation m_content;
    bool m_current = false;
    QLabel *m_headline = nullptr;
    QLabel *m_verdictBadge = nullptr;
    QLabel *m_hardBadge = nullptr;
    QLabel *m_verdictText = nullptr;
    QLabel *m_addressCaption = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_guessNote = nullptr; // "guessed from the returned message's To"
    QLabel *m_causeCaption = nullptr;
    QLabel *m_cause = nullptr;
    QLabel *m_whoCaption = nullptr;
    QLabel *m_who = nullptr;
    QLabel *m_fixCaption = nullptr;
    QLabel *m_fix = nullptr;
    QLabel *m_evidenceCaption = nullptr;
    QLabel *m_evidence = nullptr;
    QLabel *m_serverCaption = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_codesCaption = nullptr;
    QLabel *m_codes = nullptr;
    QLabel *m_customerCaption = nullptr;
    QLabel *m_customer = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_reply = nullptr;
    QLabel *m_suggestionCaption = nullptr;
    QLabel *m_suggestion = nullptr;
    QPushButton *m_copySuggestion = nullptr;
};

} // namespace bouncelens

#pragma once

#include "analysis/AnalysisResult.h"
#include "explain/BounceExplainer.h"

#include <QCoreApplication>

namespace bouncelens {

// Everything the explanation panel and the reports say about one recipient, already in the
// chosen language. Built from the analysis and BounceExplainer alone, so the panel, the HTML/PDF
// report and the printout say the same thing.
struct RecipientExplanation
{
    QString address; // the address the sender used
    QString finalRecipient; // where it was finally delivered to, when that differs
    bool addressGuessed = false; // the report named nobody: the returned message's To
    QString title; // the explainer's headline
    QString verdict; // "Permanent failure" / "Temporary failure"; "" for non-failures
    QString headline; // title — verdict
    bool failure = false; // a bounce or delay (not a delivery report, auto-reply, complaint)
    bool permanent = false;
    bool hardBounce = false;
    QString verdictText; // what temporary/permanent means here ("keeps trying until ...")
    QString cause;
    QString whoMustAct;
    QString fix;
    QString evidence; // "why we think so"
    QString serverText; // the diagnostic, as the server wrote it
    QString codes; // "550 / 5.1.1"
    QStringList codeNotes; // one line per code: "550 — title: what it means"
    QString serverGloss; // the server's words in plain language
    QString customer; // text a support desk can paste to its customer
    QString suggestion; // the likely intended address of a mistyped one ("" when none)
    QString suggestionNote; // "Did you mean …?" and any local-part problem, in plain words
};

class ExplanationContent
{
    Q_DECLARE_TR_FUNCTIONS(ExplanationContent)

public:
    [[nodiscard]] static RecipientExplanation forRecipient(
        const MessageAnalysis &message, qsizetype recipient, Language language);
    // One line about the whole message ("Bounce reported by mx.example.jp, 2 recipients").
    [[nodiscard]] static QString summary(const MessageAnalysis &message);
    [[nodiscard]] static QString evidence(const RecipientResult &recipient);
    // Who has to do something, when the explainer does not say.
    [[nodiscard]] static QString whoMustAct(const MessageAnalysis &message, const RecipientResult &recipient);
    // "title — verdict" with the dash the languages use.
    [[nodiscard]] static QString joinHeadline(const QString &title, const QString &verdict);
};

} // namespace bouncelens

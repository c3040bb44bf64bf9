#pragma once

#include "analysis/AnalysisResult.h"

#include <QHash>
#include <QList>
#include <QString>

namespace bouncelens {

enum class Language { English, Japanese };

[[nodiscard]] QString languageCode(Language language);
// "en", "ja", "ja_JP.UTF-8", ... ; unknown codes give English.
[[nodiscard]] Language languageFromCode(const QString &code);

// What one code of the bounce (reply code or enhanced status code) means.
struct CodeNote
{
    QString code; // as written in the bounce: "550", "5.1.1"
    QString title; // short plain-language name
    QString text; // what it means
    QString line; // "550 (title): text", ready to show
};

// The plain-language answer for one bounced recipient, in one language. The first four fields
// are the JSON contract (explanation {title, cause, fix, customer}); the rest add detail.
struct Explanation
{
    QString title; // short headline: "The address does not exist"
    QString cause; // what happened and why
    QString fix; // what to do now
    QString customer; // a polite text a support desk can paste to its customer, placeholders filled

    QString verdict; // temporary or permanent, and what that means for the sender
    QString whoActs; // who has to do something
    QList<CodeNote> codeNotes; // the reply code, then the enhanced status code
    QString serverText; // the server's own words, verbatim ("" when the bounce has none)
    QString serverQuote; // serverText labelled: The server said: “…”
    QString serverGloss; // the server's words in plain language, from the codes
};

// Composes explanations from the knowledge base (KnowledgeBase::builtIn()): the reason's entry,
// the entries of the codes the bounce carries, and the server's own words, quoted untranslated.
class BounceExplainer
{
public:
    [[nodiscard]] static Explanation explain(
        const MessageAnalysis &message, const RecipientResult &recipient, Language language);
    // A phrase of the knowledge base ("label_cause", "label_fix", ...), for whoever renders an
    // Explanation; the labels live with the texts so a language is added in one place.
    [[nodiscard]] static QString phrase(const QString &key, Language language);
    // The values customer texts are filled with: {recipient}, {date} (the original's date in the
    // language's format), {subject} (quoted, or a "none"/"unknown" fallback) and {until}.
    [[nodiscard]] static QHash<QString, QString> placeholders(
        const MessageAnalysis &message, const RecipientResult &recipient, Language language);
};

} // namespace bouncelens

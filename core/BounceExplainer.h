#pragma once

#include "AnalysisResult.h"

#include <QString>

namespace bouncelens {

enum class Language { English, Japanese };

[[nodiscard]] QString languageCode(Language language);
// "en", "ja", "ja_JP.UTF-8", ... ; unknown codes give English.
[[nodiscard]] Language languageFromCode(const QString &code);

// The plain-language answer for one bounced recipient.
struct Explanation
{
    QString title;    // short headline
    QString cause;    // what happened and why
    QString fix;      // what the sender should do
    QString customer; // a polite text a support desk can paste to its customer
};

// Turns a classified recipient into words. First rough version: a headline per reason and the
// temporary/permanent verdict; the knowledge-base issue replaces it.
class BounceExplainer
{
public:
    [[nodiscard]] static Explanation explain(const MessageAnalysis &message, const RecipientResult &recipient,
                                             Language language);
};

} // namespace bouncelens

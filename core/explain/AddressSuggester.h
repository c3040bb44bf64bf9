#pragma once

#include "analysis/AnalysisResult.h"
#include "explain/BounceExplainer.h"

#include <QString>
#include <QStringList>

namespace bouncelens {

// What is wrong with the part of an address before the @, by RFC 5321's dot-string rule.
// Older Japanese mobile carriers let their users pick such addresses ("taro..yamada@",
// "hanako.@"); many servers refuse them.
enum class LocalPartProblem { None, ConsecutiveDots, DotBeforeAt, LeadingDot };

// How the suggested address differs from the one that failed.
enum class SuggestionKind {
    None,
    Normalised, // only full-width characters or stray spaces were fixed
    DomainTypo, // the domain is a small slip (edit distance) of a widely used mail domain
    TopLevelDomain, // the right name with the wrong ending: docomo.co.jp -> docomo.ne.jp
};

// "Did you mean": the likely intended address of a mistyped one, and what is wrong with it.
struct AddressSuggestion
{
    QString address; // the likely intended address; "" when there is no good one
    SuggestionKind kind = SuggestionKind::None;
    bool normalised = false; // full-width characters or spaces were removed on the way
    QString typedDomain; // the failed address's domain (after normalising)
    QString domain; // the suggested domain
    LocalPartProblem localPart = LocalPartProblem::None;

    [[nodiscard]] bool hasSuggestion() const { return !address.isEmpty(); }
    [[nodiscard]] bool isEmpty() const { return address.isEmpty() && localPart == LocalPartProblem::None; }
};

// Suggests the intended address of a failed recipient. The contract:
// - Only for a recipient whose delivery failed for good (or was refused) because its domain does
//   not exist or does not accept mail (hostunknown, notaccept) or its mailbox is unknown
//   (userunknown). Everything else gets no suggestion.
// - Full-width characters (ＡＢＣ＠．), the ideographic full stop and stray spaces are always
//   worth correcting: no mail server accepts them.
// - A domain is corrected only towards the widely used mail domains listed in
//   resources/suggest/mail-domains.txt, never away from one, and only when exactly one domain
//   is that close: edit distance 1 (2 for names of 8+ letters) when the domain itself failed,
//   distance 1 for names of 5+ letters when only the mailbox was unknown (typo domains that
//   accept mail and reject every user exist), or the same name with another ending
//   (yahoo.jp -> yahoo.co.jp) when the domain failed. A real small company's domain is not
//   "corrected" to a big provider unless it is that close and failed.
// - The local part is checked against RFC 5321 when the server refused the mailbox; the
//   problem is explained, no address is invented for it.
class AddressSuggester
{
public:
    enum class Failure { DomainFailed, MailboxUnknown, Other };

    // Which of the cases above a recipient is in (Other: no suggestion at all).
    [[nodiscard]] static Failure failureOf(const RecipientResult &recipient);
    [[nodiscard]] static AddressSuggestion suggest(const RecipientResult &recipient);
    [[nodiscard]] static AddressSuggestion suggest(const QString &address, Failure failure);
    // A plain-language paragraph: "Did you mean …? …" and the local-part problem, from the
    // knowledge base's phrases; "" when there is nothing to say.
    [[nodiscard]] static QString describe(const AddressSuggestion &suggestion, Language language);

    // The domain list (:/suggest/mail-domains.txt), loaded once.
    [[nodiscard]] static const QStringList &knownDomains();
    // Optimal string alignment distance (insert, delete, substitute, swap two neighbours).
    [[nodiscard]] static int editDistance(QStringView a, QStringView b);
};

} // namespace bouncelens

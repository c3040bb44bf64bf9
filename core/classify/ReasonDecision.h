#pragma once

#include "analysis/AnalysisResult.h"
#include "classify/CompiledRules.h"
#include "classify/ReasonClassifier.h"
#include "classify/ScanText.h"

#include <QString>

#include <optional>

namespace bouncelens::classification {

// The decision over one text (a recipient's diagnostic or the bounce's own text): which reason
// the facts and the phrases of that text prove, in Sisimai's order of evidence. The phrases are
// data (ReasonRules.cpp); this file owns the order in which they are consulted.

// What is known of one recipient before any text is read.
struct Facts
{
    QString status; // as written, else found in the diagnostic
    QString reply;
    QString statusReason; // what the status code alone says
    QString action;
    Command command = Command::Unknown;
    QString hostClass;
    QString diagnosticType; // from the delivery-status block: "x-unix" ...
    MessageKind kind = MessageKind::Bounce;
};

// How firmly a verdict stands: a phrase, a specific status code, or only a fallback (the code's
// class, the action). Only fallbacks let the bounce's body text speak.
enum class Strength { Fallback, Status, Phrase };

struct Verdict
{
    QString reason;
    Evidence evidence;
    Strength strength = Strength::Fallback;
};

// The reason that `text` proves for a recipient with these facts: Gmail's state, the sending
// MTA's outright wording, receiving-host rules, the status code and phrase probes, then the
// fallbacks (status class, diagnostic type, reply code, command, action). Nothing when no rule
// applies.
[[nodiscard]] std::optional<Verdict> decide(const Facts &facts, const ScanText &text);

// An auto-reply's (vacation message's) wording in `text`, as a phrase verdict.
[[nodiscard]] std::optional<Verdict> vacationVerdict(const ScanText &text);

// The class of the receiving host (ReasonRules' host classes): from the recipient's domain, the
// remote MTA, the reporting MTA, then host names written in the diagnostic. "" when none.
[[nodiscard]] QString hostClassOf(
    const RecipientResult &r, const ClassificationContext &context, const ScanText &diagnostic);

// Whether the failure is permanent: a 5xx code, else an action of "failed" (a 4xx that gave up
// is permanent), never a delay.
[[nodiscard]] bool isPermanent(const Facts &facts);

} // namespace bouncelens::classification

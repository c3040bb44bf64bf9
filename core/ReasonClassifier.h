#pragma once

#include "AnalysisResult.h"

#include <QString>

namespace bouncelens {

// What the classifier may look at besides the recipient's own fields.
struct ClassificationContext
{
    MessageKind kind = MessageKind::Bounce;
    QString bounceText;   // the bounce's human-readable text, without the returned original
    QString subject;      // the bounce's subject
    QString bounceFrom;   // the bounce's From
    QString reportingMta;
};

// Decides each recipient's reason (Sisimai 5.6 names), whether the failure is permanent, and
// whether it is a hard bounce (the address itself is bad), with the evidence that decided.
// The phrases and codes live in ReasonRules.cpp; this class owns the order of the checks.
// Matching uses fixed strings only (no regular expressions) and reads at most a bounded
// prefix of each text, so the cost stays linear and small even for huge diagnostics.
class ReasonClassifier
{
public:
    static void classify(RecipientResult &recipient, const ClassificationContext &context);

    // Sisimai's hard-bounce rule: the address itself is bad (user or host unknown, moved), or the
    // destination accepts no mail at all and said so permanently.
    [[nodiscard]] static bool isHardBounce(const QString &reason, const QString &status, const QString &replyCode);
};

} // namespace bouncelens

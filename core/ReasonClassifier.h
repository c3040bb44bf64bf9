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
class ReasonClassifier
{
public:
    static void classify(RecipientResult &recipient, const ClassificationContext &context);
};

} // namespace bouncelens

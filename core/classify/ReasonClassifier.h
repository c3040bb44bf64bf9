#pragma once

#include "analysis/AnalysisResult.h"

#include <QString>

#include <memory>

namespace bouncelens {

// What the classifier derives once per message from a context (the bounce text prepared for
// matching, the addresses and transcript commands in it, the phrases found). Opaque: defined and
// built by MessageTextIndex.cpp.
class ClassificationIndex
{
public:
    virtual ~ClassificationIndex() = default;
};

// What the classifier may look at besides the recipient's own fields.
//
// Classify all recipients of one message with the same context object: the classifier indexes
// bounceText and deliveryStatus on first use and keeps the index in `index`, so the texts are read
// once per message however many recipients it lists. The index follows the texts (assigning a new
// text makes the next classification rebuild it). Not for concurrent use from several threads.
struct ClassificationContext
{
    MessageKind kind = MessageKind::Bounce;
    QString bounceText; // the bounce's human-readable text, without the returned original
    QString subject; // the bounce's subject
    QString bounceFrom; // the bounce's From
    QString reportingMta;
    QString deliveryStatus; // the message/delivery-status block as text, "" when none

    mutable std::shared_ptr<ClassificationIndex> index; // built and used by the classifier only
};

// Decides each recipient's reason (Sisimai 5.6 names), whether the failure is permanent, and
// whether it is a hard bounce (the address itself is bad), with the evidence that decided.
// The phrases and codes live in ReasonRules.cpp; this class owns the order of the checks over
// the whole message, ReasonDecision.cpp the order over one text.
// Matching uses fixed strings only (no regular expressions): every text is lower-cased once and
// scanned once by one automaton that knows all phrases (Aho-Corasick), reading at most a bounded
// prefix, so the cost per text is linear and a message's cost is linear in its size, whatever
// the number of recipients.
class ReasonClassifier
{
public:
    static void classify(RecipientResult &recipient, const ClassificationContext &context);

    // Sisimai's hard-bounce rule: the address itself is bad (user or host unknown, moved), or the
    // destination accepts no mail at all and said so permanently.
    [[nodiscard]] static bool isHardBounce(
        const QString &reason, const QString &status, const QString &replyCode);
};

} // namespace bouncelens

#pragma once

#include "classify/CompiledRules.h"
#include "classify/ReasonClassifier.h"
#include "classify/ScanText.h"

#include <QHash>
#include <QString>

#include <optional>

namespace bouncelens::classification {

// Per-recipient fields of the delivery-status block that the parser does not keep.
struct DsnFields
{
    QString diagnosticType; // "smtp", "x-unix", "x-postfix" ... (lower case)
    QString bounceCategory; // X-PowerMTA-BounceCategory (lower case)
};

// The bounce's own text and delivery-status block, indexed once per message and shared by all
// its recipients: the text prepared for matching, where each address first occurs, each
// recipient's extra delivery-status fields. Everything past the scanned text is built on first
// use, in one pass.
class MessageTextIndex final : public ClassificationIndex
{
public:
    MessageTextIndex(const QString &text, const QString &deliveryStatus);

    // Whether this index was built from these very strings (same data, not just equal text).
    [[nodiscard]] bool isFor(const QString &text, const QString &deliveryStatus) const;

    // The delivery-status fields of a recipient (lower-case address); empty when none.
    [[nodiscard]] DsnFields dsnFields(const QString &lowerAddress) const;

    [[nodiscard]] const ScanText &body() const { return m_body; }

    // The command for a recipient: a bounce that lists several recipients gives their
    // transcripts one after the other, and the one after the recipient's address is theirs.
    [[nodiscard]] Command command(const QString &lowerAddress) const;

private:
    // The first position (in the normalised text) of an address-like token, -1 when none.
    [[nodiscard]] qsizetype addressAt(const QString &lowerAddress) const;
    void remember(QStringView token, qsizetype at) const;
    void buildFields() const;

    QString m_source;
    QString m_status;
    ScanText m_body;
    mutable bool m_fieldsBuilt = false;
    mutable QHash<QString, DsnFields> m_fields;
    mutable std::optional<Command> m_command;
    mutable bool m_addressesBuilt = false;
    mutable QHash<QString, qsizetype> m_addresses;
};

// The context's index, built (or rebuilt, when its texts changed) on first use.
[[nodiscard]] const MessageTextIndex &messageTextIndexOf(const ClassificationContext &context);

} // namespace bouncelens::classification

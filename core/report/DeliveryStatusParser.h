#pragma once

#include "analysis/AnalysisResult.h"
#include "message/HeaderBlock.h"

#include <QByteArray>
#include <QList>

namespace bouncelens {

// The fields of an RFC 3464 / RFC 6533 delivery-status body.
struct DeliveryStatus
{
    QString reportingMta;
    QString arrivalDate;
    QList<RecipientResult> recipients; // reason / verdicts not yet set
    qsizetype omittedRecipients = 0; // recipients past kMaxRecipients, counted, not parsed
};

// Parses message/delivery-status and message/global-delivery-status bodies. Blocks are split on
// blank lines; a block holding several Final-Recipient fields (seen from sloppy generators) is
// split at each of them.
class DeliveryStatusParser
{
public:
    // Real reports list a handful of recipients; a report listing more than this is read up to
    // the limit, and the rest are only counted, so memory stays proportional to what is shown.
    static constexpr qsizetype kMaxRecipients = 10000;

    [[nodiscard]] static DeliveryStatus parse(const QByteArray &body, bool global);

    // "rfc822; <user@example.jp>" -> "user@example.jp"; RFC 6533 "utf-8;" addresses with
    // \x{HH} escapes are unescaped.
    [[nodiscard]] static QString addressValue(const QByteArray &value);
    static constexpr qsizetype kMaxDiagnosticBytes = 8 * 1024;

    // "smtp; 550 5.1.1 ..." -> "550 5.1.1 ...": drops the diagnostic type. At most the first
    // kMaxDiagnosticBytes are kept.
    [[nodiscard]] static QString diagnosticValue(const QByteArray &value);
    // "dns; mx.example.jp" -> "mx.example.jp".
    [[nodiscard]] static QString typedValue(const QByteArray &value);
    // Strips <>, quotes, trailing dots; lower-cases nothing (local parts may be case-sensitive).
    [[nodiscard]] static QString cleanAddress(const QString &address);
};

} // namespace bouncelens

#pragma once

#include "analysis/AnalysisResult.h"

#include <QString>
#include <QStringView>

namespace bouncelens {

// Finds SMTP reply codes (RFC 5321: "550") and enhanced status codes (RFC 3463: "5.1.1") in
// free text, with word boundaries strict enough that IP addresses, dates, ports and version
// numbers are not mistaken for codes. Linear scans, no regular expressions.
struct CodeMatch
{
    qsizetype position = -1;
    qsizetype length = 0;
    QString code;

    [[nodiscard]] bool found() const { return position >= 0; }
};

class SmtpCodes
{
public:
    // First reply code at or after `from`: 2xx, 4xx or 5xx with a second digit 0-5.
    [[nodiscard]] static CodeMatch findReplyCode(QStringView text, qsizetype from = 0);
    // First enhanced status code at or after `from`: class 2, 4 or 5, subject and detail of
    // one to three digits.
    [[nodiscard]] static CodeMatch findStatusCode(QStringView text, qsizetype from = 0);
    [[nodiscard]] static bool isStatusCode(QStringView text);
    [[nodiscard]] static bool isReplyCode(QStringView text);

    // The enhanced status code a diagnostic stands for: the first one that says more than
    // "x.0.0" or "4.4.7" (generic codes that servers put in front of the specific one, e.g.
    // "554 4.4.7 Message expired <421 4.4.2 Connection timed out>"), else the first one.
    [[nodiscard]] static CodeMatch findPreferredStatusCode(QStringView text);
    // First reply code of class `klass` ('2', '4' or '5') at or after `from`.
    [[nodiscard]] static CodeMatch findReplyCodeOfClass(QStringView text, QChar klass, qsizetype from = 0);
    // True for codes whose subject and detail are both non-zero ("5.7.1", "5.7.26"): specific
    // enough to overrule a generic Status field.
    [[nodiscard]] static bool isSpecificStatus(QStringView code);
    // "x.0.0" and "4.4.7" (expired): codes that say a delivery failed, not why.
    [[nodiscard]] static bool isGenericStatus(QStringView code);

    // Settles a recipient's codes once its diagnostic is known, the way the field reads them
    // (and Sisimai, whose labels we follow, does): a specific code in the server's own words
    // overrules a generic or relayed Status field; a missing code is taken from the diagnostic
    // when written there; a reply code of another class than the status belongs to another
    // hop and is replaced by one of the right class from the diagnostic, or dropped.
    static void settleCodes(RecipientResult &recipient);
};

} // namespace bouncelens

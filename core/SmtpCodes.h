#pragma once

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
};

} // namespace bouncelens

#pragma once

#include "analysis/AnalysisResult.h"

#include <QList>
#include <QString>

namespace bouncelens {

// Amazon SES event notifications (JSON, often wrapped in an SNS envelope whose "Message" is the
// event as a string): bounces, deliveries and complaints, delivered by e-mail in place of a DSN.
struct SesNotification
{
    enum class Type { None, Bounce, Delivery, Complaint };
    Type type = Type::None;
    QString reportingMta;
    QList<RecipientResult> recipients; // reason / verdicts not yet set
};

class SesNotificationParser
{
public:
    // Texts larger than this are not JSON notifications (SES sends a few kilobytes).
    static constexpr qsizetype kMaxBytes = 1 << 20;

    // `text` is the message's human-readable text; Type::None when it is no SES notification.
    [[nodiscard]] static SesNotification parse(const QString &text);
};

} // namespace bouncelens

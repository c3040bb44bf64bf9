#include "report/SesNotification.h"

#include "classify/SmtpCodes.h"
#include "report/DeliveryStatusParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bouncelens {

namespace {

QJsonObject parseObject(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

// The leading JSON object of `text` (SNS appends an unsubscribe footer after it): a linear scan
// that balances braces outside strings.
QString leadingObject(const QString &text)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                inString = false;
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}') && --depth == 0) {
            return text.left(i + 1);
        }
    }
    return text;
}

// The SES event itself: either the object, or the SNS envelope's "Message" string.
QJsonObject eventOf(const QJsonObject &object)
{
    if (object.contains(QLatin1String("notificationType")) || object.contains(QLatin1String("eventType")))
        return object;
    const QJsonValue message = object.value(QLatin1String("Message"));
    if (message.isString())
        return parseObject(message.toString());
    return message.toObject();
}

QString stringOf(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

void addBounced(SesNotification &out, const QJsonObject &bounce)
{
    out.reportingMta = DeliveryStatusParser::typedValue(stringOf(bounce, "reportingMTA").toUtf8());
    for (const QJsonValue &v : bounce.value(QLatin1String("bouncedRecipients")).toArray()) {
        const QJsonObject o = v.toObject();
        RecipientResult r;
        r.address = DeliveryStatusParser::cleanAddress(stringOf(o, "emailAddress"));
        r.action = stringOf(o, "action").toLower();
        if (r.action.isEmpty())
            r.action = QStringLiteral("failed");
        if (const CodeMatch status = SmtpCodes::findStatusCode(stringOf(o, "status")); status.found())
            r.status = status.code;
        r.diagnostic = DeliveryStatusParser::diagnosticValue(stringOf(o, "diagnosticCode").toUtf8());
        if (!r.address.isEmpty())
            out.recipients << r;
    }
}

void addDelivered(SesNotification &out, const QJsonObject &delivery)
{
    out.reportingMta = stringOf(delivery, "reportingMTA");
    const QString response = stringOf(delivery, "smtpResponse").simplified();
    for (const QJsonValue &v : delivery.value(QLatin1String("recipients")).toArray()) {
        RecipientResult r;
        r.address = DeliveryStatusParser::cleanAddress(v.toString());
        r.action = QStringLiteral("delivered");
        r.diagnostic = response;
        if (const CodeMatch status = SmtpCodes::findStatusCode(response); status.found())
            r.status = status.code;
        if (const CodeMatch reply = SmtpCodes::findReplyCode(response); reply.found())
            r.replyCode = reply.code;
        if (!r.address.isEmpty())
            out.recipients << r;
    }
}

void addComplained(SesNotification &out, const QJsonObject &complaint)
{
    const QString feedbackType = stringOf(complaint, "complaintFeedbackType");
    for (const QJsonValue &v : complaint.value(QLatin1String("complainedRecipients")).toArray()) {
        RecipientResult r;
        r.address = DeliveryStatusParser::cleanAddress(stringOf(v.toObject(), "emailAddress"));
        r.action = QStringLiteral("failed");
        r.diagnostic = feedbackType;
        if (!r.address.isEmpty())
            out.recipients << r;
    }
}

} // namespace

SesNotification SesNotificationParser::parse(const QString &text)
{
    SesNotification out;
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1Char('{')) || trimmed.size() > kMaxBytes
        || !trimmed.contains(QLatin1String("notificationType")))
        return out;
    const QJsonObject event = eventOf(parseObject(leadingObject(trimmed)));
    const QString type = stringOf(event, "notificationType").isEmpty() ? stringOf(event, "eventType")
                                                                       : stringOf(event, "notificationType");
    if (type == QLatin1String("Bounce")) {
        out.type = SesNotification::Type::Bounce;
        addBounced(out, event.value(QLatin1String("bounce")).toObject());
    } else if (type == QLatin1String("Delivery")) {
        out.type = SesNotification::Type::Delivery;
        addDelivered(out, event.value(QLatin1String("delivery")).toObject());
    } else if (type == QLatin1String("Complaint")) {
        out.type = SesNotification::Type::Complaint;
        addComplained(out, event.value(QLatin1String("complaint")).toObject());
    }
    if (out.recipients.isEmpty())
        out.type = SesNotification::Type::None;
    return out;
}

} // namespace bouncelens

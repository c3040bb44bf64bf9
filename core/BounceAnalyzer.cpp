#include "BounceAnalyzer.h"

#include "BounceExplainer.h"
#include "BounceMarkers.h"
#include "DeliveryStatusParser.h"
#include "HeaderBlock.h"
#include "PlainTextBounceParser.h"
#include "ReasonClassifier.h"
#include "SesNotification.h"
#include "SmtpCodes.h"
#include "SpanLocator.h"
#include "TextDecoder.h"

#include <QCoreApplication>

#include <exception>

namespace bouncelens {

namespace {

QString headerText(const HeaderBlock &header, const char *name)
{
    return TextDecoder::decodeHeader(header.value(name)).simplified();
}

QString addressOf(const QString &fromValue)
{
    return DeliveryStatusParser::cleanAddress(fromValue).toLower();
}

bool containsAny(const QString &haystack, const QStringList &needles)
{
    for (const QString &n : needles)
        if (haystack.contains(n, Qt::CaseInsensitive))
            return true;
    return false;
}

void fillOriginal(OriginalMessage &original, const HeaderBlock &header)
{
    original.subject = headerText(header, "Subject");
    original.messageId = QString::fromLatin1(header.value("Message-ID")).trimmed();
    original.date = QString::fromLatin1(header.value("Date")).trimmed();
    original.from = headerText(header, "From");
    original.to = headerText(header, "To");
}

// The header block that starts the returned original inside a bounce text, if any.
HeaderBlock originalHeaderInText(const QString &text, qsizetype from)
{
    const qsizetype limit = qMin(text.size(), from + qsizetype(256 * 1024));
    qsizetype pos = from;
    // Skip the marker line and blank lines until something that looks like a header field.
    for (int lines = 0; pos < limit && lines < 20; ++lines) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), pos);
        if (end < 0)
            end = limit;
        const QStringView line = QStringView(text).mid(pos, end - pos);
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0 && !line.left(colon).contains(QLatin1Char(' ')) && !line.startsWith(QLatin1Char('-')))
            return HeaderBlock::parse(text.mid(pos, limit - pos).toUtf8());
        pos = end + 1;
    }
    return {};
}

// A plain addr-spec: one '@' with something on both sides, no spaces, no pipe or file target.
bool isMailbox(const QString &address)
{
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    return at > 0 && at == address.lastIndexOf(QLatin1Char('@')) && at + 1 < address.size()
        && !address.contains(QLatin1Char(' ')) && !address.startsWith(QLatin1Char('|'))
        && !address.startsWith(QLatin1Char('/'));
}

// Final-Recipient fields that name no mailbox ("@mx.example.org", a pipe command): the address
// inside the value, else the one recipient the bounce text names.
void repairAddresses(QList<RecipientResult> &recipients, const QString &human, const QString &bounceFrom)
{
    for (RecipientResult &r : recipients) {
        if (isMailbox(r.address))
            continue;
        const QList<PlainTextBounceParser::AddressHit> inside = PlainTextBounceParser::findAddresses(r.address);
        if (inside.size() == 1) {
            r.address = DeliveryStatusParser::cleanAddress(inside.first().address);
            continue;
        }
        if (recipients.size() != 1)
            continue;
        PlainTextBounceParser::Input in;
        in.text = human;
        in.bounceFrom = bounceFrom;
        const QList<RecipientResult> fromText = PlainTextBounceParser::parse(in).recipients;
        if (fromText.size() == 1)
            r.address = fromText.first().address;
    }
}

// A delivery-status report pasted into the bounce text: a line that starts with
// Final-Recipient, the field every per-recipient block has.
bool hasInlineDeliveryStatus(const QString &bounceText)
{
    qsizetype at = bounceText.indexOf(QLatin1String("final-recipient:"), 0, Qt::CaseInsensitive);
    while (at >= 0) {
        if (at == 0 || bounceText.at(at - 1) == QLatin1Char('\n'))
            return true;
        at = bounceText.indexOf(QLatin1String("final-recipient:"), at + 1, Qt::CaseInsensitive);
    }
    return false;
}

// The recipients a feedback report (RFC 5965) is about: every Original-Rcpt-To, else the
// Removal-Recipient, else the reported message's own recipient (Microsoft's JMRP names it in
// X-HmXmrOriginalRecipient), else its To.
QList<RecipientResult> feedbackRecipients(const HeaderBlock &report, const HeaderBlock &original,
                                          const QString &diagnostic)
{
    QStringList addresses;
    for (const QByteArray &value : report.values("Original-Rcpt-To"))
        addresses << DeliveryStatusParser::addressValue(value);
    if (addresses.isEmpty())
        addresses << DeliveryStatusParser::addressValue(report.value("Removal-Recipient"));
    addresses.removeAll(QString());
    if (addresses.isEmpty())
        addresses << DeliveryStatusParser::addressValue(original.value("X-HmXmrOriginalRecipient"));
    addresses.removeAll(QString());
    if (addresses.isEmpty()) {
        const QString to = TextDecoder::decodeHeader(original.value("To")).simplified();
        const QList<PlainTextBounceParser::AddressHit> hits = PlainTextBounceParser::findAddresses(to);
        // A report on a message sent to undisclosed recipients names nobody: keep the report
        // under the reserved placeholder Sisimai uses (an .invalid domain, never mailable).
        addresses << (hits.isEmpty() ? QStringLiteral("undisclosed-recipient-in-headers@libsisimai.org.invalid")
                                     : DeliveryStatusParser::cleanAddress(hits.first().address));
    }
    QList<RecipientResult> recipients;
    for (const QString &address : std::as_const(addresses)) {
        RecipientResult r;
        r.address = address;
        r.action = QStringLiteral("failed");
        r.diagnostic = diagnostic;
        recipients << r;
    }
    return recipients;
}

QString translate(const char *text)
{
    return QCoreApplication::translate("BounceAnalyzer", text);
}

} // namespace

MessageAnalysis BounceAnalyzer::analyze(const RawMessage &message) const
{
    if (!message.error.isEmpty()) {
        MessageAnalysis result;
        result.source = message.source;
        result.index = message.index;
        result.error = message.error;
        return result;
    }
    MessageAnalysis result = analyze(message.bytes, message.source);
    result.index = message.index;
    return result;
}

MessageAnalysis BounceAnalyzer::analyze(const QByteArray &input, const QString &source) const
{
    MessageAnalysis result;
    result.source = source;
    const QByteArray bytes = MessageLoader::normalizeLineEndings(input);
    if (bytes.trimmed().isEmpty()) {
        result.error = translate("The message is empty.");
        return result;
    }

    ExtractedMessage parts;
    try {
        parts = m_extractor.extract(bytes);
    } catch (const std::exception &e) {
        result.error = translate("The message could not be read as e-mail: %1").arg(QString::fromLocal8Bit(e.what()));
        return result;
    } catch (...) {
        result.error = translate("The message could not be read as e-mail.");
        return result;
    }

    const HeaderBlock header = HeaderBlock::parse(parts.header);
    result.subject = headerText(header, "Subject");
    result.from = headerText(header, "From");
    result.date = QString::fromLatin1(header.value("Date")).trimmed();
    if (header.isEmpty()) {
        result.error = translate("This does not look like an e-mail message: it has no header.");
        return result;
    }

    // Display text: the human-readable parts, then the delivery-status block.
    QString human = parts.humanTexts.join(QStringLiteral("\n\n"));
    while (human.endsWith(QLatin1Char('\n')) || human.endsWith(QLatin1Char(' ')))
        human.chop(1);
    const qsizetype humanOriginalStart = PlainTextBounceParser::originalStart(human);
    result.displayText = human;
    qsizetype statusBlockStart = result.displayText.size();
    if (!parts.deliveryStatus.isEmpty() || !parts.feedbackReport.isEmpty()) {
        if (!result.displayText.isEmpty())
            result.displayText += QStringLiteral("\n\n");
        statusBlockStart = result.displayText.size();
        const QByteArray &block = parts.deliveryStatus.isEmpty() ? parts.feedbackReport : parts.deliveryStatus;
        result.displayText += TextDecoder::decode(block.trimmed(), "utf-8");
    }
    const QString bounceText = human.left(humanOriginalStart);

    if (!parts.originalHeader.isEmpty())
        fillOriginal(result.original, HeaderBlock::parse(parts.originalHeader));
    else if (humanOriginalStart < human.size())
        fillOriginal(result.original, originalHeaderInText(human, humanOriginalStart));

    const QString fromLower = result.from.toLower();
    const QString bounceFrom = addressOf(result.from);
    const bool bounceSender = containsAny(fromLower, BounceMarkers::bounceSenders());
    const bool bounceSubject = containsAny(result.subject, BounceMarkers::bounceSubjects());
    const bool bounceNotice = containsAny(bounceText.left(8192), BounceMarkers::noticeStarts());

    // 1. A standard delivery-status report.
    if (!parts.deliveryStatus.isEmpty()) {
        const DeliveryStatus dsn = DeliveryStatusParser::parse(parts.deliveryStatus, parts.globalDeliveryStatus);
        result.reportingMta = dsn.reportingMta;
        result.arrivalDate = dsn.arrivalDate;
        result.recipients = dsn.recipients;
        repairAddresses(result.recipients, human, bounceFrom);
        PlainTextBounceParser::complete(bounceText, result.recipients);
    } else if (hasInlineDeliveryStatus(bounceText)) {
        // 1a. The same fields written into the text part (old Sendmail, Amazon WorkMail).
        const DeliveryStatus dsn = DeliveryStatusParser::parse(bounceText.toUtf8(), false);
        result.reportingMta = dsn.reportingMta;
        result.arrivalDate = dsn.arrivalDate;
        result.recipients = dsn.recipients;
        PlainTextBounceParser::complete(bounceText, result.recipients);
    }

    // 1b. An Amazon SES notification (JSON) sent by mail.
    bool sesComplaint = false;
    if (result.recipients.isEmpty() && parts.deliveryStatus.isEmpty()) {
        const SesNotification ses = SesNotificationParser::parse(human);
        result.recipients = ses.recipients;
        if (!ses.reportingMta.isEmpty())
            result.reportingMta = ses.reportingMta;
        sesComplaint = ses.type == SesNotification::Type::Complaint;
    }

    // 2. A feedback (abuse) report.
    const bool feedback = sesComplaint || !parts.feedbackReport.isEmpty() || parts.reportType == "feedback-report"
        || (!parts.originalHeader.isEmpty() && containsAny(result.subject, BounceMarkers::feedbackSubjects()));
    if (sesComplaint)
        result.kind = MessageKind::Feedback;
    if (feedback && result.recipients.isEmpty()) {
        const HeaderBlock report = HeaderBlock::parse(parts.feedbackReport);
        result.recipients = feedbackRecipients(report, HeaderBlock::parse(parts.originalHeader),
                                               bounceText.simplified().left(1000));
        result.reportingMta = DeliveryStatusParser::typedValue(report.value("Reporting-MTA"));
        result.arrivalDate = QString::fromLatin1(report.value("Arrival-Date"));
        result.kind = MessageKind::Feedback;
    }

    // 3. A bounce written for people.
    if (result.recipients.isEmpty() && !feedback && (bounceSender || bounceSubject || bounceNotice)) {
        PlainTextBounceParser::Input in;
        in.text = human;
        in.bounceFrom = bounceFrom;
        in.originalFrom = addressOf(result.original.from);
        in.originalTo = result.original.to;
        for (const QString &address : headerText(header, "X-Failed-Recipients").split(QLatin1Char(',')))
            if (!address.trimmed().isEmpty())
                in.failedRecipients << address.trimmed();
        // Without a sender or subject that says "bounce", a notice alone must be backed by a
        // recipient line: ordinary mail quoting a bounce is not a bounce.
        result.recipients = PlainTextBounceParser::parse(in).recipients;
    }

    if (!feedback)
        for (RecipientResult &r : result.recipients)
            SmtpCodes::settleCodes(r);

    // Kind.
    if (!feedback) {
        bool failed = false;
        bool delayed = false;
        bool delivered = false;
        for (const RecipientResult &r : std::as_const(result.recipients)) {
            failed = failed || r.action == QLatin1String("failed") || r.action.isEmpty();
            delayed = delayed || r.action == QLatin1String("delayed");
            delivered = delivered || r.action == QLatin1String("delivered") || r.action == QLatin1String("relayed")
                || r.action == QLatin1String("expanded");
        }
        if (failed)
            result.kind = MessageKind::Bounce;
        else if (delayed)
            result.kind = MessageKind::Delay;
        else if (delivered)
            result.kind = MessageKind::Delivered;
        else
            result.kind = MessageKind::NotBounce;
    }

    // 4. An auto-reply (RFC 3834 and common practice), when nothing bounced.
    if (result.kind == MessageKind::NotBounce) {
        const QByteArray autoSubmitted = header.value("Auto-Submitted").toLower();
        const bool autoHeader = autoSubmitted.startsWith("auto-replied") || header.contains("X-Autoreply")
            || header.contains("X-Autorespond") || header.value("Precedence").toLower() == "auto_reply"
            || (header.contains("X-Auto-Response-Suppress") && containsAny(result.subject, BounceMarkers::autoReplySubjects()));
        if (autoHeader || (containsAny(result.subject, BounceMarkers::autoReplySubjects()) && !bounceSender)) {
            result.kind = MessageKind::AutoReply;
            RecipientResult r;
            r.address = bounceFrom;
            r.action = QString();
            // The first line of the reply says what it is about.
            const QString firstLine = human.trimmed().section(QLatin1Char('\n'), 0, 0).simplified();
            r.diagnostic = firstLine.left(500);
            if (!r.address.isEmpty())
                result.recipients << r;
        }
    }

    if (result.kind == MessageKind::NotBounce)
        result.recipients.clear();

    // Verdicts, explanations and highlights.
    ClassificationContext context;
    context.kind = result.kind;
    context.bounceText = bounceText;
    context.subject = result.subject;
    context.bounceFrom = result.from;
    context.reportingMta = result.reportingMta;
    for (RecipientResult &r : result.recipients)
        ReasonClassifier::classify(r, context);

    const qsizetype bounceTextEnd = humanOriginalStart;
    // Ordinary mail has nothing to highlight: a "notice" there would mislead.
    if (result.kind != MessageKind::NotBounce)
        result.spans = SpanLocator::locate(result, bounceTextEnd, statusBlockStart);
    for (const Span &s : std::as_const(result.spans))
        if (s.role == SpanRole::Notice)
            result.notice = result.spanText(s).simplified();
    if (parts.nestingTruncated && result.kind == MessageKind::NotBounce)
        result.error = translate("The message nests parts more deeply than BounceLens reads; only its outer parts were analysed.");
    return result;
}

} // namespace bouncelens

#include "analysis/BounceAnalyzer.h"

#include "analysis/DisplayHeader.h"
#include "analysis/Logging.h"

#include "classify/NoticeWording.h"
#include "classify/ReasonClassifier.h"
#include "classify/SmtpCodes.h"
#include "explain/BounceExplainer.h"
#include "message/HeaderBlock.h"
#include "message/TextDecoder.h"
#include "report/BounceMarkers.h"
#include "report/DeliveryStatusParser.h"
#include "report/NoticeLocator.h"
#include "report/PlainTextBounceParser.h"
#include "report/SesNotification.h"
#include "report/SpanLocator.h"

#include <QCoreApplication>

#include <exception>

namespace bouncelens {

namespace {

// The part of a delivery-status report that goes into the display text.
constexpr qsizetype kMaxStatusDisplayBytes = 4 << 20;

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

// Where the header block of the returned original starts inside a bounce text (after its
// marker line and blank lines), or -1.
qsizetype originalHeaderStartInText(const QString &text, qsizetype from)
{
    qsizetype pos = from;
    for (int lines = 0; pos < text.size() && lines < 20; ++lines) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), pos);
        if (end < 0)
            end = text.size();
        const QStringView line = QStringView(text).mid(pos, end - pos);
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0 && !line.left(colon).contains(QLatin1Char(' ')) && !line.startsWith(QLatin1Char('-')))
            return pos;
        pos = end + 1;
    }
    return -1;
}

// A returned "original" that is itself a bounce: a report from a mail system about another
// message (a bounce forwarded to an administrator, or wrapped by a relay that gave up too).
bool isBounceHeader(const HeaderBlock &header)
{
    const QString from = TextDecoder::decodeHeader(header.value("From")).toLower();
    bool sender = false;
    for (const QString &n : BounceMarkers::bounceSenders())
        sender = sender || from.contains(n);
    if (!sender)
        return false;
    const QString subject = TextDecoder::decodeHeader(header.value("Subject"));
    bool bounceSubject = false;
    for (const QString &n : BounceMarkers::bounceSubjects())
        bounceSubject = bounceSubject || subject.contains(n, Qt::CaseInsensitive);
    return bounceSubject || header.value("Content-Type").toLower().contains("multipart/report");
}

// Mail sent through a mailing list (RFC 2369 / RFC 2919 fields, and the older conventions):
// its To names the list, never the one member whose delivery failed.
bool isListMail(const HeaderBlock &header)
{
    for (const char *field : {"List-Id", "List-Unsubscribe", "List-Post", "List-Help", "List-Owner",
             "List-Subscribe", "List-Archive", "Mailing-List", "X-Mailing-List", "X-ML-Name", "X-List"})
        if (header.contains(field))
            return true;
    // "bulk" alone is any mass mailing, often sent to each recipient by name.
    return header.value("Precedence").trimmed().toLower() == "list";
}

// How much of the delivery-status block the classifier is handed (it scans 64 KiB at most).
constexpr qsizetype kClassifiedStatusChars = 1 << 20;

// Bounces inside bounces are read one level deep.
thread_local int t_nestedAnalysis = 0;

HeaderBlock originalHeaderInText(const QString &text, qsizetype from)
{
    // Skip the marker line and blank lines until something that looks like a header field.
    const qsizetype pos = originalHeaderStartInText(text, from);
    if (pos < 0)
        return {};
    const qsizetype limit = qMin(text.size(), from + qsizetype(256 * 1024));
    return HeaderBlock::parse(text.mid(pos, limit - pos).toUtf8());
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
        const QList<PlainTextBounceParser::AddressHit> inside
            = PlainTextBounceParser::findAddresses(r.address);
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

// A 4xx/5xx reply code or enhanced status code in the first part of a text.
bool hasFailureCode(const QString &text)
{
    const QStringView head = QStringView(text).left(16 * 1024);
    const CodeMatch status = SmtpCodes::findStatusCode(head);
    if (status.found() && !status.code.startsWith(QLatin1Char('2')))
        return true;
    return SmtpCodes::findReplyCodeOfClass(head, QLatin1Char('5')).found()
        || SmtpCodes::findReplyCodeOfClass(head, QLatin1Char('4')).found();
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
QList<RecipientResult> feedbackRecipients(
    const HeaderBlock &report, const HeaderBlock &original, const QString &diagnostic)
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
        addresses << (hits.isEmpty()
                ? QStringLiteral("undisclosed-recipient-in-headers@libsisimai.org.invalid")
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

// The opening notice (NoticeLocator) among the spans, the bounce's header fields at the top of
// the display text, and its subject line as the notice where the text has no notice sentence.
void showNotice(MessageAnalysis &result, qsizetype noticeEnd, const DisplayHeader::Fields &fields)
{
    const NoticeResult notice
        = NoticeLocator::locate(result.displayText, noticeEnd, result.spans, result.kind);
    result.noticeKind = notice.kind;
    result.spans += notice.spans;
    const Span subject = DisplayHeader::prepend(result, fields);
    if (result.kind != MessageKind::NotBounce && !notice.found() && subject.length > 0) {
        result.spans << subject;
        result.noticeKind = NoticeKind::Subject;
    }
    std::sort(result.spans.begin(), result.spans.end(), [](const Span &a, const Span &b) {
        return a.start != b.start ? a.start < b.start : a.length > b.length;
    });
    QStringList parts;
    for (const Span &s : std::as_const(result.spans))
        if (s.role == SpanRole::Notice)
            parts << result.spanText(s).simplified();
    result.notice = parts.join(QLatin1Char(' '));
}

} // namespace

MessageAnalysis BounceAnalyzer::analyze(const RawMessage &message) const
{
    if (!message.error.isEmpty()) {
        MessageAnalysis result;
        result.source = message.source;
        result.index = message.index;
        result.error = message.error;
        result.errorCode = message.errorCode;
        qCDebug(lcAnalysis).noquote() << "not analysed:" << message.source << '#' << message.index
                                      << "could not be read:" << errorCodeName(message.errorCode);
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
        result.error = QCoreApplication::translate("BounceAnalyzer", "The message is empty.");
        result.errorCode = AnalysisError::Empty;
        qCDebug(lcAnalysis).noquote() << "not analysed:" << source << errorCodeName(result.errorCode);
        return result;
    }

    ExtractedMessage parts;
    try {
        parts = m_extractor.extract(bytes);
    } catch (const std::exception &e) {
        result.error
            = QCoreApplication::translate("BounceAnalyzer", "The message could not be read as e-mail: %1")
                  .arg(QString::fromLocal8Bit(e.what()));
        result.errorCode = AnalysisError::Unparsable;
        qCWarning(lcAnalysis).noquote() << "could not parse" << source << '(' << bytes.size()
                                        << "bytes):" << errorCodeName(result.errorCode) << e.what();
        return result;
    } catch (...) {
        result.error
            = QCoreApplication::translate("BounceAnalyzer", "The message could not be read as e-mail.");
        result.errorCode = AnalysisError::Unparsable;
        qCWarning(lcAnalysis).noquote()
            << "could not parse" << source << '(' << bytes.size()
            << "bytes):" << errorCodeName(result.errorCode) << "(unknown exception)";
        return result;
    }

    const HeaderBlock header = HeaderBlock::parse(parts.header);
    result.subject = headerText(header, "Subject");
    result.from = headerText(header, "From");
    result.date = QString::fromLatin1(header.value("Date")).trimmed();
    if (header.isEmpty()) {
        result.error = QCoreApplication::translate(
            "BounceAnalyzer", "This does not look like an e-mail message: it has no header.");
        result.errorCode = AnalysisError::NotAMessage;
        qCDebug(lcAnalysis).noquote() << "not analysed:" << source << errorCodeName(result.errorCode);
        return result;
    }

    // Display text: the human-readable parts, then the delivery-status block.
    QString human = parts.humanTexts.join(QStringLiteral("\n\n"));
    while (human.endsWith(QLatin1Char('\n')) || human.endsWith(QLatin1Char(' ')))
        human.chop(1);
    const qsizetype humanOriginalStart = PlainTextBounceParser::originalStart(human);
    // The delivery-status report is read from its bytes first, so that they can go before the
    // display text is built (a report naming 100,000 recipients is 20 MB of bytes).
    const bool hasDeliveryStatus = !parts.deliveryStatus.isEmpty();
    DeliveryStatus dsn;
    if (hasDeliveryStatus)
        dsn = DeliveryStatusParser::parse(parts.deliveryStatus, parts.globalDeliveryStatus);
    result.displayText = human;
    qsizetype statusBlockStart = result.displayText.size();
    if (hasDeliveryStatus || !parts.feedbackReport.isEmpty()) {
        if (!result.displayText.isEmpty())
            result.displayText += QStringLiteral("\n\n");
        statusBlockStart = result.displayText.size();
        if (hasDeliveryStatus) {
            // Nobody reads megabytes of report fields: show the start (whole lines), say so.
            QByteArray statusBytes = std::move(parts.deliveryStatus).trimmed();
            parts.deliveryStatus = QByteArray();
            const bool cut = statusBytes.size() > kMaxStatusDisplayBytes;
            if (cut) {
                const qsizetype lineEnd = statusBytes.lastIndexOf('\n', kMaxStatusDisplayBytes);
                statusBytes.truncate(lineEnd > 0 ? lineEnd : kMaxStatusDisplayBytes);
            }
            const QString status = TextDecoder::decode(statusBytes, "utf-8");
            statusBytes = QByteArray();
            result.displayText.reserve(result.displayText.size() + status.size() + 2); // no growth slack
            result.displayText += status;
            if (cut) {
                result.displayText += QStringLiteral("\n…");
                result.warnings << QCoreApplication::translate(
                    "BounceAnalyzer", "The delivery report is very long; only its first %1 MB are shown.")
                                       .arg(kMaxStatusDisplayBytes >> 20);
            }
        } else {
            result.displayText += TextDecoder::decode(parts.feedbackReport.trimmed(), "utf-8");
        }
    }
    const QString bounceText = human.left(humanOriginalStart);

    HeaderBlock originalHeader;
    if (!parts.originalHeader.isEmpty())
        originalHeader = HeaderBlock::parse(parts.originalHeader);
    else if (humanOriginalStart < human.size())
        originalHeader = originalHeaderInText(human, humanOriginalStart);
    fillOriginal(result.original, originalHeader);

    const QString fromLower = result.from.toLower();
    const QString bounceFrom = addressOf(result.from);
    // A mailing list manager's error notice (fml: "X-MLServer", sent from the list's
    // "-admin" address) is a bounce written for people too.
    const bool listServerNotice
        = header.contains("X-MLServer") && fromLower.contains(QLatin1String("-admin@"));
    const bool bounceSender = listServerNotice || containsAny(fromLower, BounceMarkers::bounceSenders());
    const bool bounceSubject = containsAny(result.subject, BounceMarkers::bounceSubjects());
    const bool bounceNotice = SpanLocator::noticeMatcher().containsAny(QStringView(bounceText).left(8192));
    // RFC 3834 and common practice. A message marked as an auto-reply is read as a bounce only
    // when its sender or subject says so: a notice phrase alone ("... to your message") is not
    // enough there.
    const QByteArray autoSubmitted = header.value("Auto-Submitted").toLower();
    const bool autoReplySubject = containsAny(result.subject, BounceMarkers::autoReplySubjects());
    const bool autoHeader = autoSubmitted.startsWith("auto-replied") || header.contains("X-Autoreply")
        || header.contains("X-Autorespond") || header.value("Precedence").toLower() == "auto_reply"
        || (header.contains("X-Auto-Response-Suppress") && autoReplySubject);
    const bool autoReply = autoHeader || (autoReplySubject && !bounceSender);
    // A mail client's unsubscribe request (Apple Mail's "X-Apple-Unsubscribe: true"): the
    // recipient asks to get no more mail, which is feedback about the list.
    const bool unsubscribeRequest = header.value("X-Apple-Unsubscribe").trimmed().toLower() == "true";

    // Which reader found the recipients, for the log.
    const char *parserPath = "none";

    // 1. A standard delivery-status report.
    if (hasDeliveryStatus) {
        parserPath = "dsn";
        result.reportingMta = dsn.reportingMta;
        result.arrivalDate = dsn.arrivalDate;
        result.recipients = std::move(dsn.recipients);
        if (dsn.omittedRecipients > 0)
            result.warnings << QCoreApplication::translate(
                "BounceAnalyzer", "The report lists %1 more recipients than the %2 shown here.")
                                   .arg(dsn.omittedRecipients)
                                   .arg(result.recipients.size());
        repairAddresses(result.recipients, human, bounceFrom);
        PlainTextBounceParser::complete(bounceText, result.recipients);
    } else if (hasInlineDeliveryStatus(bounceText)) {
        // 1a. The same fields written into the text part (old Sendmail, Amazon WorkMail).
        parserPath = "inline-dsn";
        const DeliveryStatus dsn = DeliveryStatusParser::parse(bounceText.toUtf8(), false);
        result.reportingMta = dsn.reportingMta;
        result.arrivalDate = dsn.arrivalDate;
        result.recipients = dsn.recipients;
        PlainTextBounceParser::complete(bounceText, result.recipients);
    }

    // 1b. An Amazon SES notification (JSON) sent by mail.
    bool sesComplaint = false;
    if (result.recipients.isEmpty() && !hasDeliveryStatus) {
        const SesNotification ses = SesNotificationParser::parse(human);
        result.recipients = ses.recipients;
        if (!ses.reportingMta.isEmpty())
            result.reportingMta = ses.reportingMta;
        sesComplaint = ses.type == SesNotification::Type::Complaint;
        if (!ses.recipients.isEmpty())
            parserPath = "ses";
    }

    // 2. A feedback (abuse) report.
    const bool feedback = sesComplaint || unsubscribeRequest || !parts.feedbackReport.isEmpty()
        || parts.reportType == "feedback-report"
        || (!parts.originalHeader.isEmpty()
            && containsAny(result.subject, BounceMarkers::feedbackSubjects()));
    if (sesComplaint)
        result.kind = MessageKind::Feedback;
    if (feedback && result.recipients.isEmpty()) {
        const HeaderBlock report = HeaderBlock::parse(parts.feedbackReport);
        result.recipients = feedbackRecipients(
            report, HeaderBlock::parse(parts.originalHeader), bounceText.simplified().left(1000));
        if (unsubscribeRequest && parts.feedbackReport.isEmpty() && parts.originalHeader.isEmpty()
            && !bounceFrom.isEmpty())
            result.recipients.first().address = bounceFrom; // the one who unsubscribes
        result.reportingMta = DeliveryStatusParser::typedValue(report.value("Reporting-MTA"));
        result.arrivalDate = QString::fromLatin1(report.value("Arrival-Date"));
        result.kind = MessageKind::Feedback;
        parserPath = "feedback";
    }

    // 2a. A challenge/response request (confirm that you are a sender) is an automatic reply.
    const bool challenge = result.recipients.isEmpty() && !feedback && !hasDeliveryStatus
        && NoticeWording::isChallengeResponse(result.subject, bounceText);

    // 3. A bounce written for people.
    PlainTextBounceParser::Result plain;
    bool plainParsed = false;
    if (result.recipients.isEmpty() && !feedback && !challenge
        && (bounceSender || bounceSubject || (bounceNotice && !autoReply))) {
        PlainTextBounceParser::Input in;
        in.text = human;
        in.bounceFrom = bounceFrom;
        in.bounceTo = addressOf(headerText(header, "To"));
        in.originalFrom = addressOf(result.original.from);
        in.originalTo = result.original.to;
        in.originalIsListMail = isListMail(originalHeader);
        for (const QString &address : headerText(header, "X-Failed-Recipients").split(QLatin1Char(',')))
            if (!address.trimmed().isEmpty())
                in.failedRecipients << address.trimmed();
        // Without a sender or subject that says "bounce", a notice alone must be backed by a
        // recipient line: ordinary mail quoting a bounce is not a bounce.
        plain = PlainTextBounceParser::parse(in);
        plainParsed = true;
        parserPath = "plain-text";
        result.recipients = plain.recipients;
        // The whole notice decides whether its recipients failed or are only delayed: a warning
        // that delivery is still being tried is a delay, whatever codes it quotes.
        if (NoticeWording::isDelayWarning(result.subject, bounceText))
            for (RecipientResult &r : result.recipients)
                if (r.action.isEmpty() || r.action == QLatin1String("failed"))
                    r.action = QStringLiteral("delayed");
    }

    // 3a. The text names no recipient (or barely), and what it returns is itself a bounce: a
    // relay that forwards or wraps another mail system's report. Read that report instead.
    if (plainParsed && (result.recipients.isEmpty() || plain.fromFallback || plain.bestScore <= 1)
        && t_nestedAnalysis == 0) {
        QByteArray inner;
        if (!parts.originalHeader.isEmpty()) {
            if (isBounceHeader(HeaderBlock::parse(parts.originalHeader)))
                inner = parts.originalHeader + '\n' + parts.originalBody;
        } else if (humanOriginalStart < human.size()) {
            const qsizetype at = originalHeaderStartInText(human, humanOriginalStart);
            if (at >= 0 && isBounceHeader(originalHeaderInText(human, humanOriginalStart)))
                inner = QStringView(human).mid(at).toUtf8();
        }
        if (!inner.isEmpty()) {
            ++t_nestedAnalysis;
            const MessageAnalysis nested = analyze(inner, source);
            --t_nestedAnalysis;
            if ((nested.kind == MessageKind::Bounce || nested.kind == MessageKind::Delay)
                && !nested.recipients.isEmpty()) {
                result.recipients = nested.recipients;
                parserPath = "plain-text, then the returned report";
                // A report that came as an attachment is shown after the text, so that its
                // recipients and codes can be highlighted where it says them.
                if (!parts.originalHeader.isEmpty() && statusBlockStart == result.displayText.size()
                    && !nested.displayText.isEmpty()) {
                    if (!result.displayText.isEmpty())
                        result.displayText += QStringLiteral("\n\n");
                    statusBlockStart = result.displayText.size();
                    result.displayText += nested.displayText;
                }
                if (!nested.reportingMta.isEmpty())
                    result.reportingMta = nested.reportingMta;
                if (result.arrivalDate.isEmpty())
                    result.arrivalDate = nested.arrivalDate;
                if (!nested.original.subject.isEmpty() || !nested.original.messageId.isEmpty())
                    result.original = nested.original;
            }
        }
    }

    // A bounce whose report names nobody (and whose original gives no single, non-list To to
    // guess from) is still a bounce: it says so instead of inventing a recipient.
    // Without a mail-system sender, the notice must carry what only a mail system writes (a
    // failure code or the returned message): spam that imitates a bounce carries neither.
    const bool mailSystemTraces = bounceSender || !parts.originalHeader.isEmpty()
        || humanOriginalStart < human.size() || hasFailureCode(bounceText);
    const bool unnamedBounce = plainParsed && result.recipients.isEmpty() && !autoReply && mailSystemTraces
        && ((bounceSender && bounceSubject) || ((bounceSender || bounceSubject) && bounceNotice));
    for (const RecipientResult &r : std::as_const(result.recipients))
        if (r.addressGuessed) {
            result.warnings << QCoreApplication::translate("BounceAnalyzer",
                "The report names no recipient; %1 is a guess from the returned message's To field.")
                                   .arg(r.address);
            break;
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
            delivered = delivered || r.action == QLatin1String("delivered")
                || r.action == QLatin1String("relayed") || r.action == QLatin1String("expanded");
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

    if (result.kind == MessageKind::NotBounce && unnamedBounce && !challenge) {
        result.kind = NoticeWording::isDelayWarning(result.subject, bounceText) ? MessageKind::Delay
                                                                                : MessageKind::Bounce;
        result.warnings << QCoreApplication::translate(
            "BounceAnalyzer", "This is a bounce, but it does not say which recipient failed.");
    }

    // 4. An auto-reply (RFC 3834 and common practice), when nothing bounced.
    if (result.kind == MessageKind::NotBounce && challenge) {
        // Nothing failed: the other side asks the sender to confirm, and lists no recipient.
        result.kind = MessageKind::AutoReply;
    } else if (result.kind == MessageKind::NotBounce) {
        if (autoReply) {
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
    // The classifier reads a bounded prefix of the block (64 KiB): a huge report is not copied
    // whole for it.
    context.deliveryStatus = result.displayText.mid(statusBlockStart, kClassifiedStatusChars);
    for (RecipientResult &r : result.recipients)
        ReasonClassifier::classify(r, context);
    context = {};

    const qsizetype bounceTextEnd = humanOriginalStart;
    // Ordinary mail has nothing to highlight: a "notice" there would mislead.
    if (result.kind != MessageKind::NotBounce)
        result.spans = SpanLocator::locate(result, bounceTextEnd, statusBlockStart);
    showNotice(result, qMin(bounceTextEnd, statusBlockStart),
        {result.from, headerText(header, "To"), result.date, result.subject});
    if (parts.nestingTruncated && result.kind == MessageKind::NotBounce) {
        result.error = QCoreApplication::translate("BounceAnalyzer",
            "The message nests parts more deeply than BounceLens reads; only its outer parts were analysed.");
        result.errorCode = AnalysisError::TooDeeplyNested;
        qCDebug(lcAnalysis).noquote()
            << "only the outer parts of" << source << "analysed:" << errorCodeName(result.errorCode);
    }
    qCDebug(lcAnalysis).noquote().nospace()
        << "analysed " << source << (t_nestedAnalysis > 0 ? " (the returned report): " : ": ")
        << toString(result.kind) << ", " << result.recipients.size() << " recipients, parser path "
        << parserPath;
    return result;
}

} // namespace bouncelens

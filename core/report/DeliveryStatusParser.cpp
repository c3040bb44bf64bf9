#include "report/DeliveryStatusParser.h"

#include "classify/SmtpCodes.h"
#include "message/TextDecoder.h"

#include <QSet>

namespace bouncelens {

namespace {

// Splits "type; value" and returns the value when the part before ';' looks like a type token.
QByteArray stripType(const QByteArray &value)
{
    const qsizetype semi = value.indexOf(';');
    if (semi <= 0 || semi > 24)
        return value.trimmed();
    for (qsizetype i = 0; i < semi; ++i) {
        const char c = value.at(i);
        if (!(isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return value.trimmed();
    }
    return value.mid(semi + 1).trimmed();
}

QString unescapeUtf8Address(const QString &in)
{
    if (!in.contains(QLatin1String("\\x{")))
        return in;
    QString out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.mid(i, 3) == QLatin1String("\\x{")) {
            const qsizetype close = in.indexOf(QLatin1Char('}'), i);
            bool ok = false;
            const uint cp = close > i ? in.mid(i + 3, close - i - 3).toUInt(&ok, 16) : 0;
            if (ok && cp > 0 && cp <= 0x10FFFF) {
                out.append(QString::fromUcs4(reinterpret_cast<const char32_t *>(&cp), 1));
                i = close;
                continue;
            }
        }
        out.append(in.at(i));
    }
    return out;
}

// Action values seen from non-conforming generators, mapped onto RFC 3464's five.
QString standardAction(const QString &action)
{
    if (action == QLatin1String("expired"))
        return QStringLiteral("delayed"); // gave up waiting: reported like a delay (Sisimai too)
    if (action == QLatin1String("deliverable"))
        return QStringLiteral("delivered");
    if (action == QLatin1String("failure"))
        return QStringLiteral("failed");
    return action;
}

// Values that repeat from recipient to recipient ("failed", "5.1.1", the remote MTA) are kept
// once and shared: a report naming 100,000 recipients holds them 100,000 times otherwise.
class StringPool
{
public:
    void share(QString &value)
    {
        if (value.isEmpty() || value.size() > 64)
            return;
        const auto it = m_values.constFind(value);
        if (it != m_values.cend())
            value = *it;
        else if (m_values.size() < 4096)
            m_values.insert(value);
    }

private:
    QSet<QString> m_values;
};

// One '@' with text on both sides and no spaces: an address a sender can have typed.
bool isPlainMailbox(const QString &address)
{
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    return at > 0 && at == address.lastIndexOf(QLatin1Char('@')) && at + 1 < address.size()
        && !address.contains(QLatin1Char(' ')) && !address.contains(QLatin1Char('/'));
}

RecipientResult recipientFrom(const HeaderBlock &block, bool global, StringPool &pool)
{
    RecipientResult r;
    // `address` is the one the sender used (RFC 3464 2.3.1: Original-Recipient, when the
    // reporting MTA kept it); Final-Recipient is what the address became after aliases and
    // forwards. An Original-Recipient that names no mailbox (an X.400 form, a bare local part)
    // gives way to Final-Recipient.
    QString final = DeliveryStatusParser::addressValue(block.value("Final-Recipient"));
    QString original = DeliveryStatusParser::addressValue(block.value("Original-Recipient"));
    if (global) {
        final = unescapeUtf8Address(final);
        original = unescapeUtf8Address(original);
    }
    if (isPlainMailbox(original) && final.compare(original, Qt::CaseInsensitive) != 0) {
        r.address = original;
        r.finalRecipient = final;
    } else {
        r.address = final.isEmpty() ? original : final;
    }
    r.action = QString::fromLatin1(block.value("Action")).trimmed().toLower();
    // "failed (bad destination)" style actions: keep the keyword.
    if (const qsizetype sp = r.action.indexOf(QLatin1Char(' ')); sp > 0)
        r.action.truncate(sp);
    r.action = standardAction(r.action);
    r.diagnostic = DeliveryStatusParser::diagnosticValue(block.value("Diagnostic-Code"));
    const QString statusField = QString::fromLatin1(block.value("Status"));
    if (const CodeMatch status = SmtpCodes::findStatusCode(statusField); status.found())
        r.status = status.code;
    if (const CodeMatch reply = SmtpCodes::findReplyCode(r.diagnostic); reply.found())
        r.replyCode = reply.code;
    r.remoteMta = DeliveryStatusParser::typedValue(block.value("Remote-MTA"));
    r.lastAttempt = QString::fromLatin1(block.value("Last-Attempt-Date"));
    r.retryUntil = QString::fromLatin1(block.value("Will-Retry-Until"));
    pool.share(r.action);
    pool.share(r.status);
    pool.share(r.replyCode);
    pool.share(r.remoteMta);
    pool.share(r.lastAttempt);
    pool.share(r.retryUntil);
    return r;
}

// How many more recipients a report lists: its Final-Recipient fields at line starts.
qsizetype countRecipientFields(QByteArrayView rest)
{
    static const QByteArray field = QByteArrayLiteral("final-recipient:");
    qsizetype count = 0;
    qsizetype lineStart = 0;
    while (lineStart < rest.size()) {
        qsizetype end = rest.indexOf('\n', lineStart);
        if (end < 0)
            end = rest.size();
        if (end - lineStart >= field.size()
            && qstrnicmp(rest.data() + lineStart, field.constData(), field.size()) == 0)
            ++count;
        lineStart = end + 1;
    }
    return count;
}

bool isRecipientField(const QByteArray &name)
{
    return qstricmp(name.constData(), "Final-Recipient") == 0
        || qstricmp(name.constData(), "Original-Recipient") == 0;
}

} // namespace

QString DeliveryStatusParser::cleanAddress(const QString &address)
{
    QString a = address.trimmed();
    // "Name <user@example.jp>" or "<user@example.jp>"
    const qsizetype lt = a.lastIndexOf(QLatin1Char('<'));
    if (lt >= 0) {
        const qsizetype gt = a.indexOf(QLatin1Char('>'), lt);
        a = a.mid(lt + 1, gt > lt ? gt - lt - 1 : -1);
    }
    while (!a.isEmpty()
        && (a.front() == QLatin1Char('"') || a.front() == QLatin1Char('\'') || a.front() == QLatin1Char('(')))
        a.remove(0, 1);
    while (!a.isEmpty()
        && (a.back() == QLatin1Char('"') || a.back() == QLatin1Char('\'') || a.back() == QLatin1Char('.')
            || a.back() == QLatin1Char(',') || a.back() == QLatin1Char(')') || a.back() == QLatin1Char(':')
            || a.back() == QLatin1Char(';')))
        a.chop(1);
    a = a.trimmed();
    // Exchange and X.400 gateways: an SMTP address inside an X.400 domain-defined attribute
    // ("DDA:SMTP=user@example.com", RFC 2156) or a proxy address ("SMTP:user@example.com").
    for (const QLatin1String prefix : {QLatin1String("smtp="), QLatin1String("smtp:")})
        if (a.startsWith(prefix, Qt::CaseInsensitive) && a.indexOf(QLatin1Char('@')) > prefix.size())
            a = a.mid(prefix.size());
    // Exchange's encapsulation of a foreign address ("IMCEASMTP-user+40example+2Ecom@host"):
    // the address after the type, with "+XX" hex escapes, before the encapsulating domain.
    if (a.startsWith(QLatin1String("IMCEASMTP-"), Qt::CaseInsensitive)) {
        const QString inner = a.mid(10, a.lastIndexOf(QLatin1Char('@')) - 10);
        QString decoded;
        for (qsizetype i = 0; i < inner.size(); ++i) {
            bool ok = false;
            const int code = inner.at(i) == QLatin1Char('+') ? inner.mid(i + 1, 2).toInt(&ok, 16) : 0;
            if (ok && code > 0x20 && code < 0x7f) {
                decoded += QChar(code);
                i += 2;
            } else {
                decoded += inner.at(i);
            }
        }
        if (decoded.count(QLatin1Char('@')) == 1)
            a = decoded;
    }
    return a;
}

QString DeliveryStatusParser::addressValue(const QByteArray &value)
{
    return cleanAddress(TextDecoder::decode(stripType(value), "utf-8"));
}

QString DeliveryStatusParser::diagnosticValue(const QByteArray &value)
{
    // Only the start is kept (the classifier and the spans read the start): a hostile
    // Diagnostic-Code of megabytes is cut before it is decoded, at a UTF-8 character boundary.
    QByteArray bytes = stripType(value);
    if (bytes.size() > kMaxDiagnosticBytes) {
        qsizetype cut = kMaxDiagnosticBytes;
        while (cut > 0 && (static_cast<unsigned char>(bytes.at(cut)) & 0xC0) == 0x80)
            --cut;
        bytes.truncate(cut);
    }
    return TextDecoder::decode(bytes, "utf-8").simplified();
}

QString DeliveryStatusParser::typedValue(const QByteArray &value)
{
    QString v = TextDecoder::decode(stripType(value), "utf-8").simplified();
    // "mx.example.jp [192.0.2.1]" keeps the host name only.
    if (const qsizetype sp = v.indexOf(QLatin1Char(' ')); sp > 0)
        v.truncate(sp);
    return v;
}

DeliveryStatus DeliveryStatusParser::parse(const QByteArray &body, bool global)
{
    DeliveryStatus result;
    StringPool pool;
    qsizetype pos = 0;
    while (pos < body.size()) {
        // Skip blank lines, then take one block.
        while (pos < body.size() && (body.at(pos) == '\n' || body.at(pos) == ' ' || body.at(pos) == '\t')) {
            const qsizetype nl = body.indexOf('\n', pos);
            if (nl < 0 || body.mid(pos, nl - pos).trimmed().size() > 0)
                break;
            pos = nl + 1;
        }
        if (pos >= body.size())
            break;
        qsizetype end = body.indexOf("\n\n", pos);
        if (end < 0)
            end = body.size();
        const HeaderBlock block = HeaderBlock::parse(body.mid(pos, end - pos + 1));
        pos = end + 1;

        if (result.reportingMta.isEmpty() && block.contains("Reporting-MTA"))
            result.reportingMta = typedValue(block.value("Reporting-MTA"));
        if (result.arrivalDate.isEmpty() && block.contains("Arrival-Date"))
            result.arrivalDate = QString::fromLatin1(block.value("Arrival-Date"));

        // Group the block's fields per recipient: a new group starts at a recipient field when
        // the current group already has one of the same name. Original-Recipient usually comes
        // first, but Postfix writes it right after Final-Recipient: there it belongs to the
        // same recipient, anywhere else after a Final-Recipient it opens the next one.
        QList<QList<HeaderBlock::Field>> groups;
        QList<HeaderBlock::Field> current;
        bool currentHasFinal = false;
        bool currentHasOriginal = false;
        bool previousWasFinal = false;
        for (const HeaderBlock::Field &f : block.fields()) {
            const bool final = qstricmp(f.name.constData(), "Final-Recipient") == 0;
            if (isRecipientField(f.name)) {
                const bool newGroup = final ? currentHasFinal
                                            : (currentHasOriginal || (currentHasFinal && !previousWasFinal));
                if (newGroup) {
                    groups << current;
                    current.clear();
                    currentHasFinal = currentHasOriginal = false;
                }
                (final ? currentHasFinal : currentHasOriginal) = true;
            }
            previousWasFinal = final;
            current << f;
        }
        groups << current;
        for (const QList<HeaderBlock::Field> &fields : std::as_const(groups)) {
            bool hasRecipient = false;
            QByteArray text;
            for (const HeaderBlock::Field &f : fields) {
                hasRecipient = hasRecipient || isRecipientField(f.name);
                text += f.name + ": " + f.value + '\n';
            }
            if (!hasRecipient)
                continue;
            RecipientResult r = recipientFrom(HeaderBlock::parse(text), global, pool);
            if (!r.address.isEmpty())
                result.recipients << r;
        }
        if (result.recipients.size() >= kMaxRecipients) {
            result.omittedRecipients = countRecipientFields(QByteArrayView(body).sliced(pos));
            break;
        }
    }
    return result;
}

} // namespace bouncelens

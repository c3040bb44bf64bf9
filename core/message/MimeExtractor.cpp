#include "message/MimeExtractor.h"

#include "message/HeaderBlock.h"
#include "message/MessageLoader.h"
#include "message/TextDecoder.h"
#include "message/VmimePlatform.h"

#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

#include <QList>

namespace bouncelens {

namespace {

constexpr qsizetype kMaxOriginalBody = 64 * 1024;

QByteArray toBytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

// An output stream that keeps the first `cap` bytes written to it and drops the rest, so that a
// 30 MB attachment is decoded in passing but never held.
class CappedOutputStream : public vmime::utility::outputStream
{
public:
    CappedOutputStream(QByteArray &out, qsizetype cap)
        : m_out(out)
        , m_cap(cap)
    { }

    void flush() override { }

protected:
    void writeImpl(const vmime::byte_t *const data, const size_t count) override
    {
        const qsizetype room = m_cap - m_out.size();
        if (room <= 0)
            return;
        m_out.append(reinterpret_cast<const char *>(data), qMin(room, qsizetype(count)));
    }

private:
    QByteArray &m_out;
    qsizetype m_cap;
};

QByteArray extractContents(const vmime::shared_ptr<const vmime::body> &body, qsizetype cap)
{
    QByteArray out;
    const auto contents = body->getContents();
    // Encoded length is an upper bound of the decoded one (base64, QP, 7/8bit): reserve once.
    out.reserve(qMin(cap, qsizetype(contents->getLength())));
    CappedOutputStream os(out, cap);
    contents->extract(os);
    return out;
}

QByteArray declaredCharset(const vmime::shared_ptr<const vmime::header> &header)
{
    auto ct = header->findField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
    if (!ct || !ct->hasParameter("charset"))
        return {};
    return toBytes(ct->getCharset().getName());
}

struct Walker
{
    const ExtractorLimits &limits;
    ExtractedMessage &out;
    QList<QString> htmlTexts;

    // Embedded parts may carry CRLF even when the outer message did not (base64 bodies), so
    // every extracted block is normalised like a loaded file.
    void takeOriginal(const QByteArray &raw, bool headersOnly)
    {
        if (!out.originalHeader.isEmpty())
            return;
        const QByteArray text = MessageLoader::normalizeLineEndings(raw);
        out.originalHeader = HeaderBlock::headerPart(text);
        if (!headersOnly && out.originalHeader.size() < text.size())
            out.originalBody = text.mid(out.originalHeader.size() + 1, kMaxOriginalBody);
    }

    void walk(const vmime::shared_ptr<const vmime::header> &header,
        const vmime::shared_ptr<const vmime::body> &body, int depth, bool inAlternative)
    {
        const vmime::mediaType type = body->getContentType();
        const std::string major = vmime::utility::stringUtils::toLower(type.getType());
        const std::string minor = vmime::utility::stringUtils::toLower(type.getSubType());

        if (major == "multipart" && body->getPartCount() > 0) {
            if (minor == "report" && out.reportType.isEmpty()) {
                auto ct = header->findField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
                if (ct && ct->hasParameter("report-type"))
                    out.reportType = toBytes(ct->getReportType()).toLower();
            }
            if (depth >= limits.maxNestingDepth)
                return;
            const bool alternative = minor == "alternative";
            bool tookPlain = false;
            for (size_t i = 0; i < body->getPartCount(); ++i) {
                auto part = body->getPartAt(i);
                if (alternative && tookPlain)
                    break; // the plain alternative is enough
                const qsizetype before = out.humanTexts.size();
                walk(part->getHeader(), part->getBody(), depth + 1, alternative);
                tookPlain = alternative && out.humanTexts.size() > before;
            }
            return;
        }

        if (major == "message" || (major == "text" && minor == "rfc822-headers")) {
            if (minor == "delivery-status" || minor == "global-delivery-status") {
                if (out.deliveryStatus.isEmpty()) {
                    out.deliveryStatus = MessageLoader::normalizeLineEndings(
                        extractContents(body, 64 << 20)); // a message is at most 64 MiB
                    out.globalDeliveryStatus = minor == "global-delivery-status";
                }
                return;
            }
            if (minor == "feedback-report") {
                if (out.feedbackReport.isEmpty())
                    out.feedbackReport = MessageLoader::normalizeLineEndings(extractContents(body, 1 << 20));
                return;
            }
            if (minor == "rfc822" || minor == "global" || minor == "rfc822-headers"
                || minor == "global-headers") {
                takeOriginal(
                    extractContents(body, 1 << 20), minor == "rfc822-headers" || minor == "global-headers");
                return;
            }
            if (minor == "disposition-notification") {
                out.humanTexts << TextDecoder::decode(
                    extractContents(body, limits.maxTextPartBytes), "utf-8");
                return;
            }
            return;
        }

        // A multipart whose boundary never appears is text to the reader.
        if (major == "text" || major == "multipart" || (major.empty())) {
            auto disposition = header->findField(vmime::fields::CONTENT_DISPOSITION);
            const QByteArray bytes = extractContents(body, limits.maxTextPartBytes);
            const QString text = TextDecoder::decode(bytes, declaredCharset(header));
            if (minor == "html") {
                htmlTexts << htmlToText(text);
            } else if (minor == "plain" || major == "multipart" || minor.empty()) {
                out.humanTexts << text;
            } else if (!disposition) {
                out.humanTexts << text; // text/enriched and friends read fine as plain text
            }
            Q_UNUSED(inAlternative);
        }
    }
};

} // namespace

bool MimeExtractor::limitNesting(QByteArray &message, int maxDepth)
{
    // Track open multiparts by boundary: a Content-Type: multipart line opens one, its
    // closing "--boundary--" line closes it (and any left open inside it).
    QList<QByteArray> open;
    qsizetype pos = 0;
    const qsizetype size = message.size();
    while (pos < size) {
        qsizetype end = message.indexOf('\n', pos);
        if (end < 0)
            end = size;
        const qsizetype len = end - pos;
        const char *line = message.constData() + pos;
        if (len > 13 && qstrnicmp(line, "content-type:", 13) == 0) {
            // Gather the field with its continuation lines (bounded) to find the parameters.
            qsizetype fieldEnd = end;
            while (fieldEnd + 1 < size && fieldEnd - pos < 4096
                && (message.at(fieldEnd + 1) == ' ' || message.at(fieldEnd + 1) == '\t')) {
                const qsizetype next = message.indexOf('\n', fieldEnd + 1);
                fieldEnd = next < 0 ? size : next;
            }
            const QByteArray field = message.mid(pos, qMin<qsizetype>(fieldEnd - pos, 4096)).toLower();
            if (field.contains("multipart/")) {
                if (open.size() >= maxDepth) {
                    message.truncate(pos);
                    return true;
                }
                const qsizetype b = field.indexOf("boundary=");
                QByteArray boundary;
                if (b >= 0) {
                    qsizetype s = b + 9;
                    const bool quoted = s < field.size() && field.at(s) == '"';
                    if (quoted)
                        ++s;
                    qsizetype e = s;
                    while (e < field.size()
                        && (quoted ? field.at(e) != '"'
                                   : (field.at(e) != ';' && field.at(e) != ' ' && field.at(e) != '\n'
                                       && field.at(e) != '\t')))
                        ++e;
                    // Boundaries are case-sensitive, but the field was lowered: take the original.
                    boundary = message.mid(pos + s, e - s);
                }
                open << boundary;
            }
            pos = fieldEnd + 1;
            continue;
        }
        if (len > 4 && line[0] == '-' && line[1] == '-' && !open.isEmpty()) {
            QByteArray candidate(line + 2, len - 2);
            candidate = candidate.trimmed();
            if (candidate.endsWith("--")) {
                candidate.chop(2);
                for (qsizetype i = open.size() - 1; i >= 0; --i) {
                    if (open.at(i) == candidate) {
                        open.resize(i);
                        break;
                    }
                }
            }
        }
        pos = end + 1;
    }
    return false;
}

ExtractedMessage MimeExtractor::extract(const QByteArray &input) const
{
    VmimePlatform::ensureInitialised();
    ExtractedMessage out;
    // Shares the caller's bytes unless the nesting limit cuts them.
    QByteArray message = input;
    out.nestingTruncated = limitNesting(message, m_limits.maxNestingDepth);
    out.header = HeaderBlock::headerPart(message);

    // Parsed from a stream over the bytes (no std::string copy): vmime's body contents then
    // refer to regions of this buffer, which `message` keeps alive while the tree is used.
    vmime::shared_ptr<vmime::message> parsed = vmime::make_shared<vmime::message>();
    auto stream = vmime::make_shared<vmime::utility::inputStreamByteBufferAdapter>(
        reinterpret_cast<const vmime::byte_t *>(message.constData()), size_t(message.size()));
    parsed->parse(stream, size_t(message.size()));

    Walker walker {m_limits, out, {}};
    walker.walk(parsed->getHeader(), parsed->getBody(), 0, false);
    if (out.humanTexts.isEmpty())
        out.humanTexts = walker.htmlTexts;
    return out;
}

QString htmlToText(const QString &html)
{
    QString out;
    out.reserve(html.size());
    const qsizetype n = html.size();
    qsizetype i = 0;
    auto startsWithAt = [&](qsizetype at, QLatin1String s) {
        return html.mid(at, s.size()).compare(s, Qt::CaseInsensitive) == 0;
    };
    while (i < n) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('<')) {
            const qsizetype close = html.indexOf(QLatin1Char('>'), i);
            if (close < 0)
                break;
            const bool skipContent
                = startsWithAt(i, QLatin1String("<style")) || startsWithAt(i, QLatin1String("<script"));
            if (skipContent) {
                const QLatin1String endTag = startsWithAt(i, QLatin1String("<style"))
                    ? QLatin1String("</style")
                    : QLatin1String("</script");
                const qsizetype endAt = html.indexOf(endTag, close, Qt::CaseInsensitive);
                i = endAt < 0 ? n : html.indexOf(QLatin1Char('>'), endAt);
                i = i < 0 ? n : i + 1;
                continue;
            }
            if (startsWithAt(i, QLatin1String("<br")) || startsWithAt(i, QLatin1String("<p"))
                || startsWithAt(i, QLatin1String("</p")) || startsWithAt(i, QLatin1String("</div"))
                || startsWithAt(i, QLatin1String("</tr")) || startsWithAt(i, QLatin1String("<li"))
                || startsWithAt(i, QLatin1String("</h")))
                out.append(QLatin1Char('\n'));
            else if (startsWithAt(i, QLatin1String("</td")))
                out.append(QLatin1Char(' '));
            i = close + 1;
            continue;
        }
        if (c == QLatin1Char('&')) {
            static const struct
            {
                const char *entity;
                char16_t ch;
            } entities[] = {
                {"&lt;", u'<'},
                {"&gt;", u'>'},
                {"&amp;", u'&'},
                {"&quot;", u'"'},
                {"&#39;", u'\''},
                {"&nbsp;", u' '},
                {"&apos;", u'\''},
            };
            bool replaced = false;
            for (const auto &e : entities) {
                const QLatin1String ent(e.entity);
                if (startsWithAt(i, ent)) {
                    out.append(QChar(e.ch));
                    i += ent.size();
                    replaced = true;
                    break;
                }
            }
            if (replaced)
                continue;
        }
        if (c == QLatin1Char('\r')) {
            ++i;
            continue;
        }
        out.append(c);
        ++i;
    }
    // Collapse runs of blank lines left by markup.
    QString collapsed;
    collapsed.reserve(out.size());
    int newlines = 0;
    for (const QChar ch : std::as_const(out)) {
        if (ch == QLatin1Char('\n')) {
            if (++newlines > 2)
                continue;
        } else if (!ch.isSpace()) {
            newlines = 0;
        }
        collapsed.append(ch);
    }
    return collapsed.trimmed();
}

} // namespace bouncelens

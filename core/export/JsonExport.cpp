#include "export/JsonExport.h"

#include "explain/AddressSuggester.h"

#include <QIODevice>
#include <QJsonDocument>

namespace bouncelens {

namespace {

// `text` in UTF-8, every unpaired UTF-16 surrogate (text from damaged input) written as U+FFFD:
// Qt alone would write '?', hiding the damage.
QByteArray utf8WithoutLoneSurrogates(QStringView text)
{
    QString repaired;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
        } else if (c.isSurrogate()) {
            if (repaired.isNull())
                repaired = text.toString();
            repaired[i] = QChar::ReplacementCharacter;
        }
    }
    return repaired.isNull() ? text.toUtf8() : repaired.toUtf8();
}

// A compact JSON writer straight into UTF-8 bytes. The CLI writes one line per message for
// thousands of messages; building QJsonObjects first cost more than the analysis of small
// messages, so the line is written directly and toJson() reads it back.
class LineWriter
{
public:
    // With a device, the bytes go out in chunks as the line is written (a report naming 100,000
    // recipients is never held whole); without one, they stay in `out`.
    explicit LineWriter(QByteArray &out, QIODevice *device = nullptr)
        : m_out(out)
        , m_device(device)
    { }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    LineWriter &key(const char *name)
    {
        separate();
        m_out += '"';
        m_out += name;
        m_out += "\":";
        m_afterKey = true;
        return *this;
    }
    void value(QStringView text)
    {
        separate();
        m_out += '"';
        // Most values are plain ASCII: copied straight, escaped only where needed.
        const char16_t *const u = text.utf16();
        const qsizetype n = text.size();
        qsizetype i = 0;
        while (i < n) {
            qsizetype run = i;
            while (run < n && u[run] >= 0x20 && u[run] < 0x80 && u[run] != '"' && u[run] != '\\')
                ++run;
            if (run > i) {
                const qsizetype at = m_out.size();
                m_out.resize(at + (run - i));
                char *dst = m_out.data() + at;
                for (qsizetype k = i; k < run; ++k)
                    *dst++ = char(u[k]);
                i = run;
            }
            if (i >= n)
                break;
            if (u[i] >= 0x80) {
                // A run of non-ASCII text: UTF-8, surrogate pairs and all.
                qsizetype end = i;
                while (end < n && u[end] >= 0x80)
                    ++end;
                m_out += utf8WithoutLoneSurrogates(text.mid(i, end - i));
                i = end;
                continue;
            }
            escape(char(u[i]));
            ++i;
        }
        m_out += '"';
    }
    void value(qint64 number)
    {
        separate();
        m_out += QByteArray::number(number);
    }
    void value(bool flag)
    {
        separate();
        m_out += flag ? "true" : "false";
    }
    void null()
    {
        separate();
        m_out += "null";
    }

    // Hands what is written so far to the device, when there is one and enough has gathered.
    void flushIfLarge()
    {
        if (m_device && m_out.size() >= 64 * 1024)
            flush();
    }
    void flush()
    {
        if (!m_device)
            return;
        m_device->write(m_out);
        m_handedOver += m_out.size();
        m_out.clear();
    }
    [[nodiscard]] qint64 handedOver() const { return m_handedOver; }

private:
    void escape(char c)
    {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\n': m_out += "\\n"; break;
        case '\r': m_out += "\\r"; break;
        case '\t': m_out += "\\t"; break;
        case '\b': m_out += "\\b"; break;
        case '\f': m_out += "\\f"; break;
        default: {
            static const char hex[] = "0123456789abcdef";
            m_out += "\\u00";
            m_out += hex[u >> 4];
            m_out += hex[u & 0xf];
        }
        }
    }
    void open(char bracket)
    {
        separate();
        m_out += bracket;
        m_first = true;
    }
    void close(char bracket)
    {
        m_out += bracket;
        m_first = false;
    }
    // A comma before every element but the first of its object or array; none after a key.
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first)
            m_out += ',';
        m_first = false;
    }

    QByteArray &m_out;
    QIODevice *m_device = nullptr;
    qint64 m_handedOver = 0;
    bool m_first = true;
    bool m_afterKey = false;
};

void writeRecipient(LineWriter &w, const MessageAnalysis &a, const RecipientResult &r, Language language)
{
    w.beginObject();
    w.key("address").value(r.address);
    if (!r.finalRecipient.isEmpty())
        w.key("final_recipient").value(r.finalRecipient);
    if (r.addressGuessed)
        w.key("address_guessed").value(true);
    w.key("action").value(r.action);
    w.key("status").value(r.status);
    w.key("reply_code").value(r.replyCode);
    w.key("diagnostic").value(r.diagnostic);
    w.key("remote_mta").value(r.remoteMta);
    w.key("reason").value(r.reason);
    w.key("permanent").value(r.permanent);
    w.key("hard_bounce").value(r.hardBounce);
    if (!r.retryUntil.isEmpty())
        w.key("retry_until").value(r.retryUntil);
    if (const AddressSuggestion s = AddressSuggester::suggest(r); !s.isEmpty()) {
        if (s.hasSuggestion())
            w.key("suggestion").value(s.address);
        w.key("suggestion_note").value(AddressSuggester::describe(s, language));
    }
    w.key("evidence").beginObject();
    w.key("rule").value(r.evidence.rule);
    w.key("matched").value(r.evidence.matched);
    w.key("field").value(r.evidence.field);
    if (r.addressGuessed) // where the address came from, when the report did not say
        w.key("address_source").value(QStringLiteral("original-to"));
    w.endObject();

    const Explanation e = BounceExplainer::explain(a, r, language);
    w.key("explanation").beginObject();
    w.key("title").value(e.title);
    w.key("cause").value(e.cause);
    w.key("fix").value(e.fix);
    w.key("customer").value(e.customer);
    w.key("verdict").value(e.verdict);
    w.key("who_acts").value(e.whoActs);
    w.key("code_notes").beginArray();
    for (const CodeNote &n : e.codeNotes) {
        w.beginObject();
        w.key("code").value(n.code);
        w.key("title").value(n.title);
        w.key("text").value(n.text);
        w.endObject();
    }
    w.endArray();
    w.key("server_text").value(e.serverText);
    w.key("server_quote").value(e.serverQuote);
    w.key("server_gloss").value(e.serverGloss);
    w.endObject();
    w.endObject();
}

} // namespace

namespace {

void writeLine(LineWriter &w, const MessageAnalysis &a, Language language)
{
    w.beginObject();
    w.key("source").value(a.source);
    w.key("message").value(qint64(a.index));
    if (!a.ok()) {
        w.key("kind").null();
        w.key("recipients").beginArray();
        w.endArray();
        w.key("error").value(a.error);
        w.key("error_code").value(QString(errorCodeName(a.errorCode)));
        w.endObject();
        return;
    }
    w.key("kind").value(toString(a.kind));
    w.key("reporting_mta").value(a.reportingMta);
    w.key("arrival_date").value(a.arrivalDate);
    w.key("date").value(a.date);
    w.key("notice").value(a.notice);
    w.key("notice_kind").value(toString(a.noticeKind));
    w.key("original").beginObject();
    w.key("subject").value(a.original.subject);
    w.key("message_id").value(a.original.messageId);
    w.key("date").value(a.original.date);
    w.key("to").value(a.original.to);
    w.endObject();
    w.key("recipients").beginArray();
    for (const RecipientResult &r : a.recipients) {
        writeRecipient(w, a, r, language);
        w.flushIfLarge();
    }
    w.endArray();
    w.key("spans").beginArray();
    for (const Span &s : a.spans) {
        w.beginObject();
        w.key("role").value(toString(s.role));
        w.key("start").value(qint64(s.start));
        w.key("length").value(qint64(s.length));
        w.key("recipient").value(qint64(s.recipient));
        w.key("text").value(QStringView(a.displayText).mid(s.start, s.length));
        w.endObject();
        w.flushIfLarge();
    }
    w.endArray();
    if (!a.warnings.isEmpty()) {
        w.key("warnings").beginArray();
        for (const QString &warning : a.warnings)
            w.value(warning);
        w.endArray();
    }
    w.key("error").null();
    w.endObject();
}

} // namespace

QByteArray JsonExport::toJsonLine(const MessageAnalysis &a, Language language)
{
    QByteArray out;
    out.reserve(2048 + qMin<qsizetype>(a.recipients.size(), 64) * 2048);
    LineWriter w(out);
    writeLine(w, a, language);
    out += '\n';
    return out;
}

qint64 JsonExport::writeJsonLine(QIODevice &device, const MessageAnalysis &a, Language language)
{
    QByteArray buffer;
    buffer.reserve(80 * 1024);
    LineWriter w(buffer, &device);
    writeLine(w, a, language);
    buffer += '\n';
    w.flush();
    return w.handedOver();
}

QJsonObject JsonExport::toJson(const MessageAnalysis &analysis, Language language)
{
    // One definition of the fields: the line writer's. Reading it back is cheap next to the
    // places that want an object (the GUI's exports).
    return QJsonDocument::fromJson(toJsonLine(analysis, language)).object();
}

} // namespace bouncelens

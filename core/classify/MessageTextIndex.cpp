#include "classify/MessageTextIndex.h"

#include "classify/TranscriptScan.h"

#include <QStringList>

#include <cstring>
#include <memory>

namespace bouncelens::classification {

namespace {

// How far after a recipient's address in the bounce text its transcript may start.
constexpr qsizetype kTranscriptWindow = 16 * 1024;

bool isAddressChar(QChar c)
{
    if (c.unicode() >= 0x80)
        return c.isLetterOrNumber();
    const char a = char(c.unicode());
    return (a >= 'a' && a <= 'z') || (a >= '0' && a <= '9') || (a >= 'A' && a <= 'Z')
        || std::strchr("!#$%&'*+-/=?^_`{|}~.@", a) != nullptr;
}

} // namespace

MessageTextIndex::MessageTextIndex(const QString &text, const QString &deliveryStatus)
    : m_source(text)
    , m_status(deliveryStatus)
    , m_body(text, QLatin1StringView("body"))
{ }

bool MessageTextIndex::isFor(const QString &text, const QString &deliveryStatus) const
{
    return text.constData() == m_source.constData() && text.size() == m_source.size()
        && deliveryStatus.constData() == m_status.constData() && deliveryStatus.size() == m_status.size();
}

DsnFields MessageTextIndex::dsnFields(const QString &lowerAddress) const
{
    if (!m_fieldsBuilt) {
        m_fieldsBuilt = true;
        buildFields();
    }
    return m_fields.value(lowerAddress);
}

Command MessageTextIndex::command(const QString &lowerAddress) const
{
    if (m_body.isEmpty())
        return Command::Unknown;
    if (!lowerAddress.isEmpty()) {
        const qsizetype at = addressAt(lowerAddress);
        if (at >= 0)
            if (const Command c = commandInTranscript(m_body, at, at + kTranscriptWindow);
                c != Command::Unknown)
                return c;
    }
    if (!m_command)
        m_command = commandIn(m_body);
    return *m_command;
}

void MessageTextIndex::remember(QStringView token, qsizetype at) const
{
    while (!token.isEmpty() && (token.front() == u'.' || token.front() == u'\''))
        token = token.mid(1), ++at;
    while (!token.isEmpty() && (token.back() == u'.' || token.back() == u'\''))
        token.chop(1);
    if (token.isEmpty())
        return;
    const QString key = token.toString();
    if (!m_addresses.contains(key))
        m_addresses.insert(key, at);
}

// Each address-like token of the text and its first position (built on first use, one pass).
qsizetype MessageTextIndex::addressAt(const QString &lowerAddress) const
{
    if (!m_addressesBuilt) {
        m_addressesBuilt = true;
        const QString &norm = m_body.norm();
        const qsizetype n = norm.size();
        qsizetype covered = 0; // tokens end here or before: each character is read once
        for (qsizetype i = norm.indexOf(QLatin1Char('@')); i >= 0 && i < n;
             i = norm.indexOf(QLatin1Char('@'), i + 1)) {
            if (i < covered)
                continue;
            qsizetype b = i;
            while (b > 0 && isAddressChar(norm.at(b - 1)))
                --b;
            qsizetype e = i + 1;
            while (e < n && isAddressChar(norm.at(e)))
                ++e;
            covered = e;
            const QStringView token = QStringView(norm).mid(b, e - b);
            remember(token, b);
            // "to=user@example.com", "rfc822/user@...": the address after a separator too.
            const qsizetype at = i - b;
            for (qsizetype k = at - 1; k >= 0; --k) {
                const QChar c = token.at(k);
                if (c == u'=' || c == u'/' || c == u':') {
                    remember(token.mid(k + 1), b + k + 1);
                    break;
                }
            }
        }
    }
    return m_addresses.value(lowerAddress, -1);
}

void MessageTextIndex::buildFields() const
{
    const QStringView text = QStringView(m_status).left(kMaxScan);
    QStringList addresses;
    DsnFields fields;
    const auto flush = [&] {
        for (const QString &a : std::as_const(addresses))
            if (!m_fields.contains(a))
                m_fields.insert(a, fields);
        addresses.clear();
        fields = {};
    };
    qsizetype from = 0;
    while (from <= text.size()) {
        qsizetype end = text.indexOf(u'\n', from);
        if (end < 0)
            end = text.size();
        const QStringView line = text.mid(from, end - from).trimmed();
        from = end + 1;
        if (line.isEmpty()) {
            flush();
            continue;
        }
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        const QStringView name = line.left(colon).trimmed();
        const QStringView value = line.mid(colon + 1).trimmed();
        const qsizetype semi = value.indexOf(u';');
        if (name.compare(u"final-recipient", Qt::CaseInsensitive) == 0
            || name.compare(u"original-recipient", Qt::CaseInsensitive) == 0) {
            QStringView a = (semi >= 0 ? value.mid(semi + 1) : value).trimmed();
            if (a.startsWith(u'<') && a.endsWith(u'>'))
                a = a.mid(1, a.size() - 2);
            if (!a.isEmpty())
                addresses << a.toString().toLower();
        } else if (name.compare(u"diagnostic-code", Qt::CaseInsensitive) == 0 && semi > 0) {
            fields.diagnosticType = value.left(semi).trimmed().toString().toLower();
        } else if (name.compare(u"x-powermta-bouncecategory", Qt::CaseInsensitive) == 0) {
            fields.bounceCategory = value.toString().toLower();
        }
    }
    flush();
}

const MessageTextIndex &messageTextIndexOf(const ClassificationContext &context)
{
    auto *index = dynamic_cast<MessageTextIndex *>(context.index.get());
    if (!index || !index->isFor(context.bounceText, context.deliveryStatus)) {
        context.index = std::make_shared<MessageTextIndex>(context.bounceText, context.deliveryStatus);
        index = static_cast<MessageTextIndex *>(context.index.get());
    }
    return *index;
}

} // namespace bouncelens::classification

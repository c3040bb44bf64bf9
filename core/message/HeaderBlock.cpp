#include "message/HeaderBlock.h"

#include <cstring>

namespace bouncelens {

namespace {

bool isFieldNameChar(char c)
{
    return c > 32 && c < 127 && c != ':';
}

} // namespace

QByteArray HeaderBlock::headerPart(const QByteArray &message)
{
    if (message.startsWith('\n'))
        return {};
    qsizetype end = message.indexOf("\n\n");
    end = end < 0 ? message.size() : end + 1;
    if (end <= kMaxHeaderBytes)
        return end == message.size() ? message : message.left(end);
    // A hostile header: keep whole lines up to the cap.
    const qsizetype cut = message.lastIndexOf('\n', kMaxHeaderBytes - 1);
    return message.left(cut < 0 ? kMaxHeaderBytes : cut + 1);
}

namespace {

bool isTrimSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

QByteArrayView trimmedView(const char *begin, const char *end)
{
    while (begin < end && isTrimSpace(*begin))
        ++begin;
    while (end > begin && isTrimSpace(end[-1]))
        --end;
    return QByteArrayView(begin, end - begin);
}

// Appends `more` to `value` without passing the cap.
void appendCapped(QByteArray &value, QByteArrayView more)
{
    const qsizetype room = HeaderBlock::kMaxValueBytes - value.size();
    if (room > 0)
        value.append(more.first(qMin(room, more.size())));
}

} // namespace

HeaderBlock HeaderBlock::parse(const QByteArray &block)
{
    HeaderBlock result;
    const char *const data = block.constData();
    const qsizetype size = block.size();
    qsizetype pos = 0;
    while (pos < size) {
        const char *nl = static_cast<const char *>(memchr(data + pos, '\n', size_t(size - pos)));
        const qsizetype end = nl ? nl - data : size;
        const char *line = data + pos;
        qsizetype len = end - pos;
        if (len > 0 && line[len - 1] == '\r')
            --len;
        pos = end + 1;
        const QByteArrayView trimmed = trimmedView(line, line + len);
        if (trimmed.isEmpty()) {
            if (!result.m_fields.isEmpty())
                break;
            continue; // leading blank lines
        }
        if (line[0] == ' ' || line[0] == '\t') {
            if (!result.m_fields.isEmpty()) {
                QByteArray &value = result.m_fields.last().value;
                if (value.size() < kMaxValueBytes) {
                    if (!value.isEmpty())
                        appendCapped(value, " ");
                    appendCapped(value, trimmed);
                }
            }
            continue;
        }
        qsizetype colon = 0;
        while (colon < len && isFieldNameChar(line[colon]))
            ++colon;
        // Allow "Name : value" written by some tools.
        const qsizetype nameEnd = colon;
        while (colon < len && (line[colon] == ' ' || line[colon] == '\t'))
            ++colon;
        if (nameEnd == 0 || colon >= len || line[colon] != ':')
            continue;
        Field field {QByteArray(line, nameEnd), {}};
        appendCapped(field.value, trimmedView(line + colon + 1, line + len));
        result.m_fields.append(std::move(field));
    }
    return result;
}

bool HeaderBlock::contains(const char *name) const
{
    for (const Field &f : m_fields)
        if (qstricmp(f.name.constData(), name) == 0)
            return true;
    return false;
}

QByteArray HeaderBlock::value(const char *name) const
{
    for (const Field &f : m_fields)
        if (qstricmp(f.name.constData(), name) == 0)
            return f.value;
    return {};
}

QList<QByteArray> HeaderBlock::values(const char *name) const
{
    QList<QByteArray> out;
    for (const Field &f : m_fields)
        if (qstricmp(f.name.constData(), name) == 0)
            out << f.value;
    return out;
}

} // namespace bouncelens

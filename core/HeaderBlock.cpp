#include "HeaderBlock.h"

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
    const qsizetype end = message.indexOf("\n\n");
    return end < 0 ? message : message.left(end + 1);
}

HeaderBlock HeaderBlock::parse(const QByteArray &block)
{
    HeaderBlock result;
    qsizetype pos = 0;
    const qsizetype size = block.size();
    while (pos < size) {
        qsizetype end = block.indexOf('\n', pos);
        if (end < 0)
            end = size;
        QByteArray line = block.mid(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = end + 1;
        if (line.trimmed().isEmpty()) {
            if (!result.m_fields.isEmpty())
                break;
            continue; // leading blank lines
        }
        if ((line.at(0) == ' ' || line.at(0) == '\t')) {
            if (!result.m_fields.isEmpty()) {
                QByteArray &value = result.m_fields.last().value;
                const QByteArray more = line.trimmed();
                if (!value.isEmpty() && !more.isEmpty())
                    value.append(' ');
                value.append(more);
            }
            continue;
        }
        qsizetype colon = 0;
        while (colon < line.size() && isFieldNameChar(line.at(colon)))
            ++colon;
        // Allow "Name : value" written by some tools.
        qsizetype nameEnd = colon;
        while (colon < line.size() && (line.at(colon) == ' ' || line.at(colon) == '\t'))
            ++colon;
        if (nameEnd == 0 || colon >= line.size() || line.at(colon) != ':')
            continue;
        result.m_fields.append({line.left(nameEnd), line.mid(colon + 1).trimmed()});
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

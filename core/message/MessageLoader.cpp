#include "message/MessageLoader.h"

#include "message/FileWalker.h"
#include "message/MboxReader.h"

#include <optional>

namespace bouncelens {

namespace {

// True when the input has no LF and most line breaks are runs of two or more CRs: a CRLF file
// whose LFs were turned into CRs (old Mac tools, some copy paths), where "\r\r" is one break.
bool crPairsOnly(const QByteArray &bytes)
{
    if (bytes.contains('\n'))
        return false;
    qsizetype single = 0;
    qsizetype multiple = 0;
    qsizetype run = 0;
    for (qsizetype i = 0; i <= bytes.size(); ++i) {
        if (i < bytes.size() && bytes.at(i) == '\r') {
            ++run;
            continue;
        }
        if (run == 1)
            ++single;
        else if (run > 1)
            ++multiple;
        run = 0;
    }
    return multiple > single;
}

} // namespace

QByteArray MessageLoader::normalizeLineEndings(const QByteArray &bytes)
{
    if (!bytes.contains('\r'))
        return bytes;
    const bool pairs = crPairsOnly(bytes);
    QByteArray out;
    out.reserve(bytes.size());
    const char *p = bytes.constData();
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] != '\r') {
            out.append(p[i]);
            continue;
        }
        // A run of CRs ended by LF is one break: CRLF files copied in text mode become CRCRLF.
        qsizetype j = i;
        while (j < n && p[j] == '\r')
            ++j;
        if (j < n && p[j] == '\n') {
            out.append('\n');
            i = j;
            continue;
        }
        const qsizetype breaks = pairs ? qMax<qsizetype>(1, (j - i) / 2) : j - i;
        out.append(QByteArray(breaks, '\n'));
        i = j - 1;
    }
    return out;
}

QStringList MessageLoader::expand(const QStringList &paths) const
{
    QStringList files;
    FileWalker walker(paths);
    while (const std::optional<QString> file = walker.next())
        files << *file;
    return files;
}

QList<RawMessage> MessageLoader::loadFile(const QString &path) const
{
    QList<RawMessage> messages;
    MboxReader reader(path, m_limits);
    while (std::optional<RawMessage> m = reader.next())
        messages << std::move(*m);
    return messages;
}

QList<RawMessage> MessageLoader::split(const QByteArray &input, const QString &source) const
{
    QList<RawMessage> messages;
    if (input.isEmpty()) {
        RawMessage m;
        m.source = source;
        messages << m;
        return messages;
    }
    MboxReader reader(input, source, m_limits);
    while (std::optional<RawMessage> m = reader.next())
        messages << std::move(*m);
    return messages;
}

} // namespace bouncelens

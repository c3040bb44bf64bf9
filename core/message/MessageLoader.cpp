#include "message/MessageLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace bouncelens {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(bytes / (1024.0 * 1024.0), 'f', 1);
}

bool isMaildir(const QDir &dir)
{
    return dir.exists(QStringLiteral("cur")) && dir.exists(QStringLiteral("new"))
        && dir.exists(QStringLiteral("tmp"));
}

// An mbox "From " separator line: "From " at the start of a line after a blank line (or at the
// start of the file). The sender and date that follow are not checked: real exports vary.
bool isFromLine(const QByteArray &bytes, qsizetype pos)
{
    return bytes.size() - pos >= 5 && bytes.at(pos) == 'F' && bytes.at(pos + 1) == 'r'
        && bytes.at(pos + 2) == 'o' && bytes.at(pos + 3) == 'm' && bytes.at(pos + 4) == ' ';
}

// mboxrd quoting: ">From ", ">>From " ... lose one '>' each.
QByteArray unquoteFromLines(const QByteArray &message)
{
    if (!message.contains(">From "))
        return message;
    QByteArray out;
    out.reserve(message.size());
    qsizetype lineStart = 0;
    while (lineStart < message.size()) {
        qsizetype end = message.indexOf('\n', lineStart);
        if (end < 0)
            end = message.size() - 1;
        qsizetype p = lineStart;
        while (p < message.size() && message.at(p) == '>')
            ++p;
        if (p > lineStart && isFromLine(message, p))
            out.append(message.constData() + lineStart + 1, end - lineStart);
        else
            out.append(message.constData() + lineStart, end - lineStart + 1);
        lineStart = end + 1;
    }
    return out;
}

} // namespace

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
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (path == QLatin1String("-") || !info.isDir()) {
            files << path;
            continue;
        }
        QStringList found;
        const QDir dir(path);
        if (isMaildir(dir)) {
            for (const char *sub : {"cur", "new"}) {
                QDirIterator it(dir.filePath(QString::fromLatin1(sub)), QDir::Files | QDir::Hidden);
                while (it.hasNext())
                    found << it.next();
            }
        } else {
            QDirIterator it(
                path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                // A maildir's tmp/ holds messages still being written: not ours to read.
                if (file.contains(QLatin1String("/tmp/"))
                    && isMaildir(QFileInfo(file).dir().filePath(QStringLiteral(".."))))
                    continue;
                found << file;
            }
        }
        found.sort();
        files << found;
    }
    return files;
}

QList<RawMessage> MessageLoader::loadFile(const QString &path) const
{
    auto failure = [&path](const QString &error) {
        RawMessage m;
        m.source = path;
        m.error = error;
        return QList<RawMessage> {m};
    };

    QByteArray bytes;
    if (path == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return failure(QCoreApplication::translate("MessageLoader", "Standard input could not be read."));
        bytes = in.read(m_limits.maxFileBytes + 1);
        if (bytes.size() > m_limits.maxFileBytes)
            return failure(QCoreApplication::translate(
                "MessageLoader", "Standard input is larger than %1 MB, the most BounceLens reads at once.")
                               .arg(megabytes(m_limits.maxFileBytes)));
    } else {
        const QFileInfo info(path);
        if (!info.exists())
            return failure(QCoreApplication::translate("MessageLoader", "The file does not exist."));
        if (info.isDir())
            return failure(
                QCoreApplication::translate("MessageLoader", "This is a folder, not a message file."));
        if (info.size() > m_limits.maxFileBytes)
            return failure(QCoreApplication::translate(
                "MessageLoader", "The file is %1 MB, larger than the %2 MB BounceLens reads at once.")
                               .arg(megabytes(info.size()), megabytes(m_limits.maxFileBytes)));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return failure(QCoreApplication::translate("MessageLoader", "The file could not be opened: %1")
                               .arg(file.errorString()));
        // One read of the known size: readAll() grows its buffer by doubling (33 MB for 20).
        bytes.resize(info.size());
        const qint64 got = file.read(bytes.data(), bytes.size());
        bytes.resize(got < 0 ? 0 : got);
        if (got == info.size() && !file.atEnd())
            bytes += file.readAll(); // grew while being read
    }
    if (bytes.isEmpty())
        return failure(QCoreApplication::translate("MessageLoader", "The file is empty."));
    return split(bytes, path);
}

QList<RawMessage> MessageLoader::split(const QByteArray &input, const QString &source) const
{
    const QByteArray bytes = normalizeLineEndings(input);
    QList<RawMessage> messages;
    auto add = [&](qsizetype begin, qsizetype end) {
        RawMessage m;
        m.source = source;
        m.index = int(messages.size());
        if (end - begin > m_limits.maxMessageBytes) {
            m.error = QCoreApplication::translate(
                "MessageLoader", "The message is %1 MB, larger than the %2 MB BounceLens analyses.")
                          .arg(megabytes(end - begin), megabytes(m_limits.maxMessageBytes));
        } else {
            m.bytes = unquoteFromLines(bytes.mid(begin, end - begin));
        }
        messages << m;
    };

    if (!isFromLine(bytes, 0)) {
        add(0, bytes.size());
        return messages;
    }

    // An mbox: each message starts after its "From " line.
    qsizetype start = -1;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const bool separator
            = (pos == 0 || (pos >= 2 && bytes.at(pos - 2) == '\n')) && isFromLine(bytes, pos);
        qsizetype lineEnd = bytes.indexOf('\n', pos);
        if (lineEnd < 0)
            lineEnd = bytes.size();
        if (separator) {
            if (start >= 0)
                add(start, pos);
            start = lineEnd + 1;
        }
        pos = lineEnd + 1;
    }
    if (start >= 0 && start <= bytes.size())
        add(start, bytes.size());
    return messages;
}

} // namespace bouncelens

#include "message/MboxReader.h"

#include "analysis/Logging.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstring>

namespace bouncelens {

namespace {

constexpr qsizetype kChunk = 1024 * 1024;
// Longer lines are handed on in pieces, so one huge line never needs a buffer of its size.
constexpr qsizetype kMaxLine = 1024 * 1024;

QString megabytes(qint64 bytes)
{
    return QString::number(bytes / (1024.0 * 1024.0), 'f', 1);
}

bool startsWithFrom(const char *p, qsizetype n)
{
    return n >= 5 && std::memcmp(p, "From ", 5) == 0;
}

bool isBlankLine(const char *p, qsizetype n)
{
    for (qsizetype i = 0; i < n; ++i)
        if (p[i] != '\r' && p[i] != '\n')
            return false;
    return true;
}

// "Content-Length: 1234" (any case, spaces allowed); -1 when the line is not one.
qint64 contentLength(const char *p, qsizetype n)
{
    static constexpr char name[] = "content-length:";
    constexpr qsizetype nameLength = sizeof(name) - 1;
    if (n <= nameLength)
        return -1;
    for (qsizetype i = 0; i < nameLength; ++i)
        if ((p[i] | 0x20) != name[i]) // ASCII lower case; '-' and ':' are unchanged by it
            return -1;
    const QByteArray value = QByteArray(p + nameLength, n - nameLength).trimmed();
    bool ok = false;
    const qint64 length = value.toLongLong(&ok);
    return ok && length >= 0 ? length : -1;
}

QString messageTooLarge(qint64 size, qint64 limit)
{
    return QCoreApplication::translate(
        "MessageLoader", "The message is %1 MB, larger than the %2 MB BounceLens analyses.")
        .arg(megabytes(size), megabytes(limit));
}

} // namespace

MboxReader::MboxReader(const QString &path, LoaderLimits limits)
    : m_source(path)
    , m_limits(limits)
{ }

MboxReader::MboxReader(const QByteArray &bytes, const QString &source, LoaderLimits limits)
    : m_source(source)
    , m_limits(limits)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    m_device = std::move(buffer);
}

MboxReader::~MboxReader() = default;

QByteArray MboxReader::unquoteFromLines(const QByteArray &message)
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
        if (p > lineStart && startsWithFrom(message.constData() + p, message.size() - p))
            out.append(message.constData() + lineStart + 1, end - lineStart);
        else
            out.append(message.constData() + lineStart, end - lineStart + 1);
        lineStart = end + 1;
    }
    return out;
}

RawMessage MboxReader::failure(AnalysisError code, const QString &error)
{
    // (An input that cannot be opened is a warning where it happens, in start().)
    if (code != AnalysisError::Unreadable)
        qCDebug(lcLoad).noquote() << "not read:" << m_source << errorCodeName(code);
    m_done = true;
    RawMessage m;
    m.source = m_source;
    m.error = error;
    m.errorCode = code;
    return m;
}

RawMessage MboxReader::finish(RawMessage message, QByteArray bytes, bool oversize) const
{
    if (oversize) {
        qCDebug(lcLoad).noquote() << "message" << message.index << "of" << m_source << "is" << message.length
                                  << "bytes, over the limit of" << m_limits.maxMessageBytes;
        message.error = messageTooLarge(message.length, m_limits.maxMessageBytes);
        message.errorCode = AnalysisError::TooLarge;
    } else {
        message.bytes = unquoteFromLines(MessageLoader::normalizeLineEndings(bytes));
    }
    return message;
}

qsizetype MboxReader::ensure(qsizetype n)
{
    while (m_buffer.size() - m_pos < n && !m_endOfInput) {
        if (m_pos > 0) {
            m_buffer.remove(0, m_pos);
            m_bufferStart += m_pos;
            m_pos = 0;
        }
        const qsizetype old = m_buffer.size();
        const qsizetype want = qMax(kChunk, n - old);
        m_buffer.resize(old + want);
        const qint64 got = m_device->read(m_buffer.data() + old, want);
        m_buffer.resize(old + qMax<qint64>(got, 0));
        if (got <= 0)
            m_endOfInput = true;
    }
    return m_buffer.size() - m_pos;
}

qsizetype MboxReader::lineLength()
{
    qsizetype scanned = 0;
    for (;;) {
        const qsizetype available = m_buffer.size() - m_pos;
        const void *lf = std::memchr(current() + scanned, '\n', size_t(available - scanned));
        if (lf)
            return qMin(static_cast<const char *>(lf) - current() + 1, kMaxLine);
        if (available >= kMaxLine || m_endOfInput)
            return qMin(available, kMaxLine);
        scanned = available;
        ensure(available + 1);
    }
}

bool MboxReader::bodyEndsAtSeparator(qsizetype length)
{
    // Up to two line breaks (CRLF ones included) and "From " after the body.
    constexpr qsizetype lookAhead = 9;
    const qsizetype available = ensure(length + lookAhead);
    if (available < length)
        return false;
    const char *p = current() + length;
    qsizetype rest = available - length;
    for (int breaks = 0; breaks < 2 && rest > 0; ++breaks) {
        if (*p == '\r' && rest > 1 && p[1] == '\n')
            p += 2, rest -= 2;
        else if (*p == '\n')
            ++p, --rest;
        else
            break;
    }
    return (rest == 0 && m_endOfInput) || startsWithFrom(p, rest);
}

std::optional<RawMessage> MboxReader::start()
{
    m_started = true;
    if (!m_device) {
        if (m_source == QLatin1String("-")) {
            auto in = std::make_unique<QFile>();
            if (!in->open(stdin, QIODevice::ReadOnly)) {
                qCWarning(lcLoad).noquote() << "cannot read standard input:" << in->errorString();
                return failure(AnalysisError::Unreadable,
                    QCoreApplication::translate("MessageLoader", "Standard input could not be read."));
            }
            m_device = std::move(in);
        } else {
            const QFileInfo info(m_source);
            if (!info.exists())
                return failure(AnalysisError::NotFound,
                    QCoreApplication::translate("MessageLoader", "The file does not exist."));
            if (info.isDir())
                return failure(AnalysisError::Folder,
                    QCoreApplication::translate("MessageLoader", "This is a folder, not a message file."));
            auto file = std::make_unique<QFile>(m_source);
            if (!file->open(QIODevice::ReadOnly)) {
                qCWarning(lcLoad).noquote() << "cannot read" << m_source << ':' << file->errorString();
                return failure(AnalysisError::Unreadable,
                    QCoreApplication::translate("MessageLoader", "The file could not be opened: %1")
                        .arg(file->errorString()));
            }
            qCDebug(lcLoad).noquote() << "opened" << m_source << info.size() << "bytes";
            m_device = std::move(file);
        }
    }
    const qsizetype available = ensure(kChunk);
    if (available == 0)
        return failure(
            AnalysisError::Empty, QCoreApplication::translate("MessageLoader", "The file is empty."));
    const QByteArrayView head(current(), available);
    if (!head.contains('\n') && head.contains('\r')) {
        // CR-only line ends: nothing marks a line start until they are normalised.
        while (!m_endOfInput && ensure(m_buffer.size() + 1) <= m_limits.maxMessageBytes) { }
        if (m_buffer.size() > m_limits.maxMessageBytes)
            return failure(
                AnalysisError::TooLarge, messageTooLarge(m_buffer.size(), m_limits.maxMessageBytes));
        qCDebug(lcLoad).noquote() << m_source << "has CR-only line ends:" << m_buffer.size()
                                  << "bytes normalised in memory";
        m_normalised
            = std::make_unique<MboxReader>(MessageLoader::normalizeLineEndings(m_buffer), m_source, m_limits);
        m_buffer = QByteArray();
        return std::nullopt;
    }
    m_mbox = startsWithFrom(current(), available);
    qCDebug(lcLoad).noquote() << m_source << "is"
                              << (!m_mbox ? "a single message"
                                          : (available > 6 && current()[5] == '-' && current()[6] == ' '
                                                  ? "an mbox with Thunderbird \"From - \" lines"
                                                  : "an mbox"))
                              << (head.contains("\r\n") ? "with CRLF line ends" : "with LF line ends");
    return std::nullopt;
}

std::optional<RawMessage> MboxReader::next()
{
    if (m_done)
        return std::nullopt;
    if (!m_started)
        if (std::optional<RawMessage> error = start())
            return error;
    if (m_normalised) {
        std::optional<RawMessage> m = m_normalised->next();
        if (!m)
            m_done = true;
        return m;
    }
    return m_mbox ? nextFromMbox() : nextSingle();
}

std::optional<RawMessage> MboxReader::nextSingle()
{
    m_done = true;
    RawMessage m;
    m.source = m_source;
    m.index = m_index++;
    m.offset = 0;
    const qsizetype limit = m_limits.maxMessageBytes;
    ensure(limit + 1);
    bool oversize = m_buffer.size() > limit;
    if (oversize) {
        // Only the size is still needed.
        qint64 total = m_buffer.size();
        m_buffer = QByteArray();
        QByteArray skip(kChunk, Qt::Uninitialized);
        for (qint64 got; (got = m_device->read(skip.data(), skip.size())) > 0;)
            total += got;
        m.length = total;
        return finish(std::move(m), {}, true);
    }
    m.length = m_buffer.size();
    QByteArray bytes = std::move(m_buffer);
    m_buffer = QByteArray();
    m_pos = 0;
    return finish(std::move(m), std::move(bytes), false);
}

std::optional<RawMessage> MboxReader::nextFromMbox()
{
    // The current position is at a "From " line (or the end of the input).
    const qsizetype separator = lineLength();
    if (separator == 0) {
        qCDebug(lcLoad).noquote() << m_source << "split into" << m_index << "messages," << m_byLength
                                  << "of them by Content-Length (mboxcl)";
        m_done = true;
        m_buffer = QByteArray();
        return std::nullopt;
    }
    consume(separator);
    RawMessage m;
    m.source = m_source;
    m.index = m_index++;
    m.offset = position();
    QByteArray bytes;
    bool oversize = false;
    qint64 length = 0;
    auto append = [&](const char *p, qsizetype n) {
        length += n;
        if (oversize)
            return;
        if (bytes.size() + n > m_limits.maxMessageBytes) {
            oversize = true;
            bytes = QByteArray();
            return;
        }
        bytes.append(p, n);
    };

    bool inHeader = true;
    bool previousBlank = false;
    qint64 declaredLength = -1;
    for (qsizetype n; (n = lineLength()) > 0;) {
        const char *line = current();
        const bool blank = isBlankLine(line, n);
        if (!inHeader && previousBlank && startsWithFrom(line, n))
            break;
        append(line, n);
        consume(n);
        previousBlank = blank;
        if (!inHeader)
            continue;
        if (!blank) {
            if (const qint64 declared = contentLength(line, n); declared >= 0)
                declaredLength = declared;
            continue;
        }
        inHeader = false;
        if (declaredLength < 0 || declaredLength > m_limits.maxMessageBytes
            || !bodyEndsAtSeparator(qsizetype(declaredLength)))
            continue;
        // mboxcl / mboxcl2: the body is exactly the declared bytes; what follows is blank
        // lines, then the next "From " line.
        append(current(), qsizetype(declaredLength));
        consume(qsizetype(declaredLength));
        previousBlank = true;
        ++m_byLength;
    }
    m.length = length;
    return finish(std::move(m), std::move(bytes), oversize);
}

RawMessage MboxReader::readAt(
    const QString &path, qint64 offset, qint64 length, int index, LoaderLimits limits)
{
    RawMessage m;
    m.source = path;
    m.index = index;
    m.offset = offset;
    m.length = length;
    if (length > limits.maxMessageBytes) {
        m.error = messageTooLarge(length, limits.maxMessageBytes);
        m.errorCode = AnalysisError::TooLarge;
        return m;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcLoad).noquote() << "cannot read" << path << "again:" << file.errorString();
        m.error = QCoreApplication::translate("MessageLoader", "The file could not be opened: %1")
                      .arg(file.errorString());
        m.errorCode = AnalysisError::Unreadable;
        return m;
    }
    const QByteArray head = file.read(kChunk);
    if (!head.contains('\n') && head.contains('\r')) {
        // Offsets of a CR-only file count its normalised bytes (see the class comment).
        file.seek(0);
        const QByteArray all = MessageLoader::normalizeLineEndings(file.read(limits.maxMessageBytes + 1));
        m.bytes = unquoteFromLines(all.mid(offset, length));
    } else {
        file.seek(offset);
        m.bytes = unquoteFromLines(MessageLoader::normalizeLineEndings(file.read(length)));
    }
    return m;
}

} // namespace bouncelens

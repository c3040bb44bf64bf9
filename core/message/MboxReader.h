#pragma once

#include "message/MessageLoader.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

class QIODevice;

namespace bouncelens {

// Reads the messages of one file, one at a time, with buffered reads: memory is one read buffer
// plus the message being read (at most LoaderLimits::maxMessageBytes), whatever the file's size.
//
// A file that starts with "From " is an mbox; anything else is one message. In an mbox a message
// ends before a "From " line that follows a blank line (mboxo, mboxrd, Thunderbird's "From - "
// separators; LF or CRLF lines). A message whose header gives a Content-Length (mboxcl,
// mboxcl2) is taken by that length when the bytes after it are the end of the file or a next
// "From " line, so unquoted "From " lines inside its body stay in it; a length that does not lead
// to a separator is ignored. Quoted ">From " lines (mboxrd, mboxcl) lose one '>'. Every message
// comes back with LF line endings, with its byte range in the file (RawMessage::offset, length),
// so that readAt() can read it again later. A file without any LF (CR-only line ends) is read
// whole, up to the message limit, and split after its line ends are normalised.
class MboxReader
{
public:
    // Reads PATH; "-" reads standard input. A missing, unreadable or empty file gives one
    // RawMessage with `error` set.
    explicit MboxReader(const QString &path, LoaderLimits limits = {});
    // Reads BYTES already in memory, labelled SOURCE.
    MboxReader(const QByteArray &bytes, const QString &source, LoaderLimits limits = {});
    ~MboxReader();
    MboxReader(const MboxReader &) = delete;
    MboxReader &operator=(const MboxReader &) = delete;

    // The next message, or nothing at the end of the file.
    [[nodiscard]] std::optional<RawMessage> next();

    // How many bytes of the input have been consumed.
    [[nodiscard]] qint64 position() const { return m_bufferStart + m_pos; }

    // Reads the message of PATH at [offset, offset + length) again, exactly as next() gave it.
    [[nodiscard]] static RawMessage readAt(
        const QString &path, qint64 offset, qint64 length, int index, LoaderLimits limits = {});

    // mboxrd quoting: ">From ", ">>From " ... lose one '>' each.
    [[nodiscard]] static QByteArray unquoteFromLines(const QByteArray &message);

private:
    [[nodiscard]] std::optional<RawMessage> start();
    [[nodiscard]] std::optional<RawMessage> nextSingle();
    [[nodiscard]] std::optional<RawMessage> nextFromMbox();
    [[nodiscard]] RawMessage failure(AnalysisError code, const QString &error);
    [[nodiscard]] RawMessage finish(RawMessage message, QByteArray bytes, bool oversize) const;
    // Reads until N bytes after the current position are buffered or the input ends; returns how
    // many are available.
    qsizetype ensure(qsizetype n);
    // The length of the line at the current position including its LF (at most kMaxLine).
    [[nodiscard]] qsizetype lineLength();
    [[nodiscard]] bool bodyEndsAtSeparator(qsizetype length);
    void consume(qsizetype n) { m_pos += n; }
    [[nodiscard]] const char *current() const { return m_buffer.constData() + m_pos; }

    QString m_source;
    LoaderLimits m_limits;
    std::unique_ptr<QIODevice> m_device;
    std::unique_ptr<MboxReader> m_normalised; // CR-only input, split in memory
    QByteArray m_buffer;
    qsizetype m_pos = 0; // next unread byte of m_buffer
    qint64 m_bufferStart = 0; // offset in the input of m_buffer[0]
    bool m_endOfInput = false;
    bool m_started = false;
    bool m_mbox = false;
    bool m_done = false;
    int m_index = 0;
    int m_byLength = 0; // messages taken by their Content-Length (mboxcl), for the log
};

} // namespace bouncelens

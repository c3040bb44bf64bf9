#pragma once

#include "message/AnalysisError.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace bouncelens {

// One message as read from its source, before any parsing.
struct RawMessage
{
    QString source; // the file it came from, "-" for standard input
    int index = 0; // position inside the source (mbox), from 0
    QByteArray bytes; // line endings normalised to LF
    QString error; // set when the message could not be read; bytes is then empty
    AnalysisError errorCode = AnalysisError::None; // why, when `error` is set
    // Where the message lives in `source`: the byte range MboxReader::readAt() reads it from
    // again (for an mbox, the bytes after its "From " line).
    qint64 offset = 0;
    qint64 length = 0;

    friend bool operator==(const RawMessage &, const RawMessage &) = default;
};

struct LoaderLimits
{
    // One message; larger ones get an error. A file (an mbox of many messages) has no limit:
    // it is read message by message.
    qint64 maxMessageBytes = 64LL * 1024 * 1024;
};

// Reads messages from files, mboxes, maildirs, folders (recursively) and standard input, for
// callers that want them all at once (tests, small inputs). Large inputs are read one message
// at a time with MessageStream (or MboxReader for one file). Reading never modifies or creates
// anything next to the input.
class MessageLoader
{
public:
    explicit MessageLoader(LoaderLimits limits = {})
        : m_limits(limits)
    { }

    // Expands PATHs into the files to read, in FileWalker's stable order.
    [[nodiscard]] QStringList expand(const QStringList &paths) const;

    // Reads one file (or "-"): a single message or an mbox of several.
    [[nodiscard]] QList<RawMessage> loadFile(const QString &path) const;

    // Splits bytes that may be an mbox into messages (a lone message gives one).
    [[nodiscard]] QList<RawMessage> split(const QByteArray &bytes, const QString &source) const;

    // CRLF and lone CR become LF, so that every line-ending style analyses the same.
    [[nodiscard]] static QByteArray normalizeLineEndings(const QByteArray &bytes);

    [[nodiscard]] const LoaderLimits &limits() const { return m_limits; }

private:
    LoaderLimits m_limits;
};

} // namespace bouncelens

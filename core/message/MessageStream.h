#pragma once

#include "message/FileWalker.h"
#include "message/MboxReader.h"
#include "message/MessageLoader.h"

#include <memory>
#include <optional>

namespace bouncelens {

// Every message of a list of paths (files, mboxes, maildirs, folders, "-"), one at a time and
// in a stable order (FileWalker's, then file order within an mbox). Memory is one folder listing
// per level and one MboxReader, independent of how many files and messages there are.
// Not thread-safe: one reader thread.
class MessageStream
{
public:
    explicit MessageStream(const QStringList &paths, LoaderLimits limits = {});

    // The next message (possibly one with `error` set), or nothing when all inputs are done.
    [[nodiscard]] std::optional<RawMessage> next();

    // Bytes of input consumed so far (whole files done plus the position in the current one).
    [[nodiscard]] qint64 bytesRead() const;

private:
    FileWalker m_walker;
    LoaderLimits m_limits;
    std::unique_ptr<MboxReader> m_reader;
    qint64 m_bytesOfDoneFiles = 0;
};

} // namespace bouncelens

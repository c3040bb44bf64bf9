#include "message/MessageStream.h"

namespace bouncelens {

MessageStream::MessageStream(const QStringList &paths, LoaderLimits limits)
    : m_walker(paths)
    , m_limits(limits)
{ }

std::optional<RawMessage> MessageStream::next()
{
    for (;;) {
        if (m_reader) {
            if (std::optional<RawMessage> m = m_reader->next())
                return m;
            m_bytesOfDoneFiles += m_reader->position();
            m_reader.reset();
        }
        const std::optional<QString> file = m_walker.next();
        if (!file)
            return std::nullopt;
        m_reader = std::make_unique<MboxReader>(*file, m_limits);
    }
}

qint64 MessageStream::bytesRead() const
{
    return m_bytesOfDoneFiles + (m_reader ? m_reader->position() : 0);
}

} // namespace bouncelens

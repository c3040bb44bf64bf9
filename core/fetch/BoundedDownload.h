#pragma once

#include <QtGlobal>

#include <stdexcept>
#include <string>

#include <vmime/utility/outputStream.hpp>

namespace bouncelens {

// Thrown when a server sends more bytes for one message than any bounce can have; the fetch stops
// (the connection is then in the middle of a response and cannot go on).
class FetchMessageTooLarge : public std::runtime_error
{
public:
    explicit FetchMessageTooLarge(qint64 limit)
        : std::runtime_error("message larger than the download limit")
        , m_limit(limit)
    { }
    [[nodiscard]] qint64 limit() const { return m_limit; }

private:
    qint64 m_limit;
};

// The output stream a download is written into (core/fetch internal): a std::string that refuses
// to grow past `limit` bytes, so a huge or endless literal from the server cannot fill memory.
class BoundedDownload : public vmime::utility::outputStream
{
public:
    BoundedDownload(std::string &out, qint64 limit)
        : m_out(out)
        , m_limit(limit)
    { }
    void flush() override { }

protected:
    void writeImpl(const vmime::byte_t *data, const size_t count) override
    {
        if (qint64(m_out.size() + count) > m_limit)
            throw FetchMessageTooLarge(m_limit);
        m_out.append(reinterpret_cast<const char *>(data), count);
    }

private:
    std::string &m_out;
    qint64 m_limit;
};

} // namespace bouncelens

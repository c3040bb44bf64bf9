#include "fetch/StoreFetchSource.h"

#include "fetch/BoundedDownload.h"
#include "fetch/Logging.h"

#include <vmime/net/pop3/POP3Command.hpp>
#include <vmime/net/pop3/POP3Connection.hpp>
#include <vmime/net/pop3/POP3Store.hpp>
#include <vmime/net/socket.hpp>
#include <vmime/net/timeoutHandler.hpp>
#include <vmime/vmime.hpp>

namespace bouncelens {

namespace pop3 = vmime::net::pop3;

namespace {

// TOP's line count for "the whole body": RFC 1939 sends all lines when there are fewer.
constexpr unsigned long wholeBody = 0x7fffffffUL;

// Reads a multi-line POP3 response straight from the connection's socket: the status line first
// (an -ERR ends it at once with a command_error; vmime's readLargeResponse would instead wait for
// a terminator that never comes, until the time-out), then the lines up to the lone ".",
// dot-unstuffed, line endings kept, at most `maxBytes` of them (else FetchMessageTooLarge).
QByteArray readMultiline(pop3::POP3Connection &connection, qint64 maxBytes)
{
    const std::shared_ptr<vmime::net::socket> socket = connection.getSocket();
    const std::shared_ptr<vmime::net::timeoutHandler> timeout = connection.getTimeoutHandler();
    if (timeout)
        timeout->resetTimeOut();
    QByteArray received; // from `consumed` on: not yet cut into lines
    qsizetype consumed = 0;
    QByteArray message;
    bool statusRead = false;
    for (;;) {
        for (qsizetype eol; (eol = received.indexOf('\n', consumed)) >= 0; consumed = eol + 1) {
            const QByteArrayView line(received.constData() + consumed, eol + 1 - consumed);
            if (!statusRead) {
                if (!line.startsWith("+OK"))
                    throw vmime::exceptions::command_error("TOP", line.trimmed().toByteArray().toStdString());
                statusRead = true;
            } else if (line == ".\r\n" || line == ".\n") {
                return message;
            } else {
                const QByteArrayView content = line.startsWith('.') ? line.sliced(1) : line;
                if (message.size() + content.size() > maxBytes)
                    throw FetchMessageTooLarge(maxBytes);
                message += content;
            }
        }
        received.remove(0, consumed);
        consumed = 0;
        if (received.size() > maxBytes) // one endless line
            throw FetchMessageTooLarge(maxBytes);
        if (timeout && timeout->isTimeOut() && !timeout->handleTimeOut())
            throw vmime::exceptions::operation_timed_out();
        vmime::string chunk;
        socket->receive(chunk);
        if (chunk.empty()) {
            if (socket->getStatus() & vmime::net::socket::STATUS_WANT_WRITE)
                socket->waitForWrite();
            else
                socket->waitForRead();
            continue;
        }
        if (timeout)
            timeout->resetTimeOut();
        received.append(chunk.data(), static_cast<qsizetype>(chunk.size()));
    }
}

class Pop3Source : public StoreFetchSource
{
public:
    using StoreFetchSource::StoreFetchSource;

    void open(const QString &folder) override
    {
        // POP3 knows one mailbox only; anything else is refused before connecting (MailboxFetcher).
        Q_UNUSED(folder);
        m_folder = m_store->getDefaultFolder();
        m_folder->open(vmime::net::folder::MODE_READ_ONLY, true);
        qCDebug(lcFetch) << "opened the POP3 mailbox:" << m_folder->getMessageCount() << "messages";
    }

    // POP3 cannot search: every header is read with TOP n 0 and filtered here. There are no
    // flags either (asking vmime for FLAGS throws).
    QList<FetchCandidate> candidates(const FetchCriteria &criteria) override
    {
        QList<FetchCandidate> list;
        const size_t count = m_folder->getMessageCount();
        if (count == 0)
            return list;
        auto messages = m_folder->getMessages(vmime::net::messageSet::byNumber(1, count));
        m_folder->fetchMessages(
            messages, vmime::net::fetchAttributes::UID | vmime::net::fetchAttributes::SIZE);
        for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
            const auto &message = *it;
            // The header as the server sent it (TOP n 0): vmime's parsed-and-regenerated header
            // turns raw 8-bit subjects into "?" and the null path into "invalid@invalid".
            if (criteria.matchesHeader(top(static_cast<unsigned long>(message->getNumber()), 0)))
                list.append({message->getNumber(), QString::fromStdString(message->getUID()),
                    static_cast<qint64>(message->getSize())});
            else
                qCDebug(lcFetch) << "message" << message->getNumber() << "skipped by the header pre-filter";
        }
        return list;
    }

    bool searchedOnServer() const override { return false; }

    // TOP with a huge line count instead of RETR: some servers (Dovecot among them) mark a
    // message \Seen for IMAP clients once it has been RETRieved over POP3; TOP leaves it alone.
    QByteArray download(const FetchCandidate &candidate) override
    {
        return top(static_cast<unsigned long>(candidate.number), wholeBody);
    }

    QString sourceName(const FetchCandidate &candidate) const override
    {
        return m_urlBase + QStringLiteral("/INBOX;UIDL=") + candidate.uid;
    }

private:
    // TOP number lines: the header and that many body lines, as the server sent them.
    QByteArray top(unsigned long number, unsigned long lines)
    {
        auto connection = std::dynamic_pointer_cast<pop3::POP3Store>(m_store)->getConnection();
        pop3::POP3Command::TOP(number, lines)->send(connection);
        return readMultiline(*connection, m_maxBytes);
    }
};

} // namespace

std::unique_ptr<FetchSource> makePop3FetchSource(
    std::shared_ptr<vmime::net::store> store, const QString &urlBase, qint64 maxBytes)
{
    return std::make_unique<Pop3Source>(std::move(store), urlBase, maxBytes);
}

} // namespace bouncelens

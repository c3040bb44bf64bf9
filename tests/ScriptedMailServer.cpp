#include "ScriptedMailServer.h"

#include "fetch/FetchTransport.h"

#include <QRegularExpression>

#include <vmime/exception.hpp>
#include <vmime/net/socket.hpp>
#include <vmime/net/timeoutHandler.hpp>
#include <vmime/net/tracer.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>

struct ScriptedMailServer::State
{
    QByteArray greeting;
    bool imapLiterals = false;
    Handler handler;
    QList<QByteArray> commands;
    QList<int> commandConnections; // beside commands
    int connections = 0;
    int closedByClient = 0;
};

namespace {

// Bytes handed out per read: small enough that large responses arrive in many pieces, as they do
// over TCP.
constexpr size_t readChunk = 16 * 1024;

class ScriptedSocket : public vmime::net::socket
{
public:
    ScriptedSocket(
        std::shared_ptr<ScriptedMailServer::State> state, std::shared_ptr<vmime::net::timeoutHandler> th)
        : m_state(std::move(state))
        , m_timeoutHandler(std::move(th))
    { }

    void connect(const vmime::string &, const vmime::port_t) override
    {
        m_connected = true;
        m_id = ++m_state->connections;
        m_inbound = m_state->greeting;
        m_dropped = m_inbound.isEmpty(); // no greeting: the server hangs up at once
    }

    void disconnect() override
    {
        if (m_connected)
            ++m_state->closedByClient;
        m_connected = false;
    }

    bool isConnected() const override { return m_connected; }

    bool waitForRead(const int msecs) override
    {
        if (!m_inbound.isEmpty() || m_dropped)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(msecs, 5)));
        return false;
    }

    bool waitForWrite(const int) override { return true; }

    void receive(vmime::string &buffer) override
    {
        vmime::byte_t bytes[readChunk];
        const size_t n = receiveRaw(bytes, sizeof bytes);
        buffer.assign(reinterpret_cast<const char *>(bytes), n);
    }

    size_t receiveRaw(vmime::byte_t *buffer, const size_t count) override
    {
        m_status = 0;
        if (!m_inbound.isEmpty()) {
            const size_t n = std::min({count, readChunk, static_cast<size_t>(m_inbound.size())});
            std::memcpy(buffer, m_inbound.constData(), n);
            m_inbound.remove(0, static_cast<qsizetype>(n));
            if (m_timeoutHandler)
                m_timeoutHandler->resetTimeOut();
            return n;
        }
        if (m_dropped || !m_connected)
            throw vmime::exceptions::socket_exception("ENOTCONN: not connected");
        // Nothing yet: like vmime's POSIX socket, give up once the timeout handler says so.
        if (m_timeoutHandler && m_timeoutHandler->isTimeOut() && !m_timeoutHandler->handleTimeOut())
            throw vmime::exceptions::operation_timed_out();
        m_status = STATUS_WOULDBLOCK;
        return 0;
    }

    void send(const vmime::string &buffer) override
    {
        sendRaw(reinterpret_cast<const vmime::byte_t *>(buffer.data()), buffer.size());
    }

    void send(const char *str) override
    {
        sendRaw(reinterpret_cast<const vmime::byte_t *>(str), std::strlen(str));
    }

    void sendRaw(const vmime::byte_t *buffer, const size_t count) override
    {
        if (m_dropped || !m_connected)
            throw vmime::exceptions::socket_exception("EPIPE: broken pipe");
        m_outbound.append(reinterpret_cast<const char *>(buffer), static_cast<qsizetype>(count));
        processOutbound();
    }

    size_t sendRawNonBlocking(const vmime::byte_t *buffer, const size_t count) override
    {
        sendRaw(buffer, count);
        return count;
    }

    size_t getBlockSize() const override { return readChunk; }
    unsigned int getStatus() const override { return m_status; }
    const vmime::string getPeerName() const override { return "scripted.example"; }
    const vmime::string getPeerAddress() const override { return "192.0.2.1"; }
    std::shared_ptr<vmime::net::timeoutHandler> getTimeoutHandler() override { return m_timeoutHandler; }
    void setTracer(std::shared_ptr<vmime::net::tracer> tracer) override { m_tracer = std::move(tracer); }
    std::shared_ptr<vmime::net::tracer> getTracer() override { return m_tracer; }

private:
    // Cuts what the client sent into commands and answers each complete one.
    void processOutbound()
    {
        static const QRegularExpression literal(QStringLiteral("\\{(\\d+)(\\+?)\\}$"));
        while (!m_outbound.isEmpty() && !m_stalled && !m_dropped) {
            if (m_literalLeft > 0) {
                const qsizetype n = std::min<qsizetype>(m_literalLeft, m_outbound.size());
                m_command += m_outbound.left(n);
                m_outbound.remove(0, n);
                m_literalLeft -= n;
                continue;
            }
            const qsizetype end = m_outbound.indexOf("\r\n");
            if (end < 0)
                return;
            const QByteArray line = m_outbound.left(end);
            m_outbound.remove(0, end + 2);
            m_command += line;
            if (m_state->imapLiterals) {
                const auto match = literal.match(QString::fromLatin1(line));
                if (match.hasMatch()) {
                    m_literalLeft = match.captured(1).toLongLong();
                    m_command += "\r\n";
                    if (match.captured(2).isEmpty())
                        m_inbound += "+ go ahead\r\n";
                    continue;
                }
            }
            const QByteArray command = m_command;
            m_command.clear();
            m_state->commands.append(command);
            m_state->commandConnections.append(m_id);
            const ScriptedMailServer::Reply reply = m_state->handler(m_id, command);
            m_inbound += reply.bytes;
            m_dropped = reply.dropAfter;
            m_stalled = reply.stall;
        }
    }

    std::shared_ptr<ScriptedMailServer::State> m_state;
    std::shared_ptr<vmime::net::timeoutHandler> m_timeoutHandler;
    std::shared_ptr<vmime::net::tracer> m_tracer;
    QByteArray m_inbound; // server -> client, not read yet
    QByteArray m_outbound; // client -> server, not a complete command yet
    QByteArray m_command; // the command being assembled (across literals)
    qint64 m_literalLeft = 0;
    int m_id = 0;
    unsigned int m_status = 0;
    bool m_connected = false;
    bool m_dropped = false; // by the server
    bool m_stalled = false;
};

class ScriptedSocketFactory : public vmime::net::socketFactory
{
public:
    explicit ScriptedSocketFactory(std::shared_ptr<ScriptedMailServer::State> state)
        : m_state(std::move(state))
    { }
    std::shared_ptr<vmime::net::socket> create() override { return create(nullptr); }
    std::shared_ptr<vmime::net::socket> create(std::shared_ptr<vmime::net::timeoutHandler> th) override
    {
        return std::make_shared<ScriptedSocket>(m_state, std::move(th));
    }

private:
    std::shared_ptr<ScriptedMailServer::State> m_state;
};

} // namespace

ScriptedMailServer::ScriptedMailServer(QByteArray greeting, bool imapLiterals, Handler handler)
    : m_state(std::make_shared<State>())
{
    m_state->greeting = std::move(greeting);
    m_state->imapLiterals = imapLiterals;
    m_state->handler = std::move(handler);
    auto transport = std::make_shared<bouncelens::FetchTransport>();
    transport->socketFactory = std::make_shared<ScriptedSocketFactory>(m_state);
    m_transport = std::move(transport);
}

ScriptedMailServer::~ScriptedMailServer() = default;

std::shared_ptr<const bouncelens::FetchTransport> ScriptedMailServer::transport() const
{
    return m_transport;
}

QList<QByteArray> ScriptedMailServer::commands() const
{
    return m_state->commands;
}

QList<QByteArray> ScriptedMailServer::transcript(qsizetype width) const
{
    QList<QByteArray> lines;
    for (qsizetype i = 0; i < m_state->commands.size(); ++i)
        lines.append(QByteArray::number(m_state->commandConnections.at(i)) + ' '
            + m_state->commands.at(i).left(width));
    return lines;
}

QList<QByteArray> ScriptedMailServer::verbs() const
{
    QList<QByteArray> verbs;
    for (const QByteArray &command : m_state->commands) {
        QList<QByteArray> words = command.left(command.indexOf("\r\n")).split(' ');
        if (m_state->imapLiterals && !words.isEmpty())
            words.removeFirst(); // the tag
        if (words.isEmpty())
            continue;
        QByteArray verb = words.first().toUpper();
        if (verb == "UID" && words.size() > 1)
            verb += ' ' + words.at(1).toUpper();
        verbs.append(verb);
    }
    return verbs;
}

int ScriptedMailServer::connections() const
{
    return m_state->connections;
}

int ScriptedMailServer::closedByClient() const
{
    return m_state->closedByClient;
}

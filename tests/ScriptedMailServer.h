// An IMAP or POP3 server scripted in-process, for byte-exact protocol tests of MailboxFetcher
// (tst_fetchprotocol). It plugs in through vmime's socket factory (fetch/FetchTransport.h), the
// way Trojita tests its IMAP code with a FakeSocket: every byte the client sends is recorded and
// cut into commands (IMAP literals included: "{n}" is answered with "+ go ahead" and the n bytes
// become part of the command), and each command is answered by the test's handler.
//
// The sockets behave like vmime's POSIX ones where it matters: no data yet means "would block"
// (vmime then polls its timeout handler, so a stalled server gives a time-out); after the server
// dropped the connection a read throws "ENOTCONN", a write "EPIPE".
//
// Not thread-safe: one fetch at a time, on the thread that calls run().

#pragma once

#include <QByteArray>
#include <QList>

#include <functional>
#include <memory>

namespace bouncelens {
struct FetchTransport;
}

class ScriptedMailServer
{
public:
    // The server's answer to one command.
    struct Reply
    {
        QByteArray bytes; // sent back as they are (CRLFs included)
        bool dropAfter = false; // then the server closes the connection
        bool stall = false; // the server sends `bytes`, then never another byte
    };
    // Called for every complete command (without its final CRLF; IMAP literals inline). `connection`
    // counts the connections made so far, from 1 (vmime's IMAP opens one for the store and one per
    // open folder).
    using Handler = std::function<Reply(int connection, const QByteArray &command)>;

    // `greeting` is sent on connecting (none: the server hangs up at once); `imapLiterals`
    // switches on the IMAP literal handling.
    ScriptedMailServer(QByteArray greeting, bool imapLiterals, Handler handler);
    ~ScriptedMailServer();
    ScriptedMailServer(const ScriptedMailServer &) = delete;
    ScriptedMailServer &operator=(const ScriptedMailServer &) = delete;

    // Give this to MailboxFetcher::setTransport().
    [[nodiscard]] std::shared_ptr<const bouncelens::FetchTransport> transport() const;

    // Every command received, in order, over all connections.
    [[nodiscard]] QList<QByteArray> commands() const;
    // The same, each prefixed with its connection number ("2 a004 EXAMINE INBOX"), and each cut
    // after `width` bytes (long IMAP SEARCH commands).
    [[nodiscard]] QList<QByteArray> transcript(qsizetype width = 60) const;
    // Only the command names ("LOGIN", "UID FETCH", "TOP", ...): IMAP tags dropped, upper case.
    [[nodiscard]] QList<QByteArray> verbs() const;
    // Connections opened by the client, and closed again by it (also after the server hung up).
    [[nodiscard]] int connections() const;
    [[nodiscard]] int closedByClient() const;

    struct State; // shared with the sockets

private:
    std::shared_ptr<State> m_state;
    std::shared_ptr<const bouncelens::FetchTransport> m_transport;
};

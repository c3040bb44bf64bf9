// MailboxFetcher byte by byte: an IMAP and a POP3 server scripted in-process
// (ScriptedMailServer), so the exact commands a fetch sends are checked, nothing that could
// change the mailbox is ever sent, and every error path ends in its own clear message. The
// real-server tests (Dovecot) are tst_fetch and tst_fetchdialog.
#include "ScriptedMailServer.h"

#include "analysis/AnalysisResult.h"
#include "fetch/MailboxFetcher.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <thread>

using namespace bouncelens;
using Reply = ScriptedMailServer::Reply;

namespace {

// The mailbox both servers offer: the tst_fetch fixtures, bounces and others, in name order.
struct Mailbox
{
    QList<QByteArray> messages; // message n (1-based) has UID n
    QStringList bounceNames; // file names of the bounces, in mailbox order

    static Mailbox fromFixtures()
    {
        Mailbox box;
        const QDir dir(QStringLiteral(BOUNCELENS_FIXTURES "/fetch"));
        for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QByteArray bytes = file.readAll();
            bytes.replace("\r\n", "\n");
            bytes.replace("\n", "\r\n");
            box.messages.append(bytes);
            if (name.startsWith(QLatin1String("bounce-")))
                box.bounceNames.append(name);
        }
        return box;
    }

    [[nodiscard]] QByteArray header(int n) const
    {
        const QByteArray &m = messages.at(n - 1);
        const qsizetype end = m.indexOf("\r\n\r\n");
        return end < 0 ? m : m.left(end + 4);
    }
};

// A twist a test puts into a server's normal behaviour: given the connection and the command,
// either a reply replacing the normal one, or nothing (then the normal reply goes out).
using Twist = std::function<std::optional<Reply>(int connection, const QByteArray &command)>;

QByteArray literal(const QByteArray &bytes)
{
    return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes;
}

// An IMAP4rev1 server with the mailbox as INBOX, answering what vmime asks during a fetch.
Reply imapAnswer(const Mailbox &box, int, const QByteArray &command)
{
    const QByteArray tag = command.left(command.indexOf(' '));
    const QByteArray rest = command.mid(tag.size() + 1);
    const QByteArray upper = rest.toUpper();
    const QByteArray ok = tag + " OK done\r\n";
    if (upper.startsWith("CAPABILITY"))
        return {"* CAPABILITY IMAP4rev1\r\n" + ok};
    if (upper.startsWith("LOGIN"))
        return {ok};
    if (upper.startsWith("LIST"))
        return {(upper.endsWith("\"\"") ? QByteArray("* LIST (\\Noselect) \"/\" \"\"\r\n")
                                        : QByteArray("* LIST (\\HasNoChildren) \"/\" INBOX\r\n"))
            + ok};
    if (upper.startsWith("EXAMINE") || upper.startsWith("SELECT")) {
        const QByteArray n = QByteArray::number(box.messages.size());
        return {"* " + n + " EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)\r\n"
                + "* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT " + QByteArray::number(box.messages.size() + 1)
                + "] ok\r\n" + tag + " OK [READ-ONLY] done\r\n"};
    }
    if (upper.startsWith("UID SEARCH")) {
        // The bounces: what a server would find for the fetch's criteria.
        QByteArray found;
        for (int n = box.messages.size(); n >= 1; --n)
            if (box.bounceNames.size() && box.messages.at(n - 1).contains("Delivery")
                && !box.messages.at(n - 1).contains("Auto-Submitted: auto-replied"))
                found += ' ' + QByteArray::number(n);
        return {"* SEARCH" + found + "\r\n" + ok};
    }
    if (upper.startsWith("UID FETCH") || upper.startsWith("FETCH")) {
        const bool byUid = upper.startsWith("UID");
        const QList<QByteArray> words = rest.split(' ');
        const QByteArray set = words.value(byUid ? 2 : 1);
        const QList<QByteArray> bounds = set.split(':');
        const int first = bounds.first().toInt();
        int last = bounds.size() > 1 ? (bounds.at(1) == "*" ? int(box.messages.size()) : bounds.at(1).toInt()) : first;
        last = std::min<int>(last, box.messages.size());
        QByteArray out;
        for (int n = first; n <= last; ++n) {
            QByteArray items = "UID " + QByteArray::number(n);
            if (upper.contains("RFC822.SIZE"))
                items += " RFC822.SIZE " + QByteArray::number(box.messages.at(n - 1).size());
            if (upper.contains("RFC822.HEADER") || upper.contains("BODY.PEEK[HEADER]"))
                items += " RFC822.HEADER " + literal(box.header(n));
            if (upper.contains("BODY.PEEK[]") || upper.contains("BODY[]"))
                items += " BODY[] " + literal(box.messages.at(n - 1));
            out += "* " + QByteArray::number(n) + " FETCH (" + items + ")\r\n";
        }
        return {out + ok};
    }
    if (upper.startsWith("LOGOUT"))
        return {"* BYE bye\r\n" + ok, true};
    if (upper.startsWith("NOOP") || upper.startsWith("CLOSE") || upper.startsWith("ID"))
        return {ok};
    return {tag + " BAD unknown command\r\n"};
}

// A POP3 server with the mailbox (RFC 1939 with CAPA, TOP and UIDL).
Reply pop3Answer(const Mailbox &box, int, const QByteArray &command)
{
    const QList<QByteArray> words = command.split(' ');
    const QByteArray verb = words.first().toUpper();
    const auto dotted = [](QByteArray body) {
        body.replace("\r\n.", "\r\n..");
        if (body.startsWith('.'))
            body.prepend('.');
        if (!body.endsWith("\r\n"))
            body += "\r\n";
        return body + ".\r\n";
    };
    if (verb == "CAPA")
        return {"+OK\r\nUSER\r\nTOP\r\nUIDL\r\n.\r\n"};
    if (verb == "USER" || verb == "PASS" || verb == "NOOP" || verb == "RSET")
        return {"+OK\r\n"};
    if (verb == "STAT") {
        qsizetype total = 0;
        for (const QByteArray &m : box.messages)
            total += m.size();
        return {"+OK " + QByteArray::number(box.messages.size()) + ' ' + QByteArray::number(total) + "\r\n"};
    }
    if (verb == "LIST" || verb == "UIDL") {
        QByteArray out = "+OK\r\n";
        for (int n = 1; n <= box.messages.size(); ++n)
            out += QByteArray::number(n) + ' '
                + (verb == "LIST" ? QByteArray::number(box.messages.at(n - 1).size())
                                  : "uidl-" + QByteArray::number(n))
                + "\r\n";
        return {out + ".\r\n"};
    }
    if (verb == "TOP") {
        const int n = words.value(1).toInt();
        if (n < 1 || n > box.messages.size())
            return {"-ERR no such message\r\n"};
        return {"+OK\r\n" + dotted(words.value(2) == "0" ? box.header(n) : box.messages.at(n - 1))};
    }
    if (verb == "QUIT")
        return {"+OK bye\r\n", true};
    return {"-ERR unknown command\r\n"};
}

ScriptedMailServer::Handler withTwist(
    std::function<Reply(const Mailbox &, int, const QByteArray &)> normal, Mailbox box, Twist twist)
{
    return [normal = std::move(normal), box = std::move(box), twist = std::move(twist)](
               int connection, const QByteArray &command) {
        if (twist)
            if (std::optional<Reply> r = twist(connection, command))
                return *r;
        return normal(box, connection, command);
    };
}

FetchOptions scriptedOptions(const QString &scheme)
{
    FetchOptions options;
    options.url = scheme + QStringLiteral("://scripted.example/INBOX");
    options.user = QStringLiteral("tester");
    options.password = QStringLiteral("s3cret");
    options.systemCaBundle.clear();
    options.timeoutSeconds = 1;
    return options;
}

QStringList sources(const FetchResult &result)
{
    QStringList names;
    for (const MessageAnalysis &m : result.messages)
        names << m.source;
    return names;
}

} // namespace

class TestFetchProtocol : public QObject
{
    Q_OBJECT

private slots:
    void explore_data();
    void explore();
};

void TestFetchProtocol::explore_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("imap") << QStringLiteral("imap");
    QTest::newRow("pop3") << QStringLiteral("pop3");
}

void TestFetchProtocol::explore()
{
    QFETCH(QString, scheme);
    const Mailbox box = Mailbox::fromFixtures();
    const bool imap = scheme == QLatin1String("imap");
    ScriptedMailServer server(imap ? QByteArray("* OK IMAP4rev1 ready\r\n") : QByteArray("+OK POP3 ready\r\n"), imap,
        withTwist(imap ? imapAnswer : pop3Answer, box, [](int, const QByteArray &c) -> std::optional<Reply> {
            const QByteArray tag = c.left(c.indexOf(' '));
            if (qEnvironmentVariableIsSet("HUGE") && c.contains("BODY.PEEK[]"))
                return Reply {"* 1 FETCH (UID 1 BODY[] {" + qgetenv("HUGE") + "}\r\nabc", false, true};
            return std::nullopt;
        }));
    MailboxFetcher fetcher(scriptedOptions(scheme));
    fetcher.setTransport(server.transport());
    const FetchResult result = fetcher.run();
    qInfo() << result.errorText << sources(result);
    for (const QByteArray &c : server.commands())
        qInfo() << c.left(200);
}

QTEST_GUILESS_MAIN(TestFetchProtocol)
#include "tst_fetchprotocol.moc"

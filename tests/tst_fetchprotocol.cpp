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

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

using namespace bouncelens;
using Reply = ScriptedMailServer::Reply;

namespace {

// The mailbox both servers offer: tst_fetch fixtures, four bounces and five others.
struct Mailbox
{
    QList<QByteArray> messages; // message n (1-based) has UID n
    QStringList bounceNames; // file names of the bounces, in mailbox order
    QList<int> bounces; // their message numbers

    // A fixed selection, so that new fixtures in that folder leave these transcripts alone.
    static Mailbox fromFixtures()
    {
        Mailbox box;
        const QDir dir(QStringLiteral(BOUNCELENS_FIXTURES "/fetch"));
        for (const char *name : {"bounce-delay-dsn.eml", "bounce-exim-plain.eml", "bounce-japanese-plain.eml",
                 "bounce-postfix-dsn.eml", "other-autoreply.eml", "other-build-failure.eml",
                 "other-feedback-arf.eml", "other-japanese-personal.eml", "other-newsletter.eml"}) {
            QFile file(dir.filePath(QLatin1String(name)));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QByteArray bytes = file.readAll();
            bytes.replace("\r\n", "\n");
            bytes.replace("\n", "\r\n");
            box.messages.append(bytes);
            if (qstrncmp(name, "bounce-", 7) == 0) {
                box.bounceNames.append(QLatin1String(name));
                box.bounces.append(int(box.messages.size()));
            }
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
        return {"* " + n
            + " EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)\r\n"
            + "* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT " + QByteArray::number(box.messages.size() + 1)
            + "] ok\r\n" + tag + " OK [READ-ONLY] done\r\n"};
    }
    if (upper.startsWith("UID SEARCH")) {
        // The bounces: what a server finds for the fetch's criteria.
        QByteArray found;
        for (int n : box.bounces)
            found += ' ' + QByteArray::number(n);
        return {"* SEARCH" + found + "\r\n" + ok};
    }
    if (upper.startsWith("UID FETCH") || upper.startsWith("FETCH")) {
        const bool byUid = upper.startsWith("UID");
        const QList<QByteArray> words = rest.split(' ');
        const QByteArray set = words.value(byUid ? 2 : 1);
        const QList<QByteArray> bounds = set.split(':');
        const int first = bounds.first().toInt();
        int last = bounds.size() > 1 ? (bounds.at(1) == "*" ? int(box.messages.size()) : bounds.at(1).toInt())
                                     : first;
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

// What would change the mailbox, or mark a message read: none of it may ever be sent. For IMAP
// that includes SELECT (read-write; EXAMINE is the read-only one), CLOSE (expunges), and any
// FETCH of a body or text without PEEK (sets \Seen).
QStringList mailboxChanges(const ScriptedMailServer &server)
{
    static const QList<QByteArray> forbidden = {"STORE", "UID STORE", "EXPUNGE", "UID EXPUNGE", "COPY",
        "UID COPY", "MOVE", "UID MOVE", "APPEND", "DELETE", "RENAME", "SELECT", "CLOSE", "DELE", "RETR"};
    static const QRegularExpression unpeeked(QStringLiteral("\\bBODY\\[|\\bRFC822(?:\\.TEXT)?(?![.\\w])"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    const QList<QByteArray> verbs = server.verbs();
    const QList<QByteArray> commands = server.commands();
    for (qsizetype i = 0; i < verbs.size(); ++i) {
        const bool fetch = verbs.at(i).endsWith("FETCH");
        if (forbidden.contains(verbs.at(i))
            || (fetch && unpeeked.match(QString::fromLatin1(commands.at(i))).hasMatch()))
            found << QString::fromLatin1(commands.at(i).left(80));
    }
    return found;
}

QByteArray imapTag(const QByteArray &command)
{
    return command.left(command.indexOf(' '));
}

} // namespace

Q_DECLARE_METATYPE(bouncelens::FetchError)

class TestFetchProtocol : public QObject
{
    Q_OBJECT

private slots:
    void fetchSendsExactly_data();
    void fetchSendsExactly();
    void errors_data();
    void errors();
    void cancelWhileServerStalls_data();
    void cancelWhileServerStalls();
};

static const QByteArray imapGreeting = "* OK IMAP4rev1 ready\r\n";
static const QByteArray pop3Greeting = "+OK POP3 ready\r\n";

// A whole fetch: the exact commands in order (each line: connection number, then the command,
// cut after 60 bytes), and the exact messages returned.
void TestFetchProtocol::fetchSendsExactly_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<bool>("searchRefused");
    QTest::addColumn<QList<QByteArray>>("expectedCommands");
    QTest::addColumn<QStringList>("expectedSources");
    // IMAP: vmime keeps the store's connection (1) and opens one for the folder (2); the
    // search runs on the store's connection after its own EXAMINE.
    const QStringList imapBounces {QStringLiteral("imap://scripted.example/INBOX;UID=4"),
        QStringLiteral("imap://scripted.example/INBOX;UID=3"),
        QStringLiteral("imap://scripted.example/INBOX;UID=2"),
        QStringLiteral("imap://scripted.example/INBOX;UID=1")};
    QTest::newRow("imap, server search")
        << QStringLiteral("imap") << false
        << QList<QByteArray> {"1 a001 CAPABILITY", "1 a002 LOGIN tester s3cret", "1 a003 LIST \"\" \"\"",
               "1 a004 LIST \"\" INBOX", "2 a001 CAPABILITY", "2 a002 LOGIN tester s3cret",
               "2 a003 LIST \"\" \"\"", "1 a005 CAPABILITY", "2 a004 EXAMINE INBOX", "1 a006 EXAMINE INBOX",
               "1 a007 UID SEARCH CHARSET UTF-8 OR OR OR OR OR OR OR OR OR OR ", "2 a005 UID FETCH 4 UID",
               "2 a006 UID FETCH 4 BODY.PEEK[]", "2 a007 UID FETCH 3 UID", "2 a008 UID FETCH 3 BODY.PEEK[]",
               "2 a009 UID FETCH 2 UID", "2 a010 UID FETCH 2 BODY.PEEK[]", "2 a011 UID FETCH 1 UID",
               "2 a012 UID FETCH 1 BODY.PEEK[]", "2 a013 LOGOUT", "1 a008 LOGOUT"}
        << imapBounces;
    QTest::newRow("imap, search refused")
        << QStringLiteral("imap") << true
        << QList<QByteArray> {"1 a001 CAPABILITY", "1 a002 LOGIN tester s3cret", "1 a003 LIST \"\" \"\"",
               "1 a004 LIST \"\" INBOX", "2 a001 CAPABILITY", "2 a002 LOGIN tester s3cret",
               "2 a003 LIST \"\" \"\"", "1 a005 CAPABILITY", "2 a004 EXAMINE INBOX", "1 a006 EXAMINE INBOX",
               "1 a007 UID SEARCH CHARSET UTF-8 OR OR OR OR OR OR OR OR OR OR ", "2 a005 FETCH 1:9 UID",
               "2 a006 CAPABILITY", "2 a007 FETCH 1:9 (UID RFC822.HEADER)", "2 a008 UID FETCH 7 UID",
               "2 a009 UID FETCH 7 BODY.PEEK[]", "2 a010 UID FETCH 6 UID", "2 a011 UID FETCH 6 BODY.PEEK[]",
               "2 a012 UID FETCH 5 UID", "2 a013 UID FETCH 5 BODY.PEEK[]", "2 a014 UID FETCH 4 UID",
               "2 a015 UID FETCH 4 BODY.PEEK[]", "2 a016 UID FETCH 3 UID", "2 a017 UID FETCH 3 BODY.PEEK[]",
               "2 a018 UID FETCH 2 UID", "2 a019 UID FETCH 2 BODY.PEEK[]", "2 a020 UID FETCH 1 UID",
               "2 a021 UID FETCH 1 BODY.PEEK[]", "2 a022 LOGOUT", "1 a008 LOGOUT"}
        << imapBounces;
    QTest::newRow("pop3") << QStringLiteral("pop3") << false
                          << QList<QByteArray> {"1 CAPA", "1 USER tester", "1 PASS s3cret", "1 STAT",
                                 "1 LIST", "1 UIDL", "1 TOP 9 0", "1 TOP 8 0", "1 TOP 7 0", "1 TOP 6 0",
                                 "1 TOP 5 0", "1 TOP 4 0", "1 TOP 3 0", "1 TOP 2 0", "1 TOP 1 0",
                                 "1 TOP 7 2147483647", "1 TOP 6 2147483647", "1 TOP 5 2147483647",
                                 "1 TOP 4 2147483647", "1 TOP 3 2147483647", "1 TOP 2 2147483647",
                                 "1 TOP 1 2147483647", "1 RSET", "1 QUIT"}
                          << QStringList {QStringLiteral("pop3://scripted.example/INBOX;UIDL=uidl-4"),
                                 QStringLiteral("pop3://scripted.example/INBOX;UIDL=uidl-3"),
                                 QStringLiteral("pop3://scripted.example/INBOX;UIDL=uidl-2"),
                                 QStringLiteral("pop3://scripted.example/INBOX;UIDL=uidl-1")};
}

void TestFetchProtocol::fetchSendsExactly()
{
    QFETCH(QString, scheme);
    QFETCH(bool, searchRefused);
    QFETCH(QList<QByteArray>, expectedCommands);
    QFETCH(QStringList, expectedSources);
    const Mailbox box = Mailbox::fromFixtures();
    QCOMPARE(box.bounceNames.size(), 4); // the fixtures' bounces come first in name order
    const bool imap = scheme == QLatin1String("imap");
    ScriptedMailServer server(imap ? imapGreeting : pop3Greeting, imap,
        withTwist(imap ? imapAnswer : pop3Answer, box, [&](int, const QByteArray &c) -> std::optional<Reply> {
            if (searchRefused && c.toUpper().contains(" UID SEARCH "))
                return Reply {imapTag(c) + " BAD SEARCH not supported\r\n"};
            return std::nullopt;
        }));
    MailboxFetcher fetcher(scriptedOptions(scheme));
    fetcher.setTransport(server.transport());
    const FetchResult result = fetcher.run();
    QVERIFY2(result.ok(), qPrintable(result.errorText));
    QCOMPARE(server.transcript(), expectedCommands);
    QCOMPARE(sources(result), expectedSources);
    QCOMPARE(result.searchedOnServer, imap && !searchRefused);
    QCOMPARE(mailboxChanges(server), QStringList());
    QCOMPARE(server.closedByClient(), server.connections()); // every connection closed, none left open
}

// Every way a server can fail a fetch, each with the error kind and the words people get.
// `twist` names the server's misbehaviour (see errorTwist); results found before it stay.
void TestFetchProtocol::errors_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<QString>("twist");
    QTest::addColumn<FetchError>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("messagesKept");
    const QString unexpected = QStringLiteral("The server scripted.example answered something unexpected.");
    const QString closed = QStringLiteral("The server scripted.example closed the connection.");
    const QString login
        = QStringLiteral("The server scripted.example did not accept the user name or password.");
    const QString slow = QStringLiteral("The server scripted.example did not answer within 1 seconds.");
    const QString tooLarge = QStringLiteral("The server scripted.example sent a message larger than 100 kB");
    const QString greeting = QStringLiteral("The server scripted.example refused to start a session");

    QTest::newRow("imap bad greeting") << "imap" << QByteArray("* BYE Too many connections\r\n") << QString()
                                       << FetchError::ServerError << greeting << 0;
    QTest::newRow("imap hangs up at once")
        << "imap" << QByteArray() << QString() << FetchError::ConnectionClosed << closed << 0;
    QTest::newRow("imap LOGIN NO") << "imap" << imapGreeting << "LOGIN NO" << FetchError::Authentication
                                   << login << 0;
    QTest::newRow("imap EXAMINE NO") << "imap" << imapGreeting << "EXAMINE NO" << FetchError::FolderNotFound
                                     << QStringLiteral(
                                            "The folder \"INBOX\" does not exist on scripted.example.")
                                     << 0;
    QTest::newRow("imap FETCH BAD") << "imap" << imapGreeting << "FETCH BAD" << FetchError::ServerError
                                    << unexpected << 0;
    QTest::newRow("imap dropped mid-fetch")
        << "imap" << imapGreeting << "drop on 2nd bounce" << FetchError::ConnectionClosed << closed << 1;
    QTest::newRow("imap malformed literal")
        << "imap" << imapGreeting << "malformed literal" << FetchError::ServerError << unexpected << 0;
    QTest::newRow("imap huge literal")
        << "imap" << imapGreeting << "huge literal" << FetchError::ServerError << tooLarge << 0;
    QTest::newRow("imap huge literal in short lines")
        << "imap" << imapGreeting << "huge message in lines" << FetchError::ServerError << tooLarge << 0;
    QTest::newRow("imap slow server")
        << "imap" << imapGreeting << "stall on 2nd bounce" << FetchError::Timeout << slow << 1;

    QTest::newRow("pop3 bad greeting") << "pop3" << QByteArray("-ERR server busy\r\n") << QString()
                                       << FetchError::ServerError << greeting << 0;
    QTest::newRow("pop3 hangs up at once")
        << "pop3" << QByteArray() << QString() << FetchError::ConnectionClosed << closed << 0;
    QTest::newRow("pop3 PASS -ERR") << "pop3" << pop3Greeting << "PASS ERR" << FetchError::Authentication
                                    << login << 0;
    QTest::newRow("pop3 TOP -ERR") << "pop3" << pop3Greeting << "TOP ERR" << FetchError::ServerError
                                   << unexpected << 1;
    QTest::newRow("pop3 dropped mid-fetch")
        << "pop3" << pop3Greeting << "drop on 2nd bounce" << FetchError::ConnectionClosed << closed << 1;
    QTest::newRow("pop3 malformed STAT")
        << "pop3" << pop3Greeting << "malformed STAT" << FetchError::ServerError << unexpected << 0;
    QTest::newRow("pop3 huge message")
        << "pop3" << pop3Greeting << "huge literal" << FetchError::ServerError << tooLarge << 0;
    QTest::newRow("pop3 huge message in short lines")
        << "pop3" << pop3Greeting << "huge message in lines" << FetchError::ServerError << tooLarge << 0;
    QTest::newRow("pop3 slow server")
        << "pop3" << pop3Greeting << "stall on 2nd bounce" << FetchError::Timeout << slow << 1;
}

namespace {

// The misbehaviours errors() names, as twists on the normal servers.
Twist errorTwist(const QString &name)
{
    // Message 3, the second bounce a fetch downloads (newest first: 4, then 3).
    const auto isMessage3
        = [](const QByteArray &c) { return c.contains(" FETCH 3 ") || c.startsWith("TOP 3 "); };
    const auto isBody = [](const QByteArray &c) {
        return c.contains("BODY.PEEK[]") || (c.startsWith("TOP ") && !c.endsWith(" 0"));
    };
    return [=](int, const QByteArray &c) -> std::optional<Reply> {
        const QByteArray tag = imapTag(c);
        const QByteArray upper = c.toUpper();
        if (name == QLatin1String("LOGIN NO") && upper.contains(" LOGIN "))
            return Reply {tag + " NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"};
        if (name == QLatin1String("EXAMINE NO") && upper.contains(" EXAMINE "))
            return Reply {tag + " NO Mailbox doesn't exist: INBOX\r\n"};
        if (name == QLatin1String("FETCH BAD") && isBody(c))
            return Reply {tag + " BAD Error in IMAP command UID FETCH: Invalid arguments.\r\n"};
        if (name == QLatin1String("PASS ERR") && upper.startsWith("PASS "))
            return Reply {"-ERR [AUTH] Authentication failed.\r\n"};
        if (name == QLatin1String("TOP ERR") && isBody(c) && isMessage3(c))
            return Reply {"-ERR There's no message 7.\r\n"};
        if (name == QLatin1String("malformed STAT") && upper.startsWith("STAT"))
            return Reply {"+OK lots of mail\r\n"};
        if (name == QLatin1String("malformed literal") && isBody(c))
            return Reply {"* 4 FETCH (UID 4 BODY[] {12x}\r\nFrom: a\r\n\r\n)\r\n" + tag + " OK done\r\n"};
        if (name.startsWith(QLatin1String("huge ")) && isBody(c)) {
            // 200 KB of message where the limit is 100 KB, as one endless line or as 2,500 short
            // ones (each below the limit, so only the running total can stop it): only a bounded
            // part is ever kept.
            const QByteArray line = name.endsWith(QLatin1String("in lines")) ? QByteArray(78, 'x') + "\r\n"
                                                                             : QByteArray(200 * 1024, 'x');
            const QByteArray body = "From: mailer-daemon@example.com\r\n\r\n"
                + line.repeated(200 * 1024 / line.size()) + "\r\n";
            if (c.startsWith("TOP "))
                return Reply {"+OK\r\n" + body + ".\r\n"};
            return Reply {"* 4 FETCH (UID 4 BODY[] " + literal(body) + ")\r\n" + tag + " OK done\r\n"};
        }
        if (name.endsWith(QLatin1String("on 2nd bounce")) && isBody(c) && isMessage3(c)) {
            if (name.startsWith(QLatin1String("drop")))
                return Reply {{}, true};
            return Reply {{}, false, true};
        }
        return std::nullopt;
    };
}

} // namespace

void TestFetchProtocol::errors()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, greeting);
    QFETCH(QString, twist);
    QFETCH(FetchError, error);
    QFETCH(QString, text);
    QFETCH(int, messagesKept);
    const bool imap = scheme == QLatin1String("imap");
    ScriptedMailServer server(greeting, imap,
        withTwist(imap ? imapAnswer : pop3Answer, Mailbox::fromFixtures(), errorTwist(twist)));
    FetchOptions options = scriptedOptions(scheme);
    options.maxMessageBytes = 100 * 1024;
    MailboxFetcher fetcher(options);
    fetcher.setTransport(server.transport());
    QElapsedTimer timer;
    timer.start();
    const FetchResult result = fetcher.run();
    QVERIFY2(result.errorText.startsWith(text), qPrintable(result.errorText));
    QCOMPARE(result.error, error);
    QCOMPARE(result.messages.size(), messagesKept);
    // A one-second time-out, plus at most two seconds for saying goodbye to a silent server.
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(mailboxChanges(server), QStringList());
}

// Cancel while the server keeps silent in the middle of a message: the fetch stops at once, long
// before its time-out, keeps what it had, and reports "cancelled" (POP3: this is the path that
// once left a freed folder in vmime's store, see withSession in MailboxFetcher.cpp).
void TestFetchProtocol::cancelWhileServerStalls_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("imap") << QStringLiteral("imap");
    QTest::newRow("pop3") << QStringLiteral("pop3");
}

void TestFetchProtocol::cancelWhileServerStalls()
{
    QFETCH(QString, scheme);
    const bool imap = scheme == QLatin1String("imap");
    ScriptedMailServer server(imap ? imapGreeting : pop3Greeting, imap,
        withTwist(imap ? imapAnswer : pop3Answer, Mailbox::fromFixtures(),
            errorTwist(QStringLiteral("stall on 2nd bounce"))));
    FetchOptions options = scriptedOptions(scheme);
    options.timeoutSeconds = 60;
    MailboxFetcher fetcher(options);
    fetcher.setTransport(server.transport());
    std::atomic<bool> firstMessage {false};
    std::atomic<bool> finished {false};
    fetcher.setMessageCallback([&](const MessageAnalysis &) { firstMessage = true; });
    std::thread canceller([&] {
        while (!firstMessage && !finished) // a fetch that fails before any message ends the wait too
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (finished)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(200)); // well into the silence
        fetcher.cancel();
    });
    QElapsedTimer timer;
    timer.start();
    const FetchResult result = fetcher.run();
    finished = true;
    canceller.join();
    QCOMPARE(result.error, FetchError::Cancelled);
    QCOMPARE(result.errorText, QStringLiteral("The fetch was cancelled."));
    QCOMPARE(result.messages.size(), 1);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(mailboxChanges(server), QStringList());
}

QTEST_GUILESS_MAIN(TestFetchProtocol)
#include "tst_fetchprotocol.moc"

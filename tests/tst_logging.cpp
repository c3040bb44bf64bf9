// The logging categories (bouncelens.load, .analysis, .fetch, .export, .ui): each real operation
// logs in its category what a maintainer needs to diagnose a user's report, nothing at debug level
// unless a rule turns it on, a warning by default where one is due, and never the mailbox
// password, even when a server quotes it back. Fetches run against the in-process scripted server
// (ScriptedMailServer), so no network is involved.
#include "ScriptedMailServer.h"

#include "AnalysisWorker.h"
#include "Exporters.h"
#include "LanguageManager.h"
#include "Logging.h"
#include "analysis/BounceAnalyzer.h"
#include "analysis/Logging.h"
#include "fetch/Logging.h"
#include "fetch/MailboxFetcher.h"
#include "message/MessageLoader.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <functional>

using namespace bouncelens;
using Reply = ScriptedMailServer::Reply;

namespace {

// The mailbox password of every scripted fetch: it must never reach the log.
constexpr char kPassword[] = "s3cret-Pw";

// One message as the handler received it.
struct Logged
{
    QtMsgType type;
    QString category;
    QString text;
};

// Collects every message of a bouncelens category (from any thread); the rest goes on to the
// handler that was there before (Qt Test's).
class LogCapture
{
public:
    LogCapture()
    {
        s_current = this;
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    [[nodiscard]] QList<Logged> messages() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messages;
    }

    // Every captured line, for failure messages.
    [[nodiscard]] QString dump() const
    {
        QStringList lines;
        for (const Logged &m : messages())
            lines << m.category + QStringLiteral(": ") + m.text;
        return lines.join(QLatin1Char('\n'));
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        const QString category = QString::fromLatin1(context.category);
        if (s_current && category.startsWith(QLatin1String("bouncelens."))) {
            QMutexLocker lock(&s_current->m_mutex);
            s_current->m_messages.append({type, category, text});
            return;
        }
        if (s_current && s_current->m_previous)
            s_current->m_previous(type, context, text);
    }

    static inline LogCapture *s_current = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QList<Logged> m_messages;
};

QByteArray fixture(const QString &relative)
{
    QFile file(QStringLiteral(BOUNCELENS_FIXTURES "/") + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray crlf(QByteArray bytes)
{
    bytes.replace("\r\n", "\n");
    bytes.replace("\n", "\r\n");
    return bytes;
}

// A POP3 server (RFC 1939 with CAPA, TOP, UIDL) holding a bounce and a newsletter; `twist` may
// replace the answer to a command.
ScriptedMailServer::Handler pop3Server(std::function<std::optional<Reply>(const QByteArray &)> twist = {})
{
    const QList<QByteArray> box = {crlf(fixture(QStringLiteral("fetch/bounce-postfix-dsn.eml"))),
        crlf(fixture(QStringLiteral("fetch/other-newsletter.eml")))};
    return [box, twist](int, const QByteArray &command) -> Reply {
        if (twist)
            if (std::optional<Reply> r = twist(command))
                return *r;
        const QList<QByteArray> words = command.split(' ');
        const QByteArray verb = words.first().toUpper();
        if (verb == "CAPA")
            return {"+OK\r\nUSER\r\nTOP\r\nUIDL\r\n.\r\n"};
        if (verb == "USER" || verb == "PASS" || verb == "NOOP" || verb == "RSET")
            return {"+OK\r\n"};
        if (verb == "STAT")
            return {"+OK " + QByteArray::number(box.size()) + " 0\r\n"};
        if (verb == "LIST" || verb == "UIDL") {
            QByteArray out = "+OK\r\n";
            for (int n = 1; n <= box.size(); ++n)
                out += QByteArray::number(n) + ' '
                    + (verb == "LIST" ? QByteArray::number(box.at(n - 1).size())
                                      : "uidl-" + QByteArray::number(n))
                    + "\r\n";
            return {out + ".\r\n"};
        }
        if (verb == "TOP") {
            const int n = words.value(1).toInt();
            if (n < 1 || n > box.size())
                return {"-ERR no such message\r\n"};
            QByteArray body = box.at(n - 1);
            if (words.value(2) == "0")
                body = body.left(body.indexOf("\r\n\r\n") + 4);
            body.replace("\r\n.", "\r\n..");
            return {"+OK\r\n" + body + ".\r\n"};
        }
        if (verb == "QUIT")
            return {"+OK bye\r\n", true};
        return {"-ERR unknown command\r\n"};
    };
}

// An IMAP server that refuses the login, quoting the command (password included) back.
ScriptedMailServer::Handler imapEchoingRefusal()
{
    return [](int, const QByteArray &command) -> Reply {
        const QByteArray tag = command.left(command.indexOf(' '));
        const QByteArray rest = command.mid(tag.size() + 1);
        if (rest.toUpper().startsWith("CAPABILITY"))
            return {"* CAPABILITY IMAP4rev1\r\n" + tag + " OK done\r\n"};
        if (rest.toUpper().startsWith("LOGIN"))
            return {tag + " NO [AUTHENTICATIONFAILED] rejected: " + rest + "\r\n"};
        if (rest.toUpper().startsWith("LOGOUT"))
            return {"* BYE bye\r\n" + tag + " OK done\r\n", true};
        return {tag + " BAD unknown command\r\n"};
    };
}

// The size of the scripted mailbox's bounce, as the server gives it.
qint64 bounceBytes()
{
    return crlf(fixture(QStringLiteral("fetch/bounce-postfix-dsn.eml"))).size();
}

FetchOptions scriptedOptions(const QString &scheme)
{
    FetchOptions options;
    options.url = scheme + QStringLiteral("://scripted.example/INBOX");
    options.user = QStringLiteral("tester");
    options.password = QLatin1String(kPassword);
    options.systemCaBundle.clear();
    options.timeoutSeconds = 1;
    return options;
}

FetchResult scriptedFetch(const QString &scheme, const ScriptedMailServer::Handler &handler,
    const std::function<void(FetchOptions &)> &adjust = {}, bool cancelWhileFetching = false)
{
    const bool imap = scheme == QLatin1String("imap");
    ScriptedMailServer server(imap ? "* OK IMAP4rev1 ready\r\n" : "+OK POP3 ready\r\n", imap, handler);
    FetchOptions options = scriptedOptions(scheme);
    if (adjust)
        adjust(options);
    MailboxFetcher fetcher(options);
    fetcher.setTransport(server.transport());
    if (cancelWhileFetching)
        fetcher.setProgressCallback([&fetcher](const FetchProgress &p) {
            if (p.stage == FetchProgress::Stage::Fetching)
                fetcher.cancel();
        });
    return fetcher.run();
}

// A path that exists, is no folder, and that open() refuses even to root: a Unix socket.
bool makeSocketFile(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray name = QFile::encodeName(path);
    if (size_t(name.size()) >= sizeof(address.sun_path)) {
        ::close(fd);
        return false;
    }
    std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd); // the socket file stays
    return bound;
}

// The real operations the rows run, by name.
using Operation = std::function<void(const QTemporaryDir &dir)>;

QMap<QString, Operation> operations()
{
    QMap<QString, Operation> ops;
    ops[QStringLiteral("load mbox")] = [](const QTemporaryDir &) {
        QCOMPARE(
            MessageLoader().loadFile(QStringLiteral(BOUNCELENS_FIXTURES "/core/two-bounces.mbox")).size(), 2);
    };
    ops[QStringLiteral("load missing file")] = [](const QTemporaryDir &dir) {
        (void)MessageLoader().loadFile(dir.filePath(QStringLiteral("no-such.eml")));
    };
    ops[QStringLiteral("load unreadable file")] = [](const QTemporaryDir &dir) {
        const QString path = dir.filePath(QStringLiteral("socket.eml"));
        QVERIFY(QFile::exists(path) || makeSocketFile(path));
        const QList<RawMessage> read = MessageLoader().loadFile(path);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().errorCode, AnalysisError::Unreadable);
    };
    ops[QStringLiteral("load oversized message")] = [](const QTemporaryDir &) {
        const QList<RawMessage> read
            = MessageLoader(LoaderLimits {100})
                  .split(fixture(QStringLiteral("core/gmail-plain.eml")), QStringLiteral("pasted"));
        QCOMPARE(read.first().errorCode, AnalysisError::TooLarge);
    };
    ops[QStringLiteral("analyse dsn")] = [](const QTemporaryDir &) {
        QVERIFY(BounceAnalyzer()
                    .analyze(fixture(QStringLiteral("core/postfix-dsn-userunknown.eml")),
                        QStringLiteral("dsn.eml"))
                    .ok());
    };
    ops[QStringLiteral("analyse plain text")] = [](const QTemporaryDir &) {
        QVERIFY(BounceAnalyzer()
                    .analyze(fixture(QStringLiteral("core/gmail-plain.eml")), QStringLiteral("plain.eml"))
                    .ok());
    };
    ops[QStringLiteral("analyse no header")] = [](const QTemporaryDir &) {
        QCOMPARE(
            BounceAnalyzer().analyze(QByteArray("just some words\n"), QStringLiteral("words.txt")).errorCode,
            AnalysisError::NotAMessage);
    };
    ops[QStringLiteral("fetch pop3")] = [](const QTemporaryDir &) {
        const FetchResult result = scriptedFetch(QStringLiteral("pop3"), pop3Server());
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(result.found, 1);
    };
    ops[QStringLiteral("fetch over the size cap")] = [](const QTemporaryDir &) {
        // Headers (TOP n 0) fit under the cap, the bounce itself does not.
        const FetchResult result = scriptedFetch(QStringLiteral("pop3"), pop3Server(),
            [](FetchOptions &o) { o.maxMessageBytes = bounceBytes() - 1; });
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(result.found, 0);
    };
    ops[QStringLiteral("fetch cancelled")] = [](const QTemporaryDir &) {
        const FetchResult result = scriptedFetch(QStringLiteral("pop3"), pop3Server(), {}, true);
        QCOMPARE(result.error, FetchError::Cancelled);
    };
    ops[QStringLiteral("fetch timed out")] = [](const QTemporaryDir &) {
        const FetchResult result = scriptedFetch(
            QStringLiteral("pop3"), pop3Server([](const QByteArray &c) -> std::optional<Reply> {
                if (c.startsWith("TOP") && !c.endsWith(" 0"))
                    return Reply {"+OK\r\n", false, true};
                return std::nullopt;
            }));
        QCOMPARE(result.error, FetchError::Timeout);
    };
    ops[QStringLiteral("fetch pop3 password echoed")] = [](const QTemporaryDir &) {
        const FetchResult result = scriptedFetch(
            QStringLiteral("pop3"), pop3Server([](const QByteArray &c) -> std::optional<Reply> {
                if (c.startsWith("PASS"))
                    return Reply {"-ERR rejected: " + c + "\r\n"};
                return std::nullopt;
            }));
        QCOMPARE(result.error, FetchError::Authentication);
    };
    ops[QStringLiteral("fetch imap password echoed")] = [](const QTemporaryDir &) {
        const FetchResult result = scriptedFetch(QStringLiteral("imap"), imapEchoingRefusal());
        QCOMPARE(result.error, FetchError::Authentication);
    };
    ops[QStringLiteral("export")] = [](const QTemporaryDir &dir) {
        QString error;
        QVERIFY(Exporters::writeFile(
            dir.filePath(QStringLiteral("out.csv")), "email\r\nx@example.com\r\n", &error));
    };
    ops[QStringLiteral("export refused")] = [](const QTemporaryDir &dir) {
        QString error;
        QVERIFY(!Exporters::writeFile(dir.filePath(QStringLiteral("missing/folder/out.csv")), "x", &error));
    };
    ops[QStringLiteral("analysis job")] = [](const QTemporaryDir &) {
        AnalysisWorker worker;
        QSignalSpy idle(&worker, &AnalysisWorker::idle);
        worker.addPaths({QStringLiteral(BOUNCELENS_FIXTURES "/core/two-bounces.mbox")});
        QVERIFY(idle.wait(30000));
    };
    ops[QStringLiteral("language switch")] = [](const QTemporaryDir &) {
        LanguageManager languages;
        languages.setLanguage(Language::Japanese, false);
        QCOMPARE(languages.language(), Language::Japanese);
        languages.setLanguage(Language::English, false);
    };
    return ops;
}

bool anyContains(const QList<Logged> &messages, const QString &category, const QString &words)
{
    for (const Logged &m : messages)
        if (m.category == category && m.text.contains(words))
            return true;
    return false;
}

} // namespace

class TestLogging : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanupTestCase();
    void defaults_data();
    void defaults();
    void logsWhatHappened_data();
    void logsWhatHappened();
};

void TestLogging::init()
{
    QLoggingCategory::setFilterRules(QString());
}

void TestLogging::cleanupTestCase()
{
    QLoggingCategory::setFilterRules(QString());
}

// Every category exists under its documented name, shows warnings and hides debug by default.
void TestLogging::defaults_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("load") << "bouncelens.load";
    QTest::newRow("analysis") << "bouncelens.analysis";
    QTest::newRow("fetch") << "bouncelens.fetch";
    QTest::newRow("export") << "bouncelens.export";
    QTest::newRow("ui") << "bouncelens.ui";
}

void TestLogging::defaults()
{
    QFETCH(QString, name);
    const QMap<QString, const QLoggingCategory *> categories {{QStringLiteral("load"), &lcLoad()},
        {QStringLiteral("analysis"), &lcAnalysis()}, {QStringLiteral("fetch"), &lcFetch()},
        {QStringLiteral("export"), &lcExport()}, {QStringLiteral("ui"), &lcUi()}};
    const QLoggingCategory *category = categories.value(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(category);
    QCOMPARE(QString::fromLatin1(category->categoryName()), name);
    QVERIFY(category->isWarningEnabled());
    QVERIFY(category->isCriticalEnabled());
    QVERIFY(!category->isDebugEnabled());
    QVERIFY(!category->isInfoEnabled());
    QLoggingCategory::setFilterRules(QStringLiteral("bouncelens.*.debug=true"));
    QVERIFY(category->isDebugEnabled());
}

// Each operation runs twice: with no rule (nothing at debug level may appear; `warning`, when
// set, is the one line that must appear anyway), then with "bouncelens.*.debug=true" (every
// phrase of `expected` in some line of `category`). The password appears in neither run.
void TestLogging::logsWhatHappened_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("warning");
    const QString load = QStringLiteral("bouncelens.load");
    const QString analysis = QStringLiteral("bouncelens.analysis");
    const QString fetch = QStringLiteral("bouncelens.fetch");
    QTest::newRow("load mbox") << load
                               << QStringList {"opened " BOUNCELENS_FIXTURES "/core/two-bounces.mbox",
                                      "is an mbox with LF line ends", "split into 2 messages"}
                               << QString();
    QTest::newRow("load missing file") << load << QStringList {"no-such.eml not-found"} << QString();
    QTest::newRow("load unreadable file") << load << QStringList {"cannot read"} << "socket.eml";
    QTest::newRow("load oversized message")
        << load << QStringList {"message 0 of pasted is", "over the limit of 100"} << QString();
    QTest::newRow("analyse dsn") << analysis
                                 << QStringList {"analysed dsn.eml: bounce, 1 recipients", "parser path dsn"}
                                 << QString();
    QTest::newRow("analyse plain text")
        << analysis << QStringList {"analysed plain.eml: bounce, 1 recipients", "parser path plain-text"}
        << QString();
    QTest::newRow("analyse no header")
        << analysis << QStringList {"not analysed: words.txt not-a-message"} << QString();
    QTest::newRow("fetch pop3") << fetch
                                << QStringList {"connecting to pop3://scripted.example:110 (no TLS",
                                       "connected and logged in to scripted.example",
                                       "opened the POP3 mailbox: 2 messages",
                                       "message 2 skipped by the header pre-filter", "1 candidates",
                                       "downloaded pop3://scripted.example/INBOX;UIDL=uidl-1", "kept bounce",
                                       "fetch done: 1 examined, 1 kept"}
                                << QString();
    QTest::newRow("fetch over the size cap")
        << fetch
        << QStringList {QStringLiteral(
               "skipped pop3://scripted.example/INBOX;UIDL=uidl-1 of %1 bytes: over the "
               "size cap of %2")
                            .arg(bounceBytes())
                            .arg(bounceBytes() - 1)}
        << QString();
    QTest::newRow("fetch cancelled") << fetch
                                     << QStringList {"cancel requested", "cancelled after logging in"}
                                     << QString();
    QTest::newRow("fetch timed out") << fetch
                                     << QStringList {"no answer within 1000 ms: timed out",
                                            "session failed: timeout"}
                                     << QString();
    QTest::newRow("fetch pop3 password echoed")
        << fetch << QStringList {"connect or login failed: authentication", "rejected: PASS <password>"}
        << QString();
    QTest::newRow("fetch imap password echoed")
        << fetch
        << QStringList {"connect or login failed: authentication", "rejected: LOGIN tester <password>"}
        << QString();
    QTest::newRow("export") << QStringLiteral("bouncelens.export") << QStringList {"out.csv 22 bytes"}
                            << QString();
    QTest::newRow("export refused") << QStringLiteral("bouncelens.export") << QStringList {"could not write"}
                                    << "out.csv";
    QTest::newRow("analysis job") << QStringLiteral("bouncelens.ui")
                                  << QStringList {"analysis job started: 1 paths",
                                         "BounceLens analysis job started, 0 more queued",
                                         "analysis job finished: 2 messages from 1 files in"}
                                  << QString();
    QTest::newRow("language switch") << QStringLiteral("bouncelens.ui")
                                     << QStringList {"language switched to ja (BounceLens translation loaded",
                                            "language switched to en"}
                                     << QString();
}

void TestLogging::logsWhatHappened()
{
    QFETCH(QString, category);
    QFETCH(QStringList, expected);
    QFETCH(QString, warning);
    const Operation operation = operations().value(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(operation, "no operation of that name");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QList<Logged> quiet;
    {
        LogCapture capture;
        operation(dir);
        if (QTest::currentTestFailed())
            return;
        quiet = capture.messages();
    }
    for (const Logged &m : quiet) {
        QVERIFY2(m.type != QtDebugMsg && m.type != QtInfoMsg,
            qPrintable(m.category + QStringLiteral(": ") + m.text));
        QVERIFY2(!m.text.contains(QLatin1String(kPassword)), qPrintable(m.text));
    }
    if (warning.isEmpty()) {
        QVERIFY2(quiet.isEmpty(), qPrintable(quiet.isEmpty() ? QString() : quiet.first().text));
    } else {
        QCOMPARE(quiet.size(), 1);
        QCOMPARE(quiet.first().type, QtWarningMsg);
        QCOMPARE(quiet.first().category, category);
        QVERIFY2(quiet.first().text.contains(warning), qPrintable(quiet.first().text));
    }

    QLoggingCategory::setFilterRules(QStringLiteral("bouncelens.*.debug=true"));
    LogCapture capture;
    operation(dir);
    const QList<Logged> logged = capture.messages();
    for (const QString &words : expected)
        QVERIFY2(anyContains(logged, category, words),
            qPrintable(QStringLiteral("no \"%1\" in %2 among:\n%3").arg(words, category, capture.dump())));
    for (const Logged &m : logged)
        QVERIFY2(!m.text.contains(QLatin1String(kPassword)), qPrintable(m.text));
}

// The rules must be ours alone: QT_LOGGING_RULES or QT_LOGGING_CONF from the environment would
// override setFilterRules(), so they go before the application (and its logging registry) starts.
int main(int argc, char **argv)
{
    qunsetenv("QT_LOGGING_RULES");
    qunsetenv("QT_LOGGING_CONF");
    QCoreApplication app(argc, argv);
    TestLogging test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_logging.moc"

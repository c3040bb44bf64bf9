// Fetching bounces from IMAP and POP3 (issue 6) against a private, unprivileged Dovecot that
// the test starts itself on 127.0.0.1, with a self-made CA and server certificate.

#include "DovecotHarness.h"
#include "TestSupport.h"
#include "analysis/BounceAnalyzer.h"
#include "fetch/FetchCriteria.h"
#include "fetch/FetchTls.h"
#include "fetch/MailboxFetcher.h"
#include "message/HeaderBlock.h"
#include "message/MessageLoader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <optional>

using namespace bouncelens;
using namespace bouncelens::testing;

namespace {

const QString password = QStringLiteral("s3cret-Pass");
const QString user = QStringLiteral("tester");

// What identifies a result independently of where it came from.
QString signature(const QString &kind, QStringList recipients)
{
    recipients.sort();
    return kind + QLatin1Char('|') + recipients.join(QLatin1Char(','));
}

struct CliRun
{
    int exitCode = -1;
    QStringList signatures; // sorted
    QStringList sources;
    QString stdErr;
    QString stdOut;
};

// The maildir's messages as name -> flags ("" for new/ and ":2,"), the part that must not change.
// Dovecot's POP3 server moves new/ messages to cur/ on login (its own \Recent handling, whatever
// the client does), so the folder itself is not part of the comparison; the flags are.
QMap<QString, QString> maildirState(const QString &maildir)
{
    QMap<QString, QString> state;
    for (const char *sub : {"cur", "new"}) {
        const QDir dir(maildir + QLatin1Char('/') + QLatin1String(sub));
        for (const QString &name : dir.entryList(QDir::Files)) {
            const qsizetype colon = name.indexOf(QLatin1String(":2,"));
            state.insert(colon < 0 ? name : name.left(colon), colon < 0 ? QString() : name.mid(colon + 3));
        }
    }
    return state;
}

} // namespace

class TestFetch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void criteriaPickEveryCorpusBounce();
    void wholeCorpusFetchEqualsExplain();
    void searchChunksUseLiteralsForJapanese();
    void fingerprintFormats();

    void fetchReturnsExactlyTheBounces_data();
    void fetchReturnsExactlyTheBounces();
    void includeFeedback();
    void limitAndSince();
    void wrongPassword_data();
    void wrongPassword();
    void untrustedCertificate_data();
    void untrustedCertificate();
    void missingFolder();
    void connectionRefused();
    void silentServerTimesOut();
    void usageErrors_data();
    void usageErrors();
    void serverSearchMatchesClientSide();
    void cancelKeepsWhatWasFetched();
    void serverStoppedMidFetch_data();
    void serverStoppedMidFetch();
    void listFolders_data();
    void listFolders();

private:
    CliRun runCli(const QStringList &args, const QByteArray &stdinData = {}, bool withPasswordEnv = true);
    QString url(const QString &scheme, const QString &path = QString()) const;
    void checkMailboxUnchanged();

    PrivateDovecot m_server {user, password};
    QString m_maildir;
    QString m_caFile; // the test CA that signed the server certificate
    QString m_serverFingerprint;
    QStringList m_expected; // signatures of the bounces in the maildir
    QStringList m_expectedFeedback; // ... plus feedback reports
    QMap<QString, QString> m_initialState;
};

QString TestFetch::url(const QString &scheme, const QString &path) const
{
    return QStringLiteral("%1://127.0.0.1:%2/%3").arg(scheme).arg(m_server.port(scheme)).arg(path);
}

void TestFetch::initTestCase()
{
    if (!m_server.findTools())
        QSKIP("dovecot (dovecot-imapd, dovecot-pop3d) or openssl is not installed: see "
              ".ci/install-fetch-deps.sh");
    const QString error = m_server.prepare();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_maildir = m_server.maildir();
    m_caFile = m_server.caFile();
    m_serverFingerprint = m_server.serverFingerprint();

    // The mailbox: own fixtures, plus a few corpus samples when the corpus is there.
    QStringList files;
    for (const QFileInfo &info :
        QDir(QStringLiteral(BOUNCELENS_FIXTURES "/fetch")).entryInfoList({QStringLiteral("*.eml")}))
        files << info.absoluteFilePath();
    for (const char *name : {"lhost-postfix-01.eml", "lhost-exim-01.eml", "rfc3464-01.eml"}) {
        const QString path = corpusDir() + QStringLiteral("/eml/") + QLatin1String(name);
        if (QFile::exists(path))
            files << path;
    }
    const BounceAnalyzer analyzer;
    const MessageLoader loader;
    int n = 0;
    for (const QString &file : files) {
        for (const RawMessage &raw : loader.loadFile(file)) {
            ++n;
            // Mostly cur/ (seen by some mail program before), with assorted flags; one in new/.
            static const char *const flags[] = {"", "S", "F", "", "RS", ""};
            const QString base = QStringLiteral("17000%1.M%1P1.test").arg(n, 3, 10, QLatin1Char('0'));
            const QString name = n == 3
                ? QStringLiteral("/new/") + base
                : QStringLiteral("/cur/") + base + QStringLiteral(":2,") + QLatin1String(flags[n % 6]);
            QFile f(m_maildir + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(raw.bytes);
            f.close();
            const MessageAnalysis a = analyzer.analyze(raw);
            QStringList recipients;
            for (const RecipientResult &rr : a.recipients)
                recipients << rr.address;
            const QString sig = signature(toString(a.kind), recipients);
            if (a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay) {
                m_expected << sig;
                m_expectedFeedback << sig;
            } else if (a.kind == MessageKind::Feedback) {
                m_expectedFeedback << sig;
            }
            const bool ownBounce = QFileInfo(file).fileName().startsWith(QLatin1String("bounce-"));
            const bool ownOther = QFileInfo(file).fileName().startsWith(QLatin1String("other-"));
            // The fixtures are what they claim to be, or the comparisons below prove nothing.
            if (ownBounce)
                QVERIFY2(a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay, qPrintable(file));
            if (ownOther)
                QVERIFY2(a.kind != MessageKind::Bounce && a.kind != MessageKind::Delay, qPrintable(file));
        }
    }
    m_expected.sort();
    m_expectedFeedback.sort();
    QVERIFY(m_expected.size() >= 4);

    // Folders besides INBOX, for listFolders(). Maildir++ on disk ("." between levels, modified
    // UTF-7 names); the server's separator is "/". "Parent" exists only as the parent of
    // "Parent/Child": the server lists it \Noselect and listFolders() must leave it out.
    for (const char *folder : {".Archive", ".INBOX.Bounces", ".Parent.Child", ".Sp&AOQ-t"}) {
        for (const char *sub : {"/cur", "/new", "/tmp"})
            QVERIFY(QDir().mkpath(m_maildir + QLatin1Char('/') + QLatin1String(folder) + QLatin1String(sub)));
    }

    QVERIFY(m_server.start());
    m_initialState = maildirState(m_maildir);
}

void TestFetch::cleanup()
{
    // A test that stopped the server (or lost it) gets it back for the next one.
    if (!m_server.ports().isEmpty() && !m_server.isRunning())
        QVERIFY(m_server.start());
}

void TestFetch::cleanupTestCase()
{
    m_server.stop();
}

CliRun TestFetch::runCli(const QStringList &args, const QByteArray &stdinData, bool withPasswordEnv)
{
    CliRun run;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("BOUNCELENS_PASSWORD"));
    if (withPasswordEnv)
        env.insert(QStringLiteral("BOUNCELENS_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BOUNCELENS_BINARY), QStringList {QStringLiteral("fetch")} + args);
    if (!p.waitForStarted(10000))
        return run;
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        run.stdErr = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.stdErr = QString::fromUtf8(p.readAllStandardError());
    run.stdOut = QString::fromUtf8(p.readAllStandardOutput());
    for (const QString &line : run.stdOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.isEmpty())
            continue; // text output
        QStringList recipients;
        for (const QJsonValue &r : o.value(QStringLiteral("recipients")).toArray())
            recipients << r.toObject().value(QStringLiteral("address")).toString();
        run.signatures << signature(o.value(QStringLiteral("kind")).toString(), recipients);
        run.sources << o.value(QStringLiteral("source")).toString();
    }
    run.signatures.sort();
    return run;
}

void TestFetch::checkMailboxUnchanged()
{
    const QMap<QString, QString> now = maildirState(m_maildir);
    QCOMPARE(now.keys(), m_initialState.keys());
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        QVERIFY2(it.value() == m_initialState.value(it.key()),
            qPrintable(QStringLiteral("flags of %1 changed from \"%2\" to \"%3\"")
                           .arg(it.key(), m_initialState.value(it.key()), it.value())));
}

// The client-side rules must let through every message of the corpus that `explain` calls a
// bounce or delay (and, with feedback and auto-replies asked for, those too), or POP3 (and IMAP
// servers whose SEARCH fails) would silently miss bounces: the pre-filter is never stricter than
// the analyzer.
void TestFetch::criteriaPickEveryCorpusBounce()
{
    BOUNCELENS_REQUIRE_CORPUS();
    const QDir corpus(corpusDir() + QStringLiteral("/eml"));
    const QStringList names = corpus.entryList(QDir::Files);
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    FetchCriteria bouncesOnly;
    FetchCriteria everything;
    everything.feedback = everything.autoReplies = true;
    int bounces = 0;
    QStringList missed;
    for (const QString &name : names) {
        const QList<RawMessage> messages = loader.loadFile(corpus.filePath(name));
        QVERIFY2(!messages.isEmpty() && messages.first().error.isEmpty(), qPrintable(name));
        for (const RawMessage &raw : messages) {
            const MessageAnalysis a = analyzer.analyze(raw);
            const QByteArray header = HeaderBlock::headerPart(raw.bytes);
            const bool bounce = bouncesOnly.wants(a.kind);
            bounces += bounce ? 1 : 0;
            if (everything.wants(a.kind) && !(bounce ? bouncesOnly : everything).matchesHeader(header))
                missed << QStringLiteral("%1#%2 (%3)").arg(name).arg(raw.index).arg(toString(a.kind));
        }
    }
    QVERIFY(bounces > 100);
    QVERIFY2(missed.isEmpty(),
        qPrintable(QStringLiteral("%1 of %2 messages not picked: %3")
                       .arg(missed.size())
                       .arg(names.size())
                       .arg(missed.join(QLatin1Char(' ')))));
}

// The whole shared corpus in a mailbox of its own: over IMAP (server-side SEARCH) and over POP3
// (headers read here), `fetch` returns exactly the messages `explain` calls a bounce or delay.
void TestFetch::wholeCorpusFetchEqualsExplain()
{
    BOUNCELENS_REQUIRE_CORPUS();
    const QDir corpus(corpusDir() + QStringLiteral("/eml"));
    const QStringList names = corpus.entryList(QDir::Files);
    PrivateDovecot server {user, password};
    QVERIFY(server.findTools());
    const QString error = server.prepare();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    QStringList expected;
    int n = 0;
    for (const QString &name : names) {
        for (const RawMessage &raw : loader.loadFile(corpus.filePath(name))) {
            QFile f(server.maildir() + QStringLiteral("/cur/%1.corpus:2,S").arg(++n));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(raw.bytes);
            const MessageAnalysis a = analyzer.analyze(raw);
            if (a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay) {
                QStringList recipients;
                for (const RecipientResult &r : a.recipients)
                    recipients << r.address;
                expected << signature(toString(a.kind), recipients);
            }
        }
    }
    expected.sort();
    QVERIFY(expected.size() > 300);
    QVERIFY(server.start());
    for (const char *scheme : {"imap", "pop3"}) {
        FetchOptions options;
        options.user = user;
        options.password = password;
        options.url = QStringLiteral("%1://127.0.0.1:%2/")
                          .arg(QLatin1String(scheme))
                          .arg(server.port(QLatin1String(scheme)));
        const FetchResult result = MailboxFetcher(options).run();
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QStringList fetched;
        for (const MessageAnalysis &a : result.messages) {
            QStringList recipients;
            for (const RecipientResult &r : a.recipients)
                recipients << r.address;
            fetched << signature(toString(a.kind), recipients);
        }
        fetched.sort();
        QStringList missing;
        for (const QString &sig : std::as_const(expected))
            if (!fetched.contains(sig))
                missing << sig;
        QVERIFY2(missing.isEmpty(),
            qPrintable(
                QLatin1String(scheme) + QStringLiteral(" missed: ") + missing.join(QStringLiteral("; "))));
        QCOMPARE(fetched, expected);
    }
    server.stop();
}

void TestFetch::searchChunksUseLiteralsForJapanese()
{
    FetchCriteria criteria;
    criteria.since = QDate(2024, 3, 5);
    const QList<QByteArray> chunks = criteria.imapSearchChunks();
    QVERIFY(chunks.size() > 1);
    QVERIFY(chunks.first().startsWith("UID SEARCH CHARSET UTF-8 SINCE 5-Mar-2024 OR "));
    for (qsizetype i = 0; i + 1 < chunks.size(); ++i) {
        const QByteArray &chunk = chunks.at(i);
        QVERIFY(chunk.endsWith('}'));
        const QByteArray count = chunk.mid(chunk.lastIndexOf('{') + 1).chopped(1);
        // The next chunk starts with exactly that many bytes of UTF-8.
        QVERIFY(QString::fromUtf8(chunks.at(i + 1).left(count.toInt()))
                    .contains(QRegularExpression(QStringLiteral("^\\p{Han}|^\\p{Katakana}|^\\p{Hiragana}"))));
    }
    QCOMPARE(chunks.join().count("OR"),
        chunks.join().count("FROM ") + chunks.join().count("SUBJECT ") + chunks.join().count("HEADER ") - 1);
}

void TestFetch::fingerprintFormats()
{
    const QString hex = QStringLiteral("00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");
    QCOMPARE(FetchTls::normalizeFingerprint(hex.toLower()), hex);
    QCOMPARE(FetchTls::normalizeFingerprint(QStringLiteral("SHA256:") + FetchTls::sha256Fingerprint("x")),
        FetchTls::sha256Fingerprint("x").remove(QLatin1Char(':')));
    QVERIFY(FetchTls::normalizeFingerprint(QStringLiteral("abc")).isEmpty());
    QCOMPARE(FetchTls::splitPem("junk\n-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\nx"
                                "-----BEGIN CERTIFICATE-----\nBB==\n-----END CERTIFICATE-----\n")
                 .size(),
        2);
}

void TestFetch::fetchReturnsExactlyTheBounces_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("sourcePrefix");
    QTest::newRow("imap") << QStringLiteral("imap") << QStringList()
                          << QStringLiteral("imap://127.0.0.1:%1/INBOX;UID=");
    QTest::newRow("imaps") << QStringLiteral("imaps") << QStringList {QStringLiteral("--ca-file")}
                           << QStringLiteral("imaps://127.0.0.1:%1/INBOX;UID=");
    QTest::newRow("imap+starttls") << QStringLiteral("imap")
                                   << QStringList {QStringLiteral("--starttls"), QStringLiteral("--ca-file")}
                                   << QStringLiteral("imap://127.0.0.1:%1/INBOX;UID=");
    QTest::newRow("pop3") << QStringLiteral("pop3") << QStringList()
                          << QStringLiteral("pop3://127.0.0.1:%1/INBOX;UIDL=");
    QTest::newRow("pop3s") << QStringLiteral("pop3s") << QStringList {QStringLiteral("--ca-file")}
                           << QStringLiteral("pop3s://127.0.0.1:%1/INBOX;UIDL=");
    QTest::newRow("pop3+stls") << QStringLiteral("pop3")
                               << QStringList {QStringLiteral("--starttls"), QStringLiteral("--ca-file")}
                               << QStringLiteral("pop3://127.0.0.1:%1/INBOX;UIDL=");
}

void TestFetch::fetchReturnsExactlyTheBounces()
{
    QFETCH(QString, scheme);
    QFETCH(QStringList, options);
    QFETCH(QString, sourcePrefix);
    if (options.contains(QStringLiteral("--ca-file")))
        options.insert(options.indexOf(QStringLiteral("--ca-file")) + 1, m_caFile);
    const CliRun run = runCli(
        QStringList {QStringLiteral("--user"), user, QStringLiteral("--format"), QStringLiteral("json")}
        + options + QStringList {url(scheme)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QCOMPARE(run.signatures, m_expected);
    const QString prefix = sourcePrefix.arg(m_server.port(scheme));
    for (const QString &source : run.sources)
        QVERIFY2(source.startsWith(prefix), qPrintable(source));
    checkMailboxUnchanged();
}

void TestFetch::includeFeedback()
{
    const CliRun run
        = runCli({QStringLiteral("--user"), user, QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--include-feedback"), url(QStringLiteral("imap"), QStringLiteral("INBOX"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QVERIFY(m_expectedFeedback.size() > m_expected.size());
    QCOMPARE(run.signatures, m_expectedFeedback);
    checkMailboxUnchanged();
}

void TestFetch::limitAndSince()
{
    // Password from standard input this time.
    CliRun run = runCli({QStringLiteral("--user"), user, QStringLiteral("--password-stdin"),
                            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--limit"),
                            QStringLiteral("2"), url(QStringLiteral("imap"))},
        password.toUtf8() + '\n', false);
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QCOMPARE(run.signatures.size(), 2);
    // The messages arrived (internal date) today, so a date in the future leaves nothing.
    run = runCli({QStringLiteral("--user"), user, QStringLiteral("--format"), QStringLiteral("json"),
        QStringLiteral("--since"), QDate::currentDate().addDays(2).toString(Qt::ISODate),
        url(QStringLiteral("imap"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QCOMPARE(run.signatures.size(), 0);
    run = runCli({QStringLiteral("--user"), user, QStringLiteral("--format"), QStringLiteral("json"),
        QStringLiteral("--since"), QStringLiteral("2000-01-01"), url(QStringLiteral("imap"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QCOMPARE(run.signatures, m_expected);
    // Text output works too and counts what it found.
    run = runCli({QStringLiteral("--user"), user, QStringLiteral("--lang"), QStringLiteral("en"),
        url(QStringLiteral("pop3"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QVERIFY2(run.stdOut.contains(QStringLiteral("%1 bounce").arg(m_expected.size())), qPrintable(run.stdOut));
    checkMailboxUnchanged();
}

void TestFetch::wrongPassword_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("imap") << QStringLiteral("imap");
    QTest::newRow("pop3") << QStringLiteral("pop3");
}

void TestFetch::wrongPassword()
{
    QFETCH(QString, scheme);
    const CliRun run
        = runCli({QStringLiteral("--user"), user, QStringLiteral("--password-stdin"), url(scheme)},
            "wrong-password\n", false);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.stdErr.contains(QStringLiteral("did not accept the user name or password")),
        qPrintable(run.stdErr));
    QVERIFY(run.signatures.isEmpty());
}

void TestFetch::untrustedCertificate_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("imaps") << QStringLiteral("imaps") << QStringList();
    QTest::newRow("pop3s") << QStringLiteral("pop3s") << QStringList();
    QTest::newRow("imap+starttls") << QStringLiteral("imap") << QStringList {QStringLiteral("--starttls")};
}

void TestFetch::untrustedCertificate()
{
    QFETCH(QString, scheme);
    QFETCH(QStringList, options);
    const QStringList base
        = QStringList {QStringLiteral("--user"), user, QStringLiteral("--format"), QStringLiteral("json")}
        + options;
    // Only the system CAs: our test CA is not among them.
    CliRun run = runCli(base + QStringList {url(scheme)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.stdErr.contains(QStringLiteral("not trusted")), qPrintable(run.stdErr));
    QVERIFY2(run.stdErr.contains(m_serverFingerprint), qPrintable(run.stdErr));
    QVERIFY(run.signatures.isEmpty());

    // The user accepts exactly that certificate.
    run = runCli(
        base + QStringList {QStringLiteral("--trust-fingerprint"), m_serverFingerprint, url(scheme)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QCOMPARE(run.signatures, m_expected);

    // Another fingerprint does not help.
    run = runCli(base
        + QStringList {QStringLiteral("--trust-fingerprint"), QString(64, QLatin1Char('a')), url(scheme)});
    QCOMPARE(run.exitCode, 1);

    // The CA file makes it trusted.
    run = runCli(base + QStringList {QStringLiteral("--ca-file"), m_caFile, url(scheme)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    QCOMPARE(run.signatures, m_expected);
    checkMailboxUnchanged();
}

void TestFetch::missingFolder()
{
    const CliRun run = runCli({QStringLiteral("--user"), user, QStringLiteral("--folder"),
        QStringLiteral("No/Such/Folder"), url(QStringLiteral("imap"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.stdErr.contains(QStringLiteral("does not exist")), qPrintable(run.stdErr));
}

void TestFetch::connectionRefused()
{
    const int port = freePort(); // nothing listens there
    const CliRun run
        = runCli({QStringLiteral("--user"), user, QStringLiteral("imap://127.0.0.1:%1/").arg(port)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.stdErr.contains(QStringLiteral("refused the connection")), qPrintable(run.stdErr));
}

// A server that accepts the connection and then says nothing must not hang the fetch.
void TestFetch::silentServerTimesOut()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    QVERIFY(::listen(fd, 4) == 0); // the kernel completes the handshake; nobody ever answers
    QVERIFY(::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0);
    FetchOptions options;
    options.url = QStringLiteral("imap://127.0.0.1:%1/").arg(ntohs(addr.sin_port));
    options.user = user;
    options.password = password;
    options.timeoutSeconds = 2;
    QElapsedTimer timer;
    timer.start();
    const FetchResult result = MailboxFetcher(options).run();
    ::close(fd);
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(result.error, FetchError::Timeout);
    QVERIFY2(result.errorText.contains(QStringLiteral("did not answer within 2 seconds")),
        qPrintable(result.errorText));
}

void TestFetch::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no URL") << QStringList {QStringLiteral("--user"), user};
    QTest::newRow("bad scheme") << QStringList {
        QStringLiteral("--user"), user, QStringLiteral("http://127.0.0.1/")};
    QTest::newRow("bad since") << QStringList {
        QStringLiteral("--since"), QStringLiteral("yesterday"), QStringLiteral("imap://127.0.0.1/")};
    QTest::newRow("bad limit") << QStringList {
        QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("imap://127.0.0.1/")};
    QTest::newRow("bad fingerprint") << QStringList {
        QStringLiteral("--trust-fingerprint"), QStringLiteral("12:34"), QStringLiteral("imaps://127.0.0.1/")};
    QTest::newRow("pop3 folder") << QStringList {
        QStringLiteral("--user"), user, QStringLiteral("pop3://127.0.0.1/Sent")};
    QTest::newRow("missing ca file") << QStringList {QStringLiteral("--user"), user,
        QStringLiteral("--ca-file"), QStringLiteral("/nonexistent/ca.pem"),
        QStringLiteral("imaps://127.0.0.1/")};
}

void TestFetch::usageErrors()
{
    QFETCH(QStringList, args);
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.stdErr.isEmpty());
}

// IMAP lets the server pick the candidates (with a UTF-8 SEARCH for the Japanese subjects);
// POP3 reads headers and picks here. Both must pick the same messages.
void TestFetch::serverSearchMatchesClientSide()
{
    FetchOptions options;
    options.user = user;
    options.password = password;
    options.url = url(QStringLiteral("imap"));
    const FetchResult imap = MailboxFetcher(options).run();
    options.url = url(QStringLiteral("pop3"));
    const FetchResult pop3 = MailboxFetcher(options).run();
    QVERIFY2(imap.ok(), qPrintable(imap.errorText));
    QVERIFY2(pop3.ok(), qPrintable(pop3.errorText));
    QVERIFY(imap.searchedOnServer);
    QVERIFY(!pop3.searchedOnServer);
    QCOMPARE(imap.candidates, pop3.candidates);
    QCOMPARE(imap.examined, imap.candidates);
    // The Japanese bounce is found only through its subject (配信エラー).
    const auto japanese = [](const FetchResult &r) {
        return std::count_if(r.messages.cbegin(), r.messages.cend(),
            [](const MessageAnalysis &a) { return a.subject == QStringLiteral("配信エラー"); });
    };
    QCOMPARE(japanese(imap), 1);
    QCOMPARE(japanese(pop3), 1);
    // Candidates include ordinary mail with a bounce-like subject; the analysis drops it.
    QVERIFY(imap.candidates > imap.messages.size());
    checkMailboxUnchanged();
}

void TestFetch::cancelKeepsWhatWasFetched()
{
    FetchOptions options;
    options.url = url(QStringLiteral("imap"));
    options.user = user;
    options.password = password;
    MailboxFetcher fetcher(options);
    QList<FetchProgress> progress;
    fetcher.setProgressCallback([&](const FetchProgress &p) { progress << p; });
    fetcher.setMessageCallback([&](const MessageAnalysis &) { fetcher.cancel(); });
    const FetchResult result = fetcher.run();
    QCOMPARE(result.error, FetchError::Cancelled);
    QCOMPARE(result.messages.size(), 1);
    QVERIFY(!result.errorText.isEmpty());
    QVERIFY(progress.size() >= 3);
    QCOMPARE(progress.first().stage, FetchProgress::Stage::Connecting);
    QCOMPARE(progress.last().stage, FetchProgress::Stage::Done);
    QVERIFY(progress.last().candidates >= m_expected.size());
    checkMailboxUnchanged();
}

void TestFetch::serverStoppedMidFetch_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("imap") << QStringLiteral("imap");
    QTest::newRow("pop3s") << QStringLiteral("pop3s");
}

void TestFetch::serverStoppedMidFetch()
{
    QFETCH(QString, scheme);
    FetchOptions options;
    options.url = url(scheme);
    options.user = user;
    options.password = password;
    options.caFile = m_caFile;
    options.timeoutSeconds = 10; // a hang would show as a timeout instead of "closed"
    MailboxFetcher fetcher(options);
    int seen = 0;
    fetcher.setMessageCallback([&](const MessageAnalysis &) {
        if (++seen == 1)
            m_server.stop();
    });
    QElapsedTimer timer;
    timer.start();
    const FetchResult result = fetcher.run();
    QVERIFY(timer.elapsed() < 8000);
    QCOMPARE(result.messages.size(), 1);
    QCOMPARE(result.error, FetchError::ConnectionClosed);
    QVERIFY2(
        result.errorText.contains(QStringLiteral("closed the connection")), qPrintable(result.errorText));
    checkMailboxUnchanged();
}

// The folder list, read-only, over every scheme: IMAP lists the selectable folders ("/"
// between levels, INBOX first, then sorted), POP3 only INBOX.
void TestFetch::listFolders_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<bool>("startTls");
    QTest::addColumn<QStringList>("expected");
    const QStringList imapFolders {QStringLiteral("INBOX"), QStringLiteral("Archive"),
        QStringLiteral("INBOX/Bounces"), QStringLiteral("Parent/Child"), QStringLiteral("Spät")};
    QTest::newRow("imap") << QStringLiteral("imap") << false << imapFolders;
    QTest::newRow("imap starttls") << QStringLiteral("imap") << true << imapFolders;
    QTest::newRow("imaps") << QStringLiteral("imaps") << false << imapFolders;
    QTest::newRow("pop3") << QStringLiteral("pop3") << false << QStringList {QStringLiteral("INBOX")};
    QTest::newRow("pop3s") << QStringLiteral("pop3s") << false << QStringList {QStringLiteral("INBOX")};
}

void TestFetch::listFolders()
{
    QFETCH(QString, scheme);
    QFETCH(bool, startTls);
    QFETCH(QStringList, expected);
    FetchOptions options;
    options.user = user;
    options.password = password;
    options.url = url(scheme, QStringLiteral("Ignored/Folder")); // the folder plays no part
    options.startTls = startTls;
    options.caFile = m_caFile;
    const FolderListResult result = MailboxFetcher::listFolders(options);
    QVERIFY2(result.ok(), qPrintable(result.errorText));
    QCOMPARE(result.folders, expected);
    QVERIFY(result.errorText.isEmpty());
    QVERIFY(result.certificateFingerprint.isEmpty());

    // Errors come out like run()'s: an untrusted certificate with its fingerprint, a wrong password.
    if (scheme == QLatin1String("imaps")) {
        options.caFile.clear();
        const FolderListResult untrusted = MailboxFetcher::listFolders(options);
        QCOMPARE(untrusted.error, FetchError::Certificate);
        QVERIFY(untrusted.folders.isEmpty());
        QCOMPARE(FetchTls::normalizeFingerprint(untrusted.certificateFingerprint),
            FetchTls::normalizeFingerprint(m_serverFingerprint));
        options.caFile = m_caFile;
        options.password = QStringLiteral("wrong");
        const FolderListResult denied = MailboxFetcher::listFolders(options);
        QCOMPARE(denied.error, FetchError::Authentication);
        QVERIFY(!denied.errorText.isEmpty());
    }
    checkMailboxUnchanged();
}

QTEST_GUILESS_MAIN(TestFetch)
#include "tst_fetch.moc"

// The headless command line contract (DESIGN.md): JSON lines, text output, exit statuses,
// standard input, no display needed, nothing written next to the input.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

#include <QtTest>
#include <signal.h>

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(BOUNCELENS_FIXTURES "/core/") + QString::fromLatin1(name);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// `environment` overrides the defaults below; an empty value removes the variable.
Run run(
    const QStringList &args, const QByteArray &input = {}, const QHash<QString, QString> &environment = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Subcommands must not need a display: make any attempt to open one fail (Qt aborts).
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BOUNCELENS_BINARY), args);
    if (!p.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError()};
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qWarning("not a JSON object line: %s", line.constData());
        objects << doc.object();
    }
    return objects;
}

// An mbox of every core fixture, COPIES times over (mboxrd quoting), with the fixture names in
// order, so that a line's place tells which message it came from.
QByteArray fixtureMbox(int copies, QStringList *subjects = nullptr)
{
    const QDir dir(QStringLiteral(BOUNCELENS_FIXTURES "/core"));
    QList<QByteArray> messages;
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray bytes = f.readAll().replace("\r\n", "\n");
        QByteArray quoted;
        for (const QByteArray &line : bytes.split('\n')) {
            qsizetype p = 0;
            while (p < line.size() && line.at(p) == '>')
                ++p;
            quoted += (line.mid(p).startsWith("From ") ? ">" + line : line) + '\n';
        }
        messages << quoted;
    }
    QByteArray mbox;
    for (int copy = 0; copy < copies; ++copy)
        for (const QByteArray &m : messages) {
            mbox += "From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n" + m + '\n';
            if (subjects)
                *subjects << QString::number(subjects->size());
        }
    return mbox;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void jsonContract_data();
    void jsonContract();
    void exitStatus_data();
    void exitStatus();
    void errorCodes_data();
    void errorCodes();
    void standardInput();
    void textFormat_data();
    void textFormat();
    void versionAndHelp();
    void windowUsageErrors_data();
    void windowUsageErrors();
    void windowWithoutDisplay_data();
    void windowWithoutDisplay();
    void writesNothingNextToInput();
    void parallelOutputInInputOrder_data();
    void parallelOutputInInputOrder();
    void interruptLeavesWholeLines();
    void progressOnlyOnATerminal();
};

void TestCli::jsonContract_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("replyCode");
    QTest::addColumn<bool>("permanent");
    QTest::newRow("postfix") << fixture("postfix-dsn-userunknown.eml") << "bounce"
                             << "nobody@example.jp"
                             << "5.1.1"
                             << "550" << true;
    QTest::newRow("delay") << fixture("delayed-dsn.eml") << "delay"
                           << "slow@example.org"
                           << "4.4.1"
                           << "" << false;
    QTest::newRow("feedback") << fixture("arf-feedback.eml") << "feedback"
                              << "reader@isp.example.net"
                              << ""
                              << "" << false;
}

void TestCli::jsonContract()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, address);
    QFETCH(QString, status);
    QFETCH(QString, replyCode);
    QFETCH(bool, permanent);
    const Run r = run({QStringLiteral("explain"), QStringLiteral("--format"), QStringLiteral("json"), file});
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    const QJsonObject o = lines.first();
    for (const char *key : {"source", "message", "kind", "reporting_mta", "notice", "recipients", "error"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value("source").toString(), file);
    QCOMPARE(o.value("message").toInt(), 0);
    QCOMPARE(o.value("kind").toString(), kind);
    QVERIFY(o.value("error").isNull());
    const QJsonArray recipients = o.value("recipients").toArray();
    QCOMPARE(recipients.size(), 1);
    const QJsonObject rcpt = recipients.first().toObject();
    for (const char *key : {"address", "action", "status", "reply_code", "diagnostic", "remote_mta", "reason",
             "permanent", "hard_bounce", "explanation"})
        QVERIFY2(rcpt.contains(QLatin1String(key)), key);
    QCOMPARE(rcpt.value("address").toString(), address);
    QCOMPARE(rcpt.value("status").toString(), status);
    QCOMPARE(rcpt.value("reply_code").toString(), replyCode);
    QCOMPARE(rcpt.value("permanent").toBool(), permanent);
    const QJsonObject explanation = rcpt.value("explanation").toObject();
    for (const char *key : {"title", "cause", "fix", "customer"})
        QVERIFY2(!explanation.value(QLatin1String(key)).toString().isEmpty(), key);
}

void TestCli::exitStatus_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("jsonLines");
    QTest::newRow("all read") << QStringList {"explain", "--format", "json",
        fixture("postfix-dsn-userunknown.eml"), fixture("not-bounce.eml")}
                              << 0 << 2;
    QTest::newRow("one unreadable, the run goes on") << QStringList {"explain", "--format=json",
        "/nonexistent/x.eml", fixture("qmail-plain-userunknown.eml")}
                                                     << 1 << 2;
    QTest::newRow("mbox gives one line per message")
        << QStringList {"explain", "--format", "json", fixture("two-bounces.mbox")} << 0 << 2;
    QTest::newRow("no path") << QStringList {"explain"} << 2 << 0;
    QTest::newRow("bad language") << QStringList {"explain", "--lang", "fr", fixture("not-bounce.eml")} << 2
                                  << 0;
    QTest::newRow("bad format") << QStringList {"explain", "--format", "xml", fixture("not-bounce.eml")} << 2
                                << 0;
    QTest::newRow("unknown option") << QStringList {"explain", "--frobnicate", fixture("not-bounce.eml")} << 2
                                    << 0;
    QTest::newRow("jobs 0") << QStringList {"explain", "--jobs", "0", fixture("not-bounce.eml")} << 2 << 0;
    QTest::newRow("jobs not a number")
        << QStringList {"explain", "--jobs=many", fixture("not-bounce.eml")} << 2 << 0;
    QTest::newRow("jobs 3") << QStringList {"explain", "--jobs=3", "--format=json",
        fixture("two-bounces.mbox")}
                            << 0 << 2;
}

void TestCli::exitStatus()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(int, jsonLines);
    const Run r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 2)
        QVERIFY(r.err.contains("Usage"));
    else
        QCOMPARE(::jsonLines(r.out).size(), jsonLines);
    if (exitCode == 1) {
        const QJsonObject failed = ::jsonLines(r.out).first();
        QVERIFY(!failed.value("error").toString().isEmpty());
    }
}

// An error line names its cause with a stable "error_code" beside the translated "error": the
// same code in both languages, the text in each one.
void TestCli::errorCodes_data()
{
    QTest::addColumn<QString>("name"); // the input file, made in a temporary folder
    QTest::addColumn<QByteArray>("content");
    // The file is grown (sparse) to this size; 0 leaves it as written, -1 makes no file.
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing") << "missing.eml" << QByteArray() << qint64(-1) << "not-found";
    QTest::newRow("empty") << "empty.eml" << QByteArray() << qint64(0) << "empty";
    QTest::newRow("no header") << "prose.eml"
                               << QByteArray("Just a few words of prose.\n\nNo header at all.\n") << qint64(0)
                               << "not-a-message";
    QTest::newRow("oversized") << "huge.eml" << QByteArray("From: a@example.com\nSubject: big\n\n")
                               << qint64(65) * 1024 * 1024 << "too-large";
}

void TestCli::errorCodes()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(qint64, size);
    QFETCH(QString, code);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(name);
    if (size >= 0) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(content), content.size());
        if (size > 0)
            QVERIFY(f.resize(size));
    }
    QStringList texts;
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("ja")}) {
        const Run r = run({QStringLiteral("explain"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--lang"), lang, path});
        QCOMPARE(r.exitCode, 1);
        const QList<QJsonObject> lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().value("error_code").toString(), code);
        texts << lines.first().value("error").toString();
        QVERIFY2(!texts.last().isEmpty(), qPrintable(lang));
    }
    QVERIFY2(texts.first() != texts.last(), qPrintable(texts.first()));
    // Only error lines carry a code.
    const QList<QJsonObject> ok
        = jsonLines(run({QStringLiteral("explain"), QStringLiteral("--format"), QStringLiteral("json"),
                            fixture("postfix-dsn-userunknown.eml")})
                        .out);
    QCOMPARE(ok.size(), 1);
    QVERIFY(!ok.first().contains("error_code"));
}

void TestCli::standardInput()
{
    QFile f(fixture("exim-plain-mailboxfull.eml"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Run r = run(
        {QStringLiteral("explain"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-")},
        f.readAll());
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().value("source").toString(), QStringLiteral("-"));
    QCOMPARE(lines.first().value("recipients").toArray().first().toObject().value("address").toString(),
        QStringLiteral("full@example.org"));
}

void TestCli::textFormat_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << "en"
                        << "Recipient: nobody@example.jp";
    QTest::newRow("ja") << "ja" << u"宛先のメールアドレスが存在しません"_qs;
}

void TestCli::textFormat()
{
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    const Run r = run(
        {QStringLiteral("explain"), QStringLiteral("--lang"), lang, fixture("postfix-dsn-userunknown.eml")});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(expected), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("550")));
}

void TestCli::versionAndHelp()
{
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("bouncelens "));
    QVERIFY(QChar::fromLatin1(version.out.at(11)).isDigit());
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("explain"));
    QVERIFY(help.out.contains("catalog"));
}

// A mistyped command or option is a usage error found before Qt's GUI starts: run() forces the
// xcb platform with no display, so reaching QApplication would abort instead of exiting with 2.
void TestCli::windowUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("misspelt command") << QStringList {"sumary", "x"} << "C.UTF-8"
                                      << "\"sumary\" is not a command. Did you mean \"bouncelens summary\"?";
    QTest::newRow("unknown word")
        << QStringList {"frobnicate"} << "C.UTF-8"
        << "\"frobnicate\" is not a command, and no file or folder of that name exists.";
    QTest::newRow("near a command") << QStringList {"explian", fixture("not-bounce.eml")} << "C.UTF-8"
                                    << "Did you mean \"bouncelens explain\"?";
    QTest::newRow("upper case near a command") << QStringList {"Catalgo"} << "C.UTF-8"
                                               << "Did you mean \"bouncelens catalog\"?";
    QTest::newRow("unknown option") << QStringList {"--formt"} << "C.UTF-8"
                                    << "unknown option \"--formt\"";
    QTest::newRow("unknown option after a file")
        << QStringList {fixture("not-bounce.eml"), "--formt"} << "C.UTF-8"
        << "unknown option \"--formt\"";
    QTest::newRow("window language") << QStringList {"--lang", "fr"} << "C.UTF-8"
                                     << "--lang takes en or ja, not \"fr\"";
    QTest::newRow("misspelt command, Japanese")
        << QStringList {"sumary", "x"} << "ja_JP.UTF-8" << u"「bouncelens summary」のことですか"_qs;
    QTest::newRow("unknown word, Japanese")
        << QStringList {"frobnicate"} << "ja_JP.UTF-8" << u"「frobnicate」はコマンドではなく"_qs;
}

void TestCli::windowUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    const Run r = run(args, {}, {{QStringLiteral("LANG"), lang}});
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(
        err.contains(lang.startsWith(QLatin1String("ja")) ? u"使い方:"_qs : u"Usage:"_qs), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("qt.qpa")), qPrintable(err));
    QVERIFY(r.out.isEmpty());
}

// Starting the window with no display and no platform chosen: one translated sentence that
// points to `bouncelens explain`, exit status 2, and nothing from Qt's platform plugins.
void TestCli::windowWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no file") << QStringList {} << "C.UTF-8"
                             << "there is no display";
    QTest::newRow("with a file") << QStringList {fixture("not-bounce.eml")} << "C.UTF-8"
                                 << "run \"bouncelens explain FILE...\" instead";
    QTest::newRow("window language chosen")
        << QStringList {"--lang", "ja", fixture("not-bounce.eml")} << "C.UTF-8" << u"ディスプレイがない"_qs;
    QTest::newRow("Japanese") << QStringList {} << "ja_JP.UTF-8" << u"「bouncelens explain FILE...」"_qs;
}

void TestCli::windowWithoutDisplay()
{
    QFETCH(QStringList, args);
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    const Run r
        = run(args, {}, {{QStringLiteral("LANG"), lang}, {QStringLiteral("QT_QPA_PLATFORM"), QString()}});
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("bouncelens explain")), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(
        !err.contains(QLatin1String("qt.qpa")) && !err.contains(QLatin1String("plugin")), qPrintable(err));
}

void TestCli::writesNothingNextToInput()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(fixture("postfix-dsn-userunknown.eml"), dir.filePath("bounce.eml")));
    const QStringList before
        = QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    const QDateTime modified = QFileInfo(dir.filePath("bounce.eml")).lastModified();
    QCOMPARE(run({QStringLiteral("explain"), dir.path()}).exitCode, 0);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
    QCOMPARE(QFileInfo(dir.filePath("bounce.eml")).lastModified(), modified);
}

void TestCli::parallelOutputInInputOrder_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("jobs");
    QTest::newRow("json, 2 threads") << "json"
                                     << "2";
    QTest::newRow("json, 7 threads") << "json"
                                     << "7";
    QTest::newRow("text, 4 threads") << "text"
                                     << "4";
}

void TestCli::parallelOutputInInputOrder()
{
    QFETCH(QString, format);
    QFETCH(QString, jobs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("all.mbox"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fixtureMbox(20));
    }
    const Run one = run({"explain", "--format", format, "--lang", "en", "--jobs", "1", path});
    const Run many = run({"explain", "--format", format, "--lang", "en", "--jobs", jobs, path});
    QCOMPARE(one.exitCode, 0);
    QCOMPARE(many.exitCode, 0);
    QVERIFY(!one.out.isEmpty());
    QVERIFY(one.out == many.out);
    if (format == QLatin1String("json")) {
        const QList<QJsonObject> lines = jsonLines(many.out);
        QVERIFY(lines.size() > 100);
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(lines.at(i).value("message").toInt(), int(i));
    }
}

void TestCli::interruptLeavesWholeLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("many.mbox"));
    qint64 messages = 0;
    {
        QStringList order;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fixtureMbox(2000, &order));
        messages = order.size();
    }
    QProcess p;
    p.start(QStringLiteral(BOUNCELENS_BINARY), {"explain", "--format", "json", "--jobs", "2", path});
    QVERIFY(p.waitForStarted(10000));
    QByteArray out;
    while (out.count('\n') < 50 && p.state() == QProcess::Running) {
        p.waitForReadyRead(10000);
        out += p.readAllStandardOutput();
    }
    QVERIFY(out.count('\n') >= 50);
    QElapsedTimer sinceSignal;
    sinceSignal.start();
    QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
    QVERIFY(p.waitForFinished(5000));
    const qint64 stopMs = sinceSignal.elapsed();
    out += p.readAllStandardOutput();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(stopMs < 2000, qPrintable(QString::number(stopMs)));
    QVERIFY(out.endsWith('\n'));
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QVERIFY(lines.size() < messages); // it stopped before the end
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().value("message").toInt(), int(i));
    }
}

void TestCli::progressOnlyOnATerminal()
{
    // Standard error is a pipe here: the progress line must not appear in it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("all.mbox"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fixtureMbox(20));
    }
    const Run r = run({"explain", "--format", "json", path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

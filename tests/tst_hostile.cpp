// Hostile input (issue 8, "Robust and fast"): every input below must give a result or a clear
// error, within a time bound, with peak memory under 4x the input size plus 50 MB.
//
// The inputs are generated here (nothing big is committed). Each row runs in a child process
// (this test binary, started again with BOUNCELENS_HOSTILE_CHILD=<file>) so that its peak
// resident set (VmHWM) is its own: the child warms up, resets the high-water mark, loads the file
// with MessageLoader::loadFile, analyses every message with BounceAnalyzer::analyze, renders the
// JSON line the CLI would print (streamed, as the CLI streams it to stdout, into a sink that
// counts the bytes), and prints one JSON object with its figures. The parent checks
// the figures and kills a child that overruns (a hang).
//
// Bounds were measured on the 2-core development machine (Release) and set with a margin of 3-5x.
// Under sanitizers or valgrind set BOUNCELENS_SLOWDOWN (a factor for the time bounds);
// under AddressSanitizer the memory bound is reported but not enforced (shadow memory and the
// quarantine are not the program's own).
//
// Crashes found by the fuzzer are kept in tests/fixtures/fuzz/ and replayed here, one row each.
#include "TestSupport.h"
#include "analysis/BounceAnalyzer.h"
#include "bench/LargeBounce.h"
#include "bench/ProcMemory.h"
#include "export/JsonExport.h"
#include "message/MessageLoader.h"
#include "report/DeliveryStatusParser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace bouncelens;
using namespace bouncelens::testing;
using bouncelens::bench::procStatusKb;
using bouncelens::bench::resetPeak;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
const char *const kChildVariable = "BOUNCELENS_HOSTILE_CHILD";

// ---- /proc figures ---------------------------------------------------------------------------

// ---- input builders --------------------------------------------------------------------------

QByteArray repeated(const QByteArray &unit, qint64 totalBytes)
{
    QByteArray out;
    out.reserve(totalBytes + unit.size());
    while (out.size() < totalBytes)
        out += unit;
    return out;
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out(size, Qt::Uninitialized);
    gen.fillRange(reinterpret_cast<quint32 *>(out.data()), size / 4);
    return out;
}

const QByteArray kBounceHeader = "Return-Path: <>\n"
                                 "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
                                 "To: sender@example.com\n"
                                 "Date: Mon, 1 Jan 2024 00:00:00 +0000\n"
                                 "Message-ID: <hostile@mx.example.org>\n"
                                 "Subject: Undelivered Mail Returned to Sender\n";

QByteArray plainBounce(const QByteArray &body, const QByteArray &contentType = "text/plain; charset=us-ascii")
{
    return kBounceHeader + "MIME-Version: 1.0\nContent-Type: " + contentType + "\n\n"
        + "This is the mail system at host mx.example.org.\n\n"
          "I'm sorry to have to inform you that your message could not\n"
          "be delivered to one or more recipients.\n\n"
          "<user@example.jp>: host mx.example.jp[192.0.2.1] said: "
        + body + "\n";
}

QByteArray dsnRecipient(int i, const QByteArray &diagnostic)
{
    const QByteArray address = "user" + QByteArray::number(i) + "@example.jp";
    return "Final-Recipient: rfc822; " + address
        + "\nAction: failed\nStatus: 5.1.1\n"
          "Remote-MTA: dns; mx.example.jp\nDiagnostic-Code: smtp; "
        + (diagnostic.isEmpty() ? "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown"
                                : diagnostic)
        + "\n";
}

// A multipart/report DSN: a text part, the delivery-status part, an optional extra part.
QByteArray dsnBounce(
    const QByteArray &humanText, const QByteArray &statusBody, const QByteArray &extraPart = {})
{
    QByteArray out = kBounceHeader;
    out += "MIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status; boundary=\"=_hostile_=\"\n\n"
           "This is a MIME-encapsulated message.\n\n"
           "--=_hostile_=\nContent-Type: text/plain; charset=us-ascii\n\n";
    out += humanText;
    out += "\n\n--=_hostile_=\nContent-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; mx.example.org\nArrival-Date: Mon, 1 Jan 2024 00:00:00 +0000\n\n";
    out += statusBody;
    out += "\n";
    if (!extraPart.isEmpty())
        out += "--=_hostile_=\n" + extraPart + "\n";
    out += "--=_hostile_=--\n";
    return out;
}

QByteArray dsnWithDiagnostic(const QByteArray &diagnostic)
{
    return dsnBounce("Your message could not be delivered.", dsnRecipient(0, diagnostic));
}

// The 30 MB bounce of the benchmark: a DSN returning an original with a 22 MB attachment.
QByteArray bounceWith30MbAttachment()
{
    return bench::largeBounce();
}

QByteArray nestedMultiparts(int depth)
{
    QByteArray out = "From: a@example.com\nTo: b@example.com\nSubject: nested\nMIME-Version: 1.0\n";
    for (int i = 0; i < depth; ++i)
        out += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\n\n--b"
            + QByteArray::number(i) + "\n";
    out += "Content-Type: text/plain\n\n550 5.1.1 user unknown\n";
    for (int i = depth - 1; i >= 0; --i)
        out += "--b" + QByteArray::number(i) + "--\n";
    return out;
}

QByteArray wideMultipart(int parts)
{
    QByteArray out = kBounceHeader + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"w\"\n\n";
    for (int i = 0; i < parts; ++i)
        out += "--w\nContent-Type: text/plain\n\n550 5.1.1 <u" + QByteArray::number(i)
            + "@example.jp> user unknown\n";
    out += "--w--\n";
    return out;
}

QByteArray dsnManyRecipients(int count)
{
    QByteArray status;
    status.reserve(qsizetype(count) * 180);
    for (int i = 0; i < count; ++i)
        status += dsnRecipient(i, {}) + '\n';
    return dsnBounce("This is the mail system at host mx.example.org.", status);
}

QByteArray hugeHeader()
{
    QByteArray out = kBounceHeader;
    for (int i = 0; i < 100000; ++i)
        out += "Received: from relay" + QByteArray::number(i) + ".example.net (relay.example.net [192.0.2."
            + QByteArray::number(i % 250) + "]) by mx.example.org with ESMTP id " + QByteArray::number(i)
            + "\n";
    out += "X-Folded: start\n" + repeated("\tcontinued 550 5.1.1 user unknown\n", 8 * kMiB);
    out += "\nThis is the mail system at host mx.example.org.\n\n<user@example.jp>: 550 5.1.1 User unknown\n";
    return out;
}

QByteArray nulBytes()
{
    QByteArray out = kBounceHeader;
    out += QByteArray("X-Nul: a\0b\0c\n", 13);
    out += "\nThis is the mail system\0 at host mx.example.org.\n\n<user@example.jp>: 550\0 5.1.1 User "
           "unknown\n";
    out += QByteArray(4 * kMiB, '\0');
    return out;
}

QByteArray badCharsets()
{
    const QByteArray sjis = QByteArray::fromHex("82a082a282a482a682a8"); // あいうえお in Shift_JIS
    const QByteArray utf8Bad
        = QByteArray::fromHex("e3818ce381ffc0afedbfbf"); // truncated, overlong, surrogate
    QByteArray part = "--c\nContent-Type: text/plain\n\n" + sjis + " " + utf8Bad + "\n";
    for (const char *charset : {"x-no-such-charset", "", "utf-7", "iso-2022-jp", "utf-8", "\"\"",
             "../../etc/passwd", "utf-16", "utf-32", "x-unknown; charset=also"}) {
        part += "--c\nContent-Type: text/plain; charset=" + QByteArray(charset) + "\n\n";
        part += "<user@example.jp>: 550 5.1.1 " + sjis + utf8Bad + "\x1b$B\x1b(\x1b$B%3%s" + "\n";
    }
    part += "--c\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
            "base64\n\n!!!!not*base64====\n";
    part += "--c\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: "
            "quoted-printable\n\n=ZZ=\n=4\n";
    return kBounceHeader + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"c\"\n\n" + part
        + "--c--\n";
}

QByteArray malformedEncodedWords()
{
    QByteArray subject
        = "Subject: =?utf-8?B?!!!?= =?x-bogus?Q?abc?= =?utf-8?Q?=ZZ?= =?iso-2022-jp?B?GyRCJDMbKEI?= "
          "=?utf-8?B?=?= =?? =?utf-8?? =?utf-8?X?abc?= =?utf-8?B?44GC";
    for (int i = 0; i < 50000; ++i)
        subject += " =?iso-2022-jp?B?GyRCJDM=?=";
    subject += "\n";
    QByteArray out = "From: =?utf-8?B?" + QByteArray(20000, 'A') + "?= <MAILER-DAEMON@example.org>\n"
        + "To: =?unknown?q?x?=\n" + subject
        + "Date: Mon, 1 Jan 2024 00:00:00 +0000\nMIME-Version: 1.0\n"
          "Content-Type: message/delivery-status\n\n"
          "Reporting-MTA: dns; =?utf-8?B?bXguZXhhbXBsZS5vcmc=?=\n\n"
          "Final-Recipient: rfc822; =?utf-8?Q?user=40example.jp?=\nAction: failed\nStatus: 5.1.1\n"
          "Diagnostic-Code: smtp; =?utf-8?B?!!!!?= 550 =?x?Q?x?= User unknown\n";
    return out;
}

// The ReDoS shape: a long run of what the classifier looks for.
QByteArray phraseRun(const char *phrase)
{
    return repeated(QByteArray(phrase), 3 * kMiB);
}

struct Case
{
    const char *name;
    std::function<QByteArray()> make;
    int boundMs; // analysis time bound on the development machine (Release)
};

const QList<Case> &cases()
{
    static const QList<Case> all = {
        {"empty-file", [] { return QByteArray(); }, 2000},
        {"blank-lines", [] { return QByteArray(1 * kMiB, '\n'); }, 2000},
        {"random-bytes-1mb", [] { return randomBytes(1 * kMiB, 1); }, 3000},
        {"random-bytes-16mb", [] { return randomBytes(16 * kMiB, 2); }, 10000},
        {"single-line-50mb", [] { return "Subject: " + QByteArray(50 * kMiB, 'a'); }, 25000},
        {"single-body-line-50mb",
            [] { return kBounceHeader + "\n" + repeated("user unknown 550 ", 50 * kMiB); }, 20000},
        {"cr-only-8mb", [] { return kBounceHeader + repeated("550 5.1.1 user unknown\r\r", 8 * kMiB); },
            10000},
        {"nested-multipart-10000", [] { return nestedMultiparts(10000); }, 5000},
        {"wide-multipart-20000-parts", [] { return wideMultipart(20000); }, 15000},
        {"dsn-100000-recipients", [] { return dsnManyRecipients(100000); }, 30000},
        {"dsn-30mb-attachment", bounceWith30MbAttachment, 10000},
        {"charsets-undeclared-invalid", badCharsets, 2000},
        {"encoded-words-malformed", malformedEncodedWords, 5000},
        {"huge-header", hugeHeader, 15000},
        {"binary-nuls", nulBytes, 5000},
        {"mbox-20000-messages",
            [] {
                const QByteArray one = "From x\n" + plainBounce("550 5.1.1 User unknown") + "\n";
                return repeated(one, one.size() * 20000);
            },
            30000},
        // ReDoS shapes, in a plain-text bounce body ...
        {"plain-user-unknown-run", [] { return plainBounce(phraseRun("user unknown ")); }, 5000},
        {"plain-at-run", [] { return plainBounce(phraseRun("@@@@")); }, 5000},
        {"plain-dotted-code-run", [] { return plainBounce(phraseRun("5.5.5.5.")); }, 5000},
        {"plain-angle-run", [] { return plainBounce(phraseRun("<<<<")); }, 5000},
        {"plain-reply-code-run", [] { return plainBounce(phraseRun("550 ")); }, 5000},
        {"plain-japanese-run",
            [] {
                return plainBounce(
                    phraseRun("宛先不明 このメールアドレスは存在しません "), "text/plain; charset=utf-8");
            },
            5000},
        {"plain-address-run", [] { return plainBounce(phraseRun("<a@b.jp> ")); }, 5000},
        // ... the wordings that name the receiving server, and recipient lines without a blank line
        {"plain-host-run", [] { return plainBounce(phraseRun("host a.")); }, 5000},
        {"plain-20000-labelled-addresses",
            [] {
                QByteArray body = "x.\n\nThe server failed because of a timeout.\n\n";
                for (int i = 0; i < 20000; ++i)
                    body += "Recipient: user" + QByteArray::number(i) + "@example.jp\n";
                return plainBounce(body);
            },
            10000},
        {"plain-20000-recipients-no-blank-line",
            [] {
                QByteArray body;
                for (int i = 0; i < 20000; ++i)
                    body += "<user" + QByteArray::number(i) + "@example.jp>: host mx" + QByteArray::number(i)
                        + ".example.jp[192.0.2.1] said: 550 5.1.1 unknown\n";
                return plainBounce(body);
            },
            10000},
        // ... in a DSN's diagnostic ...
        {"dsn-diagnostic-user-unknown-run", [] { return dsnWithDiagnostic(phraseRun("user unknown ")); },
            5000},
        {"dsn-diagnostic-at-run", [] { return dsnWithDiagnostic(phraseRun("@@@@")); }, 5000},
        {"dsn-diagnostic-dotted-code-run", [] { return dsnWithDiagnostic(phraseRun("5.5.5.5.")); }, 5000},
        {"dsn-diagnostic-angle-run", [] { return dsnWithDiagnostic(phraseRun("<<<<")); }, 5000},
        {"dsn-diagnostic-reply-code-run", [] { return dsnWithDiagnostic(phraseRun("550 ")); }, 5000},
        {"dsn-diagnostic-japanese-run", [] { return dsnWithDiagnostic(phraseRun("宛先不明 ")); }, 5000},
        // ... and in a DSN's human-readable part.
        {"dsn-body-user-unknown-run",
            [] { return dsnBounce(phraseRun("user unknown "), dsnRecipient(0, {})); }, 5000},
        {"dsn-body-reply-code-run", [] { return dsnBounce(phraseRun("550 5.1.1 "), dsnRecipient(0, {})); },
            5000},
        {"dsn-body-final-recipient-run",
            [] { return dsnBounce(phraseRun("\nFinal-Recipient: x"), dsnRecipient(0, {})); }, 5000},
    };
    return all;
}

// ---- the child -------------------------------------------------------------------------------

// Where the child's JSON goes: counted, the start of each line kept (for its "kind"), the rest
// dropped, as the CLI's stdout would take it without holding it.
class CountingSink : public QIODevice
{
public:
    CountingSink() { open(QIODevice::WriteOnly); }

    qint64 count = 0;
    QByteArray head; // the start of the current line

    void startLine() { head.clear(); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        count += length;
        if (head.size() < 4096)
            head.append(data, qMin<qint64>(length, 4096 - head.size()));
        return length;
    }
};

// The "kind" member of a JSON line's start ("" when null or absent).
QString kindOf(const QByteArray &lineStart)
{
    const QByteArray key = "\"kind\":\"";
    const qsizetype at = lineStart.indexOf(key);
    if (at < 0)
        return {};
    const qsizetype end = lineStart.indexOf('"', at + key.size());
    return end < 0 ? QString() : QString::fromUtf8(lineStart.mid(at + key.size(), end - at - key.size()));
}

[[noreturn]] void runChild(const QString &path)
{
    // Warm up (vmime platform, knowledge base, codecs) so that only the case itself counts.
    const BounceAnalyzer analyzer;
    {
        const MessageAnalysis warm
            = analyzer.analyze(plainBounce("550 5.1.1 User unknown"), QStringLiteral("warm-up"));
        (void)JsonExport::toJsonLine(warm, Language::English);
    }
    resetPeak();
    const qint64 baseKb = procStatusKb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    QList<RawMessage> messages = MessageLoader().loadFile(path);
    int errors = 0;
    int recipients = 0;
    int warnings = 0;
    QString firstError;
    QString firstKind;
    // The JSON lines are streamed as the CLI streams them to stdout, into a sink that counts.
    CountingSink sink;
    for (RawMessage &raw : messages) {
        const MessageAnalysis a = analyzer.analyze(raw);
        raw.bytes = QByteArray(); // analysed: as the CLI does, the input goes
        if (!a.ok()) {
            ++errors;
            if (firstError.isEmpty())
                firstError = a.error;
        }
        recipients += int(a.recipients.size());
        warnings += int(a.warnings.size());
        sink.startLine();
        JsonExport::writeJsonLine(sink, a, Language::English);
        if (firstKind.isEmpty())
            firstKind = kindOf(sink.head);
    }
    const qint64 jsonBytes = sink.count;
    const int messageCount = int(messages.size());
    const qint64 elapsedMs = timer.elapsed();
    const QJsonObject figures {{QStringLiteral("ms"), elapsedMs}, {QStringLiteral("base_kb"), baseKb},
        {QStringLiteral("hwm_kb"), procStatusKb("VmHWM")}, {QStringLiteral("messages"), messageCount},
        {QStringLiteral("errors"), errors}, {QStringLiteral("recipients"), recipients},
        {QStringLiteral("warnings"), warnings}, {QStringLiteral("json_bytes"), jsonBytes},
        {QStringLiteral("kind"), firstKind}, {QStringLiteral("error"), firstError}};
    std::printf("HOSTILE-RESULT %s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    std::_Exit(0); // skip QTest's own run and every destructor: the figures are out
}

} // namespace

class tst_Hostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostile_data();
    void hostile();
    void fuzzRegressions_data();
    void fuzzRegressions();
    void cliLargeBounce();
    void cliHostileFolder();

private:
    struct Outcome
    {
        QJsonObject figures;
        QString failure;
    };
    Outcome runInChild(const QString &file, int boundMs);
    QString writeInput(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
};

void tst_Hostile::initTestCase()
{
    const QString child = qEnvironmentVariable(kChildVariable);
    if (!child.isEmpty())
        runChild(child);
    QVERIFY(m_dir.isValid());
}

QString tst_Hostile::writeInput(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".eml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

tst_Hostile::Outcome tst_Hostile::runInChild(const QString &file, int boundMs)
{
    Outcome outcome;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildVariable), file);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    // A hang: three times the bound plus start-up time, then the child is killed.
    const int killAfterMs = 3 * boundMs + 15000;
    if (!child.waitForStarted(20000)) {
        outcome.failure = QStringLiteral("the child did not start");
        return outcome;
    }
    if (!child.waitForFinished(killAfterMs)) {
        child.kill();
        child.waitForFinished(5000);
        outcome.failure = QStringLiteral("hang: no result after %1 ms (killed)").arg(killAfterMs);
        return outcome;
    }
    const QByteArray out = child.readAllStandardOutput();
    const qsizetype at = out.indexOf("HOSTILE-RESULT ");
    if (child.exitStatus() != QProcess::NormalExit || at < 0) {
        outcome.failure = QStringLiteral("crash: exit status %1, code %2; stderr tail: %3")
                              .arg(int(child.exitStatus()))
                              .arg(child.exitCode())
                              .arg(QString::fromLocal8Bit(child.readAllStandardError().right(2000)));
        return outcome;
    }
    const qsizetype lineEnd = out.indexOf('\n', at);
    outcome.figures = QJsonDocument::fromJson(out.mid(at + 15, lineEnd - at - 15)).object();
    return outcome;
}

void tst_Hostile::hostile_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < cases().size(); ++i)
        QTest::newRow(cases().at(i).name) << i;
}

void tst_Hostile::hostile()
{
    QFETCH(int, index);
    const Case &c = cases().at(index);
    qint64 inputBytes = 0;
    QString path;
    {
        const QByteArray bytes = c.make();
        inputBytes = bytes.size();
        path = writeInput(QString::fromLatin1(c.name), bytes);
    }
    QVERIFY2(!path.isEmpty(), "the input could not be written");
    const int boundMs = int(c.boundMs * slowdown());
    const Outcome outcome = runInChild(path, boundMs);
    QFile::remove(path);
    QVERIFY2(outcome.failure.isEmpty(), qPrintable(outcome.failure));

    const QJsonObject &f = outcome.figures;
    const qint64 ms = f.value(QStringLiteral("ms")).toInteger();
    const qint64 growthKb
        = f.value(QStringLiteral("hwm_kb")).toInteger() - f.value(QStringLiteral("base_kb")).toInteger();
    const qint64 memoryBoundKb = (4 * inputBytes + 50 * kMiB) / 1024;
    qInfo("%-34s input %8.1f MB  time %6lld ms (bound %6d)  peak growth %7.1f MB (bound %7.1f)  messages %d "
          "errors %d recipients %d kind %s json %.1f MB",
        c.name, inputBytes / double(kMiB), ms, boundMs, growthKb / 1024.0, memoryBoundKb / 1024.0,
        f.value(QStringLiteral("messages")).toInt(), f.value(QStringLiteral("errors")).toInt(),
        f.value(QStringLiteral("recipients")).toInt(), qPrintable(f.value(QStringLiteral("kind")).toString()),
        f.value(QStringLiteral("json_bytes")).toDouble() / kMiB);

    // A result or a clear error for every message.
    const int messages = f.value(QStringLiteral("messages")).toInt();
    QVERIFY(messages >= 1);
    if (f.value(QStringLiteral("errors")).toInt() > 0)
        QVERIFY2(f.value(QStringLiteral("error")).toString().size() > 10, "an error without words");
    else
        QVERIFY(!f.value(QStringLiteral("kind")).toString().isEmpty());

    QVERIFY2(ms <= boundMs, qPrintable(QStringLiteral("%1 ms, bound %2 ms").arg(ms).arg(boundMs)));
    if (!kAddressSanitizer)
        QVERIFY2(growthKb <= memoryBoundKb,
            qPrintable(QStringLiteral("peak grew by %1 MB, bound %2 MB")
                           .arg(growthKb / 1024)
                           .arg(memoryBoundKb / 1024)));

    // Rows whose outcome is known.
    const QString name = QString::fromLatin1(c.name);
    if (name == QLatin1String("empty-file"))
        QCOMPARE(f.value(QStringLiteral("errors")).toInt(), 1);
    if (name == QLatin1String("dsn-100000-recipients")) {
        QCOMPARE(f.value(QStringLiteral("kind")).toString(), QStringLiteral("bounce"));
        // Past DeliveryStatusParser::kMaxRecipients the rest are counted and the result says so.
        QCOMPARE(f.value(QStringLiteral("recipients")).toInt(), int(DeliveryStatusParser::kMaxRecipients));
        QVERIFY(f.value(QStringLiteral("warnings")).toInt() >= 1);
    }
    if (name == QLatin1String("dsn-30mb-attachment")) {
        QCOMPARE(f.value(QStringLiteral("kind")).toString(), QStringLiteral("bounce"));
        QCOMPARE(f.value(QStringLiteral("recipients")).toInt(), 1);
    }
    if (name == QLatin1String("mbox-20000-messages"))
        QVERIFY(messages >= 20000);
}

void tst_Hostile::fuzzRegressions_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(BOUNCELENS_FIXTURES "/fuzz"));
    const QStringList files = dir.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &file : files)
        if (!file.startsWith(QLatin1String("README")))
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    if (files.size() <= 1) // README.md alone
        QTest::newRow("none") << QString();
}

void tst_Hostile::fuzzRegressions()
{
    QFETCH(QString, path);
    // The hand-written minimised inputs are committed: an empty folder means they went missing.
    QVERIFY2(!path.isEmpty(), "no fuzz regressions in tests/fixtures/fuzz");
    const Outcome outcome = runInChild(path, int(5000 * slowdown()));
    QVERIFY2(outcome.failure.isEmpty(), qPrintable(outcome.failure));
    QVERIFY(outcome.figures.value(QStringLiteral("ms")).toInteger() <= 5000 * slowdown());
}

// The CLI on a 30 MB bounce: one JSON line, exit 0, within the bound.
void tst_Hostile::cliLargeBounce()
{
    const QString path = writeInput(QStringLiteral("cli-30mb"), bounceWith30MbAttachment());
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(BOUNCELENS_BINARY),
        {QStringLiteral("explain"), QStringLiteral("--format"), QStringLiteral("json"), path});
    const int bound = int(15000 * slowdown());
    QVERIFY(p.waitForFinished(bound + 20000));
    const qint64 ms = timer.elapsed();
    qInfo("CLI on the 30 MB bounce: %lld ms (bound %d)", ms, bound);
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QJsonObject o = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("bounce"));
    QVERIFY(ms <= bound);
    QFile::remove(path);
}

// The CLI on a folder of hostile inputs: one line per input, unreadable ones with an error, exit 1.
void tst_Hostile::cliHostileFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto put = [&](const char *name, const QByteArray &bytes) {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    put("a-empty.eml", {});
    put("b-random.eml", randomBytes(256 * 1024, 7));
    put("c-nested.eml", nestedMultiparts(10000));
    put("d-nuls.eml", nulBytes());
    put("e-charsets.eml", badCharsets());
    put("f-words.eml", malformedEncodedWords());
    QProcess p;
    p.start(QStringLiteral(BOUNCELENS_BINARY),
        {QStringLiteral("explain"), QStringLiteral("--format"), QStringLiteral("json"), dir.path()});
    QVERIFY(p.waitForFinished(int(60000 * slowdown())));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1); // the empty file cannot be read
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 6);
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(o.contains(QStringLiteral("kind")) || o.contains(QStringLiteral("error")));
    }
    QVERIFY(
        !QJsonDocument::fromJson(lines.first()).object().value(QStringLiteral("error")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Hostile)
#include "tst_hostile.moc"

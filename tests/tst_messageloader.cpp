// Reading messages from files, mboxes, maildirs, folders: splitting, line endings, limits.
#include "message/MboxReader.h"
#include "message/MessageLoader.h"
#include "message/MessageStream.h"

#include "TestSupport.h"
#include "bench/ProcMemory.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace bouncelens;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestMessageLoader : public QObject
{
    Q_OBJECT

private slots:
    void lineEndings_data();
    void lineEndings();
    void split_data();
    void split();
    void maildirAndFolders();
    void errors_data();
    void errors();
    void sizeLimit();
    void dialects_data();
    void dialects();
    void linesAcrossReadBuffers();
    void largeMboxWithinMemoryBound();
    void folderTreeStreamsInOrder();
};

void TestMessageLoader::lineEndings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("LF") << QByteArray("a\nb\n\nc") << QByteArray("a\nb\n\nc");
    QTest::newRow("CRLF") << QByteArray("a\r\nb\r\n\r\nc") << QByteArray("a\nb\n\nc");
    QTest::newRow("CR only") << QByteArray("a\rb\r\rc") << QByteArray("a\nb\n\nc");
    QTest::newRow("mixed") << QByteArray("a\r\nb\rc\n") << QByteArray("a\nb\nc\n");
    QTest::newRow("trailing CR") << QByteArray("a\r") << QByteArray("a\n");
}

void TestMessageLoader::lineEndings()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(MessageLoader::normalizeLineEndings(input), expected);
}

void TestMessageLoader::split_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("messages");
    QTest::newRow("single message") << QByteArray("Subject: a\n\nbody\n")
                                    << QList<QByteArray> {"Subject: a\n\nbody\n"};
    QTest::newRow("mbox of one") << QByteArray(
        "From x@example.com Mon Nov 16 10:00:00 2026\nSubject: a\n\nbody\n")
                                 << QList<QByteArray> {"Subject: a\n\nbody\n"};
    QTest::newRow("mbox of two") << QByteArray(
        "From x Mon\nSubject: a\n\none\n\nFrom y Tue\nSubject: b\n\ntwo\n")
                                 << QList<QByteArray> {"Subject: a\n\none\n\n", "Subject: b\n\ntwo\n"};
    QTest::newRow("mboxrd quoting") << QByteArray("From x Mon\nSubject: a\n\n>From here\n>>From there\n")
                                    << QList<QByteArray> {"Subject: a\n\nFrom here\n>From there\n"};
    QTest::newRow("From inside a paragraph is no separator")
        << QByteArray("From x Mon\nSubject: a\n\nline\nFrom me to you\n")
        << QList<QByteArray> {"Subject: a\n\nline\nFrom me to you\n"};
    QTest::newRow("CRLF mbox") << QByteArray(
        "From x Mon\r\nSubject: a\r\n\r\none\r\n\r\nFrom y Tue\r\nSubject: b\r\n\r\ntwo\r\n")
                               << QList<QByteArray> {"Subject: a\n\none\n\n", "Subject: b\n\ntwo\n"};
}

void TestMessageLoader::split()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, messages);
    const QList<RawMessage> got = MessageLoader().split(input, QStringLiteral("mem"));
    QCOMPARE(got.size(), messages.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got.at(i).bytes, messages.at(i));
        QCOMPARE(got.at(i).index, int(i));
        QCOMPARE(got.at(i).source, QStringLiteral("mem"));
    }
}

void TestMessageLoader::maildirAndFolders()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    writeFile(root + "/box/cur/1.host:2,S", "Subject: one\n\n1\n");
    writeFile(root + "/box/new/2.host", "Subject: two\n\n2\n");
    writeFile(root + "/box/tmp/3.host", "Subject: partial\n\n3\n");
    writeFile(root + "/folder/b.eml", "Subject: b\n\nb\n");
    writeFile(root + "/folder/sub/a.eml", "Subject: a\n\na\n");

    const QStringList before = QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    const MessageLoader loader;
    const QStringList maildir = loader.expand({root + "/box"});
    QCOMPARE(maildir, (QStringList {root + "/box/cur/1.host:2,S", root + "/box/new/2.host"}));
    const QStringList folder = loader.expand({root + "/folder"});
    QCOMPARE(folder, (QStringList {root + "/folder/b.eml", root + "/folder/sub/a.eml"}));
    QCOMPARE(loader.expand({QStringLiteral("-")}), QStringList {QStringLiteral("-")});
    // Reading changes nothing: the maildir file keeps its name (flags) and nothing is added.
    QCOMPARE(loader.loadFile(maildir.first()).first().bytes, QByteArray("Subject: one\n\n1\n"));
    QVERIFY(QFile::exists(root + "/box/cur/1.host:2,S"));
    QCOMPARE(QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
}

void TestMessageLoader::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QStringLiteral("/nonexistent/bounce.eml") << QStringLiteral("does not exist");
    QTest::newRow("folder as file") << QDir::tempPath() << QStringLiteral("folder");
}

void TestMessageLoader::errors()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const QList<RawMessage> got = MessageLoader().loadFile(path);
    QCOMPARE(got.size(), 1);
    QVERIFY2(got.first().error.contains(message), qPrintable(got.first().error));
    QVERIFY(got.first().bytes.isEmpty());
}

void TestMessageLoader::sizeLimit()
{
    QTemporaryDir dir;
    LoaderLimits limits;
    limits.maxMessageBytes = 1000;
    const MessageLoader loader(limits);
    writeFile(dir.filePath("empty.eml"), QByteArray());
    QVERIFY(loader.loadFile(dir.filePath("empty.eml")).first().error.contains(QLatin1String("empty")));
    writeFile(dir.filePath("big.eml"), "Subject: x\n\n" + QByteArray(2000, 'a'));
    QVERIFY(loader.loadFile(dir.filePath("big.eml")).first().error.contains(QLatin1String("MB")));
    writeFile(dir.filePath("huge.eml"), QByteArray(6000, 'a'));
    QVERIFY(loader.loadFile(dir.filePath("huge.eml")).first().error.contains(QLatin1String("MB")));
    // In an mbox only the oversized message fails; its neighbours are read.
    writeFile(dir.filePath("mixed.mbox"),
        "From a\nSubject: ok\n\nfine\n\nFrom b\nSubject: big\n\n" + QByteArray(1500, 'b')
            + "\n\nFrom c\nSubject: ok2\n\nfine\n");
    const QList<RawMessage> mixed = loader.loadFile(dir.filePath("mixed.mbox"));
    QCOMPARE(mixed.size(), 3);
    QVERIFY(mixed.at(0).error.isEmpty());
    QVERIFY(!mixed.at(1).error.isEmpty());
    QVERIFY(mixed.at(2).error.isEmpty());
}

using Messages = QList<QByteArray>;

void TestMessageLoader::dialects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Messages>("messages");
    QTest::newRow("mboxo") << QByteArray("From a@example.com Mon Jan  1 00:00:00 2024\nSubject: a\n\none\n\n"
                                         "From b@example.com Mon Jan  1 00:00:01 2024\nSubject: b\n\ntwo\n")
                           << Messages {"Subject: a\n\none\n\n", "Subject: b\n\ntwo\n"};
    QTest::newRow("mboxrd unquotes one level")
        << QByteArray(
               "From a Mon\nSubject: a\n\n>From x\n>>From y\n> From z\n\nFrom b Tue\nSubject: b\n\n.\n")
        << Messages {"Subject: a\n\nFrom x\n>From y\n> From z\n\n", "Subject: b\n\n.\n"};
    QTest::newRow("Thunderbird From - separators")
        << QByteArray("From - Mon Jan  1 00:00:00 2024\nX-Mozilla-Status: 0001\nSubject: a\n\none\n\n"
                      "From - Tue Jan  2 00:00:00 2024\nX-Mozilla-Status: 0000\nSubject: b\n\ntwo\n")
        << Messages {"X-Mozilla-Status: 0001\nSubject: a\n\none\n\n",
               "X-Mozilla-Status: 0000\nSubject: b\n\ntwo\n"};
    // mboxcl2: the body is Content-Length bytes, so an unquoted "From " line inside stays in it.
    QTest::newRow("mboxcl2 Content-Length")
        << QByteArray("From a Mon\nSubject: a\nContent-Length: 21\n\nline\n\nFrom me to you\n\n"
                      "From b Tue\nSubject: b\nContent-Length: 4\n\ntwo\n")
        << Messages {"Subject: a\nContent-Length: 21\n\nline\n\nFrom me to you\n\n",
               "Subject: b\nContent-Length: 4\n\ntwo\n"};
    QTest::newRow("mboxcl Content-Length with quoted From")
        << QByteArray("From a Mon\nContent-Length: 12\nSubject: a\n\n>From here\n\nFrom b "
                      "Tue\nSubject: b\n\nb\n")
        << Messages {"Content-Length: 12\nSubject: a\n\nFrom here\n\n", "Subject: b\n\nb\n"};
    QTest::newRow("wrong Content-Length is ignored") << QByteArray(
        "From a Mon\nSubject: a\nContent-Length: 3\n\none line\n\nFrom b Tue\nSubject: "
        "b\n\nb\n") << Messages {"Subject: a\nContent-Length: 3\n\none line\n\n", "Subject: b\n\nb\n"};
    QTest::newRow("Content-Length past the end is ignored")
        << QByteArray("From a Mon\nContent-Length: 999\n\none\n\nFrom b Tue\nSubject: b\n\nb\n")
        << Messages {"Content-Length: 999\n\none\n\n", "Subject: b\n\nb\n"};
    QTest::newRow("CRLF mbox") << QByteArray("From a Mon\r\nSubject: a\r\n\r\none\r\n\r\nFrom b "
                                             "Tue\r\nSubject: b\r\n\r\ntwo\r\n")
                               << Messages {"Subject: a\n\none\n\n", "Subject: b\n\ntwo\n"};
    QTest::newRow("CRLF mboxcl2") << QByteArray(
        "From a Mon\r\nContent-Length: 16\r\n\r\n1\r\n\r\nFrom inside\r\n\r\nFrom b "
        "Tue\r\nSubject: b\r\n\r\n2\r\n")
                                  << Messages {
                                         "Content-Length: 16\n\n1\n\nFrom inside\n\n", "Subject: b\n\n2\n"};
    QTest::newRow("CR-only mbox") << QByteArray(
        "From a Mon\rSubject: a\r\rone\r\rFrom b Tue\rSubject: b\r\rtwo\r")
                                  << Messages {"Subject: a\n\none\n\n", "Subject: b\n\ntwo\n"};
    QTest::newRow("no blank line: one message")
        << QByteArray("From a Mon\nSubject: a\n\nbody\nFrom b Tue\nSubject: b\n")
        << Messages {"Subject: a\n\nbody\nFrom b Tue\nSubject: b\n"};
    QTest::newRow("single message, no separator")
        << QByteArray("Subject: s\r\n\r\n>From x\r\n") << Messages {"Subject: s\n\nFrom x\n"};
}

void TestMessageLoader::dialects()
{
    QFETCH(QByteArray, input);
    QFETCH(Messages, messages);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("box"));
    writeFile(path, input);
    // Streamed from the file, split in memory, and read again from where each message lives.
    const QList<RawMessage> streamed = MessageLoader().loadFile(path);
    const QList<RawMessage> split = MessageLoader().split(input, path);
    QCOMPARE(streamed.size(), messages.size());
    QCOMPARE(split.size(), messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const RawMessage &m = streamed.at(i);
        QVERIFY2(m.error.isEmpty(), qPrintable(m.error));
        QCOMPARE(m.bytes, messages.at(i));
        QCOMPARE(split.at(i).bytes, messages.at(i));
        QCOMPARE(m.index, int(i));
        const RawMessage again = MboxReader::readAt(path, m.offset, m.length, m.index);
        QCOMPARE(again.bytes, messages.at(i));
    }
}

void TestMessageLoader::linesAcrossReadBuffers()
{
    // Messages and lines longer than the reader's 1 MiB buffer, separators right after a refill.
    QByteArray input;
    Messages expected;
    for (int i = 0; i < 5; ++i) {
        const QByteArray body = QByteArray(700 * 1024 + i * 333, char('a' + i)) + '\n'
            + QByteArray(1500 * 1024, char('k' + i)) + "\n\n";
        const QByteArray message = "Subject: " + QByteArray::number(i) + "\n\n" + body;
        input += "From x" + QByteArray::number(i) + " Mon\n" + message;
        expected << message;
    }
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("long.mbox")), input);
    MboxReader reader(dir.filePath(QStringLiteral("long.mbox")));
    for (const QByteArray &message : expected) {
        const std::optional<RawMessage> m = reader.next();
        QVERIFY(m.has_value());
        QCOMPARE(m->bytes.size(), message.size());
        QVERIFY(m->bytes == message);
    }
    QVERIFY(!reader.next().has_value());
    QCOMPARE(reader.position(), qint64(input.size()));
}

namespace {

const char *const kChildVariable = "BOUNCELENS_LOADER_CHILD";
constexpr qint64 kMiB = 1024 * 1024;

// The child: stream every message of the file and print counts and the peak resident set growth.
int streamChild(const QString &path)
{
    (void)MessageLoader().split("From a\nSubject: warm-up\n\nx\n", QStringLiteral("warm-up"));
    bench::resetPeak();
    const qint64 base = bench::procStatusKb("VmRSS");
    MessageStream stream({path});
    qint64 ok = 0;
    qint64 failed = 0;
    QByteArray last;
    while (const std::optional<RawMessage> m = stream.next()) {
        m->error.isEmpty() ? ++ok : ++failed;
        last = m->bytes;
    }
    std::printf("ok=%lld failed=%lld growth_kb=%lld bytes=%lld last=%s\n", ok, failed,
        bench::procStatusKb("VmHWM") - base, stream.bytesRead(), last.toHex().constData());
    return 0;
}

} // namespace

void TestMessageLoader::largeMboxWithinMemoryBound()
{
    // Larger than the 512 MB the loader used to read at once: 1,000 messages, one message with
    // a 600 MB hole (sparse, so the disk holds almost nothing; over the 64 MiB message limit it
    // must be reported, not held), then one last message that must still be read.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.mbox"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 1000; ++i)
            f.write("From a Mon\nSubject: " + QByteArray::number(i) + "\n\nbody\n\n");
        f.write("From hole Mon\nSubject: hole\n\n");
        QVERIFY(f.resize(f.pos() + 600 * kMiB));
        QVERIFY(f.seek(f.size()));
        f.write("\n\nFrom last Mon\nSubject: last\n\nthe end\n");
    }
    const qint64 size = QFileInfo(path).size();
    QVERIFY(size > 512 * kMiB);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildVariable), path);
    // AddressSanitizer keeps up to 256 MB of freed blocks in quarantine, which would count here
    // as the loader's own; without the quarantine the bound holds there too.
    if (testing::kAddressSanitizer)
        env.insert(QStringLiteral("ASAN_OPTIONS"),
            env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":quarantine_size_mb=0"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(120000));
    const QByteArray out = child.readAllStandardOutput().trimmed();
    QMap<QByteArray, QByteArray> figures;
    for (const QByteArray &field : out.split(' '))
        figures.insert(field.left(field.indexOf('=')), field.mid(field.indexOf('=') + 1));
    QCOMPARE(figures.value("ok").toLongLong(), 1001);
    QCOMPARE(figures.value("failed").toLongLong(), 1);
    QCOMPARE(figures.value("bytes").toLongLong(), size);
    QCOMPARE(QByteArray::fromHex(figures.value("last")), QByteArray("Subject: last\n\nthe end\n"));
    // One read buffer and at most one message at the limit, not the file.
    const qint64 growthMb = figures.value("growth_kb").toLongLong() / 1024;
    qInfo("peak growth %lld MB for a %lld MB mbox", growthMb, size / kMiB);
    QVERIFY2(growthMb < 100, qPrintable(QStringLiteral("peak growth %1 MB").arg(growthMb)));
    QFile::remove(path);
}

void TestMessageLoader::folderTreeStreamsInOrder()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + "/t/b.eml", "Subject: b\n\nb\n");
    writeFile(root + "/t/a/2.eml", "Subject: a2\n\n2\n");
    writeFile(root + "/t/a/1.eml", "Subject: a1\n\n1\n");
    writeFile(root + "/t/a.eml", "From x Mon\nSubject: mbox1\n\n1\n\nFrom y Mon\nSubject: mbox2\n\n2\n");
    writeFile(root + "/t/m/cur/1:2,S", "Subject: cur\n\n1\n");
    writeFile(root + "/t/m/new/2", "Subject: new\n\n2\n");
    writeFile(root + "/t/m/tmp/3", "Subject: tmp\n\n3\n");
    MessageStream stream({root + "/t", root + "/missing.eml"});
    QStringList subjects;
    while (const std::optional<RawMessage> m = stream.next())
        subjects << (m->error.isEmpty() ? QString::fromLatin1(m->bytes.left(m->bytes.indexOf('\n')))
                                        : QStringLiteral("error"));
    // Full-path order: "a.eml" < "a/" because '.' < '/'.
    QCOMPARE(subjects,
        (QStringList {"Subject: mbox1", "Subject: mbox2", "Subject: a1", "Subject: a2", "Subject: b",
            "Subject: cur", "Subject: new", "error"}));
}

int main(int argc, char **argv)
{
    if (const QByteArray child = qgetenv(kChildVariable); !child.isEmpty()) {
        QCoreApplication app(argc, argv);
        return streamChild(QString::fromLocal8Bit(child));
    }
    QCoreApplication app(argc, argv);
    TestMessageLoader test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_messageloader.moc"

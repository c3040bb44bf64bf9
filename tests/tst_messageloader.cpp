// Reading messages from files, mboxes, maildirs, folders: splitting, line endings, limits.
#include "message/MessageLoader.h"

#include <QDir>
#include <QFile>
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

QTEST_GUILESS_MAIN(TestMessageLoader)
#include "tst_messageloader.moc"

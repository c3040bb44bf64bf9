// The export formats, on their content.
#include "Exporters.h"
#include "analysis/BounceAnalyzer.h"
#include "message/MessageLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace bouncelens;

namespace {

QList<LoadedMessage> loadFixtures(const QStringList &names)
{
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    QList<LoadedMessage> out;
    for (const QString &n : names)
        for (const RawMessage &raw : loader.loadFile(QStringLiteral(BOUNCELENS_FIXTURES "/gui/") + n))
            out.append({analyzer.analyze(raw), raw.bytes});
    return out;
}

// A hard bounce with a given address, for the CSV corner cases.
LoadedMessage withAddress(const QString &address, bool hard = true)
{
    LoadedMessage m;
    m.analysis.kind = MessageKind::Bounce;
    RecipientResult r;
    r.address = address;
    r.reason = QStringLiteral("userunknown");
    r.permanent = true;
    r.hardBounce = hard;
    m.analysis.recipients << r;
    return m;
}

} // namespace

class TestExporters : public QObject
{
    Q_OBJECT

private slots:
    void suppressionCsv_data();
    void suppressionCsv();
    void tableCsv();
    void tableJson();
    void reportHtml_data();
    void reportHtml();
    void pdf();
    void writeFileFailure();
};

void TestExporters::suppressionCsv_data()
{
    QTest::addColumn<QList<LoadedMessage>>("messages");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("fixtures: hard bounces only, unique, sorted")
        << loadFixtures(
               {"userunknown.eml", "mailboxfull.eml", "two-recipients.eml", "two.mbox", "not-a-bounce.eml"})
        << QByteArray(
               "email,suggestion\r\ninfo@nowhere.example.jp,\r\nsato@example.jp,\r\ntanaka@example.jp,\r\n");
    QTest::newRow("nothing hard") << loadFixtures({"mailboxfull.eml"}) << QByteArray("email,suggestion\r\n");
    QTest::newRow("case folded duplicates") << QList<LoadedMessage> {withAddress("Kato@Example.jp"),
        withAddress("kato@example.jp")} << QByteArray("email,suggestion\r\nkato@example.jp,\r\n");
    QTest::newRow("quoted local part with comma")
        << QList<LoadedMessage> {withAddress("\"a,b\"@example.jp")}
        << QByteArray("email,suggestion\r\n\"\"\"a,b\"\"@example.jp\",\r\n");
    QTest::newRow("mistyped domain gets its suggestion")
        << QList<LoadedMessage> {withAddress("taro@gmial.com"), withAddress("hanako@example.jp")}
        << QByteArray("email,suggestion\r\nhanako@example.jp,\r\ntaro@gmial.com,taro@gmail.com\r\n");
    QTest::newRow("soft bounce left out")
        << QList<LoadedMessage> {withAddress("soft@example.jp", false)} << QByteArray("email,suggestion\r\n");
}

void TestExporters::suppressionCsv()
{
    QFETCH(QList<LoadedMessage>, messages);
    QFETCH(QByteArray, expected);
    QCOMPARE(Exporters::suppressionCsv(messages), expected);
}

void TestExporters::tableCsv()
{
    const QByteArray csv
        = Exporters::tableCsv(loadFixtures({"two-recipients.eml", "not-a-bounce.eml"}), Language::English);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"
                           "email,reason,permanent,hard_bounce,reply_code,status,date,source,"));
    const QList<QByteArray> lines = csv.mid(3).split('\n');
    QCOMPARE(lines.size(), 5); // header, two recipients, the non-bounce, and the empty tail
    QVERIFY(lines.at(1).startsWith("sato@example.jp,userunknown,true,true,550,5.1.1,"));
    QVERIFY(lines.at(2).startsWith("info@nowhere.example.jp,hostunknown,true,true,,5.4.4,"));
    QVERIFY(lines.at(3).startsWith(",,,,,,"));
    QVERIFY(lines.at(3).contains(",not-bounce,"));
    QVERIFY(lines.last().isEmpty());
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        QVERIFY(lines.at(i).endsWith('\r'));
}

void TestExporters::tableJson()
{
    const QList<LoadedMessage> messages = loadFixtures({"two-recipients.eml", "two.mbox"});
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(Exporters::tableJson(messages, Language::Japanese), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    QCOMPARE(doc.array().size(), 3);
    const QJsonObject first = doc.array().first().toObject();
    QCOMPARE(first.value("kind").toString(), QStringLiteral("bounce"));
    QCOMPARE(first.value("recipients").toArray().size(), 2);
    QCOMPARE(doc.array().at(2).toObject().value("message").toInt(), 1);
    const QString title = first.value("recipients")
                              .toArray()
                              .first()
                              .toObject()
                              .value("explanation")
                              .toObject()
                              .value("title")
                              .toString();
    QCOMPARE(title, u"宛先のメールアドレスが存在しません"_qs);

    const QList<QByteArray> lines = Exporters::tableJsonLines(messages, Language::English).split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(QJsonDocument::fromJson(lines.at(1)).isObject());
}

void TestExporters::reportHtml_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("language");
    QTest::addColumn<QStringList>("contains");
    QTest::newRow("en") << "userunknown.eml" << int(Language::English)
                        << QStringList {"<html lang=\"en\">",
                               "The address does not exist — permanent failure", "tanaka@example.jp",
                               "What to do", "Text for the customer",
                               "background-color:", "Quotation for May"};
    QTest::newRow("two recipients") << "two-recipients.eml" << int(Language::English)
                                    << QStringList {
                                           "sato@example.jp", "info@nowhere.example.jp", "550 / 5.1.1"};
    QTest::newRow("ja (explainer text)")
        << "userunknown.eml" << int(Language::Japanese)
        << QStringList {"<html lang=\"ja\">", u"宛先のメールアドレスが存在しません"_qs};
}

void TestExporters::reportHtml()
{
    QFETCH(QString, file);
    QFETCH(int, language);
    QFETCH(QStringList, contains);
    const QString html = Exporters::reportHtml(loadFixtures({file}).first().analysis, Language(language));
    for (const QString &needle : contains)
        QVERIFY2(html.contains(needle), qPrintable(needle));
    QVERIFY(!html.contains(QLatin1String("<tanaka"))); // escaped
}

void TestExporters::pdf()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("report.pdf");
    QString error;
    QVERIFY(Exporters::writePdf(path,
        Exporters::reportHtml(loadFixtures({"userunknown.eml"}).first().analysis, Language::Japanese),
        QStringLiteral("t"), &error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.size() > 2000);
}

void TestExporters::writeFileFailure()
{
    QString error;
    QVERIFY(!Exporters::writeFile(QStringLiteral("/nonexistent-dir/x.csv"), "x", &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestExporters)
#include "tst_gui_exporters.moc"

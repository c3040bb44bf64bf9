// The JSON writer (JsonExport) on the text that breaks hand-written writers: quotes, backslashes,
// every control character, lone surrogates, text that came from invalid UTF-8, Japanese. Each
// line is parsed back with a real JSON parser (QJsonDocument) and compared whole.
#include "export/JsonExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace bouncelens;

namespace {

QString controlCharacters()
{
    QString text;
    for (char16_t c = 0; c < 0x20; ++c)
        text += QChar(c);
    return text + QChar(0x7f);
}

// Parses one line of the CLI's JSON; fails the test on anything but one object and a newline.
QJsonObject parseLine(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        QTest::qFail(qPrintable(QStringLiteral("not JSON (%1 at %2): %3")
                                    .arg(error.errorString())
                                    .arg(error.offset)
                                    .arg(QString::fromUtf8(line.left(300)))),
            __FILE__, __LINE__);
        return {};
    }
    return doc.object();
}

} // namespace

class TestJsonExport : public QObject
{
    Q_OBJECT

private slots:
    void text_data();
    void text();
    void rawBytes_data();
    void rawBytes();
};

// `written` goes into every text field; `read` is what a JSON parser must read back.
void TestJsonExport::text_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("read");
    const QString replacement(QChar::ReplacementCharacter);
    QTest::newRow("plain") << QStringLiteral("550 5.1.1 user unknown")
                           << QStringLiteral("550 5.1.1 user unknown");
    QTest::newRow("quotes") << QStringLiteral("say \"no\" and \"\"") << QStringLiteral("say \"no\" and \"\"");
    QTest::newRow("backslashes") << QStringLiteral("C:\\mail\\\\box\\")
                                 << QStringLiteral("C:\\mail\\\\box\\");
    QTest::newRow("quote after backslash") << QStringLiteral("\\\"") << QStringLiteral("\\\"");
    QTest::newRow("every control character") << controlCharacters() << controlCharacters();
    QTest::newRow("CR LF TAB inside text") << QStringLiteral("a\r\nb\tc\n") << QStringLiteral("a\r\nb\tc\n");
    QTest::newRow("NUL in the middle") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))
                                       << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
    QTest::newRow("Japanese") << QStringLiteral("宛先のメールアドレスが見つかりません（ユーザー不明）")
                              << QStringLiteral("宛先のメールアドレスが見つかりません（ユーザー不明）");
    QTest::newRow("Japanese with quotes and escapes")
        << QStringLiteral("「\"受信拒否\"」\\n\t") << QStringLiteral("「\"受信拒否\"」\\n\t");
    QTest::newRow("emoji (surrogate pair)")
        << QStringLiteral("mailbox 📫 full") << QStringLiteral("mailbox 📫 full");
    QTest::newRow("lone high surrogate") << QString(QStringLiteral("a") + QChar(0xD83D) + QStringLiteral("b"))
                                         << QStringLiteral("a") + replacement + "b";
    QTest::newRow("lone low surrogate at the end")
        << QString(QStringLiteral("ü") + QChar(0xDCA9)) << QStringLiteral("ü") + replacement;
    QTest::newRow("swapped pair") << QString(QStringLiteral("x") + QChar(0xDCA9) + QChar(0xD83D))
                                  << QStringLiteral("x") + replacement + replacement;
    QTest::newRow("from invalid UTF-8") << QString::fromUtf8("\xff\xfe"
                                                             "abc\xc3")
                                        << replacement + replacement + "abc" + replacement;
    QTest::newRow("U+2028 and U+2029")
        << QStringLiteral("a\u2028b\u2029c") << QStringLiteral("a\u2028b\u2029c");
    QTest::newRow("DEL and C1") << QStringLiteral("\u007f\u0085\u009f")
                                << QStringLiteral("\u007f\u0085\u009f");
}

void TestJsonExport::text()
{
    QFETCH(QString, written);
    QFETCH(QString, read);

    // A message that could not be read: the whole object is known, field for field.
    MessageAnalysis failed;
    failed.source = written;
    failed.index = 3;
    failed.error = written;
    failed.errorCode = AnalysisError::Unparsable;
    const QJsonObject expectedFailed {{QStringLiteral("source"), read}, {QStringLiteral("message"), 3},
        {QStringLiteral("error_code"), QStringLiteral("unparsable")},
        {QStringLiteral("kind"), QJsonValue::Null}, {QStringLiteral("recipients"), QJsonArray()},
        {QStringLiteral("error"), read}};
    const QByteArray line = JsonExport::toJsonLine(failed, Language::English);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1); // one line per message, whatever the text holds
    QCOMPARE(parseLine(line), expectedFailed);

    // A bounce: every field holding the text reads back as `read`.
    MessageAnalysis bounce;
    bounce.source = written;
    bounce.kind = MessageKind::Bounce;
    bounce.reportingMta = written;
    bounce.notice = written;
    bounce.original.subject = written;
    bounce.original.to = written;
    RecipientResult r;
    r.address = written;
    r.action = QStringLiteral("failed");
    r.status = QStringLiteral("5.1.1");
    r.diagnostic = written;
    r.remoteMta = written;
    r.reason = QStringLiteral("userunknown");
    r.permanent = r.hardBounce = true;
    r.evidence.matched = written;
    bounce.recipients << r;
    bounce.warnings << written;
    const QByteArray bounceLine = JsonExport::toJsonLine(bounce, Language::Japanese);
    QCOMPARE(bounceLine.count('\n'), 1);
    const QJsonObject o = parseLine(bounceLine);
    QCOMPARE(o.value(QStringLiteral("source")).toString(), read);
    QCOMPARE(o.value(QStringLiteral("reporting_mta")).toString(), read);
    QCOMPARE(o.value(QStringLiteral("notice")).toString(), read);
    QCOMPARE(
        o.value(QStringLiteral("original")).toObject().value(QStringLiteral("subject")).toString(), read);
    QCOMPARE(o.value(QStringLiteral("original")).toObject().value(QStringLiteral("to")).toString(), read);
    QCOMPARE(o.value(QStringLiteral("warnings")).toArray(), QJsonArray {read});
    const QJsonObject recipient = o.value(QStringLiteral("recipients")).toArray().first().toObject();
    for (const char *field : {"address", "diagnostic", "remote_mta"})
        QCOMPARE(recipient.value(QLatin1String(field)).toString(), read);
    QCOMPARE(
        recipient.value(QStringLiteral("evidence")).toObject().value(QStringLiteral("matched")).toString(),
        read);
    QCOMPARE(recipient.value(QStringLiteral("status")).toString(), QStringLiteral("5.1.1"));
    QCOMPARE(recipient.value(QStringLiteral("hard_bounce")).toBool(), true);

    // The streaming writer produces the very same bytes.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const qint64 written2 = JsonExport::writeJsonLine(buffer, bounce, Language::Japanese);
    QCOMPARE(buffer.data(), bounceLine);
    QCOMPARE(written2, bounceLine.size());
}

// The exact escapes, byte for byte: short forms where JSON has them, \u00XX for the other
// control characters, and UTF-8 (not \u escapes) for everything from U+0080 on.
void TestJsonExport::rawBytes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("quote") << QStringLiteral("\"") << QByteArray(R"("\"")");
    QTest::newRow("backslash") << QStringLiteral("\\") << QByteArray(R"("\\")");
    QTest::newRow("short forms") << QStringLiteral("\b\f\n\r\t") << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("NUL, 0x01, 0x1f") << QString(QChar(0) + QStringLiteral("\u0001\u001f"))
                                     << QByteArray(R"("\u0000\u0001\u001f")");
    QTest::newRow("slash stays") << QStringLiteral("a/b") << QByteArray(R"("a/b")");
    QTest::newRow("Japanese as UTF-8")
        << QStringLiteral("不明") << QByteArray("\"\xe4\xb8\x8d\xe6\x98\x8e\"");
    QTest::newRow("lone surrogate as U+FFFD") << QString(QChar(0xD800)) << QByteArray("\"\xef\xbf\xbd\"");
}

void TestJsonExport::rawBytes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, json);
    MessageAnalysis failed;
    failed.error = text;
    failed.errorCode = AnalysisError::Unparsable;
    const QByteArray line = JsonExport::toJsonLine(failed, Language::English);
    QCOMPARE(line,
        QByteArray(R"({"source":"","message":0,"kind":null,"recipients":[],"error":)") + json
            + R"(,"error_code":"unparsable"})" + "\n");
}

QTEST_GUILESS_MAIN(TestJsonExport)
#include "tst_jsonexport.moc"

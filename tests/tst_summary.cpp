// The summary of a batch (export/BounceSummary, export/SummaryWriter, `bouncelens summary`):
// its numbers equal what `explain --format json` says of the same inputs (the shared corpus and
// our fixtures), the counting rules row by row, and the three output formats in both languages.
#include "analysis/AnalysisResult.h"
#include "export/BounceSummary.h"
#include "export/CsvField.h"
#include "export/SummaryWriter.h"

#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace bouncelens;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BOUNCELENS_BINARY), args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(300000)) {
        p.kill();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError()};
}

// The test's own reading of a Date header (independent of BounceSummary's MailDate): Qt's RFC 2822
// parser on the five tokens day, month, year, time and zone, after the day name and comments.
QString dayOfHeader(const QString &date)
{
    QString s = date.simplified();
    if (s.indexOf(u',') >= 0 && s.indexOf(u',') <= 4)
        s = s.mid(s.indexOf(u',') + 1).trimmed();
    if (s.indexOf(u'(') > 0)
        s = s.left(s.indexOf(u'(')).trimmed();
    QStringList tokens = s.split(u' ');
    if (tokens.size() > 5)
        tokens = tokens.mid(0, 5); // "... -0800 From: ...": a header pasted onto the line
    if (!tokens.isEmpty() && tokens.first().size() == 3 && tokens.first().startsWith(u'0'))
        tokens.first().remove(0, 1); // "029 Apr"
    if (tokens.size() == 5 && (tokens.last() == u"GMT" || tokens.last() == u"UT"))
        tokens.last() = QStringLiteral("+0000"); // RFC 5322's obsolete zone names Qt does not read
    QDateTime when = QDateTime::fromString(tokens.join(u' '), Qt::RFC2822Date);
    if (!when.isValid())
        when = QDateTime::fromString(date.trimmed(), Qt::ISODate);
    return when.isValid() ? when.date().toString(Qt::ISODate) : QStringLiteral("unknown");
}

// What a script would compute from explain's JSON lines: the summary's JSON, field by field.
QJsonObject summaryFromExplain(const QByteArray &lines)
{
    qint64 messages = 0, unreadable = 0, recipients = 0, hard = 0, soft = 0, permanent = 0, temporary = 0;
    QMap<QString, qint64> kinds, reasons, domains, days;
    for (const QByteArray &line : lines.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        ++messages;
        if (!o.value("error").isNull()) {
            ++unreadable;
            continue;
        }
        const QString kind = o.value("kind").toString();
        ++kinds[kind];
        ++days[dayOfHeader(o.value("date").toString())];
        const bool failure = kind == "bounce" || kind == "delay";
        for (const QJsonValue &v : o.value("recipients").toArray()) {
            const QJsonObject r = v.toObject();
            ++recipients;
            ++reasons[r.value("reason").toString()];
            const QString address = r.value("address").toString().trimmed();
            const QString domain = address.contains(u'@') ? address.section(u'@', -1).toLower() : QString();
            ++domains[domain.isEmpty() ? QStringLiteral("(none)") : domain];
            hard += r.value("hard_bounce").toBool() ? 1 : 0;
            if (failure) {
                soft += r.value("hard_bounce").toBool() ? 0 : 1;
                (r.value("permanent").toBool() ? permanent : temporary) += 1;
            }
        }
    }
    auto object = [](const QMap<QString, qint64> &m) {
        QJsonObject o;
        for (auto it = m.begin(); it != m.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    // The 20 most frequent domains, then "other".
    QList<QPair<QString, qint64>> ranked;
    for (auto it = domains.begin(); it != domains.end(); ++it)
        ranked.append({it.key(), it.value()});
    std::stable_sort(ranked.begin(), ranked.end(), [](auto &a, auto &b) { return a.second > b.second; });
    QJsonObject byDomain;
    qint64 other = 0;
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        if (i < 20)
            byDomain.insert(ranked.at(i).first, ranked.at(i).second);
        else
            other += ranked.at(i).second;
    }
    if (ranked.size() > 20)
        byDomain.insert("other", other);
    return QJsonObject {{"messages", messages}, {"unreadable", unreadable}, {"recipients", recipients},
        {"hard_bounces", hard}, {"soft_bounces", soft}, {"permanent", permanent}, {"temporary", temporary},
        {"kinds", object(kinds)}, {"by_reason", object(reasons)}, {"by_domain", byDomain},
        {"by_day", object(days)}};
}

MessageAnalysis bounce(const QString &date, const QList<QPair<QString, QString>> &recipients,
    MessageKind kind = MessageKind::Bounce)
{
    MessageAnalysis a;
    a.kind = kind;
    a.date = date;
    for (const auto &[address, reason] : recipients) {
        RecipientResult r;
        r.address = address;
        r.reason = reason;
        r.permanent = reason != QLatin1String("mailboxfull");
        r.hardBounce = reason == QLatin1String("userunknown") || reason == QLatin1String("hostunknown");
        r.action = QStringLiteral("failed");
        a.recipients << r;
    }
    return a;
}

} // namespace

class TestSummary : public QObject
{
    Q_OBJECT

private slots:
    // `summary --format json` equals what a script counts from `explain --format json`.
    // One CSV field (export/CsvField), as the summary and the window's CSV exports write it.
    void csvField_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<FormulaGuard>("guard");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "abc" << FormulaGuard::On << "abc";
        QTest::newRow("comma") << "a,b" << FormulaGuard::On << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\"" << FormulaGuard::On << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb" << FormulaGuard::On << "\"a\nb\"";
        QTest::newRow("carriage return") << "a\rb" << FormulaGuard::Off << "\"a\rb\"";
        QTest::newRow("formula guarded") << "=HYPERLINK(1)" << FormulaGuard::On << "'=HYPERLINK(1)";
        QTest::newRow("formula not guarded") << "=1" << FormulaGuard::Off << "=1";
        QTest::newRow("plus") << "+81 3" << FormulaGuard::On << "'+81 3";
        QTest::newRow("minus") << "-1" << FormulaGuard::On << "'-1";
        QTest::newRow("at sign") << "@x" << FormulaGuard::On << "'@x";
        QTest::newRow("tab") << "\tx" << FormulaGuard::On << "'\tx";
        QTest::newRow("guarded and quoted") << "=a,b" << FormulaGuard::On << "\"'=a,b\"";
        QTest::newRow("address unguarded") << "-info@example.jp" << FormulaGuard::Off << "-info@example.jp";
        QTest::newRow("japanese") << u"宛先"_qs << FormulaGuard::On << u"宛先"_qs;
        QTest::newRow("empty") << QString() << FormulaGuard::On << QString();
    }

    void csvField()
    {
        QFETCH(QString, value);
        QFETCH(FormulaGuard, guard);
        QFETCH(QString, expected);
        QCOMPARE(bouncelens::csvField(value, guard), expected);
    }

    void agreesWithExplain_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::newRow("fixtures") << QStringList {QStringLiteral(BOUNCELENS_FIXTURES "/core"),
            QStringLiteral(BOUNCELENS_FIXTURES "/gui"), QStringLiteral("/nonexistent/bounce.eml")};
        const QString corpus = testing::corpusDir();
        if (QDir(corpus + "/eml").exists())
            QTest::newRow("shared corpus") << QStringList {corpus + "/eml", corpus + "/not-bounce"};
    }
    void agreesWithExplain()
    {
        QFETCH(QStringList, paths);
        const Run explain = run(QStringList {"explain", "--format", "json"} + paths);
        const Run summary = run(QStringList {"summary", "--format", "json"} + paths);
        QCOMPARE(summary.exitCode, explain.exitCode);
        const QJsonObject expected = summaryFromExplain(explain.out);
        const QJsonObject actual = QJsonDocument::fromJson(summary.out).object();
        QVERIFY(expected.value("messages").toInteger() > 0);
        for (const QString &key : expected.keys())
            QVERIFY2(actual.value(key) == expected.value(key),
                qPrintable(key + ": " + QJsonDocument(QJsonObject {{key, actual.value(key)}}).toJson()
                    + " expected " + QJsonDocument(QJsonObject {{key, expected.value(key)}}).toJson()));
        QCOMPARE(actual.keys(), expected.keys());
    }

    void corpusSkipsWithMessage()
    {
        if (!QDir(testing::corpusDir() + "/eml").exists())
            QSKIP("the shared corpus is not there (set BOUNCELENS_CORPUS): only the fixtures were compared");
    }

    void counting()
    {
        BounceSummary s;
        s.add(bounce("Tue, 24 Nov 2026 08:00:00 +0900 (JST)",
            {{"a@example.jp", "userunknown"}, {"b@Example.JP", "mailboxfull"}, {"c", "hostunknown"}}));
        s.add(bounce(
            "Mon, 23 Nov 2026 23:30:00 -0500", {{"d@example.net", "mailboxfull"}}, MessageKind::Delay));
        s.add(bounce("", {{"e@example.com", "feedback"}}, MessageKind::Feedback));
        MessageAnalysis unreadable;
        unreadable.error = QStringLiteral("cannot read");
        s.add(unreadable);
        QCOMPARE(s.messages, 4);
        QCOMPARE(s.unreadable, 1);
        QCOMPARE(s.recipients, 5);
        QCOMPARE(s.hardBounces, 2);
        QCOMPARE(s.softBounces, 2); // the feedback report's recipient is no bounce at all
        QCOMPARE(s.permanent, 2);
        QCOMPARE(s.temporary, 2);
        QCOMPARE(s.kinds, (QMap<QString, qint64> {{"bounce", 1}, {"delay", 1}, {"feedback", 1}}));
        QCOMPARE(s.byDomain,
            (QMap<QString, qint64> {
                {"example.jp", 2}, {"(none)", 1}, {"example.net", 1}, {"example.com", 1}}));
        // Each date is the day it names in its own time zone.
        QCOMPARE(s.byDay, (QMap<QString, qint64> {{"2026-11-24", 1}, {"2026-11-23", 1}, {"unknown", 1}}));

        BounceSummary twice = s;
        twice.merge(s);
        QCOMPARE(twice.recipients, 10);
        QCOMPARE(twice.byReason.value("mailboxfull"), 4);
    }

    void topDomains_data()
    {
        QTest::addColumn<int>("domains");
        QTest::addColumn<int>("rows");
        QTest::addColumn<qint64>("other");
        QTest::newRow("few") << 3 << 3 << qint64(-1);
        QTest::newRow("exactly 20") << 20 << 20 << qint64(-1);
        QTest::newRow("25: 20 and other") << 25 << 21 << qint64(5);
    }
    void topDomains()
    {
        QFETCH(int, domains);
        QFETCH(int, rows);
        QFETCH(qint64, other);
        BounceSummary s;
        for (int i = 0; i < domains; ++i)
            for (int n = 0; n <= (i < 20 ? 1 : 0); ++n)
                s.add(bounce({}, {{QStringLiteral("x@d%1.example.jp").arg(i), "userunknown"}}));
        const QList<SummaryCount> top = s.topDomains();
        QCOMPARE(top.size(), rows);
        QCOMPARE(top.last().key == BounceSummary::kOtherDomains, other >= 0);
        if (other >= 0)
            QCOMPARE(top.last().count, other);
    }

    void timeline()
    {
        BounceSummary s;
        s.byDay = {{"2026-11-22", 2}, {"2026-11-25", 1}, {"unknown", 4}};
        const QList<SummaryCount> days = s.timeline();
        QCOMPARE(days,
            (QList<SummaryCount> {
                {"2026-11-22", 2}, {"2026-11-23", 0}, {"2026-11-24", 0}, {"2026-11-25", 1}}));
        s.byDay = {{"1999-01-01", 1}, {"2026-11-25", 3}};
        QCOMPARE(s.timeline(), (QList<SummaryCount> {{"1999-01-01", 1}, {"2026-11-25", 3}}));
    }

    void formats_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("reasonTitle");
        QTest::addColumn<QString>("hardLabel");
        QTest::newRow("en") << "en"
                            << "The address does not exist"
                            << "Hard bounces";
        QTest::newRow("ja") << "ja" << u"宛先のメールアドレスが存在しません"_qs << u"ハードバウンス"_qs;
    }
    void formats()
    {
        QFETCH(QString, lang);
        QFETCH(QString, reasonTitle);
        QFETCH(QString, hardLabel);
        const QString fixtures = QStringLiteral(BOUNCELENS_FIXTURES "/core");
        const Run text = run({"summary", "--lang", lang, fixtures});
        QCOMPARE(text.exitCode, 0);
        const QString t = QString::fromUtf8(text.out);
        QVERIFY2(t.contains(reasonTitle), qPrintable(t));
        QCOMPARE(testing::hasJapaneseScript(t), lang == "ja");
        QVERIFY2(testing::englishRun(t.section(u'\n', 1)).isEmpty() || lang == "en", qPrintable(t));

        const Run csv = run({"summary", "--lang", lang, "--format", "csv", fixtures});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.split('\n');
        QCOMPARE(lines.first(), QByteArray("section,key,label,count\r"));
        QVERIFY(csv.out.contains(("total,hard_bounces," + hardLabel + ",").toUtf8()));
        QVERIFY(csv.out.contains(("reason,userunknown," + reasonTitle + ",").toUtf8()));
        // The reason rows add up to the recipients.
        qint64 recipients = -1, reasons = 0;
        for (const QByteArray &line : lines) {
            const QList<QByteArray> f = line.trimmed().split(',');
            // The count is the last field (a quoted label may hold commas).
            if (f.size() >= 4 && f.first() == "total" && f.at(1) == "recipients")
                recipients = f.last().toLongLong();
            if (f.size() >= 4 && f.first() == "reason")
                reasons += f.last().toLongLong();
        }
        QCOMPARE(reasons, recipients);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message"); // the first line on standard error
        QTest::newRow("no path") << QStringList {"summary", "--lang", "en"}
                                 << QByteArray("summary needs at least one PATH.");
        QTest::newRow("bad format") << QStringList {"summary", "--lang", "en", "--format", "xml", "x.eml"}
                                    << QByteArray("--format takes text, json, csv, not \"xml\".");
        QTest::newRow("bad language") << QStringList {"summary", "--lang", "fr", "x.eml"}
                                      << QByteArray("--lang takes en or ja, not \"fr\".");
        QTest::newRow("csv is summary's own") << QStringList {"explain", "--lang", "en", "--format=csv",
            "x.eml"} << QByteArray("--format takes text, json, not \"csv\".");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.split('\n').first(), message);
    }
};

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"

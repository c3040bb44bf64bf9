// Agreement with the shared labelled corpus (../shared/corpus, see its README): per-field
// figures are printed, and the test fails under the floors the issues set.
#include "TestSupport.h"
#include "analysis/BounceAnalyzer.h"
#include "message/MessageLoader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QtTest>

using namespace bouncelens;
using namespace bouncelens::testing;

namespace {

struct Tally
{
    int total = 0;
    int agreed = 0;
    QStringList misses;
    void add(bool ok, const QString &miss)
    {
        ++total;
        agreed += ok ? 1 : 0;
        if (!ok)
            misses << miss;
    }
    [[nodiscard]] double rate() const { return total ? 100.0 * agreed / total : 100.0; }
};

QList<RecipientResult> analyseFile(const QString &path, const QByteArray &transform = {})
{
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    QList<RecipientResult> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QByteArray bytes = file.readAll();
    if (transform == "crlf")
        bytes.replace("\n", "\r\n");
    else if (transform == "cr")
        bytes.replace('\n', '\r');
    for (const RawMessage &raw : loader.split(bytes, path)) {
        const MessageAnalysis a = analyzer.analyze(raw);
        out << a.recipients;
    }
    return out;
}

// The labels are final recipients (Sisimai's): a listed recipient matches on its address (the
// one the sender used) or on its final recipient.
bool isRecipient(const RecipientResult &r, const QString &label)
{
    return r.address.compare(label, Qt::CaseInsensitive) == 0
        || (!r.finalRecipient.isEmpty() && r.finalRecipient.compare(label, Qt::CaseInsensitive) == 0);
}

// "lhost-postfix-17.eml" -> "lhost-postfix": the kind of server that wrote the bounce.
QString family(const QString &fileName)
{
    const qsizetype dash = fileName.lastIndexOf(QLatin1Char('-'));
    return dash > 0 ? fileName.left(dash) : fileName;
}

QString summary(const QList<RecipientResult> &rs)
{
    QStringList parts;
    for (const RecipientResult &r : rs)
        parts << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                     .arg(r.address, r.status, r.replyCode, r.reason)
                     .arg(r.permanent)
                     .arg(r.hardBounce)
                     .arg(r.diagnostic);
    return parts.join(QLatin1Char('\n'));
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agreement();
    void lineEndings_data();
    void lineEndings();
    void notBounces_data();
    void notBounces();

private:
    QJsonObject m_labels;
};

void TestCorpus::initTestCase()
{
    QFile labels(corpusDir() + QStringLiteral("/labels.json"));
    if (!labels.open(QIODevice::ReadOnly))
        QSKIP(qPrintable(
            QStringLiteral("The shared corpus is not at %1; set BOUNCELENS_CORPUS to run this test.")
                .arg(corpusDir())));
    m_labels = QJsonDocument::fromJson(labels.readAll()).object();
    QVERIFY2(!m_labels.isEmpty(), "labels.json is empty or not JSON");
}

void TestCorpus::agreement()
{
    Tally recipient, status, reply, reason, hard;
    // Precision: every listed recipient that is one of the file's labelled recipients.
    Tally precision;
    QMap<QString, int> familyMisses; // missed labelled recipients per family
    QMap<QString, int> familyExtras; // listed recipients that are not labelled, per family
    const QStringList files = m_labels.keys();
    for (const QString &name : files) {
        const QList<RecipientResult> found = analyseFile(corpusDir() + QStringLiteral("/eml/") + name);
        const QJsonArray labelled = m_labels.value(name).toArray();
        for (const RecipientResult &r : found) {
            bool known = false;
            for (const QJsonValue &v : labelled)
                known = known || isRecipient(r, v.toObject().value(QStringLiteral("recipient")).toString());
            if (!known)
                ++familyExtras[family(name)];
            precision.add(known, name + QStringLiteral(" listed ") + r.address);
        }
        for (const QJsonValue &v : labelled) {
            const QJsonObject label = v.toObject();
            const QString address = label.value(QStringLiteral("recipient")).toString();
            const RecipientResult *match = nullptr;
            for (const RecipientResult &r : found)
                if (isRecipient(r, address))
                    match = &r;
            const QString where = name + QStringLiteral(" ") + address;
            if (!match)
                ++familyMisses[family(name)];
            recipient.add(match,
                where + QStringLiteral(" got [")
                    + summary(found).replace(QLatin1Char('\n'), QLatin1String("; ")).left(300)
                    + QLatin1Char(']'));
            const QString expStatus = label.value(QStringLiteral("status")).toString();
            const QString expReply = label.value(QStringLiteral("replycode")).toString();
            const QString expReason = label.value(QStringLiteral("reason")).toString();
            const bool expHard = label.value(QStringLiteral("hardbounce")).toBool();
            if (!expStatus.isEmpty())
                status.add(match && match->status == expStatus,
                    where + QStringLiteral(" want ") + expStatus + QStringLiteral(" got ")
                        + (match ? match->status : QStringLiteral("(no recipient)")));
            if (!expReply.isEmpty())
                reply.add(match && match->replyCode == expReply,
                    where + QStringLiteral(" want ") + expReply + QStringLiteral(" got ")
                        + (match ? match->replyCode : QStringLiteral("(no recipient)")));
            reason.add(match && match->reason == expReason,
                where + QStringLiteral(" want ") + expReason + QStringLiteral(" got ")
                    + (match ? match->reason : QStringLiteral("(no recipient)")) + QStringLiteral(" :: ")
                    + (match ? match->diagnostic.left(160) : QString()));
            hard.add(match && match->hardBounce == expHard,
                where + QStringLiteral(" want hard=")
                    + (expHard ? QStringLiteral("true") : QStringLiteral("false")));
        }
    }
    const bool verbose = qEnvironmentVariableIsSet("BOUNCELENS_CORPUS_MISSES");
    auto report = [verbose](const char *field, const Tally &t) {
        qInfo("%-10s %6.2f%%  (%d of %d)", field, t.rate(), t.agreed, t.total);
        const qsizetype shown = verbose ? t.misses.size() : qMin<qsizetype>(t.misses.size(), 15);
        for (qsizetype i = 0; i < shown; ++i)
            qInfo("    miss: %s", qPrintable(t.misses.at(i)));
    };
    report("recipient", recipient);
    report("precision", precision);
    QStringList families;
    for (auto it = familyMisses.cbegin(); it != familyMisses.cend(); ++it)
        families << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    qInfo("missed recipients per family: %s", qPrintable(families.join(QStringLiteral(", "))));
    families.clear();
    for (auto it = familyExtras.cbegin(); it != familyExtras.cend(); ++it)
        families << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    qInfo("wrongly listed recipients per family: %s", qPrintable(families.join(QStringLiteral(", "))));
    report("status", status);
    report("reply", reply);
    report("reason", reason);
    report("hardbounce", hard);

    // Floors from the issues: the core issue (recipient, status, reply).
    QVERIFY2(recipient.rate() >= 95.0, "recipient agreement under 95%");
    // Issue 12: the precision measured when the rules were written, minus a hair.
    QVERIFY2(precision.rate() >= 98.5, "recipient precision fell");
    QVERIFY2(status.rate() >= 95.0, "status agreement under 95%");
    QVERIFY2(reply.rate() >= 90.0, "reply code agreement under 90%");
    // Issue 12: reason and hard bounce as measured when the rules were written (97.43, 98.36).
    QVERIFY2(reason.rate() >= 97.3, "reason agreement fell under 97.3%");
    QVERIFY2(hard.rate() >= 98.2, "hard-bounce agreement fell under 98.2%");
}

void TestCorpus::lineEndings_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &name : m_labels.keys())
        QTest::newRow(qPrintable(name)) << corpusDir() + QStringLiteral("/eml/") + name;
}

void TestCorpus::lineEndings()
{
    QFETCH(QString, path);
    const QString lf = summary(analyseFile(path));
    QCOMPARE(summary(analyseFile(path, "crlf")), lf);
    QCOMPARE(summary(analyseFile(path, "cr")), lf);
}

void TestCorpus::notBounces_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(corpusDir() + QStringLiteral("/not-bounce"));
    for (const QString &name : dir.entryList(QDir::Files))
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestCorpus::notBounces()
{
    QFETCH(QString, path);
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    for (const RawMessage &raw : loader.loadFile(path)) {
        const MessageAnalysis a = analyzer.analyze(raw);
        QCOMPARE(toString(a.kind), QStringLiteral("not-bounce"));
        QVERIFY(a.recipients.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"

// The knowledge base is complete: every reason, every SMTP reply code of the list, every code of
// the IANA enhanced-status-code registry, every field, in every language; Japanese texts are
// Japanese; and `bouncelens catalog --format json` shows all of it.
#include "TestSupport.h"
#include "explain/KnowledgeBase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace bouncelens;
using namespace bouncelens::testing;

namespace {

const QStringList kReasons = {"userunknown", "hostunknown", "mailboxfull", "filtered", "rejected", "blocked",
    "expired", "suspend", "hasmoved", "policyviolation", "spamdetected", "virusdetected", "contenterror",
    "emailtoolarge", "ratelimited", "authfailure", "badreputation", "requireptr", "failedstarttls",
    "securityerror", "norelaying", "notaccept", "notcompliantrfc", "networkerror", "systemerror",
    "systemfull", "mailererror", "syntaxerror", "suppressed", "onhold", "undefined", "delivered", "feedback",
    "vacation"};

// RFC 5321, RFC 7504 (521, 556), RFC 4954 (432 454 530 534 535 538), RFC 5248 (523 524 525).
const QStringList kReplyCodes = {"211", "214", "220", "221", "250", "251", "252", "354", "421", "450", "451",
    "452", "455", "500", "501", "502", "503", "504", "550", "551", "552", "553", "554", "555", "521", "556",
    "432", "454", "530", "534", "535", "538", "523", "524", "525"};

const QStringList kLanguages = {"en", "ja"};

// The registry's codes, read from the shared TSV at test time; empty when it is not there.
QStringList registryCodes()
{
    QFile file(corpusDir() + QStringLiteral("/../reference/enhanced-status-codes.tsv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList codes;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1String("code\t")))
            continue;
        codes << line.section(QLatin1Char('\t'), 0, 0);
    }
    return codes;
}

const KnowledgeBase &kb()
{
    return KnowledgeBase::builtIn();
}

QList<const KnowledgeEntry *> allEntries()
{
    QList<const KnowledgeEntry *> all;
    for (const auto *list : {&kb().reasons(), &kb().replyCodes(), &kb().statusCodes()})
        for (const KnowledgeEntry &e : *list)
            all << &e;
    return all;
}

QString describe(const KnowledgeEntry &e, const QString &field, const QString &language)
{
    return QStringLiteral("%1 %2 [%3]").arg(e.key, field, language);
}

} // namespace

class TestKnowledgeBase : public QObject
{
    Q_OBJECT

private slots:
    void loads()
    {
        QVERIFY2(kb().error().isEmpty(), qPrintable(kb().error()));
        QCOMPARE(kb().languages(), kLanguages);
        qInfo("entries: %lld reasons, %lld reply codes, %lld status codes", qlonglong(kb().reasons().size()),
            qlonglong(kb().replyCodes().size()), qlonglong(kb().statusCodes().size()));
    }

    void reasonsComplete_data()
    {
        QTest::addColumn<QString>("reason");
        for (const QString &r : kReasons)
            QTest::newRow(qPrintable(r)) << r;
    }
    void reasonsComplete()
    {
        QFETCH(QString, reason);
        const KnowledgeEntry *e = kb().reason(reason);
        QVERIFY2(e, qPrintable(reason));
        for (const QString &language : kLanguages)
            for (const QString &field : KnowledgeBase::fields(e->group))
                QVERIFY2(e->hasText(field, language), qPrintable(describe(*e, field, language)));
    }

    void onlyKnownReasons()
    {
        for (const KnowledgeEntry &e : kb().reasons())
            QVERIFY2(kReasons.contains(e.key), qPrintable(e.key));
        QCOMPARE(kb().reasons().size(), kReasons.size());
    }

    void replyCodesComplete_data()
    {
        QTest::addColumn<QString>("code");
        for (const QString &c : kReplyCodes)
            QTest::newRow(qPrintable(c)) << c;
    }
    void replyCodesComplete()
    {
        QFETCH(QString, code);
        const KnowledgeEntry *e = kb().replyCode(code);
        QVERIFY2(e, qPrintable(code));
        QVERIFY(!e->reference.isEmpty());
        for (const QString &language : kLanguages)
            for (const QString &field : KnowledgeBase::fields(e->group))
                QVERIFY2(e->hasText(field, language), qPrintable(describe(*e, field, language)));
    }

    void noUnlistedReplyCodes()
    {
        // 453 in particular: some Japanese tables list it, RFC 5321 has no such code.
        QVERIFY(!kb().replyCode(QStringLiteral("453")));
        for (const KnowledgeEntry &e : kb().replyCodes())
            QVERIFY2(kReplyCodes.contains(e.key), qPrintable(e.key));
    }

    void replyCodeMeanings_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("forbidden");
        QTest::newRow("521 en") << "521"
                                << "en"
                                << "does not accept mail"
                                << "full";
        QTest::newRow("521 ja") << "521"
                                << "ja"
                                << "メールを一切受け付けていません"
                                << "容量";
        QTest::newRow("552 en") << "552"
                                << "en"
                                << "storage"
                                << "";
        QTest::newRow("552 ja") << "552"
                                << "ja"
                                << "保存容量"
                                << "";
        QTest::newRow("553 en") << "553"
                                << "en"
                                << "format"
                                << "full";
        QTest::newRow("553 ja") << "553"
                                << "ja"
                                << "書式"
                                << "満杯";
        QTest::newRow("556 en") << "556"
                                << "en"
                                << "accepts no mail"
                                << "";
        QTest::newRow("421 ja") << "421"
                                << "ja"
                                << "一時的な"
                                << "";
    }
    void replyCodeMeanings()
    {
        QFETCH(QString, code);
        QFETCH(QString, language);
        QFETCH(QString, expected);
        QFETCH(QString, forbidden);
        const KnowledgeEntry *e = kb().replyCode(code);
        QVERIFY(e);
        const QString all
            = e->text("title", language) + e->text("what", language) + e->text("duration", language);
        QVERIFY2(all.contains(expected), qPrintable(all));
        // 521 must not be explained as a full mailbox (a common mistake in Japanese tables),
        // except in the sentence that says it is not.
        if (!forbidden.isEmpty())
            QVERIFY2(!e->text("title", language).contains(forbidden), qPrintable(e->text("title", language)));
    }

    void registryComplete_data()
    {
        QTest::addColumn<QString>("code");
        const QStringList codes = registryCodes();
        if (codes.isEmpty())
            QTest::newRow("registry absent") << QString();
        for (const QString &c : codes)
            QTest::newRow(qPrintable(c)) << c;
    }
    void registryComplete()
    {
        QFETCH(QString, code);
        if (code.isEmpty()) {
            if (underCi())
                QFAIL("enhanced-status-codes.tsv not found next to the corpus (set BOUNCELENS_CORPUS)");
            QSKIP("enhanced-status-codes.tsv not found next to the corpus");
        }
        const KnowledgeEntry *e = kb().statusEntry(code);
        QVERIFY2(e, qPrintable(code));
        QVERIFY(!e->official.isEmpty());
        for (const QString &language : kLanguages)
            for (const QString &field : KnowledgeBase::fields(e->group))
                QVERIFY2(e->hasText(field, language), qPrintable(describe(*e, field, language)));
    }

    void vendorCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("titleEn");
        QTest::newRow("M365 5.1.10") << "5.1.10"
                                     << "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found"
                                     << "5.1.10"
                                     << "Recipient not found";
        QTest::newRow("null MX 5.1.10") << "5.1.10"
                                        << "host/domain does not accept mail"
                                        << "X.1.10"
                                        << "null MX";
        QTest::newRow("5.7.606 anywhere") << "5.7.606"
                                          << "Access denied, banned sending IP"
                                          << "5.7.606"
                                          << "IP address is blocked";
        QTest::newRow("5.4.310") << "5.4.310"
                                 << "DNS domain does not exist"
                                 << "5.4.310"
                                 << "does not exist in DNS";
        QTest::newRow("5.7.26 Google") << "5.7.26"
                                       << "gmail-smtp-in.l.google.com DMARC policy"
                                       << "X.7.26"
                                       << "DMARC";
        QTest::newRow("5.7.509 Microsoft") << "5.7.509"
                                           << "outlook.com does not pass DMARC"
                                           << "5.7.509"
                                           << "DMARC";
        QTest::newRow("4.2.1 Gmail") << "4.2.1"
                                     << "gmail-smtp-in.l.google.com"
                                     << "4.2.1"
                                     << "too much mail";
        QTest::newRow("4.2.1 other") << "4.2.1"
                                     << "laposte.net Service refuse"
                                     << "X.2.1"
                                     << "disabled";
        QTest::newRow("unknown detail") << "5.1.99"
                                        << ""
                                        << "X.1.YYY"
                                        << "Address";
        QTest::newRow("unknown subject") << "4.9.9"
                                         << ""
                                         << "4.XXX.YYY"
                                         << "Temporary";
    }
    void vendorCodes()
    {
        QFETCH(QString, code);
        QFETCH(QString, context);
        QFETCH(QString, key);
        QFETCH(QString, titleEn);
        const KnowledgeEntry *e = kb().explainStatus(code, context);
        QVERIFY(e);
        QCOMPARE(e->key, key);
        QVERIFY2(e->text("title", "en").contains(titleEn), qPrintable(e->text("title", "en")));
    }

    void vendorEntriesComplete()
    {
        int vendors = 0;
        for (const KnowledgeEntry &e : kb().statusCodes()) {
            if (e.kind != QLatin1String("vendor"))
                continue;
            ++vendors;
            QVERIFY2(!e.vendor.isEmpty() && !e.hints.isEmpty(), qPrintable(e.key));
            for (const QString &language : kLanguages)
                for (const QString &field : KnowledgeBase::fields(e.group))
                    QVERIFY2(e.hasText(field, language), qPrintable(describe(e, field, language)));
        }
        QVERIFY(vendors >= 5);
    }

    // Every Japanese text is Japanese: Japanese script, and no English sentence left in it.
    void japaneseIsJapanese()
    {
        for (const KnowledgeEntry *e : allEntries()) {
            for (const QString &field : KnowledgeBase::fields(e->group)) {
                const QString ja = e->text(field, "ja");
                QVERIFY2(hasJapaneseScript(ja), qPrintable(describe(*e, field, "ja") + ": " + ja));
                const QString run = englishRun(ja);
                QVERIFY2(run.isEmpty(), qPrintable(describe(*e, field, "ja") + ": " + run));
                QVERIFY2(ja != e->text(field, "en"), qPrintable(describe(*e, field, "ja")));
            }
        }
        for (const QString &key : kb().phraseKeys()) {
            const QString ja = kb().phrase(key, "ja");
            QVERIFY2(englishRun(ja).isEmpty(), qPrintable(key));
        }
    }

    void englishIsEnglish()
    {
        for (const KnowledgeEntry *e : allEntries())
            for (const QString &field : KnowledgeBase::fields(e->group))
                QVERIFY2(!hasJapaneseScript(e->text(field, "en")), qPrintable(describe(*e, field, "en")));
    }

    // Customer texts carry exactly the placeholders the composer fills.
    void customerPlaceholders()
    {
        static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+)\\}"));
        for (const KnowledgeEntry &e : kb().reasons()) {
            for (const QString &language : kLanguages) {
                const QString text = e.text("customer", language);
                QVERIFY2(
                    text.contains("{recipient}") && text.contains("{date}") && text.contains("{subject}"),
                    qPrintable(describe(e, "customer", language)));
                for (auto it = placeholder.globalMatch(text); it.hasNext();) {
                    const QString name = it.next().captured(1);
                    QVERIFY2(QStringList({"recipient", "date", "subject"}).contains(name), qPrintable(name));
                }
            }
        }
    }

    void fillPlaceholdersOnce()
    {
        QCOMPARE(fillPlaceholders(
                     "To {recipient} about {subject}.", {{"recipient", "a@b"}, {"subject", "{date}"}}),
            QStringLiteral("To a@b about {date}."));
        QCOMPARE(fillPlaceholders("{unknown} {", {}), QStringLiteral("{unknown} {"));
    }

    // A third language is data only: name it in phrases.json and it is listed; texts it does
    // not have yet fall back to English instead of going blank.
    void thirdLanguageIsData()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &name : QDir(":/knowledge").entryList(QDir::Files))
            QVERIFY(QFile::copy(":/knowledge/" + name, dir.filePath(name)));
        QFile phrases(dir.filePath("phrases.json"));
        QVERIFY(phrases.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(phrases.open(QIODevice::ReadWrite));
        QJsonObject root = QJsonDocument::fromJson(phrases.readAll()).object();
        QJsonObject table = root.value("phrases").toObject();
        QJsonObject names = table.value("language_name").toObject();
        names.insert("fr", QStringLiteral("Français"));
        table.insert("language_name", names);
        root.insert("phrases", table);
        phrases.resize(0);
        phrases.write(QJsonDocument(root).toJson());
        phrases.close();
        const KnowledgeBase loaded = KnowledgeBase::load(dir.path());
        QVERIFY2(loaded.error().isEmpty(), qPrintable(loaded.error()));
        QCOMPARE(loaded.languages(), QStringList({"en", "fr", "ja"}));
        QCOMPARE(loaded.reason("userunknown")->text("title", "fr"),
            loaded.reason("userunknown")->text("title", "en"));
    }

    void catalogJson_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : kLanguages)
            QTest::newRow(qPrintable(language)) << language;
    }
    void catalogJson()
    {
        QFETCH(QString, language);
        const QString binary = QStringLiteral(BOUNCELENS_BINARY);
        if (!QFile::exists(binary))
            QSKIP("bouncelens is not built");
        QProcess p;
        p.start(binary, {"catalog", "--format", "json", "--lang", language});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(p.readAllStandardOutput(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(root.value("language").toString(), language);

        auto check = [&](const char *list, const char *keyName, const QStringList &expected,
                         const QStringList &fields) -> QSet<QString> {
            QSet<QString> seen;
            for (const QJsonValue &v : root.value(list).toArray()) {
                const QJsonObject o = v.toObject();
                const QString key = o.value(keyName).toString();
                seen.insert(key);
                for (const QString &field : fields) {
                    const QString text = o.value(field).toString();
                    if (text.trimmed().isEmpty())
                        qWarning("%s %s: empty %s", list, qPrintable(key), qPrintable(field));
                    if (text.trimmed().isEmpty())
                        seen.remove(key); // an entry with an empty field does not count as covered
                    if (language == QLatin1String("ja") && !hasJapaneseScript(text))
                        seen.remove(key);
                }
            }
            int covered = 0;
            for (const QString &k : expected)
                covered += seen.contains(k) ? 1 : 0;
            qInfo("%s [%s]: %d of %lld covered (%lld listed)", list, qPrintable(language), covered,
                qlonglong(expected.size()), qlonglong(root.value(list).toArray().size()));
            return seen;
        };
        const QStringList reasonFields = KnowledgeBase::fields(KnowledgeEntry::Group::Reason);
        const QStringList codeFields = KnowledgeBase::fields(KnowledgeEntry::Group::ReplyCode);
        const QSet<QString> reasons = check("reasons", "id", kReasons, reasonFields);
        const QSet<QString> replies = check("reply_codes", "code", kReplyCodes, codeFields);
        QStringList registry = registryCodes();
        const QSet<QString> statuses = check("status_codes", "code", registry, codeFields);
        for (const QString &r : kReasons)
            QVERIFY2(reasons.contains(r), qPrintable(r));
        for (const QString &c : kReplyCodes)
            QVERIFY2(replies.contains(c), qPrintable(c));
        QVERIFY(!replies.contains("453"));
        for (const QString &c : registry)
            QVERIFY2(statuses.contains(c), qPrintable(c));
        QVERIFY(statuses.contains("5.7.606"));
    }

    void catalogUsage()
    {
        const QString binary = QStringLiteral(BOUNCELENS_BINARY);
        if (!QFile::exists(binary))
            QSKIP("bouncelens is not built");
        QProcess p;
        p.start(binary, {"catalog", "--format", "xml"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        p.start(binary, {"catalog", "--help"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("ONE JSON document"));
        p.start(binary, {"catalog", "--lang", "ja"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("宛先のメールアドレスが存在しません")));
        QVERIFY(text.contains(QStringLiteral("5.7.606")));
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"

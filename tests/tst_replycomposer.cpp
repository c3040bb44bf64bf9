// The reply to the customer (explain/ReplyComposer, resources/knowledge/reply-templates.json):
// every template group in both languages is filled with no placeholder left, carries the date,
// subject, recipient and what happened, and the mailto: link round-trips subject and body.
#include "analysis/AnalysisResult.h"
#include "explain/KnowledgeBase.h"
#include "explain/ReplyComposer.h"

#include "TestSupport.h"

#include <QUrlQuery>
#include <QtTest>

using namespace bouncelens;

namespace {

MessageAnalysis messageFor(const QString &group, const QString &address, QString *reasonOut = nullptr)
{
    MessageAnalysis a;
    a.kind = MessageKind::Bounce;
    a.original.subject = QStringLiteral("Invoice 2026-11");
    a.original.date = QStringLiteral("Tue, 24 Nov 2026 10:15:00 +0900");
    a.original.from = QStringLiteral("Yamada Taro <taro@example.jp>");
    a.original.messageId = QStringLiteral("<1@example.jp>");
    RecipientResult r;
    r.address = address;
    r.action = QStringLiteral("failed");
    r.permanent = true;
    static const QHash<QString, QString> reasonOf = {{"address", "hostunknown"}, {"mailbox", "mailboxfull"},
        {"content", "spamdetected"}, {"size", "emailtoolarge"}, {"sender", "authfailure"},
        {"temporary", "expired"}, {"delay", "mailboxfull"}, {"info", "vacation"}, {"other", "undefined"}};
    r.reason = reasonOf.value(group, QStringLiteral("undefined"));
    if (group == QLatin1String("delay")) {
        a.kind = MessageKind::Delay;
        r.action = QStringLiteral("delayed");
        r.permanent = false;
    } else if (group == QLatin1String("info")) {
        a.kind = MessageKind::AutoReply;
        r.action.clear();
        r.permanent = false;
    }
    if (reasonOut)
        *reasonOut = r.reason;
    a.recipients << r;
    return a;
}

} // namespace

class TestReplyComposer : public QObject
{
    Q_OBJECT

private slots:
    void templatesLoad()
    {
        QCOMPARE(ReplyComposer::loadError(), QString());
        QCOMPARE(ReplyComposer::groups(),
            (QStringList {
                "address", "mailbox", "content", "size", "sender", "temporary", "delay", "info", "other"}));
    }

    // Every reason the knowledge base knows is answered by a group.
    void everyReasonHasAGroup()
    {
        for (const KnowledgeEntry &e : KnowledgeBase::builtIn().reasons()) {
            MessageAnalysis a;
            a.kind = MessageKind::Bounce;
            RecipientResult r;
            r.reason = e.key;
            r.action = QStringLiteral("failed");
            QVERIFY2(ReplyComposer::groups().contains(ReplyComposer::groupOf(a, r)), qPrintable(e.key));
        }
    }

    void fillsEveryTemplate_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<Language>("language");
        for (const QString &group : ReplyComposer::groups()) {
            QTest::newRow(qPrintable(group + "/en")) << group << Language::English;
            QTest::newRow(qPrintable(group + "/ja")) << group << Language::Japanese;
        }
    }
    void fillsEveryTemplate()
    {
        QFETCH(QString, group);
        QFETCH(Language, language);
        const MessageAnalysis a = messageFor(group, QStringLiteral("hanako@example.jp"));
        const ReplyDraft d = ReplyComposer::compose(a, a.recipients.first(), language);
        QCOMPARE(d.group, group);
        QCOMPARE(d.to, QStringLiteral("taro@example.jp"));
        for (const QString &text : {d.subject, d.body}) {
            QVERIFY2(!text.contains(u'{') && !text.contains(u'}'), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("\n\n\n")), qPrintable(text));
        }
        QVERIFY(d.subject.contains(QLatin1String("hanako@example.jp")));
        QVERIFY(d.body.contains(QLatin1String("hanako@example.jp")));
        QVERIFY(d.body.contains(QLatin1String("Invoice 2026-11")));
        QVERIFY2(d.body.contains(language == Language::Japanese ? u"2026年11月24日"_qs : u"24 Nov 2026"_qs),
            qPrintable(d.body));
        const QString title = BounceExplainer::explain(a, a.recipients.first(), language).title;
        QVERIFY2(d.body.contains(title), qPrintable(title));
        if (language == Language::Japanese) {
            QVERIFY(testing::hasJapaneseScript(d.subject));
            QVERIFY2(testing::englishRun(d.body).isEmpty(), qPrintable(testing::englishRun(d.body)));
            QVERIFY(d.body.contains(u"よろしくお願い申し上げます"));
        } else {
            QVERIFY(!testing::hasJapaneseScript(d.subject + d.body));
        }
    }

    // A mistyped address: the reply says what was probably meant.
    void carriesTheSuggestion_data()
    {
        QTest::addColumn<Language>("language");
        QTest::newRow("en") << Language::English;
        QTest::newRow("ja") << Language::Japanese;
    }
    void carriesTheSuggestion()
    {
        QFETCH(Language, language);
        const MessageAnalysis a
            = messageFor(QStringLiteral("address"), QStringLiteral("hanako@docomo.ne.jo"));
        const ReplyDraft d = ReplyComposer::compose(a, a.recipients.first(), language);
        QVERIFY2(d.body.contains(QLatin1String("hanako@docomo.ne.jp")), qPrintable(d.body));
        QVERIFY(!d.body.contains(u'{'));
        const MessageAnalysis right
            = messageFor(QStringLiteral("address"), QStringLiteral("hanako@example.jp"));
        const ReplyDraft plain = ReplyComposer::compose(right, right.recipients.first(), language);
        QVERIFY(plain.body.size() < d.body.size());
    }

    // Without the original's headers the fallbacks read naturally.
    void fallbacks()
    {
        MessageAnalysis a = messageFor(QStringLiteral("mailbox"), QString());
        a.original = {};
        const ReplyDraft d = ReplyComposer::compose(a, a.recipients.first(), Language::Japanese);
        QVERIFY(d.body.contains(u"件名：不明"));
        QVERIFY(d.to.isEmpty());
        QVERIFY(!d.body.contains(u'{'));
    }

    void mailto()
    {
        const MessageAnalysis a = messageFor(QStringLiteral("address"), QStringLiteral("hanako@example.jp"));
        const ReplyDraft d = ReplyComposer::compose(a, a.recipients.first(), Language::Japanese);
        const QUrl url = ReplyComposer::mailto(d);
        QVERIFY(url.isValid());
        QCOMPARE(url.scheme(), QStringLiteral("mailto"));
        QCOMPARE(url.path(), QStringLiteral("taro@example.jp"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue("subject", QUrl::FullyDecoded), d.subject);
        QString crlf = d.body;
        crlf.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
        QCOMPARE(query.queryItemValue("body", QUrl::FullyDecoded), crlf);
        QVERIFY(!url.toEncoded().contains(' '));
    }
};

QTEST_GUILESS_MAIN(TestReplyComposer)
#include "tst_replycomposer.moc"

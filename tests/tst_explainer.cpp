// Explanations composed from the knowledge base: the key sentence for representative bounces in
// both languages, honest wording when the reason is unclear, filled placeholders with natural
// fallbacks, and, over the whole corpus, Japanese explanations without English sentences and
// no raw placeholder in either language.
#include "TestSupport.h"
#include "analysis/BounceAnalyzer.h"
#include "explain/BounceExplainer.h"
#include "export/JsonExport.h"
#include "message/MessageLoader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace bouncelens;
using namespace bouncelens::testing;

namespace {

QString rawPlaceholder(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\{[a-z_]+\\}"));
    return re.match(text).captured();
}

struct Sample
{
    MessageKind kind = MessageKind::Bounce;
    QString reason;
    QString status;
    QString reply;
    QString diagnostic;
    bool permanent = true;
};

MessageAnalysis makeMessage(MessageKind kind)
{
    MessageAnalysis a;
    a.kind = kind;
    a.reportingMta = QStringLiteral("mx.example.jp");
    a.original.subject = QStringLiteral("Invoice");
    a.original.date = QStringLiteral("Thu, 29 Apr 2017 23:34:45 +0900");
    a.original.messageId = QStringLiteral("<1@example.jp>");
    return a;
}

RecipientResult makeRecipient(const QString &reason, const QString &status, const QString &reply,
    const QString &diagnostic, bool permanent)
{
    RecipientResult r;
    r.address = QStringLiteral("user@example.jp");
    r.action = QStringLiteral("failed"); // delays are told by the message kind in these rows
    r.reason = reason;
    r.status = status;
    r.replyCode = reply;
    r.diagnostic = diagnostic;
    r.permanent = permanent;
    return r;
}

QString field(const Explanation &e, const QString &name)
{
    if (name == QLatin1String("title"))
        return e.title;
    if (name == QLatin1String("cause"))
        return e.cause;
    if (name == QLatin1String("fix"))
        return e.fix;
    if (name == QLatin1String("customer"))
        return e.customer;
    if (name == QLatin1String("verdict"))
        return e.verdict;
    if (name == QLatin1String("who"))
        return e.whoActs;
    if (name == QLatin1String("quote"))
        return e.serverQuote;
    if (name == QLatin1String("gloss"))
        return e.serverGloss;
    QStringList lines;
    for (const CodeNote &n : e.codeNotes)
        lines << n.line;
    return lines.join(QLatin1Char('\n'));
}

// The texts of an explanation a reader sees in the chosen language (the quoted server text is
// verbatim by design, so it is left out).
QStringList ownTexts(const Explanation &e)
{
    QStringList texts = {e.title, e.cause, e.fix, e.customer, e.verdict, e.whoActs, e.serverGloss};
    for (const CodeNote &n : e.codeNotes)
        texts << n.line;
    return texts;
}

} // namespace

class TestExplainer : public QObject
{
    Q_OBJECT

private slots:
    void keySentence_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("diagnostic");
        QTest::addColumn<bool>("permanent");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");

        const int bounce = int(MessageKind::Bounce);
        const QString unknown
            = QStringLiteral("550 5.1.1 <user@example.jp>: Recipient address rejected: User unknown");
        QTest::newRow("userunknown title en") << bounce << "userunknown"
                                              << "5.1.1"
                                              << "550" << unknown << true << "en"
                                              << "title"
                                              << "The address does not exist";
        QTest::newRow("userunknown title ja") << bounce << "userunknown"
                                              << "5.1.1"
                                              << "550" << unknown << true << "ja"
                                              << "title"
                                              << "宛先のメールアドレスが存在しません";
        QTest::newRow("userunknown verdict en") << bounce << "userunknown"
                                                << "5.1.1"
                                                << "550" << unknown << true << "en"
                                                << "verdict"
                                                << "Permanent error";
        QTest::newRow("userunknown verdict ja") << bounce << "userunknown"
                                                << "5.1.1"
                                                << "550" << unknown << true << "ja"
                                                << "verdict"
                                                << "恒久的なエラーです";
        QTest::newRow("userunknown quote en") << bounce << "userunknown"
                                              << "5.1.1"
                                              << "550" << unknown << true << "en"
                                              << "quote"
                                              << "The server said: “" + unknown + "”";
        QTest::newRow("userunknown quote ja") << bounce << "userunknown"
                                              << "5.1.1"
                                              << "550" << unknown << true << "ja"
                                              << "quote"
                                              << "サーバーからのメッセージ：“" + unknown + "”";
        QTest::newRow("userunknown gloss en") << bounce << "userunknown"
                                              << "5.1.1"
                                              << "550" << unknown << true << "en"
                                              << "gloss"
                                              << "In short: The address does not exist.";
        QTest::newRow("userunknown gloss ja") << bounce << "userunknown"
                                              << "5.1.1"
                                              << "550" << unknown << true << "ja"
                                              << "gloss"
                                              << "要点：宛先のメールアドレスが存在しません。";
        QTest::newRow("userunknown notes en") << bounce << "userunknown"
                                              << "5.1.1"
                                              << "550" << unknown << true << "en"
                                              << "notes"
                                              << "5.1.1 — The recipient's mailbox does not exist";
        QTest::newRow("userunknown notes ja") << bounce << "userunknown"
                                              << "5.1.1"
                                              << "550" << unknown << true << "ja"
                                              << "notes"
                                              << "5.1.1「宛先のメールボックスが存在しません」";
        QTest::newRow("userunknown customer en")
            << bounce << "userunknown"
            << "5.1.1"
            << "550" << unknown << true << "en"
            << "customer"
            << "The message you sent (to: user@example.jp; date: 29 Apr 2017, 23:34 (UTC+09:00); subject: "
               "“Invoice”) could not be delivered because";
        QTest::newRow("userunknown customer ja")
            << bounce << "userunknown"
            << "5.1.1"
            << "550" << unknown << true << "ja"
            << "customer"
            << "お送りいただいたメール（宛先：user@example.jp、日時：2017年4月29日 "
               "23:34（UTC+09:00）、件名：「Invoice」）は、";
        QTest::newRow("userunknown who ja") << bounce << "userunknown"
                                            << "5.1.1"
                                            << "550" << unknown << true << "ja"
                                            << "who"
                                            << "差出人";

        const QString full = QStringLiteral("452 4.2.2 <user@example.jp>: Mailbox full");
        QTest::newRow("mailboxfull title en") << bounce << "mailboxfull"
                                              << "4.2.2"
                                              << "452" << full << false << "en"
                                              << "title"
                                              << "The recipient's mailbox is full";
        QTest::newRow("mailboxfull title ja") << bounce << "mailboxfull"
                                              << "4.2.2"
                                              << "452" << full << false << "ja"
                                              << "title"
                                              << "宛先のメールボックスが満杯です";
        QTest::newRow("mailboxfull verdict en") << bounce << "mailboxfull"
                                                << "4.2.2"
                                                << "452" << full << false << "en"
                                                << "verdict"
                                                << "Temporary error";
        QTest::newRow("mailboxfull verdict ja") << bounce << "mailboxfull"
                                                << "4.2.2"
                                                << "452" << full << false << "ja"
                                                << "verdict"
                                                << "一時的なエラーです";

        const QString banned
            = QStringLiteral("550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal "
                             "from this list please visit https://sender.office.com/");
        QTest::newRow("blocked title en") << bounce << "blocked"
                                          << "5.7.606"
                                          << "550" << banned << true << "en"
                                          << "title"
                                          << "The receiving server blocked the sending server";
        QTest::newRow("blocked title ja") << bounce << "blocked"
                                          << "5.7.606"
                                          << "550" << banned << true << "ja"
                                          << "title"
                                          << "受信側のメールサーバーが送信元のサーバーを拒否しました";
        QTest::newRow("blocked notes en") << bounce << "blocked"
                                          << "5.7.606"
                                          << "550" << banned << true << "en"
                                          << "notes"
                                          << "The sending IP address is blocked (Microsoft)";
        QTest::newRow("blocked notes ja") << bounce << "blocked"
                                          << "5.7.606"
                                          << "550" << banned << true << "ja"
                                          << "notes"
                                          << "送信元のIPアドレスがブロックされています（Microsoft）";

        const QString dmarc = QStringLiteral(
            "550 5.7.26 Unauthenticated email from example.jp is not accepted due to domain's DMARC policy.");
        QTest::newRow("authfailure title en") << bounce << "authfailure"
                                              << "5.7.26"
                                              << "550" << dmarc << true << "en"
                                              << "title"
                                              << "Sender authentication (SPF, DKIM, DMARC) failed";
        QTest::newRow("authfailure title ja") << bounce << "authfailure"
                                              << "5.7.26"
                                              << "550" << dmarc << true << "ja"
                                              << "title"
                                              << "送信ドメイン認証（SPF・DKIM・DMARC）に失敗しました";
        QTest::newRow("authfailure who ja") << bounce << "authfailure"
                                            << "5.7.26"
                                            << "550" << dmarc << true << "ja"
                                            << "who"
                                            << "送信側のメール管理者";

        const QString big = QStringLiteral("552 5.3.4 Message size exceeds fixed limit");
        QTest::newRow("emailtoolarge fix en") << bounce << "emailtoolarge"
                                              << "5.3.4"
                                              << "552" << big << true << "en"
                                              << "fix"
                                              << "Make the message smaller";
        QTest::newRow("emailtoolarge fix ja") << bounce << "emailtoolarge"
                                              << "5.3.4"
                                              << "552" << big << true << "ja"
                                              << "fix"
                                              << "メールを小さくしてください";

        const QString spam = QStringLiteral("554 5.7.1 Message rejected as spam");
        QTest::newRow("spamdetected title ja") << bounce << "spamdetected"
                                               << "5.7.1"
                                               << "554" << spam << true << "ja"
                                               << "title"
                                               << "迷惑メールと判定されました";
        QTest::newRow("spamdetected customer en") << bounce << "spamdetected"
                                                  << "5.7.1"
                                                  << "554" << spam << true << "en"
                                                  << "customer"
                                                  << "judged it to be spam";

        const QString gaveUp
            = QStringLiteral("Resources temporarily unavailable [#4.1.9]. I'm not going to try again");
        QTest::newRow("expired verdict en") << bounce << "expired"
                                            << "4.1.9"
                                            << "" << gaveUp << true << "en"
                                            << "verdict"
                                            << "Sending it again may work";
        QTest::newRow("expired verdict ja") << bounce << "expired"
                                            << "4.1.9"
                                            << "" << gaveUp << true << "ja"
                                            << "verdict"
                                            << "送り直したメールは届く可能性があります";
        // The gloss follows the reason read from the words, not a code's contradicting registry meaning.
        const QString refused
            = QStringLiteral("421 4.2.1 Service refuse. Service refused, please try later.");
        QTest::newRow("blocked gloss ja") << bounce << "blocked"
                                          << "4.2.1"
                                          << "421" << refused << true << "ja"
                                          << "gloss"
                                          << "要点：受信側のメールサーバーが送信元のサーバーを拒否しました。";

        // Unclear reason: said honestly, and what the codes alone tell.
        const QString noMail = QStringLiteral("521 mx.example.jp does not accept mail");
        QTest::newRow("undefined 521 title en") << bounce << "undefined"
                                                << ""
                                                << "521" << noMail << true << "en"
                                                << "title"
                                                << "the cause is not clear";
        QTest::newRow("undefined 521 title ja") << bounce << "undefined"
                                                << ""
                                                << "521" << noMail << true << "ja"
                                                << "title"
                                                << "原因は特定できません";
        QTest::newRow("undefined 521 cause en")
            << bounce << "undefined"
            << ""
            << "521" << noMail << true << "en"
            << "cause"
            << "The codes alone tell this much: The receiving host does not accept mail at all";
        QTest::newRow("undefined 521 cause ja")
            << bounce << "undefined"
            << ""
            << "521" << noMail << true << "ja"
            << "cause"
            << "コードからわかるのは次のことです：受信側のホストはメールを一切受け付けていません";
        QTest::newRow("undefined 521 gloss en") << bounce << "undefined"
                                                << ""
                                                << "521" << noMail << true << "en"
                                                << "gloss"
                                                << "In short: This server does not accept mail.";
        QTest::newRow("undefined bare en") << bounce << "undefined"
                                           << ""
                                           << ""
                                           << "" << true << "en"
                                           << "cause"
                                           << "gives no reason that can be identified";
        QTest::newRow("undefined bare ja") << bounce << "undefined"
                                           << ""
                                           << ""
                                           << "" << true << "ja"
                                           << "cause"
                                           << "原因を確実に特定できる情報がありません";
        QTest::newRow("unknown reason name") << bounce << "nosuchreason"
                                             << ""
                                             << ""
                                             << "" << true << "en"
                                             << "title"
                                             << "the cause is not clear";

        // Not failures.
        const int delay = int(MessageKind::Delay);
        const QString slow = QStringLiteral("451 4.4.1 Connection timed out");
        QTest::newRow("delay title en") << delay << "expired"
                                        << "4.4.1"
                                        << "451" << slow << false << "en"
                                        << "title"
                                        << "Delivery is delayed";
        QTest::newRow("delay title ja") << delay << "expired"
                                        << "4.4.1"
                                        << "451" << slow << false << "ja"
                                        << "title"
                                        << "配信が遅れています";
        QTest::newRow("delay verdict ja") << delay << "expired"
                                          << "4.4.1"
                                          << "451" << slow << false << "ja"
                                          << "verdict"
                                          << "まだ配信に失敗したわけではありません";
        QTest::newRow("delay customer ja") << delay << "expired"
                                           << "4.4.1"
                                           << "451" << slow << false << "ja"
                                           << "customer"
                                           << "まだ相手に届いていません";
        QTest::newRow("delay fix en") << delay << "mailboxfull"
                                      << "4.2.2"
                                      << "452" << QStringLiteral("452 4.2.2 Mailbox full") << false << "en"
                                      << "fix"
                                      << "Nothing needs to be done yet: the message may still arrive.";
        QTest::newRow("delay fix ja") << delay << "expired"
                                      << "4.4.1"
                                      << "451" << slow << false << "ja"
                                      << "fix"
                                      << "メールはこれから届く可能性があります";
        const int autoReply = int(MessageKind::AutoReply);
        QTest::newRow("vacation title ja") << autoReply << "vacation"
                                           << ""
                                           << ""
                                           << "" << false << "ja"
                                           << "title"
                                           << "自動応答（不在通知など）です";
        QTest::newRow("vacation verdict en") << autoReply << "vacation"
                                             << ""
                                             << ""
                                             << "" << false << "en"
                                             << "verdict"
                                             << "This is not an error.";
        const int feedback = int(MessageKind::Feedback);
        QTest::newRow("feedback title en") << feedback << "feedback"
                                           << ""
                                           << ""
                                           << "" << false << "en"
                                           << "title"
                                           << "A recipient reported the message as unwanted";
        QTest::newRow("feedback fix ja") << feedback << "feedback"
                                         << ""
                                         << ""
                                         << "" << false << "ja"
                                         << "fix"
                                         << "配信停止として扱ってください";
    }
    void keySentence()
    {
        QFETCH(int, kind);
        QFETCH(QString, reason);
        QFETCH(QString, status);
        QFETCH(QString, reply);
        QFETCH(QString, diagnostic);
        QFETCH(bool, permanent);
        QFETCH(QString, language);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const MessageAnalysis message = makeMessage(MessageKind(kind));
        const RecipientResult r = makeRecipient(reason, status, reply, diagnostic, permanent);
        const Explanation e = BounceExplainer::explain(message, r, languageFromCode(language));
        const QString text = ::field(e, field);
        QVERIFY2(text.contains(expected), qPrintable(field + ": " + text));
    }

    void delayUntil()
    {
        MessageAnalysis message = makeMessage(MessageKind::Delay);
        RecipientResult r = makeRecipient("expired", "4.4.1", "", "", false);
        r.retryUntil = QStringLiteral("Fri, 3 May 2024 10:00:00 +0900");
        QVERIFY(BounceExplainer::explain(message, r, Language::English)
                    .verdict.contains("keeps trying until Fri, 3 May 2024"));
        QVERIFY(BounceExplainer::explain(message, r, Language::Japanese)
                    .verdict.contains("まで配信を試み続けます"));
    }

    void notAReplyCode()
    {
        // 453 is not an SMTP reply code: nothing is made up for it.
        const Explanation e = BounceExplainer::explain(makeMessage(MessageKind::Bounce),
            makeRecipient("undefined", "", "453", "453 whatever", true), Language::Japanese);
        QVERIFY(e.codeNotes.isEmpty());
        QVERIFY(e.serverGloss.isEmpty());
    }

    void fallbacks_data()
    {
        QTest::addColumn<bool>("headers");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no original en") << false << "en"
                                        << "(to: user@example.jp; date: unknown; subject: unknown)";
        QTest::newRow("no original ja") << false << "ja"
                                        << "（宛先：user@example.jp、日時：不明、件名：不明）";
        QTest::newRow("no subject en") << true << "en"
                                       << "subject: none)";
        QTest::newRow("no subject ja") << true << "ja"
                                       << "件名：なし）";
    }
    void fallbacks()
    {
        QFETCH(bool, headers);
        QFETCH(QString, language);
        QFETCH(QString, expected);
        MessageAnalysis message;
        message.kind = MessageKind::Bounce;
        if (headers)
            message.original.messageId = QStringLiteral("<1@example.jp>");
        const Explanation e = BounceExplainer::explain(
            message, makeRecipient("userunknown", "5.1.1", "550", "", true), languageFromCode(language));
        QVERIFY2(e.customer.contains(expected), qPrintable(e.customer));
        QVERIFY(rawPlaceholder(e.customer).isEmpty());
        QVERIFY(e.serverQuote.isEmpty());
    }

    void jsonKeepsContract()
    {
        MessageAnalysis message = makeMessage(MessageKind::Bounce);
        message.recipients << makeRecipient("userunknown", "5.1.1", "550", "550 5.1.1 User unknown", true);
        const QJsonObject ex = JsonExport::toJson(message, Language::Japanese)
                                   .value("recipients")
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value("explanation")
                                   .toObject();
        for (const char *key : {"title", "cause", "fix", "customer", "verdict", "who_acts", "server_text",
                 "server_quote", "server_gloss"})
            QVERIFY2(ex.contains(QLatin1String(key)), key);
        QCOMPARE(ex.value("title").toString(), QStringLiteral("宛先のメールアドレスが存在しません"));
        QCOMPARE(ex.value("code_notes").toArray().size(), 2);
    }

    // Every corpus sample, both languages: no raw placeholder; Japanese explanations are in
    // Japanese with no English sentence (the quoted server text aside); English ones have no
    // Japanese left in them. Values taken from the message (address, subject, raw dates) are
    // removed before checking: they are the user's data, not our text.
    void corpus()
    {
        BOUNCELENS_REQUIRE_CORPUS();
        const QDir dir(corpusDir() + QStringLiteral("/eml"));
        const MessageLoader loader;
        const BounceAnalyzer analyzer;
        int messages = 0;
        int explanations = 0;
        QStringList failures;
        for (const QString &name : dir.entryList({"*.eml"}, QDir::Files, QDir::Name)) {
            for (const RawMessage &raw : loader.loadFile(dir.filePath(name))) {
                const MessageAnalysis a = analyzer.analyze(raw);
                ++messages;
                for (const RecipientResult &r : a.recipients) {
                    QStringList userData
                        = {r.address, a.original.subject.simplified(), a.original.date.simplified(),
                            a.arrivalDate.simplified(), a.date.simplified(), r.retryUntil.simplified()};
                    userData.removeAll(QString());
                    for (const Language language : {Language::English, Language::Japanese}) {
                        const Explanation e = BounceExplainer::explain(a, r, language);
                        ++explanations;
                        if (e.title.isEmpty() || e.cause.isEmpty() || e.fix.isEmpty() || e.customer.isEmpty()
                            || e.verdict.isEmpty() || e.whoActs.isEmpty())
                            failures << name + ": empty field";
                        for (QString text : ownTexts(e)) {
                            for (const QString &value : userData)
                                text.remove(value);
                            if (!rawPlaceholder(text).isEmpty())
                                failures << QStringLiteral("%1 [%2]: placeholder in %3")
                                                .arg(name, languageCode(language), text);
                            if (language == Language::Japanese && !text.isEmpty()) {
                                if (!hasJapaneseScript(text))
                                    failures << QStringLiteral("%1 [ja]: no Japanese in %2").arg(name, text);
                                if (const QString run = englishRun(text); !run.isEmpty())
                                    failures << QStringLiteral("%1 [ja]: English \"%2\"").arg(name, run);
                            }
                            if (language == Language::English && hasJapaneseScript(text))
                                failures << QStringLiteral("%1 [en]: Japanese in %2").arg(name, text);
                        }
                    }
                }
            }
        }
        qInfo("%d messages, %d explanations checked", messages, explanations);
        for (const QString &f : failures.mid(0, 20))
            qWarning("%s", qPrintable(f));
        QVERIFY2(failures.isEmpty(), qPrintable(QString::number(failures.size()) + " problems"));
        QVERIFY(explanations > 0);
    }
};

QTEST_GUILESS_MAIN(TestExplainer)
#include "tst_explainer.moc"

// "Did you mean": rows of mistyped and correct addresses (global providers and Japanese
// carriers / ISPs), the gate on the kind of failure, local parts that break RFC 5321, and the
// "suggestion" field of the command line's JSON.
#include "analysis/AnalysisResult.h"
#include "explain/AddressSuggester.h"
#include "export/JsonExport.h"

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace bouncelens;
using Failure = AddressSuggester::Failure;

Q_DECLARE_METATYPE(bouncelens::AddressSuggester::Failure)
Q_DECLARE_METATYPE(bouncelens::SuggestionKind)
Q_DECLARE_METATYPE(bouncelens::LocalPartProblem)

class TestAddressSuggester : public QObject
{
    Q_OBJECT

private slots:
    void domainList()
    {
        const QStringList &domains = AddressSuggester::knownDomains();
        for (const char *d : {"docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp",
                 "ymobile.ne.jp", "yahoo.co.jp", "icloud.com", "outlook.jp", "hotmail.co.jp", "nifty.com",
                 "biglobe.ne.jp", "ocn.ne.jp", "gmail.com"})
            QVERIFY2(domains.contains(QLatin1String(d)), d);
        for (const QString &d : domains)
            QVERIFY2(d == d.toLower() && d.contains(u'.') && !d.contains(u' '), qPrintable(d));
    }

    void editDistance_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("same") << "gmail.com"
                              << "gmail.com" << 0;
        QTest::newRow("swap") << "gmial.com"
                              << "gmail.com" << 1;
        QTest::newRow("insert") << "gmaill.com"
                                << "gmail.com" << 1;
        QTest::newRow("delete") << "gmai.com"
                                << "gmail.com" << 1;
        QTest::newRow("substitute") << "gmail.con"
                                    << "gmail.com" << 1;
        QTest::newRow("two") << "hotmial.con"
                             << "hotmail.com" << 2;
        QTest::newRow("empty") << ""
                               << "abc" << 3;
    }
    void editDistance()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        QCOMPARE(AddressSuggester::editDistance(a, b), expected);
        QCOMPARE(AddressSuggester::editDistance(b, a), expected);
    }

    void suggest_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<QString>("expected"); // "" = no suggestion
        QTest::addColumn<SuggestionKind>("kind");

        const auto host = Failure::DomainFailed;
        const auto user = Failure::MailboxUnknown;
        // Mistyped global providers.
        QTest::newRow("gmial.com") << "taro@gmial.com" << host << "taro@gmail.com"
                                   << SuggestionKind::DomainTypo;
        QTest::newRow("gmail.con") << "taro@gmail.con" << host << "taro@gmail.com"
                                   << SuggestionKind::DomainTypo;
        QTest::newRow("gmail.cm") << "taro@gmail.cm" << host << "taro@gmail.com"
                                  << SuggestionKind::DomainTypo;
        QTest::newRow("gmailcom") << "taro@gmailcom" << host << "taro@gmail.com"
                                  << SuggestionKind::DomainTypo;
        QTest::newRow("googlemial.con (two slips, long name)")
            << "taro@googlemial.con" << host << "taro@googlemail.com" << SuggestionKind::DomainTypo;
        QTest::newRow("hotmial.con (two slips, shorter name): too far")
            << "taro@hotmial.con" << host << "" << SuggestionKind::None;
        QTest::newRow("outlok.com") << "jane@outlok.com" << host << "jane@outlook.com"
                                    << SuggestionKind::DomainTypo;
        QTest::newRow("icloud.co") << "jane@icloud.co" << host << "jane@icloud.com"
                                   << SuggestionKind::DomainTypo;
        QTest::newRow("mailbox unknown at a typo domain")
            << "taro@gmial.com" << user << "taro@gmail.com" << SuggestionKind::DomainTypo;
        // Japanese carriers and ISPs.
        QTest::newRow("docomo.ne.jo")
            << "hanako@docomo.ne.jo" << host << "hanako@docomo.ne.jp" << SuggestionKind::DomainTypo;
        QTest::newRow("docomo.co.jp")
            << "hanako@docomo.co.jp" << host << "hanako@docomo.ne.jp" << SuggestionKind::TopLevelDomain;
        QTest::newRow("docomo.jp") << "hanako@docomo.jp" << host << "hanako@docomo.ne.jp"
                                   << SuggestionKind::TopLevelDomain;
        QTest::newRow("docomo,ne.jp (comma)")
            << "hanako@docomo,ne.jp" << host << "hanako@docomo.ne.jp" << SuggestionKind::DomainTypo;
        QTest::newRow("ezweb.ne.jp typo")
            << "ichiro@ezwed.ne.jp" << host << "ichiro@ezweb.ne.jp" << SuggestionKind::DomainTypo;
        QTest::newRow("ezweb.co.jp") << "ichiro@ezweb.co.jp" << host << "ichiro@ezweb.ne.jp"
                                     << SuggestionKind::TopLevelDomain;
        QTest::newRow("softbank.jp (the i. left out)")
            << "jiro@softbank.jp" << host << "jiro@i.softbank.jp" << SuggestionKind::DomainTypo;
        QTest::newRow("softbnak.ne.jp")
            << "jiro@softbnak.ne.jp" << host << "jiro@softbank.ne.jp" << SuggestionKind::DomainTypo;
        QTest::newRow("i.softbank.co.jp")
            << "jiro@i.softbank.co.jp" << host << "jiro@i.softbank.jp" << SuggestionKind::TopLevelDomain;
        QTest::newRow("yahoo.jp -> yahoo.co.jp")
            << "saburo@yahoo.jp" << host << "saburo@yahoo.co.jp" << SuggestionKind::TopLevelDomain;
        QTest::newRow("yahoo.co.jo") << "saburo@yahoo.co.jo" << host << "saburo@yahoo.co.jp"
                                     << SuggestionKind::DomainTypo;
        QTest::newRow("yaho.co.jp") << "saburo@yaho.co.jp" << host << "saburo@yahoo.co.jp"
                                    << SuggestionKind::DomainTypo;
        QTest::newRow("hotmail.jp -> hotmail.co.jp")
            << "shiro@hotmail.jp" << host << "shiro@hotmail.co.jp" << SuggestionKind::TopLevelDomain;
        QTest::newRow("outlook.co.jp -> outlook.jp")
            << "goro@outlook.co.jp" << host << "goro@outlook.jp" << SuggestionKind::TopLevelDomain;
        QTest::newRow("niffty.com") << "rokuro@niffty.com" << host << "rokuro@nifty.com"
                                    << SuggestionKind::DomainTypo;
        QTest::newRow("bigrobe.ne.jp")
            << "nana@bigrobe.ne.jp" << host << "nana@biglobe.ne.jp" << SuggestionKind::DomainTypo;
        QTest::newRow("ocn.ne.jo") << "hachi@ocn.ne.jo" << host << "hachi@ocn.ne.jp"
                                   << SuggestionKind::TopLevelDomain;
        QTest::newRow("au.co.jp") << "kyu@au.co.jp" << host << "kyu@au.com" << SuggestionKind::TopLevelDomain;
        QTest::newRow("ymobil.ne.jp")
            << "ju@ymobil.ne.jp" << host << "ju@ymobile.ne.jp" << SuggestionKind::DomainTypo;
        // Full-width characters and stray spaces (an input method left on).
        QTest::newRow("full-width address")
            << u"ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ"_qs << user << "taro@gmail.com" << SuggestionKind::Normalised;
        QTest::newRow("full-width at sign")
            << u"hanako＠docomo.ne.jp"_qs << host << "hanako@docomo.ne.jp" << SuggestionKind::Normalised;
        QTest::newRow("ideographic full stop")
            << u"hanako@docomo。ne。jp"_qs << host << "hanako@docomo.ne.jp" << SuggestionKind::Normalised;
        QTest::newRow("stray space") << "taro @example.jp" << user << "taro@example.jp"
                                     << SuggestionKind::Normalised;
        QTest::newRow("ideographic space") << u"taro@example.jp　"_qs << user << "" << SuggestionKind::None;
        QTest::newRow("full-width and typo")
            << u"taro＠gmial.com"_qs << host << "taro@gmail.com" << SuggestionKind::DomainTypo;

        // Addresses that look right: never "corrected".
        QTest::newRow("gmail.com is right") << "taro@gmail.com" << user << "" << SuggestionKind::None;
        QTest::newRow("docomo.ne.jp is right") << "hanako@docomo.ne.jp" << user << "" << SuggestionKind::None;
        QTest::newRow("au.com is right") << "kyu@au.com" << host << "" << SuggestionKind::None;
        QTest::newRow("i.softbank.jp is right") << "jiro@i.softbank.jp" << host << "" << SuggestionKind::None;
        QTest::newRow("small company") << "info@example.co.jp" << host << "" << SuggestionKind::None;
        QTest::newRow("small company close to a provider, only the mailbox unknown")
            << "info@gmaio.co.jp" << user << "" << SuggestionKind::None;
        QTest::newRow("real relay domain two letters from hotmail")
            << "abc@mozmail.com" << host << "" << SuggestionKind::None;
        QTest::newRow("short name not corrected") << "taro@ocm.ne.jp" << host << "" << SuggestionKind::None;
        QTest::newRow("ending of another word")
            << "taro@gmail.example.com" << host << "" << SuggestionKind::None;
        QTest::newRow("mailbox unknown: endings are not guessed")
            << "saburo@yahoo.jp" << user << "" << SuggestionKind::None;
        QTest::newRow("hotmail.co") << "taro@hotmail.co" << host << "taro@hotmail.com"
                                    << SuggestionKind::DomainTypo;
        QTest::newRow("ambiguous: yahoo.co.uk or yahoo.co.jp")
            << "taro@yahoo.co.up" << host << "" << SuggestionKind::None;
        QTest::newRow("other failures get nothing")
            << "taro@gmial.com" << Failure::Other << "" << SuggestionKind::None;
        QTest::newRow("no at sign") << "postmaster" << host << "" << SuggestionKind::None;
        QTest::newRow("international domain kept")
            << u"taro@日本語.jp"_qs << host << "" << SuggestionKind::None;
    }

    void suggest()
    {
        QFETCH(QString, address);
        QFETCH(Failure, failure);
        QFETCH(QString, expected);
        QFETCH(SuggestionKind, kind);
        const AddressSuggestion s = AddressSuggester::suggest(address, failure);
        QCOMPARE(s.address, expected);
        QCOMPARE(s.kind, kind);
        QCOMPARE(s.hasSuggestion(), !expected.isEmpty());
        if (s.hasSuggestion()) {
            for (Language language : {Language::English, Language::Japanese}) {
                const QString text = AddressSuggester::describe(s, language);
                QVERIFY2(text.contains(expected), qPrintable(text));
                QVERIFY2(!text.contains(u'{'), qPrintable(text));
                QCOMPARE(testing::hasJapaneseScript(text), language == Language::Japanese);
            }
        }
    }

    void gate_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("permanent");
        QTest::addColumn<bool>("suggested");
        QTest::newRow("hostunknown") << "hostunknown"
                                     << "failed" << true << true;
        QTest::newRow("notaccept") << "notaccept"
                                   << "failed" << true << true;
        QTest::newRow("userunknown") << "userunknown"
                                     << "failed" << true << true;
        QTest::newRow("hostunknown, still being retried") << "hostunknown"
                                                          << "delayed" << false << false;
        QTest::newRow("mailboxfull") << "mailboxfull"
                                     << "failed" << true << false;
        QTest::newRow("blocked") << "blocked"
                                 << "failed" << true << false;
        QTest::newRow("delivered") << "delivered"
                                   << "delivered" << false << false;
    }
    void gate()
    {
        QFETCH(QString, reason);
        QFETCH(QString, action);
        QFETCH(bool, permanent);
        QFETCH(bool, suggested);
        RecipientResult r;
        r.address = QStringLiteral("taro@gmial.com");
        r.reason = reason;
        r.action = action;
        r.permanent = permanent;
        QCOMPARE(AddressSuggester::suggest(r).hasSuggestion(), suggested);
    }

    void localPart_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<LocalPartProblem>("problem");
        QTest::newRow("consecutive dots") << "taro..yamada@docomo.ne.jp"
                                          << "userunknown" << LocalPartProblem::ConsecutiveDots;
        QTest::newRow("dot before at") << "hanako.@ezweb.ne.jp"
                                       << "userunknown" << LocalPartProblem::DotBeforeAt;
        QTest::newRow("leading dot") << ".jiro@softbank.ne.jp"
                                     << "syntaxerror" << LocalPartProblem::LeadingDot;
        QTest::newRow("refused as not compliant") << "a..b@example.jp"
                                                  << "notcompliantrfc" << LocalPartProblem::ConsecutiveDots;
        QTest::newRow("fine") << "taro.yamada@docomo.ne.jp"
                              << "userunknown" << LocalPartProblem::None;
        QTest::newRow("quoted") << "\"taro..yamada\"@example.jp"
                                << "userunknown" << LocalPartProblem::None;
        QTest::newRow("mailbox full: the server took the address") << "taro..yamada@docomo.ne.jp"
                                                                   << "mailboxfull" << LocalPartProblem::None;
    }
    void localPart()
    {
        QFETCH(QString, address);
        QFETCH(QString, reason);
        QFETCH(LocalPartProblem, problem);
        RecipientResult r;
        r.address = address;
        r.reason = reason;
        r.action = QStringLiteral("failed");
        r.permanent = true;
        const AddressSuggestion s = AddressSuggester::suggest(r);
        QCOMPARE(s.localPart, problem);
        QVERIFY(!s.hasSuggestion()); // nothing is invented for a local part
        const QString ja = AddressSuggester::describe(s, Language::Japanese);
        const QString en = AddressSuggester::describe(s, Language::English);
        QCOMPARE(en.contains(QLatin1String("RFC 5321")), problem != LocalPartProblem::None);
        QCOMPARE(testing::hasJapaneseScript(ja), problem != LocalPartProblem::None);
    }

    // The command line's JSON: "suggestion" on the recipient, absent when there is none.
    void json()
    {
        MessageAnalysis a;
        a.source = QStringLiteral("x.eml");
        a.kind = MessageKind::Bounce;
        RecipientResult typo;
        typo.address = QStringLiteral("taro@docomo.ne.jo");
        typo.action = QStringLiteral("failed");
        typo.reason = QStringLiteral("hostunknown");
        typo.permanent = true;
        typo.hardBounce = true;
        RecipientResult right = typo;
        right.address = QStringLiteral("hanako@docomo.ne.jp");
        right.reason = QStringLiteral("userunknown");
        a.recipients << typo << right;
        const QJsonArray recipients = JsonExport::toJson(a, Language::Japanese).value("recipients").toArray();
        QCOMPARE(recipients.size(), 2);
        QCOMPARE(
            recipients.at(0).toObject().value("suggestion").toString(), QStringLiteral("taro@docomo.ne.jp"));
        QVERIFY(recipients.at(0).toObject().value("suggestion_note").toString().contains(u"入力ミス"));
        QVERIFY(!recipients.at(1).toObject().contains("suggestion"));
        QVERIFY(!recipients.at(1).toObject().contains("suggestion_note"));
    }
};

QTEST_GUILESS_MAIN(TestAddressSuggester)
#include "tst_addresssuggester.moc"

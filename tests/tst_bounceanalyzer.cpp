// The analysis of one returned message, per format family, over our own anonymised fixtures
// (tests/fixtures/core): kind, recipient, codes, and the exact text of every highlighted span.
#include "TestSupport.h"
#include "analysis/BounceAnalyzer.h"
#include "message/MessageLoader.h"

#include <QFile>
#include <QtTest>

using namespace bouncelens;

namespace {

// Our own fixtures of this test live under tests/fixtures/core.
QString fixture(const QString &name)
{
    return testing::fixturePath(QStringLiteral("core/") + name);
}

QByteArray readFixture(const QString &name)
{
    return testing::readFixture(QStringLiteral("core/") + name);
}

// The texts of the spans of one role, in display order.
QStringList spanTexts(const MessageAnalysis &a, SpanRole role)
{
    QStringList out;
    for (const Span &s : a.spans)
        if (s.role == role)
            out << a.spanText(s).simplified();
    return out;
}

} // namespace

class TestBounceAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void formats_data();
    void formats();
    void messageKinds_data();
    void messageKinds();
    void lineEndings_data();
    void lineEndings();
    void charsets_data();
    void charsets();
    void cjkAfterAddress();
    void mbox();
    void notBounce();
    void badInput_data();
    void badInput();
    void deepNesting();
};

void TestBounceAnalyzer::formats_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("replyCode");
    QTest::addColumn<QString>("notice"); // the notice: its spans' texts joined ("" = none)
    QTest::addColumn<QString>("serverText"); // exact text of the server-text span
    QTest::addColumn<QString>("originalSubject");

    QTest::newRow("postfix DSN")
        << "postfix-dsn-userunknown.eml"
        << "bounce"
        << "nobody@example.jp"
        << "5.1.1"
        << "550"
        << "This is the mail system at host mx1.example.com. I'm sorry to have to inform you that "
           "your message could not be delivered to one or more recipients. It's attached below."
        << "<nobody@example.jp>: Recipient address rejected: User unknown in local recipient table"
        << "Quarterly report";
    QTest::newRow("exim text") << "exim-plain-mailboxfull.eml"
                               << "bounce"
                               << "full@example.org"
                               << "5.2.2"
                               << "552"
                               << "This message was created automatically by mail delivery software. "
                                  "A message that you sent could not be delivered to one or more of "
                                  "its recipients. This is a permanent error. The following "
                                  "address(es) failed:"
                               << "Mailbox full: message size exceeds remaining quota"
                               << "Meeting notes";
    QTest::newRow("qmail text")
        << "qmail-plain-userunknown.eml"
        << "bounce"
        << "ghost@example.jp"
        << "5.1.1"
        << "550"
        << "Hi. This is the qmail-send program at smtp.example.net. I'm afraid I wasn't able to "
           "deliver your message to the following addresses. This is a permanent error; I've "
           "given up. Sorry it didn't work out."
        << "<ghost@example.jp>... User Unknown"
        << "Hello";
    QTest::newRow("sendmail DSN")
        << "sendmail-dsn-transcript.eml"
        << "bounce"
        << "nohost@nowhere.example.net"
        << "5.1.2"
        << "550"
        << "The original message was received at Fri, 20 Nov 2026 09:29:58 +0900 from localhost [127.0.0.1] "
           "The following addresses had permanent fatal errors"
        << "Host unknown"
        << "Invoice 2026-11";
    QTest::newRow("gmail text") << "gmail-plain.eml"
                                << "bounce"
                                << "missing@example.net"
                                << "5.1.1"
                                << "550"
                                << "Delivery to the following recipient failed permanently:"
                                << "The email account that you tried to reach does not exist."
                                << "Catch up";
    QTest::newRow("delay DSN") << "delayed-dsn.eml"
                               << "delay"
                               << "slow@example.org"
                               << "4.4.1"
                               << ""
                               << "This is the mail system at host relay.example.com. THIS IS A WARNING "
                                  "ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE. Your message could not "
                                  "be delivered for more than 4 hour(s). It will be retried until it is "
                                  "5 day(s) old."
                               << "connect to mx.example.org[192.0.2.50]:25: Connection timed out"
                               << "";
    QTest::newRow("delivered DSN") << "delivered-dsn.eml"
                                   << "delivered"
                                   << "happy@example.org"
                                   << "2.0.0"
                                   << "250"
                                   << "Successful Mail Delivery Report" // the subject: no text part
                                   << "Ok: queued as 12345"
                                   << "";
    QTest::newRow("global DSN") << "global-dsn-utf8.eml"
                                << "bounce" << u"山田@example.jp"_qs << "5.1.1"
                                << "550"
                                << "Undelivered Mail Returned to Sender" // the subject: no text part
                                << u"山田@example.jp: mailbox unavailable"_qs << "";
    QTest::newRow("feedback")
        << "arf-feedback.eml"
        << "feedback"
        << "reader@isp.example.net"
        << ""
        << ""
        << "This is an email abuse report for an email message received from IP 192.0.2.60 on "
           "Tue, 17 Nov 2026 09:00:00 +0000."
        << "This is an email abuse report for an email message received from IP 192.0.2.60 on "
           "Tue, 17 Nov 2026 09:00:00 +0000."
        << "Weekly offers";
    // The list the bounce introduces ("did not reach the following recipient(s):") decides over
    // the quoted summary of the original ("To: team@example.com").
    QTest::newRow("exchange list")
        << "exchange-list-plain.eml"
        << "bounce"
        << "tanaka@example.jp"
        << ""
        << ""
        << "did not reach the following recipient(s):"
        << "The recipient name is not recognized MSEXCH:IMS:EXAMPLE:GW:JP 0 (000C05A6) Unknown Recipient"
        << "";
    // A relay's bounce that only wraps another mail system's report: the inner report is read.
    QTest::newRow("wrapped bounce") << "wrapped-bounce.eml"
                                    << "bounce"
                                    << "suzuki@example.org"
                                    << "5.1.1"
                                    << "550"
                                    << "The original message was received at Tue, 17 Nov 2026 09:59:00 +0900 "
                                       "The following addresses had permanent delivery errors"
                                    << "<suzuki@example.org>... User unknown"
                                    << "Minutes";
    // An auto-reply that says "your message" is no bounce, and that phrase opens no notice.
    QTest::newRow("auto-reply, notice words inside")
        << "autoreply-mentions-message.eml"
        << "autoreply"
        << "jiro@example.org"
        << ""
        << ""
        << "I am travelling until 30 November and will respond to your message as soon as I can."
        << "I am travelling until 30 November and will respond to your message as soon as I can."
        << "";
    QTest::newRow("auto-reply") << "autoreply.eml"
                                << "autoreply"
                                << "hanako@example.org"
                                << ""
                                << ""
                                << "I am out of the office until 25 November with no access to e-mail."
                                << "I am out of the office until 25 November with no access to e-mail."
                                << "";
}

void TestBounceAnalyzer::formats()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, recipient);
    QFETCH(QString, status);
    QFETCH(QString, replyCode);
    QFETCH(QString, notice);
    QFETCH(QString, serverText);
    QFETCH(QString, originalSubject);

    const MessageAnalysis a = BounceAnalyzer().analyze(readFixture(file), file);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(toString(a.kind), kind);
    QCOMPARE(a.recipients.size(), 1);
    const RecipientResult &r = a.recipients.first();
    QCOMPARE(r.address, recipient);
    QCOMPARE(r.status, status);
    QCOMPARE(r.replyCode, replyCode);
    QCOMPARE(a.original.subject, originalSubject);

    QCOMPARE(a.notice, notice);
    QCOMPARE(spanTexts(a, SpanRole::Notice).join(QLatin1Char(' ')), notice);
    // An auto-reply names its sender only in the header, which the display text does not hold.
    if (kind != QLatin1String("autoreply"))
        QVERIFY(spanTexts(a, SpanRole::Recipient).contains(recipient));
    QCOMPARE(spanTexts(a, SpanRole::ServerText), QStringList {serverText});
    QCOMPARE(spanTexts(a, SpanRole::StatusCode), status.isEmpty() ? QStringList() : QStringList {status});
    QCOMPARE(
        spanTexts(a, SpanRole::ReplyCode), replyCode.isEmpty() ? QStringList() : QStringList {replyCode});
    // Every span lies inside the display text and names a real recipient (or none, the notice).
    for (const Span &s : a.spans) {
        QVERIFY(s.start >= 0 && s.length > 0 && s.start + s.length <= a.displayText.size());
        QVERIFY(s.recipient < a.recipients.size());
    }
}

// The kind of a whole message decided from its wording: delay warnings (still being tried) are
// delays and not permanent, final failures that quote a 4xx stay bounces, auto-replies in several
// languages, challenge/response requests and spam that reached the bounce address are no bounce.
void TestBounceAnalyzer::messageKinds_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("recipient"); // the one recipient, "" for none
    QTest::addColumn<QString>("reason"); // "" when any reason will do

    QTest::newRow("delay: Postfix warning, plain text") << "delay-postfix-plain.eml"
                                                        << "delay"
                                                        << "slow@example.org"
                                                        << "expired";
    QTest::newRow("delay: Exim 'has not yet been delivered'") << "delay-exim.eml"
                                                              << "delay"
                                                              << "grey@example.org"
                                                              << "";
    QTest::newRow("delay: Sendmail 'still undelivered after'") << "delay-sendmail.eml"
                                                               << "delay"
                                                               << "taro@example.net"
                                                               << "expired";
    QTest::newRow("delay: Exchange 'Delivery is delayed'") << "delay-exchange.eml"
                                                           << "delay"
                                                           << "jiro@example.net"
                                                           << "expired";
    QTest::newRow("delay: Gmail warning") << "delay-gmail.eml"
                                          << "delay"
                                          << "saburo@example.org"
                                          << "expired";
    QTest::newRow("delay: Gmail 'Message not delivered yet'") << "delay-gmail-new.eml"
                                                              << "delay"
                                                              << "shiro@example.org"
                                                              << "expired";
    QTest::newRow("delay: Courier, 4xx mailbox over quota") << "delay-courier.eml"
                                                            << "delay"
                                                            << "goro@example.net"
                                                            << "mailboxfull";
    QTest::newRow("delay: generic 'will continue to attempt'") << "delay-generic.eml"
                                                               << "delay"
                                                               << "kenji@example.net"
                                                               << "";
    QTest::newRow("delay: MDaemon") << "delay-mdaemon.eml"
                                    << "delay"
                                    << "yuki@example.org"
                                    << "expired";
    QTest::newRow("delay: 'has been delayed', 'will retry'") << "delay-hmail.eml"
                                                             << "delay"
                                                             << "aki@example.net"
                                                             << "";
    QTest::newRow("delay: Japanese 遅延 / 再送を試みます") << "delay-japanese.eml"
                                                           << "delay"
                                                           << "hanako@example.jp"
                                                           << "expired";
    QTest::newRow("delay: Japanese まだ配送されていません") << "delay-japanese2.eml"
                                                            << "delay"
                                                            << "ichiro@example.ne.jp"
                                                            << "expired";
    QTest::newRow("delay: Exchange in German, 'noch nicht zugestellt'") << "delay-exchange-de.eml"
                                                                        << "delay"
                                                                        << "klaus@example.net"
                                                                        << "";
    QTest::newRow("failure: Exchange in German, expired") << "fail-exchange-de.eml"
                                                          << "bounce"
                                                          << "karin@example.net"
                                                          << "expired";
    QTest::newRow("failure: Exim retry timeout with a 451") << "fail-exim-retry-timeout.eml"
                                                            << "bounce"
                                                            << "old@example.org"
                                                            << "expired";
    QTest::newRow("failure: Sendmail 'could not be delivered for 5 days'") << "fail-sendmail-5days.eml"
                                                                           << "bounce"
                                                                           << "hiro@example.net"
                                                                           << "expired";
    QTest::newRow("failure: Postfix 'delivery temporarily suspended'") << "fail-postfix-expired-plain.eml"
                                                                       << "bounce"
                                                                       << "gone@example.org"
                                                                       << "expired";
    QTest::newRow("vacation en, X-Auto-Response-Suppress") << "auto-en-ooo.eml"
                                                           << "autoreply"
                                                           << "hanako@example.org"
                                                           << "vacation";
    QTest::newRow("vacation en, subject only") << "auto-en-noheader.eml"
                                               << "autoreply"
                                               << "hanako@example.org"
                                               << "vacation";
    QTest::newRow("vacation de Abwesenheitsnotiz") << "auto-de.eml"
                                                   << "autoreply"
                                                   << "max@example.de"
                                                   << "vacation";
    QTest::newRow("vacation de Automatische Antwort") << "auto-de2.eml"
                                                      << "autoreply"
                                                      << "max@example.de"
                                                      << "vacation";
    QTest::newRow("vacation de Abwesend") << "auto-de3.eml"
                                          << "autoreply"
                                          << "klaus@example.de"
                                          << "vacation";
    QTest::newRow("vacation fr Réponse automatique") << "auto-fr.eml"
                                                     << "autoreply"
                                                     << "marie@example.fr"
                                                     << "vacation";
    QTest::newRow("vacation fr Auto-Submitted") << "auto-fr2.eml"
                                                << "autoreply"
                                                << "marie@example.fr"
                                                << "vacation";
    QTest::newRow("vacation es Respuesta automática") << "auto-es.eml"
                                                      << "autoreply"
                                                      << "juan@example.es"
                                                      << "vacation";
    QTest::newRow("vacation es Fuera de la oficina") << "auto-es2.eml"
                                                     << "autoreply"
                                                     << "juan@example.es"
                                                     << "vacation";
    QTest::newRow("vacation it") << "auto-it.eml"
                                 << "autoreply"
                                 << "luca@example.it"
                                 << "vacation";
    QTest::newRow("vacation pt") << "auto-pt.eml"
                                 << "autoreply"
                                 << "ana@example.com.br"
                                 << "vacation";
    QTest::newRow("vacation nl") << "auto-nl.eml"
                                 << "autoreply"
                                 << "jan@example.nl"
                                 << "vacation";
    QTest::newRow("vacation ja 自動返信") << "auto-ja.eml"
                                          << "autoreply"
                                          << "hanako@example.jp"
                                          << "vacation";
    QTest::newRow("vacation ja 不在通知") << "auto-ja2.eml"
                                          << "autoreply"
                                          << "hanako@example.jp"
                                          << "vacation";
    QTest::newRow("vacation zh 自动回复") << "auto-zh.eml"
                                          << "autoreply"
                                          << "li@example.cn"
                                          << "vacation";
    QTest::newRow("challenge: TMDA-style confirm") << "cr-tmda.eml"
                                                   << "autoreply"
                                                   << ""
                                                   << "";
    QTest::newRow("challenge: guest list") << "cr-boxbe.eml"
                                           << "autoreply"
                                           << ""
                                           << "";
    QTest::newRow("challenge: approved senders") << "cr-spamarrest.eml"
                                                 << "autoreply"
                                                 << ""
                                                 << "";
    QTest::newRow("challenge: whitelist verification") << "cr-whitelist.eml"
                                                       << "autoreply"
                                                       << ""
                                                       << "";
    QTest::newRow("spam to the bounce address") << "spam-1.eml"
                                                << "not-bounce"
                                                << ""
                                                << "";
    QTest::newRow("spam: lottery") << "spam-2.eml"
                                   << "not-bounce"
                                   << ""
                                   << "";
    QTest::newRow("spam: fake 'mailbox full'") << "spam-3.eml"
                                               << "not-bounce"
                                               << ""
                                               << "";
    QTest::newRow("spam: fake 'delivery failure'") << "spam-4.eml"
                                                   << "not-bounce"
                                                   << ""
                                                   << "";
}

void TestBounceAnalyzer::messageKinds()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, recipient);
    QFETCH(QString, reason);

    const MessageAnalysis a = BounceAnalyzer().analyze(readFixture(QStringLiteral("kinds/") + file), file);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(toString(a.kind), kind);
    if (recipient.isEmpty()) {
        QVERIFY(a.recipients.isEmpty());
        return;
    }
    QCOMPARE(a.recipients.size(), 1);
    const RecipientResult &r = a.recipients.first();
    QCOMPARE(r.address, recipient);
    if (!reason.isEmpty())
        QCOMPARE(r.reason, reason);
    // Only a final failure is permanent; nothing but a bad address is a hard bounce.
    QCOMPARE(r.permanent, kind == QLatin1String("bounce"));
    QVERIFY(!r.hardBounce);
}

void TestBounceAnalyzer::lineEndings_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"postfix-dsn-userunknown.eml", "exim-plain-mailboxfull.eml",
             "qmail-plain-userunknown.eml", "sendmail-dsn-transcript.eml", "jp-iso2022jp-undeclared.eml",
             "arf-feedback.eml", "exchange-list-plain.eml", "wrapped-bounce.eml"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestBounceAnalyzer::lineEndings()
{
    QFETCH(QString, file);
    const QByteArray lf = readFixture(file);
    QByteArray crlf = lf;
    crlf.replace("\n", "\r\n");
    QByteArray cr = lf;
    cr.replace('\n', '\r');
    const BounceAnalyzer analyzer;
    const MessageAnalysis a = analyzer.analyze(lf);
    for (const QByteArray &variant : {crlf, cr}) {
        const MessageAnalysis b = analyzer.analyze(variant);
        QCOMPARE(b.displayText, a.displayText);
        QCOMPARE(b.spans, a.spans);
        QCOMPARE(b.recipients.size(), a.recipients.size());
        for (qsizetype i = 0; i < a.recipients.size(); ++i) {
            QCOMPARE(b.recipients.at(i).address, a.recipients.at(i).address);
            QCOMPARE(b.recipients.at(i).diagnostic, a.recipients.at(i).diagnostic);
            QCOMPARE(b.recipients.at(i).status, a.recipients.at(i).status);
        }
    }
}

void TestBounceAnalyzer::charsets_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("serverWords"); // must appear in the server-text span
    QTest::addColumn<QString>("subject"); // the bounce's own subject, decoded

    QTest::newRow("ISO-2022-JP undeclared, split encoded words")
        << "jp-iso2022jp-undeclared.eml"
        << "taro@example.jp" << u"ユーザーが見つかりません"_qs << u"配信エラーのお知らせ"_qs;
    QTest::newRow("Shift_JIS declared us-ascii") << "jp-sjis-misdeclared.eml"
                                                 << "hanako@example.jp" << u"メールボックスがいっぱいです"_qs
                                                 << "Returned mail: see transcript for details";
    QTest::newRow("EUC-JP declared") << "jp-eucjp.eml"
                                     << "jiro@example.jp" << u"迷惑メールと判定されたため拒否しました"_qs
                                     << "Returned mail";
    QTest::newRow("windows-1252 undeclared")
        << "win1252-undeclared.eml"
        << "rene@example.org" << u"Adresse inconnue échouée “no such user”"_qs << "Undeliverable: hello";
    QTest::newRow("UTF-8 undeclared")
        << "utf8-undeclared.eml"
        << "kenji@example.jp" << u"受信者が見つかりません"_qs << u"Undeliverable: 会議"_qs;
}

void TestBounceAnalyzer::charsets()
{
    QFETCH(QString, file);
    QFETCH(QString, recipient);
    QFETCH(QString, serverWords);
    QFETCH(QString, subject);
    const MessageAnalysis a = BounceAnalyzer().analyze(readFixture(file), file);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.subject, subject);
    QVERIFY(!a.displayText.contains(QChar::ReplacementCharacter));
    QCOMPARE(a.recipients.size(), 1);
    QCOMPARE(a.recipients.first().address, recipient);
    const QStringList server = spanTexts(a, SpanRole::ServerText);
    QCOMPARE(server.size(), 1);
    QVERIFY2(server.first().contains(serverWords), qPrintable(server.first()));
}

// An address followed directly by CJK text ends at its top-level domain; the sender of the
// returned message is no recipient, so the returned message's To names the group.
void TestBounceAnalyzer::cjkAfterAddress()
{
    const MessageAnalysis a
        = BounceAnalyzer().analyze(readFixture(QStringLiteral("cjk-adjacent-address.eml")));
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(toString(a.kind), QStringLiteral("bounce"));
    QCOMPARE(a.recipients.size(), 1);
    QCOMPARE(a.recipients.first().address, QStringLiteral("members@groups.example.net"));
}

void TestBounceAnalyzer::mbox()
{
    const QList<RawMessage> raw = MessageLoader().loadFile(fixture(QStringLiteral("two-bounces.mbox")));
    QCOMPARE(raw.size(), 2);
    const BounceAnalyzer analyzer;
    const MessageAnalysis first = analyzer.analyze(raw.at(0));
    const MessageAnalysis second = analyzer.analyze(raw.at(1));
    QCOMPARE(first.index, 0);
    QCOMPARE(second.index, 1);
    QCOMPARE(first.recipients.value(0).address, QStringLiteral("ghost@example.jp"));
    QCOMPARE(second.recipients.value(0).address, QStringLiteral("full@example.org"));
}

void TestBounceAnalyzer::notBounce()
{
    const MessageAnalysis a = BounceAnalyzer().analyze(readFixture(QStringLiteral("not-bounce.eml")));
    QVERIFY(a.ok());
    QCOMPARE(toString(a.kind), QStringLiteral("not-bounce"));
    QVERIFY(a.recipients.isEmpty());
    QVERIFY(a.spans.isEmpty());
    QVERIFY(a.displayText.contains(QLatin1String("lunch on Friday")));
}

void TestBounceAnalyzer::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("expectError");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("blank lines") << QByteArray("\n\n\n") << true;
    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(char((i * 7919) % 256));
    QTest::newRow("binary") << binary << true; // no header: "does not look like an e-mail message"
    QTest::newRow("header only, truncated")
        << QByteArray("From: MAILER-DAEMON@example.com\nSubject: Undeliver") << false;
    QTest::newRow("truncated multipart")
        << QByteArray("From: a@example.com\nContent-Type: multipart/report; "
                      "report-type=delivery-status; boundary=x\n\n--x\nContent-Type: "
                      "message/delivery-status\n\nFinal-Recipient: rfc822; u@exa")
        << false;
    QTest::newRow("unknown charset") << QByteArray(
        "From: a@example.com\nContent-Type: text/plain; charset=x-nonsense\n\n"
        "caf\xe9\n") << false;
    QTest::newRow("malformed encoded words")
        << QByteArray("From: =?utf-8?B?####?= <a@example.com>\nSubject: "
                      "=?iso-2022-jp?Q?=1B$B?= =?bogus?X?abc?=\n\nbody\n")
        << false;
}

void TestBounceAnalyzer::badInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, expectError);
    const MessageAnalysis a = BounceAnalyzer().analyze(bytes, QStringLiteral("bad"));
    QCOMPARE(!a.ok(), expectError);
    if (!a.ok())
        QVERIFY(a.error.size() > 10); // a sentence, not a code
}

void TestBounceAnalyzer::deepNesting()
{
    // 10,000 nested multiparts must neither overflow the stack nor take long.
    QByteArray message = "From: MAILER-DAEMON@example.com\nSubject: Undelivered Mail\n";
    const int depth = 10000;
    for (int i = 0; i < depth; ++i)
        message += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\n\n--b"
            + QByteArray::number(i) + "\n";
    message += "Content-Type: text/plain\n\n<deep@example.jp>: 550 5.1.1 User unknown\n";
    QElapsedTimer timer;
    timer.start();
    const MessageAnalysis a = BounceAnalyzer().analyze(message);
    QVERIFY2(timer.elapsed() < 10000, "deep nesting took too long");
    QVERIFY(a.ok() || a.error.contains(QLatin1String("nest")));
}

QTEST_GUILESS_MAIN(TestBounceAnalyzer)
#include "tst_bounceanalyzer.moc"

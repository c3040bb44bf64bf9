// Recipient selection (issue 12): one own fixture per format, and the whole recipient list each
// must give: the address the sender used, the final recipient when it differs, and whether the
// address is only a guess from the returned message's To.
#include "ResultPrinting.h"
#include "TestSupport.h"
#include "analysis/BounceAnalyzer.h"
#include "message/MessageLoader.h"

#include <QtTest>

using namespace bouncelens;

namespace {

using Recipients = QList<RecipientResult>;

// The messages of one fixture under tests/fixtures/core/recipients.
QList<RawMessage> loadRecipientFixture(const QString &file)
{
    return MessageLoader().loadFile(testing::fixturePath(QStringLiteral("core/recipients/") + file));
}

} // namespace

class TestRecipients : public QObject
{
    Q_OBJECT

private slots:
    void recipientList_data();
    void recipientList();
    void wholeRecipients_data();
    void wholeRecipients();
};

void TestRecipients::recipientList_data()
{
    QTest::addColumn<QString>("file");
    // "address" or "address>final" per recipient; a trailing "?" marks a guessed address.
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("warned");
    const auto row = [](const char *file, const QStringList &expected, bool warned = false) {
        QTest::newRow(file) << QString::fromLatin1(file) << expected << warned;
    };
    row("x400-dda-dsn.eml", {"hanako.suzuki@example.com"});
    row("exchange-imcea.eml", {"jiro.tanaka@example.net"});
    row("original-recipient-alias.eml", {"info@example.net>sales@example.net"});
    row("original-address-line.eml", {"saburo@example.net>saburo@backend.example.net"});
    row("groupwise-old.eml", {"shiro@example.net", "kuro@example.net"});
    row("domino.eml", {"goro@example.net"});
    row("netscape.eml", {"rokuro@example.net"});
    row("imail.eml", {"nanako@example.net"});
    row("iis-blank-lines.eml", {"hachi@example.net", "kyu@example.net"});
    row("qmail-forwarded-received-for.eml", {"juichi@example.net"});
    row("sendmail-warning-transcript.eml", {"juni@example.net"});
    // Aliases, bystanders and inline headers: only the failed address, as the sender wrote it.
    row("postfix-text-expanded.eml", {"tomoko@example.net>tomoko@mailstore.example.net"});
    row("sent-by-sentence.eml", {"hiro@example.net"});
    row("exim-generated-from.eml", {"info@example.jp>mika@store.example.jp"});
    row("inline-headers-no-marker.eml", {"yumi@example.com"});
    // The report names nobody: list mail gives no guess, a single To gives a marked one.
    row("list-mail-no-guess.eml", {}, true);
    row("single-to-guess.eml", {"juro@example.net?"}, true);
}

void TestRecipients::recipientList()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QFETCH(bool, warned);
    const QList<RawMessage> raw = loadRecipientFixture(file);
    QCOMPARE(raw.size(), 1);
    const MessageAnalysis a = BounceAnalyzer().analyze(raw.first());
    QVERIFY2(a.ok(), qPrintable(a.error));
    QVERIFY(a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay);
    QStringList got;
    for (const RecipientResult &r : a.recipients)
        got << r.address + (r.finalRecipient.isEmpty() ? QString() : QLatin1Char('>') + r.finalRecipient)
                + (r.addressGuessed ? QStringLiteral("?") : QString());
    QCOMPARE(got, expected);
    QCOMPARE(!a.warnings.isEmpty(), warned);
}

// Every field of every recipient and of the returned message, stated literally and compared
// whole (ResultPrinting.h prints a failing one field by field): Original-Recipient, X.400 and
// IMCEA addresses, aliases in the text, the server's words without codes, and the guess. Three
// fixtures are checked by recipientList only, as the analyzer does not give all their fields
// right: Netscape's labelled "Diagnostic code:" / "Remote system:" lines are kept whole, IIS's
// reason stands in its introduction, and inline original headers without a marker are not read.
void TestRecipients::wholeRecipients_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<OriginalMessage>("original");
    QTest::addColumn<Recipients>("recipients");

    QTest::newRow("DSN: Original-Recipient before an alias")
        << "original-recipient-alias.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "info@example.net",
               .finalRecipient = "sales@example.net",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "",
               .diagnostic = "unknown user: \"sales\"",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/receiver", "unknown user: ", "diagnostic"}}};

    QTest::newRow("DSN: X.400 Final-Recipient with an SMTP DDA")
        << "x400-dda-dsn.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "hanako.suzuki@example.com",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "",
               .diagnostic = "",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("DSN: Exchange IMCEA-encapsulated address")
        << "exchange-imcea.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "jiro.tanaka@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/receiver", "RESOLVER.ADR.RecipNotFound", "diagnostic"}}};

    QTest::newRow("text: Postfix '(expanded from)'")
        << "postfix-text-expanded.eml"
        << "bounce"
        << OriginalMessage {.subject = "Agenda",
               .messageId = "",
               .date = "",
               .from = "Sender <sender@example.org>",
               .to = "team@example.net"}
        << Recipients {RecipientResult {.address = "tomoko@example.net",
               .finalRecipient = "tomoko@mailstore.example.net",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 User unknown (in reply to RCPT TO command)",
               .remoteMta = "mailstore.example.net",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("text: Exim '(generated from)'")
        << "exim-generated-from.eml"
        << "bounce"
        << OriginalMessage {.subject = "Order",
               .messageId = "",
               .date = "",
               .from = "sender@example.org",
               .to = "info@example.jp"}
        << Recipients {RecipientResult {.address = "info@example.jp",
               .finalRecipient = "mika@store.example.jp",
               .addressGuessed = false,
               .action = "failed",
               .status = "",
               .replyCode = "",
               .diagnostic = "retry timeout exceeded",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"expired/queue", "retry timeout exceeded", "diagnostic"}}};

    QTest::newRow("text: 'Original address' over 'Recipient address'")
        << "original-address-line.eml"
        << "bounce"
        << OriginalMessage {.subject = "Hi",
               .messageId = "",
               .date = "",
               .from = "sender@example.org",
               .to = "saburo@example.net"}
        << Recipients {RecipientResult {.address = "saburo@example.net",
               .finalRecipient = "saburo@backend.example.net",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 Mailbox does not exist",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("text: IMail 'Unknown user:'")
        << "imail.eml"
        << "bounce"
        << OriginalMessage {.subject = "Hi",
               .messageId = "",
               .date = "",
               .from = "sender@example.org",
               .to = "nanako@example.net"}
        << Recipients {RecipientResult {.address = "nanako@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 Mailbox nanako does not exist",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("text: qmail, status in '(#5.1.1)'")
        << "qmail-forwarded-received-for.eml"
        << "bounce"
        << OriginalMessage {.subject = "Hello",
               .messageId = "",
               .date = "",
               .from = "sender@example.org",
               .to = "juichi@example.net"}
        << Recipients {RecipientResult {.address = "juichi@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "",
               .diagnostic = "Sorry, no mailbox here by that name. (#5.1.1)",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/template", "Sorry, no mailbox here by that name", "diagnostic"}}};

    QTest::newRow("text: 'sent by A to B' sentence")
        << "sent-by-sentence.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "hiro@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.2.2",
               .replyCode = "552",
               .diagnostic = "The mailbox of hiro@example.net is full. 552 5.2.2 Quota exceeded",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "mailboxfull",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"mailboxfull/status", "5.2.2", "status"}}};

    QTest::newRow("text: Domino, 'because:' introduces the reason")
        << "domino.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "goro@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "",
               .replyCode = "",
               .diagnostic = "User goro@example.net (goro@example.net) not listed in Domino Directory",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/template", "not listed in Domino Directory", "diagnostic"}}};

    QTest::newRow("text: GroupWise, two recipients with the reason on their lines")
        << "groupwise-old.eml"
        << "bounce"
        << OriginalMessage {.subject = "News",
               .messageId = "",
               .date = "",
               .from = "sender@example.org",
               .to = "list-members@example.org"}
        << Recipients {RecipientResult {.address = "shiro@example.net",
                           .finalRecipient = "",
                           .addressGuessed = false,
                           .action = "failed",
                           .status = "",
                           .replyCode = "",
                           .diagnostic = "shiro@example.net (user not found)",
                           .remoteMta = "",
                           .lastAttempt = "",
                           .retryUntil = "",
                           .reason = "filtered",
                           .permanent = true,
                           .hardBounce = false,
                           .evidence = {"userunknown/phrase", "user not found", "diagnostic"}},
               RecipientResult {.address = "kuro@example.net",
                   .finalRecipient = "",
                   .addressGuessed = false,
                   .action = "failed",
                   .status = "",
                   .replyCode = "",
                   .diagnostic = "kuro@example.net (user not found)",
                   .remoteMta = "",
                   .lastAttempt = "",
                   .retryUntil = "",
                   .reason = "filtered",
                   .permanent = true,
                   .hardBounce = false,
                   .evidence = {"userunknown/phrase", "user not found", "diagnostic"}}};

    QTest::newRow("text: Sendmail warning, '... Deferred:'")
        << "sendmail-warning-transcript.eml"
        << "delay"
        << OriginalMessage {.subject = "Plans",
               .messageId = "",
               .date = "",
               .from = "sender@example.org",
               .to = "juni@example.net"}
        << Recipients {RecipientResult {.address = "juni@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "",
               .replyCode = "",
               .diagnostic = "Deferred: Connection timed out with mx.example.net.",
               .remoteMta = "mx.example.net",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/phrase", "Connection timed out", "diagnostic"}}};
    QTest::newRow("text: names nobody, the original's single To")
        << "single-to-guess.eml"
        << "bounce"
        << OriginalMessage {.subject = "Quote",
               .messageId = "",
               .date = "",
               .from = "sender@example.org",
               .to = "juro@example.net"}
        << Recipients {RecipientResult {.address = "juro@example.net",
               .finalRecipient = "",
               .addressGuessed = true,
               .action = "failed",
               .status = "5.7.1",
               .replyCode = "550",
               .diagnostic = "550 5.7.1 Message rejected by policy",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "securityerror",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"securityerror/status", "5.7.1", "status"}}};

    QTest::newRow("text: names nobody, list mail: no guess") << "list-mail-no-guess.eml"
                                                             << "bounce"
                                                             << OriginalMessage {.subject = "Weekly digest",
                                                                    .messageId = "",
                                                                    .date = "",
                                                                    .from = "announcements@lists.example.org",
                                                                    .to = "members@lists.example.org"}
                                                             << Recipients {};
}

void TestRecipients::wholeRecipients()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(OriginalMessage, original);
    QFETCH(Recipients, recipients);
    const QList<RawMessage> raw = loadRecipientFixture(file);
    QCOMPARE(raw.size(), 1);
    const MessageAnalysis a = BounceAnalyzer().analyze(raw.first());
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.errorCode, AnalysisError::None);
    QCOMPARE(toString(a.kind), kind);
    QCOMPARE(a.original, original);
    BOUNCELENS_COMPARE_RECIPIENTS(a.recipients, recipients);
}

QTEST_GUILESS_MAIN(TestRecipients)
#include "tst_recipients.moc"

// Whole analysis results (issue 15): for each of our own bounce, delay and non-bounce fixtures,
// every field of every recipient and of the returned message is stated literally and compared
// whole, so that a change to any field fails its row and prints both values field by field
// (ResultPrinting.h). The rows cover the DSN fields (typed Diagnostic-Code and Remote-MTA
// values, Action in any case and its non-standard words, RFC 6533 escaped addresses,
// Last-Attempt-Date, Will-Retry-Until), the plain-text formats (Exim, qmail, Gmail, Exchange,
// Japanese in three charsets), each delay and expiry notice in fixtures/core/kinds (the server's
// words without transcript markers, labels or the address, the server the text names), several
// recipients, and what a feedback report, an auto-reply and a plain message give. Recipient selection proper
// is tst_recipients.
#include "ResultPrinting.h"
#include "TestSupport.h"
#include "analysis/BounceAnalyzer.h"
#include "report/PlainTextBounceParser.h"

#include <QtTest>

using namespace bouncelens;

namespace {

using Recipients = QList<RecipientResult>;

} // namespace

class TestWholeResults : public QObject
{
    Q_OBJECT

private slots:
    void wholeRecipients_data();
    void wholeRecipients();
    void plainTextParser_data();
    void plainTextParser();
};

void TestWholeResults::wholeRecipients_data()
{
    QTest::addColumn<QString>("file"); // under tests/fixtures
    QTest::addColumn<QString>("kind");
    QTest::addColumn<OriginalMessage>("original");
    QTest::addColumn<Recipients>("recipients");

    QTest::newRow("DSN: Postfix, user unknown")
        << "core/postfix-dsn-userunknown.eml"
        << "bounce"
        << OriginalMessage {.subject = "Quarterly report",
               .messageId = "<quarterly-2026@example.com>",
               .date = "Thu, 12 Nov 2026 10:15:01 +0900",
               .from = "Sender <sender@example.com>",
               .to = "nobody@example.jp"}
        << Recipients {RecipientResult {.address = "nobody@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 <nobody@example.jp>: Recipient address rejected: User unknown in "
                             "local recipient table",
               .remoteMta = "mx.example.jp",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("DSN: two recipients, X-Postfix diagnostic")
        << "gui/two-recipients.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {
               RecipientResult {.address = "sato@example.jp",
                   .finalRecipient = "",
                   .addressGuessed = false,
                   .action = "failed",
                   .status = "5.1.1",
                   .replyCode = "550",
                   .diagnostic = "550 5.1.1 <sato@example.jp>: Recipient address rejected: User unknown",
                   .remoteMta = "mx.example.jp",
                   .lastAttempt = "",
                   .retryUntil = "",
                   .reason = "userunknown",
                   .permanent = true,
                   .hardBounce = true,
                   .evidence = {"userunknown/status", "5.1.1", "status"}},
               RecipientResult {.address = "info@nowhere.example.jp",
                   .finalRecipient = "",
                   .addressGuessed = false,
                   .action = "failed",
                   .status = "5.4.4",
                   .replyCode = "",
                   .diagnostic = "Host or domain name not found. Name service error for "
                                 "name=nowhere.example.jp type=MX: Host not found",
                   .remoteMta = "",
                   .lastAttempt = "",
                   .retryUntil = "",
                   .reason = "hostunknown",
                   .permanent = true,
                   .hardBounce = true,
                   .evidence = {"hostunknown/status", "5.4.4", "status"}}};

    QTest::newRow("DSN: Sendmail, host unknown, Last-Attempt-Date")
        << "core/sendmail-dsn-transcript.eml"
        << "bounce"
        << OriginalMessage {.subject = "Invoice 2026-11",
               .messageId = "<invoice-2611@example.com>",
               .date = "Fri, 20 Nov 2026 09:29:57 +0900",
               .from = "sender@example.com",
               .to = "nohost@nowhere.example.net"}
        << Recipients {RecipientResult {.address = "nohost@nowhere.example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.2",
               .replyCode = "550",
               .diagnostic = "550 Host unknown",
               .remoteMta = "nowhere.example.net",
               .lastAttempt = "Fri, 20 Nov 2026 09:30:00 +0900",
               .retryUntil = "",
               .reason = "hostunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"hostunknown/status", "5.1.2", "status"}}};

    QTest::newRow("DSN: capitalised Action, RFC822, DNS, SMTP types")
        << "core/dsn-capitalised-fields.eml"
        << "bounce"
        << OriginalMessage {.subject = "Reunion",
               .messageId = "<reunion-1123@example.com>",
               .date = "Mon, 23 Nov 2026 09:59:55 +0900",
               .from = "sender@example.com",
               .to = "kaori@example.net"}
        << Recipients {RecipientResult {.address = "kaori@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.2.1",
               .replyCode = "550",
               .diagnostic = "550 5.2.1 Mailbox disabled for this recipient",
               .remoteMta = "mx.example.net",
               .lastAttempt = "Mon, 23 Nov 2026 10:00:00 +0900",
               .retryUntil = "",
               .reason = "suspend",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"suspend/phrase", "Mailbox disabled", "diagnostic"}}};

    QTest::newRow("DSN: delay, Will-Retry-Until")
        << "core/delayed-dsn.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "slow@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "4.4.1",
               .replyCode = "",
               .diagnostic = "connect to mx.example.org[192.0.2.50]:25: Connection timed out",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "Fri, 20 Nov 2026 08:00:00 +0900 (JST)",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/phrase", "Connection timed out", "diagnostic"}}};

    QTest::newRow("DSN: delay, 4xx reply, Remote-MTA")
        << "gui/mailboxfull.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "suzuki@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "4.2.2",
               .replyCode = "452",
               .diagnostic = "452 4.2.2 <suzuki@example.jp>: Mailbox full",
               .remoteMta = "mx.example.jp",
               .lastAttempt = "",
               .retryUntil = "Mon, 20 May 2024 04:01:55 +0000",
               .reason = "mailboxfull",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"mailboxfull/status", "4.2.2", "status"}}};

    QTest::newRow("DSN: delivered")
        << "core/delivered-dsn.eml"
        << "delivered" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "happy@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delivered",
               .status = "2.0.0",
               .replyCode = "250",
               .diagnostic = "250 2.0.0 Ok: queued as 12345",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "delivered",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"delivered/kind", "delivered", "kind"}}};

    QTest::newRow("DSN: global (UTF-8) address")
        << "core/global-dsn-utf8.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = u"山田@example.jp"_qs,
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = u"550 5.1.1 山田@example.jp: mailbox unavailable"_qs,
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("DSN: global, escaped addresses, actions 'failure' and 'expired'")
        << "core/global-dsn-escapes-actions.eml"
        << "bounce"
        << OriginalMessage {.subject = u"会議のお知らせ"_qs,
               .messageId = "<meeting-1124@example.com>",
               .date = "Tue, 24 Nov 2026 07:59:00 +0900",
               .from = "sender@example.com",
               .to = u"山田@example.jp, late@example.net"_qs}
        << Recipients {RecipientResult {.address = u"山田@example.jp"_qs,
                           .finalRecipient = u"山田@mail.example.jp"_qs,
                           .addressGuessed = false,
                           .action = "failed",
                           .status = "5.1.1",
                           .replyCode = "550",
                           .diagnostic = "550 5.1.1 mailbox unavailable",
                           .remoteMta = "mail.example.jp",
                           .lastAttempt = "",
                           .retryUntil = "",
                           .reason = "userunknown",
                           .permanent = true,
                           .hardBounce = true,
                           .evidence = {"userunknown/status", "5.1.1", "status"}},
               RecipientResult {.address = "late@example.net",
                   .finalRecipient = "",
                   .addressGuessed = false,
                   .action = "delayed",
                   .status = "4.4.7",
                   .replyCode = "451",
                   .diagnostic = "451 4.4.7 delivery time expired",
                   .remoteMta = "",
                   .lastAttempt = "Tue, 24 Nov 2026 08:59:00 +0900",
                   .retryUntil = "",
                   .reason = "expired",
                   .permanent = false,
                   .hardBounce = false,
                   .evidence = {"expired/queue", "delivery time expired", "diagnostic"}}};
    QTest::newRow("DSN: inside a relay's bounce")
        << "core/wrapped-bounce.eml"
        << "bounce"
        << OriginalMessage {.subject = "Minutes",
               .messageId = "<minutes-1117@example.com>",
               .date = "",
               .from = "sender@example.com",
               .to = "suzuki@example.org"}
        << Recipients {RecipientResult {.address = "suzuki@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 <suzuki@example.org>... User unknown",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("text: Exim, mailbox full")
        << "core/exim-plain-mailboxfull.eml"
        << "bounce"
        << OriginalMessage {.subject = "Meeting notes",
               .messageId = "<notes-1113@example.com>",
               .date = "Fri, 13 Nov 2026 07:59:58 +0000",
               .from = "Sender <sender@example.com>",
               .to = "full@example.org"}
        << Recipients {RecipientResult {.address = "full@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.2.2",
               .replyCode = "552",
               .diagnostic = "552 5.2.2 Mailbox full: message size exceeds remaining quota",
               .remoteMta = "mx.example.org",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "mailboxfull",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"mailboxfull/status", "5.2.2", "status"}}};

    QTest::newRow("text: qmail, user unknown")
        << "core/qmail-plain-userunknown.eml"
        << "bounce"
        << OriginalMessage {.subject = "Hello",
               .messageId = "<hello-1114@example.com>",
               .date = "Sat, 14 Nov 2026 10:02:00 +0900",
               .from = "sender@example.com",
               .to = "ghost@example.jp"}
        << Recipients {RecipientResult {.address = "ghost@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 <ghost@example.jp>... User Unknown",
               .remoteMta = "192.0.2.40",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("text: Gmail, user unknown")
        << "core/gmail-plain.eml"
        << "bounce"
        << OriginalMessage {.subject = "Catch up",
               .messageId = "<catchup@example.com>",
               .date = "",
               .from = "sender@example.com",
               .to = "missing@example.net"}
        << Recipients {RecipientResult {.address = "missing@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 The email account that you tried to reach does not exist.",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("text: Exchange list, no codes")
        << "core/exchange-list-plain.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "tanaka@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "",
               .replyCode = "",
               .diagnostic = "The recipient name is not recognized MSEXCH:IMS:EXAMPLE:GW:JP 0 (000C05A6) "
                             "Unknown Recipient",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/template", "000C05A6", "diagnostic"}}};

    QTest::newRow("text: Outlook, UTF-8 undeclared")
        << "core/utf8-undeclared.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "kenji@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.10",
               .replyCode = "550",
               .diagnostic = u"550 5.1.10 RESOLVER.ADR.RecipientNotFound; 受信者が見つかりません"_qs,
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/receiver", "RESOLVER.ADR.RecipientNotFound", "diagnostic"}}};

    QTest::newRow("text: windows-1252 undeclared")
        << "core/win1252-undeclared.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "rene@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = u"550 5.1.1 Adresse inconnue échouée “no such user”"_qs,
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("text: Japanese, ISO-2022-JP undeclared")
        << "core/jp-iso2022jp-undeclared.eml"
        << "bounce"
        << OriginalMessage {.subject = "test",
               .messageId = "",
               .date = "",
               .from = "sender@example.com",
               .to = "taro@example.jp"}
        << Recipients {RecipientResult {.address = "taro@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = u"550 5.1.1 ユーザーが見つかりません (User unknown)"_qs,
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "userunknown",
               .permanent = true,
               .hardBounce = true,
               .evidence = {"userunknown/status", "5.1.1", "status"}}};

    QTest::newRow("text: Japanese, Shift_JIS declared us-ascii")
        << "core/jp-sjis-misdeclared.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "hanako@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.2.2",
               .replyCode = "550",
               .diagnostic = u"550 5.2.2 メールボックスがいっぱいです (mailbox full)"_qs,
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "mailboxfull",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"mailboxfull/status", "5.2.2", "status"}}};

    QTest::newRow("text: Japanese, EUC-JP, spam")
        << "core/jp-eucjp.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "jiro@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.7.1",
               .replyCode = "554",
               .diagnostic = u"554 5.7.1 迷惑メールと判定されたため拒否しました (rejected as spam)"_qs,
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "spamdetected",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"spamdetected/japanese", u"迷惑メール"_qs, "diagnostic"}}};

    QTest::newRow("text: names nobody, guess from the original's To")
        << "core/cjk-adjacent-address.eml"
        << "bounce"
        << OriginalMessage {.subject = "Hello",
               .messageId = "<hello-1118@example.jp>",
               .date = "",
               .from = "Yamada <yamada@example.jp>",
               .to = "members@groups.example.net"}
        << Recipients {RecipientResult {.address = "members@groups.example.net",
               .finalRecipient = "",
               .addressGuessed = true,
               .action = "failed",
               .status = "",
               .replyCode = "",
               .diagnostic = "",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "undefined",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"undefined/no-evidence", "failed", "action"}}};

    QTest::newRow("delay text: Courier, '<<<' reply in the transcript")
        << "core/kinds/delay-courier.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "goro@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "4.2.2",
               .replyCode = "452",
               .diagnostic = "452 4.2.2 Mailbox temporarily over quota, try again later",
               .remoteMta = "mx.example.net",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "mailboxfull",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"mailboxfull/status", "4.2.2", "status"}}};

    QTest::newRow("delay text: Exchange (German), quoted reply")
        << "core/kinds/delay-exchange-de.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "klaus@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "4.4.0",
               .replyCode = "451",
               .diagnostic = "451 4.4.0 Primary target IP address responded with: \"421 4.3.2 System not "
                             "accepting network messages.\"",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "notaccept",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"notaccept/phrase", "System not accepting network messages", "diagnostic"}}};

    QTest::newRow("delay text: Exchange, codes of the last attempt")
        << "core/kinds/delay-exchange.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "jiro@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "4.4.1",
               .replyCode = "441",
               .diagnostic = "441 4.4.1 Error communicating with target host.",
               .remoteMta = "mx.example.net",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/status", "4.4.1", "status"}}};

    QTest::newRow("delay text: Exim, greylisted")
        << "core/kinds/delay-exim.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "grey@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "4.7.1",
               .replyCode = "451",
               .diagnostic = "451 4.7.1 Greylisted, please try again later",
               .remoteMta = "mx.example.org",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "blocked",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"blocked/status", "4.7.1", "status"}}};

    QTest::newRow("delay text: 'Reason:' label")
        << "core/kinds/delay-generic.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "kenji@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "4.3.2",
               .replyCode = "421",
               .diagnostic = "421 4.3.2 Service not available, closing transmission channel",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "blocked",
               .permanent = false,
               .hardBounce = false,
               .evidence
               = {"blocked/phrase", "Service not available, closing transmission channel", "diagnostic"}}};

    QTest::newRow("delay text: Gmail, 'The response was:'")
        << "core/kinds/delay-gmail-new.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "shiro@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "",
               .replyCode = "",
               .diagnostic = "The recipient server did not accept our requests to connect. [mx.example.org "
                             "192.0.2.8: timed out]",
               .remoteMta = "mx.example.org",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/queue", "The recipient server did not accept our requests to connect",
                   "diagnostic"}}};

    QTest::newRow("delay text: Gmail, 'Technical details'")
        << "core/kinds/delay-gmail.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "saburo@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "",
               .replyCode = "",
               .diagnostic
               = "The recipient server did not accept our requests to connect. Learn more at "
                 "https://support.google.com/mail/answer/7720 [mx.example.org. 192.0.2.7: timed out]",
               .remoteMta = "mx.example.org",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/queue", "The recipient server did not accept our requests to connect",
                   "diagnostic"}}};

    QTest::newRow("delay text: 'Last error:' and the notice's next sentence")
        << "core/kinds/delay-hmail.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "aki@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "",
               .replyCode = "421",
               .diagnostic = "421 Too many connections from your IP, try again later.",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "ratelimited",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"ratelimited/phrase", "Too many connections", "diagnostic"}}};

    QTest::newRow("delay text: Japanese, reason label")
        << "core/kinds/delay-japanese.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "hanako@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "",
               .replyCode = "",
               .diagnostic = "接続がタイムアウトしました (mx.example.jp)",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/action", "delayed", "action"}}};

    QTest::newRow("delay text: Japanese, address label only")
        << "core/kinds/delay-japanese2.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "ichiro@example.ne.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "",
               .replyCode = "",
               .diagnostic = "送信先メールサーバーが一時的に応答しないため、配送を再試行しています。",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/action", "delayed", "action"}}};

    QTest::newRow("delay text: MDaemon, 'Last error:'")
        << "core/kinds/delay-mdaemon.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "yuki@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "4.2.0",
               .replyCode = "450",
               .diagnostic = "450 4.2.0 Mailbox busy, try later",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/action", "delayed", "action"}}};

    QTest::newRow("delay text: Postfix, '<address>: connect to'")
        << "core/kinds/delay-postfix-plain.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "slow@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "delayed",
               .status = "",
               .replyCode = "",
               .diagnostic = "connect to mx.example.org[192.0.2.50]:25: Connection timed out",
               .remoteMta = "mx.example.org",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"expired/phrase", "Connection timed out", "diagnostic"}}};

    QTest::newRow("delay text: Sendmail, '... Deferred:'")
        << "core/kinds/delay-sendmail.eml"
        << "delay" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "taro@example.net",
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

    QTest::newRow("text: Exchange (German), expired, 550 with 4.4.7")
        << "core/kinds/fail-exchange-de.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "karin@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "4.4.7",
               .replyCode = "",
               .diagnostic = "550 4.4.7 QUEUE.Expired; message expired",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"expired/queue", "message expired", "diagnostic"}}};

    QTest::newRow("text: Exim, retry timeout exceeded")
        << "core/kinds/fail-exim-retry-timeout.eml"
        << "bounce"
        << OriginalMessage {.subject = "Quarterly report",
               .messageId = "<orig@example.com>",
               .date = "Mon, 16 Nov 2026 06:00:00 +0900",
               .from = "sender@example.com",
               .to = "old@example.org"}
        << Recipients {RecipientResult {.address = "old@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "4.3.0",
               .replyCode = "451",
               .diagnostic = "451 4.3.0 Temporary failure, please try again later",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"expired/queue", "retry timeout exceeded", "body"}}};

    QTest::newRow("text: Postfix, expired, continued line")
        << "core/kinds/fail-postfix-expired-plain.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "gone@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "",
               .replyCode = "",
               .diagnostic = "delivery temporarily suspended: connect to mx.example.org[192.0.2.50]:25: "
                             "Connection timed out",
               .remoteMta = "mx.example.org",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"expired/phrase", "Connection timed out", "diagnostic"}}};

    QTest::newRow("text: Sendmail, '(reason: ...)' after five days")
        << "core/kinds/fail-sendmail-5days.eml"
        << "bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "hiro@example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "4.4.1",
               .replyCode = "451",
               .diagnostic = "451 4.4.1 Deferred",
               .remoteMta = "mx.example.net",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "expired",
               .permanent = true,
               .hardBounce = false,
               .evidence = {"expired/phrase", "Connection timed out", "body"}}};

    QTest::newRow("feedback report (ARF)")
        << "core/arf-feedback.eml"
        << "feedback"
        << OriginalMessage {.subject = "Weekly offers",
               .messageId = "<offers-47@example.com>",
               .date = "Tue, 17 Nov 2026 08:59:00 +0000",
               .from = "News <news@example.com>",
               .to = "reader@isp.example.net"}
        << Recipients {RecipientResult {.address = "reader@isp.example.net",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "",
               .replyCode = "",
               .diagnostic = "This is an email abuse report for an email message received from IP 192.0.2.60 "
                             "on Tue, 17 Nov 2026 09:00:00 +0000.",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "feedback",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"feedback/kind", "feedback", "kind"}}};

    QTest::newRow("auto-reply")
        << "core/autoreply.eml"
        << "autoreply" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "hanako@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "",
               .status = "",
               .replyCode = "",
               .diagnostic = "I am out of the office until 25 November with no access to e-mail.",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "vacation",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"vacation/kind", "autoreply", "kind"}}};

    QTest::newRow("auto-reply mentioning 'your message'")
        << "core/autoreply-mentions-message.eml"
        << "autoreply" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {RecipientResult {.address = "jiro@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "",
               .status = "",
               .replyCode = "",
               .diagnostic
               = "I am travelling until 30 November and will respond to your message as soon as I can.",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "vacation",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"vacation/kind", "autoreply", "kind"}}};

    QTest::newRow("not a bounce")
        << "core/not-bounce.eml"
        << "not-bounce" << OriginalMessage {.subject = "", .messageId = "", .date = "", .from = "", .to = ""}
        << Recipients {};
}

void TestWholeResults::wholeRecipients()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(OriginalMessage, original);
    QFETCH(Recipients, recipients);

    const MessageAnalysis a = BounceAnalyzer().analyze(testing::readFixture(file), file);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(toString(a.kind), kind);
    QCOMPARE(a.original, original);
    BOUNCELENS_COMPARE_RECIPIENTS(a.recipients, recipients);
}

// The plain-text parser's own result, before the classifier and SmtpCodes::settleCodes run (which
// would find a dropped reply or status code again in the diagnostic): the codes and the server's
// text as the bounce writes them, per recipient, and whether the original's To was a guess.
void TestWholeResults::plainTextParser_data()
{
    QTest::addColumn<QString>("text"); // the decoded bounce text
    QTest::addColumn<QString>("originalTo");
    QTest::addColumn<Recipients>("recipients");

    QTest::newRow("Exim, reply and status on the line after the host")
        << "This message was created automatically by mail delivery software.\n\n"
           "A message that you sent could not be delivered to one or more of its\n"
           "recipients. This is a permanent error. The following address(es) failed:\n\n"
           "  full@example.org\n"
           "    host mx.example.org [192.0.2.30]\n"
           "    SMTP error from remote mail server after RCPT TO:<full@example.org>:\n"
           "    552 5.2.2 Mailbox full\n"
        << ""
        << Recipients {RecipientResult {.address = "full@example.org",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.2.2",
               .replyCode = "552",
               .diagnostic = "552 5.2.2 Mailbox full",
               .remoteMta = "mx.example.org",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("Japanese, codes after a label")
        << u"以下の宛先にメールを配信できませんでした。\n\n"
           "宛先: <taro@example.jp>\n"
           "理由: 550 5.1.1 ユーザーが見つかりません\n"_qs
        << ""
        << Recipients {RecipientResult {.address = "taro@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = u"550 5.1.1 ユーザーが見つかりません"_qs,
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("Postfix: the host that said it, the reply continued on an indented line")
        << "I'm sorry to have to inform you that your message could not\n"
           "be delivered to one or more recipients.\n\n"
           "<user@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <user@example.jp>:\n"
           "    Recipient address rejected: User unknown (in reply to RCPT TO command)\n"
        << ""
        << Recipients {RecipientResult {.address = "user@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 <user@example.jp>: Recipient address rejected: User unknown (in "
                             "reply to RCPT TO command)",
               .remoteMta = "mx.example.jp",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("Courier: '<<<' reply, the transcript ends at the next '>>>' command")
        << "Delivery to the following address failed:\n\n"
           "<user@example.jp>: mx.example.jp [192.0.2.1]:\n"
           ">>> RCPT TO:<user@example.jp>\n"
           "<<< 550 5.1.1 No such user here\n"
           ">>> QUIT\n"
           "<<< 221 Bye\n"
        << ""
        << Recipients {RecipientResult {.address = "user@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 No such user here",
               .remoteMta = "mx.example.jp",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("Sendmail: 'while talking to' names the server")
        << "   ----- The following addresses had permanent fatal errors -----\n"
           "<user@example.jp>\n"
           "    (reason: 550 5.1.1 <user@example.jp>... User unknown)\n\n"
           "   ----- Transcript of session follows -----\n"
           "... while talking to mx.example.jp.:\n"
           ">>> RCPT To:<user@example.jp>\n"
           "<<< 550 5.1.1 <user@example.jp>... User unknown\n"
           "550 5.1.1 <user@example.jp>... User unknown\n"
        << ""
        << Recipients {RecipientResult {.address = "user@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 <user@example.jp>... User unknown",
               .remoteMta = "mx.example.jp",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("Exchange: reply and status of the last attempt, 'Receiving server'")
        << "Delivery has failed to these recipients or groups:\n\n"
           "user@example.jp\n\n"
           "Diagnostic information for administrators:\n\n"
           "Receiving server: mx.example.jp (192.0.2.1)\n\n"
           "user@example.jp\n"
           "Remote Server returned '550 4.4.7 QUEUE.Expired; message expired'\n"
           "11/16/2026 1:00:00 AM - Remote Server at mx.example.jp (192.0.2.1) returned '451 4.3.0 Try again "
           "later'\n"
           "11/16/2026 3:00:00 AM - Remote Server at mx.example.jp (192.0.2.1) returned '452 4.2.2 Mailbox "
           "full'\n"
        << ""
        << Recipients {RecipientResult {.address = "user@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "4.2.2",
               .replyCode = "452",
               .diagnostic = "452 4.2.2 Mailbox full",
               .remoteMta = "mx.example.jp",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("Exim: two servers named, none is the one")
        << "A message that you sent could not be delivered to one or more of its\n"
           "recipients. This is a permanent error. The following address(es) failed:\n\n"
           "  user@example.jp\n"
           "    host mx1.example.jp [192.0.2.1]: 451 4.3.0 Try again later\n"
           "    host mx2.example.jp [192.0.2.2]: 451 4.3.0 Try again later\n"
        << ""
        << Recipients {RecipientResult {.address = "user@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "4.3.0",
               .replyCode = "451",
               .diagnostic = "451 4.3.0 Try again later",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("qmail: the server's address, and its reply without qmail's closing line")
        << "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
           "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
           "<user@example.jp>:\n"
           "192.0.2.1 does not like recipient.\n"
           "Remote host said: 550 5.1.1 Mailbox unavailable\n"
           "Giving up on 192.0.2.1.\n"
        << ""
        << Recipients {RecipientResult {.address = "user@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "5.1.1",
               .replyCode = "550",
               .diagnostic = "550 5.1.1 Mailbox unavailable",
               .remoteMta = "192.0.2.1",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("Japanese: the address labelled only, the cause in the notice above")
        << u"メールを配送できませんでした。\n"
           "送信先のメールボックスが存在しないため、配送できませんでした。\n\n"
           "宛先: user@example.jp\n"_qs
        << ""
        << Recipients {RecipientResult {.address = "user@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "",
               .replyCode = "",
               .diagnostic = u"送信先のメールボックスが存在しないため、配送できませんでした。"_qs,
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("a code in a field list keeps its label")
        << "Delivery to the following recipient failed:\n\n"
           "user@example.jp Invalid address, CODE :550, TEXT :Mailbox unavailable\n"
        << ""
        << Recipients {RecipientResult {.address = "user@example.jp",
               .finalRecipient = "",
               .addressGuessed = false,
               .action = "failed",
               .status = "",
               .replyCode = "550",
               .diagnostic = "user@example.jp Invalid address, CODE :550, TEXT :Mailbox unavailable",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
    QTest::newRow("names nobody: the original's single To, codes from the text")
        << "This message could not be delivered. The remote server said:\n"
           "554 5.7.1 Message rejected by policy\n"
        << "juro@example.net"
        << Recipients {RecipientResult {.address = "juro@example.net",
               .finalRecipient = "",
               .addressGuessed = true,
               .action = "failed",
               .status = "5.7.1",
               .replyCode = "554",
               .diagnostic = "554 5.7.1 Message rejected by policy",
               .remoteMta = "",
               .lastAttempt = "",
               .retryUntil = "",
               .reason = "",
               .permanent = false,
               .hardBounce = false,
               .evidence = {"", "", ""}}};
}

void TestWholeResults::plainTextParser()
{
    QFETCH(QString, text);
    QFETCH(QString, originalTo);
    QFETCH(Recipients, recipients);
    PlainTextBounceParser::Input input;
    input.text = text;
    input.bounceFrom = QStringLiteral("mailer-daemon@mx.example.com");
    input.bounceTo = QStringLiteral("sender@example.com");
    input.originalFrom = QStringLiteral("sender@example.com");
    input.originalTo = originalTo;
    const PlainTextBounceParser::Result result = PlainTextBounceParser::parse(input);
    BOUNCELENS_COMPARE_RECIPIENTS(result.recipients, recipients);
}

QTEST_GUILESS_MAIN(TestWholeResults)
#include "tst_wholeresults.moc"

// Tests of the reason classifier: one row (at least) per reason of the taxonomy, with anonymised
// examples, plus the hard-bounce rule, delays, receiving-host rules and a huge diagnostic.

#include "classify/ReasonClassifier.h"

#include <QElapsedTimer>
#include <QTest>

using namespace bouncelens;

class TestReasonClassifier : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void hardBounceRule();
    void hugeDiagnosticStaysFast();
    void evidenceForBodyText();
    void manyRecipientsStayLinear();
    void contextIndexFollowsText();
    void senderSideSignals();
};

namespace {

struct Row
{
    const char *name;
    const char *status;
    const char *reply;
    const char *diagnostic;
    const char *action;
    MessageKind kind;
    const char *remoteHost;
    const char *body;
    const char *reason;
    bool permanent;
    bool hard;
};

// (status, reply code, diagnostic, action, kind, remote host, bounce text) -> verdict.
const Row kRows[] = {
    {"userunknown 5.1.1", "5.1.1", "550", "550 5.1.1 <nobody@example.com>... User unknown", "failed",
        MessageKind::Bounce, "mx.example.com", "", "userunknown", true, true},
    {"userunknown at RCPT without status", "", "550",
        "host mx.example.jp[192.0.2.1] said: 550 <nobody@example.jp>: Recipient address rejected: User "
        "unknown in local recipient table (in reply to RCPT TO command)",
        "failed", MessageKind::Bounce, "mx.example.jp", "", "userunknown", true, true},
    {"userunknown temporary 4.1.1", "4.1.1", "450",
        "450 4.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual alias table (in "
        "reply to RCPT TO command)",
        "failed", MessageKind::Bounce, "mx.example.org", "", "userunknown", true, true},
    {"hostunknown", "5.1.2", "",
        "Host or domain name not found. Name service error for name=example.invalid type=A: Host not found",
        "failed", MessageKind::Bounce, "", "", "hostunknown", true, true},
    {"mailboxfull", "5.2.2", "552", "552 5.2.2 <user@example.com>... Mailbox Full", "failed",
        MessageKind::Bounce, "mx.example.com", "", "mailboxfull", true, false},
    {"mailboxfull delayed", "4.2.2", "452", "452 4.2.2 Mailbox quota exceeded for this user", "delayed",
        MessageKind::Delay, "mx.example.com", "", "mailboxfull", false, false},
    {"filtered after DATA", "", "550",
        "550 Unknown user user@example.co.jp (in reply to end of DATA command)", "failed",
        MessageKind::Bounce, "mx.example.co.jp", "", "filtered", true, false},
    {"filtered by preferences", "", "550", "550 5.1.1 RCP-P2 Refused due to recipient preferences", "failed",
        MessageKind::Bounce, "mx-in.facebook.com", "", "filtered", true, false},
    {"rejected sender", "5.1.8", "501", "501 5.1.8 Sender address rejected", "failed", MessageKind::Bounce,
        "mx.example.com", "", "rejected", true, false},
    {"rejected at MAIL FROM", "", "550", "550 Unroutable sender address (in reply to MAIL FROM command)",
        "failed", MessageKind::Bounce, "mx.example.com", "", "rejected", true, false},
    {"blocked by DNSBL", "5.7.1", "554",
        "554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.example.org", "failed",
        MessageKind::Bounce, "mx.example.com", "", "blocked", true, false},
    {"expired by status", "4.4.7", "", "Delivery time expired", "failed", MessageKind::Bounce, "", "",
        "expired", true, false},
    {"expired delay notice", "4.4.1", "", "connect to mx.example.net[192.0.2.2]:25: Connection timed out",
        "delayed", MessageKind::Delay, "", "", "expired", false, false},
    {"suspend", "5.2.1", "550", "550 5.2.1 <user@example.com>: Mailbox disabled, account has been suspended",
        "failed", MessageKind::Bounce, "mx.example.com", "", "suspend", true, false},
    {"hasmoved", "5.1.6", "550", "550 5.1.6 recipient no longer on server: user@example.go.jp", "failed",
        MessageKind::Bounce, "mx.example.go.jp", "", "hasmoved", true, true},
    {"policyviolation", "5.7.9", "554", "554 5.7.9 Message not accepted for policy reasons", "failed",
        MessageKind::Bounce, "mx.example.com", "", "policyviolation", true, false},
    {"spamdetected", "5.7.1", "550", "550 5.7.1 Message content rejected, UBE, id=00000-00-000", "failed",
        MessageKind::Bounce, "mx.example.com", "", "spamdetected", true, false},
    {"virusdetected", "5.7.0", "550",
        "550 5.7.0 Your message was infected with a virus (in reply to end of DATA command)", "failed",
        MessageKind::Bounce, "mx.example.com", "", "virusdetected", true, false},
    {"contenterror", "5.6.0", "550", "550 5.6.0 improper use of 8-bit data in message header", "failed",
        MessageKind::Bounce, "mx.example.com", "", "contenterror", true, false},
    {"emailtoolarge", "5.3.4", "552", "552 5.3.4 Message size exceeds fixed maximum message size (10485760)",
        "failed", MessageKind::Bounce, "mx.example.com", "", "emailtoolarge", true, false},
    {"ratelimited", "4.3.2", "452", "452 4.3.2 Connection rate limit exceeded.", "delayed",
        MessageKind::Delay, "mx.example.ne.jp", "", "ratelimited", false, false},
    {"authfailure google 5.7.26", "5.7.26", "550",
        "550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy.",
        "failed", MessageKind::Bounce, "gmail-smtp-in.l.google.com", "", "authfailure", true, false},
    {"badreputation", "5.7.1", "550",
        "550-5.7.1 Our system has detected that this message is likely suspicious due to the very low "
        "reputation of the sending IP address.",
        "failed", MessageKind::Bounce, "aspmx.l.google.com", "", "badreputation", true, false},
    {"requireptr", "5.7.25", "550", "550 5.7.25 Reverse DNS validation failed", "failed", MessageKind::Bounce,
        "mx.example.com", "", "requireptr", true, false},
    {"failedstarttls", "5.7.10", "523", "523 5.7.10 Encryption Needed: STARTTLS is required to send mail",
        "failed", MessageKind::Bounce, "mx.example.com", "", "failedstarttls", true, false},
    {"securityerror", "5.7.0", "530", "530 5.7.0 Authentication required", "failed", MessageKind::Bounce,
        "mx.example.com", "", "securityerror", true, false},
    {"norelaying", "5.7.1", "554", "554 5.7.1 <user@example.org>: Relay access denied", "failed",
        MessageKind::Bounce, "mx.example.org", "", "norelaying", true, false},
    {"notaccept null MX", "", "556", "556 5.1.10 Recipient address has null MX", "failed",
        MessageKind::Bounce, "", "", "notaccept", true, true},
    {"notaccept 521", "5.3.2", "521", "521 5.3.2 System not accepting network messages", "failed",
        MessageKind::Bounce, "mx.example.com", "", "notaccept", true, true},
    {"notcompliantrfc", "5.7.1", "550",
        "550-5.7.1 Messages with multiple addresses in From: header are not accepted.", "failed",
        MessageKind::Bounce, "gmail-smtp-in.l.google.com", "", "notcompliantrfc", true, false},
    {"networkerror", "5.4.6", "554", "554 5.4.6 Too many hops: possible mail loop", "failed",
        MessageKind::Bounce, "mx.example.com", "", "networkerror", true, false},
    {"systemerror", "4.3.0", "451", "451 4.3.0 Error: queue file write error", "failed", MessageKind::Bounce,
        "mx.example.com", "", "systemerror", true, false},
    {"systemfull", "4.3.1", "452", "452 4.3.1 Insufficient system storage: mail system full", "delayed",
        MessageKind::Delay, "mx.example.com", "", "systemfull", false, false},
    {"mailererror", "5.0.0", "", "procmail: Couldn't create \"/var/spool/mail/user\"", "failed",
        MessageKind::Bounce, "", "", "mailererror", true, false},
    {"syntaxerror", "", "503", "503 Bad sequence of commands", "failed", MessageKind::Bounce,
        "mx.example.com", "", "syntaxerror", true, false},
    {"suppressed", "5.1.1", "", "Amazon SES did not send the message: the address is on the suppression list",
        "failed", MessageKind::Bounce, "", "", "suppressed", true, false},
    {"onhold unmatched text", "5.0.0", "550", "550 5.0.0 Something went wrong here", "failed",
        MessageKind::Bounce, "mx.example.com", "", "onhold", true, false},
    {"undefined nothing said", "", "", "", "failed", MessageKind::Bounce, "", "", "undefined", true, false},
    {"delivered", "2.1.5", "250", "250 2.1.5 OK", "delivered", MessageKind::Delivered, "mx.example.com", "",
        "delivered", false, false},
    {"feedback", "", "", "This is an email abuse report", "", MessageKind::Feedback, "", "", "feedback",
        false, false},
    {"vacation", "", "", "I am out of the office until Monday", "", MessageKind::AutoReply, "", "",
        "vacation", false, false},

    // Receiving-host specifics.
    {"microsoft 5.7.606 banned IP", "5.7.606", "550",
        "550 5.7.606 Access denied, banned sending IP [192.0.2.1].", "failed", MessageKind::Bounce,
        "example-com.mail.protection.outlook.com", "", "blocked", true, false},
    {"microsoft 5.1.10 recipient not found", "5.1.10", "550",
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "failed",
        MessageKind::Bounce, "example-com.mail.protection.outlook.com", "", "userunknown", true, true},
    {"docomo unknown user after DATA with 5.2.0", "5.2.0", "550", "550 Unknown user user@docomo.ne.jp",
        "failed", MessageKind::Bounce, "mfsmax.docomo.ne.jp", "", "filtered", true, false},
    {"kddi 550 : User unknown is the filter", "", "550", "550 : User unknown", "failed", MessageKind::Bounce,
        "lsean.ezweb.ne.jp", "", "filtered", true, false},

    // A vague 5.7.1 ("delivery not authorized") gives way to what the server's words name.
    {"5.7.1 listed on RBL is blocked", "5.7.1", "550",
        "550 5.7.1 Connection refused from 192.0.2.1 - listed on RBL", "failed", MessageKind::Bounce,
        "mx.example.net", "", "blocked", true, false},
    {"5.7.1 access denied to the client host is blocked", "5.7.1", "554",
        "554 5.7.1 <client.example.com[192.0.2.1]>: Client host rejected: Access denied", "failed",
        MessageKind::Bounce, "mx.example.net", "", "blocked", true, false},
    {"5.7.1 on a blocklist is blocked", "5.7.1", "554",
        "554 5.7.1 Access denied: your IP address is on a blocklist", "failed", MessageKind::Bounce,
        "mx.example.net", "", "blocked", true, false},
    {"DNSBL without a status is blocked", "", "550", "550 Mail from 192.0.2.1 refused, rejected by DNSBL",
        "failed", MessageKind::Bounce, "mx.example.net", "", "blocked", true, false},
    {"5.7.1 spam content is spamdetected", "5.7.1", "554",
        "554 5.7.1 Message blocked due to spam content in the message", "failed", MessageKind::Bounce,
        "mx.example.net", "", "spamdetected", true, false},
    {"classified as spam is spamdetected", "5.7.1", "550", "550 5.7.1 This message was identified as spam",
        "failed", MessageKind::Bounce, "mx.example.net", "", "spamdetected", true, false},
    {"5.7.1 user filter is filtered", "5.7.1", "550",
        "550 5.7.1 <user@example.net>: Recipient address rejected: Message rejected by user filter", "failed",
        MessageKind::Bounce, "mx.example.net", "", "filtered", true, false},
    {"recipient chose not to receive is filtered", "", "550",
        "550 The recipient has chosen not to receive mail from you", "failed", MessageKind::Bounce,
        "mx.example.net", "", "filtered", true, false},
    {"5.7.1 reverse hostname is requireptr", "5.7.1", "550",
        "550 5.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]", "failed",
        MessageKind::Bounce, "mx.example.net", "", "requireptr", true, false},
    {"SPF check failed is authfailure", "5.7.1", "550",
        "550 5.7.1 SPF check failed: 192.0.2.1 is not allowed to send mail from example.com", "failed",
        MessageKind::Bounce, "mx.example.net", "", "authfailure", true, false},
    {"5.7.1 contains a virus is virusdetected", "5.7.1", "554",
        "554 5.7.1 The message was rejected because it contains a virus", "failed", MessageKind::Bounce,
        "mx.example.net", "", "virusdetected", true, false},
    {"5.7.1 policy is policyviolation", "5.7.1", "550", "550 5.7.1 Message violates our email policy",
        "failed", MessageKind::Bounce, "mx.example.net", "", "policyviolation", true, false},
    {"poor reputation is badreputation", "", "421",
        "421 4.7.0 Your IP has been blocked due to poor reputation, try again later", "failed",
        MessageKind::Bounce, "mx.example.net", "", "badreputation", true, false},
    {"temporary DNS failure is networkerror, not hostunknown", "4.4.3", "",
        "Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try "
        "again",
        "failed", MessageKind::Bounce, "", "", "networkerror", true, false},
    {"account not found at RCPT is userunknown", "", "550",
        "550 Account not found (in reply to RCPT TO command)", "failed", MessageKind::Bounce,
        "mx.example.net", "", "userunknown", true, true},

    // A delay notice is not permanent and never a hard bounce, whatever code it quotes.
    {"delay notice quoting a user-unknown 5xx", "5.1.1", "550", "550 5.1.1 User unknown", "failed",
        MessageKind::Delay, "mx.example.net", "", "userunknown", false, false},
    {"delayed recipient with a 4xx user unknown", "4.1.1", "450",
        "450 4.1.1 <user@example.com>: User unknown, try again later (in reply to RCPT TO command)",
        "delayed", MessageKind::Delay, "mx.example.net", "", "userunknown", false, false},
    {"greylisting in a delay notice", "4.7.1", "451", "451 4.7.1 Greylisted, please try again later",
        "delayed", MessageKind::Delay, "mx.example.net", "", "blocked", false, false},

    // Japanese bounce texts (decoded to Unicode).
    {"japanese mailbox full", "", "", "", "failed", MessageKind::Bounce, "",
        "送信先のメールボックスの容量が一杯のため、メールを配信できませんでした。", "mailboxfull", true,
        false},
    {"japanese user unknown", "", "", "宛先のメールアドレスが存在しません。", "failed", MessageKind::Bounce,
        "", "", "userunknown", true, true},
    {"japanese reception refused", "", "", "受信拒否設定により配信できませんでした。", "failed",
        MessageKind::Bounce, "", "", "filtered", true, false},
};

QString inputOf(const RecipientResult &r, const ClassificationContext &c)
{
    return QStringList {
        r.status, r.replyCode, r.diagnostic, r.action, toString(c.kind), r.remoteMta, c.bounceText}
        .join(QLatin1Char('\n'));
}

} // namespace

void TestReasonClassifier::classify_data()
{
    QTest::addColumn<int>("row");
    for (int i = 0; i < int(std::size(kRows)); ++i)
        QTest::newRow(kRows[i].name) << i;
}

void TestReasonClassifier::classify()
{
    QFETCH(int, row);
    const Row &t = kRows[row];
    RecipientResult r;
    r.address = QStringLiteral("user@example.com");
    r.status = QString::fromUtf8(t.status);
    r.replyCode = QString::fromUtf8(t.reply);
    r.diagnostic = QString::fromUtf8(t.diagnostic);
    r.action = QString::fromUtf8(t.action);
    r.remoteMta = QString::fromUtf8(t.remoteHost);
    ClassificationContext context;
    context.kind = t.kind;
    context.bounceText = QString::fromUtf8(t.body);

    ReasonClassifier::classify(r, context);

    QCOMPARE(r.reason, QString::fromLatin1(t.reason));
    QCOMPARE(r.permanent, t.permanent);
    QCOMPARE(r.hardBounce, t.hard);
    QVERIFY2(!r.evidence.rule.isEmpty(), "every verdict names its rule");
    QVERIFY2(!r.evidence.matched.isEmpty(), qPrintable(r.evidence.rule));
    QVERIFY2(inputOf(r, context).contains(r.evidence.matched),
        qPrintable(QStringLiteral("evidence '%1' not in the input").arg(r.evidence.matched)));
    QVERIFY(!r.evidence.field.isEmpty());
}

void TestReasonClassifier::hardBounceRule()
{
    // Sisimai's rule: the address itself is bad; a refusal of the sender or its content is not.
    QVERIFY(
        ReasonClassifier::isHardBounce(QStringLiteral("userunknown"), QStringLiteral("5.1.1"), QString()));
    QVERIFY(ReasonClassifier::isHardBounce(QStringLiteral("hostunknown"), QString(), QString()));
    QVERIFY(ReasonClassifier::isHardBounce(QStringLiteral("hasmoved"), QStringLiteral("5.1.6"), QString()));
    QVERIFY(ReasonClassifier::isHardBounce(QStringLiteral("notaccept"), QStringLiteral("5.3.2"), QString()));
    QVERIFY(!ReasonClassifier::isHardBounce(
        QStringLiteral("notaccept"), QStringLiteral("4.3.2"), QStringLiteral("421")));
    for (const char *soft : {"spamdetected", "policyviolation", "blocked", "rejected", "mailboxfull",
             "filtered", "expired", "undefined", "onhold", "feedback", "vacation", "delivered"})
        QVERIFY2(!ReasonClassifier::isHardBounce(
                     QString::fromLatin1(soft), QStringLiteral("5.7.1"), QStringLiteral("550")),
            soft);
}

void TestReasonClassifier::hugeDiagnosticStaysFast()
{
    // 8 MB of text that almost matches many phrases must not cost more than a bounded scan.
    RecipientResult r;
    r.address = QStringLiteral("user@example.com");
    r.status = QStringLiteral("5.1.1");
    r.action = QStringLiteral("failed");
    r.diagnostic = QStringLiteral("550 5.1.1 user unknown ") + QString(8 * 1024 * 1024, QLatin1Char('a'));
    ClassificationContext context;
    context.bounceText = QString(4 * 1024 * 1024, QLatin1Char('u'));
    QElapsedTimer timer;
    timer.start();
    ReasonClassifier::classify(r, context);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(r.reason, QStringLiteral("userunknown"));
}

void TestReasonClassifier::evidenceForBodyText()
{
    // A plain-text bounce whose diagnostic is empty: the bounce's own text decides.
    RecipientResult r;
    r.address = QStringLiteral("user@example.net");
    r.action = QStringLiteral("failed");
    ClassificationContext context;
    context.bounceText
        = QStringLiteral("A message that you sent could not be delivered.\n  user@example.net\n"
                         "    retry timeout exceeded\n");
    ReasonClassifier::classify(r, context);
    QCOMPARE(r.reason, QStringLiteral("expired"));
    QCOMPARE(r.evidence.field, QStringLiteral("body"));
    QCOMPARE(r.evidence.matched, QStringLiteral("retry timeout exceeded"));
}

void TestReasonClassifier::manyRecipientsStayLinear()
{
    // One bounce that lists 10,000 recipients, each with its own transcript: the bounce text is
    // indexed once per message, so classifying every recipient stays linear (it was quadratic:
    // 1,000 recipients took ~22 s).
    constexpr int kRecipients = 10000;
    QString text = QStringLiteral("----- Transcript of session follows -----\n");
    for (int i = 0; i < kRecipients; ++i)
        text += QStringLiteral(
            "<user%1@example.com>\n... while talking to mx.example.com.:\n"
            ">>> RCPT To:<user%1@example.com>\n<<< 550 5.1.1 <user%1@example.com>... User unknown\n")
                    .arg(i);
    QList<RecipientResult> recipients;
    for (int i = 0; i < kRecipients; ++i) {
        RecipientResult r;
        r.address = QStringLiteral("user%1@example.com").arg(i);
        r.action = QStringLiteral("failed");
        // Half of them have a diagnostic of their own; the others only the bounce text.
        if (i % 2)
            r.diagnostic = QStringLiteral("550 5.1.1 <user%1@example.com>... User unknown").arg(i);
        recipients << r;
    }
    ClassificationContext context;
    context.bounceText = text;
    QElapsedTimer timer;
    timer.start();
    for (RecipientResult &r : recipients)
        ReasonClassifier::classify(r, context);
    const qint64 elapsed = timer.elapsed();
    qInfo("%d recipients classified in %lld ms", kRecipients, elapsed);
    // Measured ~70 ms (Release build, this machine); the bound leaves room for slow and instrumented builds.
    QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
    for (int i : {0, 1, 2, kRecipients - 1}) {
        QCOMPARE(recipients[i].reason, QStringLiteral("userunknown"));
        QVERIFY(recipients[i].hardBounce);
    }
}

void TestReasonClassifier::contextIndexFollowsText()
{
    // The context keeps an index of its bounce text; a new text must not be judged by the old one.
    ClassificationContext context;
    context.bounceText
        = QStringLiteral("A message that you sent could not be delivered.\n    retry timeout exceeded\n");
    RecipientResult r;
    r.address = QStringLiteral("user@example.net");
    r.action = QStringLiteral("failed");
    RecipientResult first = r;
    ReasonClassifier::classify(first, context);
    QCOMPARE(first.reason, QStringLiteral("expired"));

    context.bounceText = QStringLiteral("The recipient's mailbox is full.\n");
    RecipientResult second = r;
    ReasonClassifier::classify(second, context);
    QCOMPARE(second.reason, QStringLiteral("mailboxfull"));
    QCOMPARE(second.evidence.field, QStringLiteral("body"));

    // A copy of the context shares the index and still reads its own text.
    ClassificationContext copy = context;
    copy.bounceText
        = QStringLiteral("A message that you sent could not be delivered.\n    retry timeout exceeded\n");
    RecipientResult third = r;
    ReasonClassifier::classify(third, copy);
    QCOMPARE(third.reason, QStringLiteral("expired"));
    RecipientResult fourth = r;
    ReasonClassifier::classify(fourth, context);
    QCOMPARE(fourth.reason, QStringLiteral("mailboxfull"));
}

void TestReasonClassifier::senderSideSignals()
{
    const auto run = [](RecipientResult r, const ClassificationContext &context) {
        ReasonClassifier::classify(r, context);
        return r;
    };
    RecipientResult base;
    base.address = QStringLiteral("user@example.org");
    base.action = QStringLiteral("failed");

    // Gmail's "(state N)." names the failed stage; a vague 5.7.0 does not override it.
    RecipientResult g = base;
    g.status = QStringLiteral("5.7.0");
    g.diagnostic = QStringLiteral(
        "Google tried to deliver your message, but it was rejected by the recipient domain. "
        "The error that the other server returned was: 554 554 5.7.0 Header error (state 18).");
    QCOMPARE(run(g, {}).reason, QStringLiteral("filtered"));
    // ... but a specific code does (5.2.2 mailbox full at state 14).
    g.status = QStringLiteral("5.2.2");
    g.diagnostic
        = QStringLiteral("Google tried to deliver your message, but it was rejected by the recipient domain. "
                         "The error that the other server returned was: 550 550 5.2.2 <user@example.org>... "
                         "Mailbox Full (state 14).");
    QCOMPARE(run(g, {}).reason, QStringLiteral("mailboxfull"));

    // "Diagnostic-Code: X-Unix; ..." without a known phrase: the local mailer failed.
    RecipientResult x = base;
    x.status = QStringLiteral("4.3.0");
    x.diagnostic = QStringLiteral("temporary failure");
    ClassificationContext dsn;
    dsn.deliveryStatus
        = QStringLiteral("Reporting-MTA: dns; mx.example.org\n\n"
                         "Final-Recipient: rfc822; other@example.org\nAction: failed\nStatus: 5.1.1\n"
                         "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n\n"
                         "Final-Recipient: rfc822; user@example.org\nAction: failed\nStatus: 4.3.0\n"
                         "Diagnostic-Code: x-unix; temporary failure\n");
    QCOMPARE(run(x, dsn).reason, QStringLiteral("mailererror"));
    QCOMPARE(run(x, {}).reason, QStringLiteral("onhold"));

    // PowerMTA's bounce category decides.
    RecipientResult p = base;
    p.status = QStringLiteral("5.2.1");
    p.diagnostic = QStringLiteral("550 5.2.1 <user@example.org>... User Unknown");
    ClassificationContext pmta;
    pmta.deliveryStatus
        = QStringLiteral("Final-Recipient: rfc822;user@example.org\nAction: failed\nStatus: 5.2.1\n"
                         "X-PowerMTA-BounceCategory: bad-mailbox\n");
    QCOMPARE(run(p, pmta).reason, QStringLiteral("userunknown"));

    // The sending MTA's own notice wins over the reply it quotes (qmail, EZweb).
    RecipientResult q = base;
    q.diagnostic = QStringLiteral("Remote host said: 501 5.0.0 Invalid domain name");
    ClassificationContext qmail;
    qmail.bounceText
        = QStringLiteral("<user@example.org>:\nConnected to 192.0.2.1 but my name was rejected.\n"
                         "Remote host said: 501 5.0.0 Invalid domain name\n");
    const RecipientResult qr = run(q, qmail);
    QCOMPARE(qr.reason, QStringLiteral("blocked"));
    QCOMPARE(qr.evidence.field, QStringLiteral("body"));
}

QTEST_GUILESS_MAIN(TestReasonClassifier)
#include "tst_reasonclassifier.moc"

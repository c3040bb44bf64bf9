// Recipient selection (issue 12): one own fixture per format, and the whole recipient list each
// must give: the address the sender used, the final recipient when it differs, and whether the
// address is only a guess from the returned message's To.
#include "ResultPrinting.h"
#include "analysis/BounceAnalyzer.h"
#include "message/MessageLoader.h"

#include <QtTest>

using namespace bouncelens;

class TestRecipients : public QObject
{
    Q_OBJECT

private slots:
    void recipientList_data();
    void recipientList();
    void wholeRecipient();
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
    const QList<RawMessage> raw
        = MessageLoader().loadFile(QStringLiteral(BOUNCELENS_FIXTURES "/core/recipients/") + file);
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

// One recipient compared whole, every field written out: a change to any of them shows as a
// field-by-field diff (ResultPrinting.h).
void TestRecipients::wholeRecipient()
{
    const QList<RawMessage> raw = MessageLoader().loadFile(
        QStringLiteral(BOUNCELENS_FIXTURES "/core/recipients/original-recipient-alias.eml"));
    QCOMPARE(raw.size(), 1);
    const MessageAnalysis a = BounceAnalyzer().analyze(raw.first());
    RecipientResult expected;
    expected.address = QStringLiteral("info@example.net");
    expected.finalRecipient = QStringLiteral("sales@example.net");
    expected.action = QStringLiteral("failed");
    expected.status = QStringLiteral("5.1.1");
    expected.diagnostic = QStringLiteral("unknown user: \"sales\"");
    expected.reason = QStringLiteral("userunknown");
    expected.permanent = true;
    expected.hardBounce = true;
    expected.evidence = {QStringLiteral("userunknown/receiver"), QStringLiteral("unknown user: "),
        QStringLiteral("diagnostic")};
    QCOMPARE(a.recipients, QList<RecipientResult> {expected});
    QCOMPARE(a.errorCode, AnalysisError::None);
}

QTEST_GUILESS_MAIN(TestRecipients)
#include "tst_recipients.moc"

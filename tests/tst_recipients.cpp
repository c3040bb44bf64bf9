// Recipient selection (issue 12): one own fixture per format, and the whole recipient list each
// must give: the address the sender used, the final recipient when it differs, and whether the
// address is only a guess from the returned message's To.
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

QTEST_GUILESS_MAIN(TestRecipients)
#include "tst_recipients.moc"

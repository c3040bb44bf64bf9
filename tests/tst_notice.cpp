// The opening notice: the sentence that says the mail did not arrive (or is delayed, only a
// warning, an automatic reply, a feedback report), found in every form and language our own
// fixtures (tests/fixtures/notice) hold; the subject line where the text has none; the header
// block at the top of the display text, with every other span still on its characters; what the
// notice means in both languages; and, over the shared corpus, how many bounce and delay
// messages get a notice that says so.
#include "TestSupport.h"
#include "analysis/BounceAnalyzer.h"
#include "explain/KnowledgeBase.h"
#include "explain/NoticeExplainer.h"
#include "message/MessageLoader.h"
#include "report/BounceMarkers.h"
#include "report/NoticeLocator.h"
#include "report/NoticePhrases.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace bouncelens;
using namespace bouncelens::testing;

namespace {

MessageAnalysis analyseFixture(const QString &path)
{
    return BounceAnalyzer().analyze(readFixture(path), path);
}

QList<Span> spansOf(const MessageAnalysis &a, SpanRole role)
{
    QList<Span> out;
    for (const Span &s : a.spans)
        if (s.role == role)
            out << s;
    return out;
}

// The notice says that the mail did not arrive, is delayed or is only a warning: one of the
// notice phrases of those kinds, folded as the locator folds text.
bool saysNotDelivered(const QString &notice)
{
    QString folded = notice.simplified().toLower();
    folded.replace(QChar(0x2019), QLatin1Char('\''));
    for (const NoticePhrases::Phrase &p : NoticePhrases::notices())
        if ((p.kind == NoticeKind::NotDelivered || p.kind == NoticeKind::Delayed
                || p.kind == NoticeKind::Warning)
            && folded.contains(p.text))
            return true;
    return false;
}

bool subjectSaysBounce(const QString &subject)
{
    for (const QString &s : BounceMarkers::bounceSubjects())
        if (subject.contains(s, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

class TestNotice : public QObject
{
    Q_OBJECT

private slots:
    void forms_data();
    void forms();
    void headerKeepsSpans_data();
    void headerKeepsSpans();
    void meaning_data();
    void meaning();
    void explainStartsWithNotice_data();
    void explainStartsWithNotice();
    void knowledgeComplete();
    void boundedAndLinear();
    void corpus();
};

void TestNotice::forms_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind"); // notice_kind
    QTest::addColumn<QStringList>("spans"); // the notice spans' texts, whitespace collapsed

    QTest::newRow("intro line, then the notice")
        << "notice/intro-notice.eml"
        << "not-delivered"
        << QStringList {"This is the mail system at host mx.example.net.",
               "I'm sorry to have to inform you that your message could not be delivered to one or "
               "more recipients. It's attached below."};
    QTest::newRow("notice only, curly apostrophe, address inside")
        << "notice/notice-only.eml"
        << "not-delivered"
        << QStringList {"Your message to mori@example.org couldn’t be delivered. mori wasn't found at "
                        "example.org."};
    QTest::newRow("no notice sentence: the subject")
        << "notice/subject-fallback.eml"
        << "subject" << QStringList {"Returned mail: see transcript for details"};
    QTest::newRow("Japanese provider sentence, then English")
        << "notice/japanese-provider.eml"
        << "not-delivered"
        << QStringList {u"このメールは自動送信されています。"_qs,
               u"次の宛先へのメールは、エラーのため送信できませんでした。 宛先のメールアドレスをご確認ください。"_qs,
               "The following recipient did not receive this message:"};
    QTest::newRow("German") << "notice/german.eml"
                            << "not-delivered"
                            << QStringList {"Ihre Nachricht konnte nicht zugestellt werden."};
    QTest::newRow("French") << "notice/french.eml"
                            << "not-delivered"
                            << QStringList {
                                   u"Votre message n’a pas pu être remis aux destinataires suivants :"_qs};
    QTest::newRow("Italian") << "notice/italian.eml"
                             << "not-delivered"
                             << QStringList {
                                    u"Il recapito non è riuscito per i seguenti destinatari o gruppi:"_qs};
    QTest::newRow("Spanish, with its introduction")
        << "notice/spanish.eml"
        << "not-delivered"
        << QStringList {"Este es el sistema de correo de mx.example.es.",
               "No se pudo entregar el mensaje a los siguientes destinatarios:"};
    QTest::newRow("Portuguese")
        << "notice/portuguese.eml"
        << "not-delivered"
        << QStringList {u"A sua mensagem não pôde ser entregue aos seguintes destinatários:"_qs};
    QTest::newRow("delay: warning, then the delay")
        << "notice/delay.eml"
        << "delayed"
        << QStringList {"This is an automatically generated Delivery Status Notification",
               "THIS IS A WARNING MESSAGE ONLY.", "YOU DO NOT NEED TO RESEND YOUR MESSAGE.",
               "Delivery to the following recipient has been delayed:"};
    QTest::newRow("auto-reply") << "notice/autoreply.eml"
                                << "autoreply"
                                << QStringList {"I am out of the office until 7 December with limited access "
                                                "to email. For urgent matters please call the front desk."};
    QTest::newRow("feedback report")
        << "notice/feedback.eml"
        << "feedback"
        << QStringList {"This is an email abuse report for an email message received from IP 192.0.2.70 "
                        "on Mon, 30 Nov 2026 09:00:00 +0900."};
    // The core fixtures: a postfix delay warning, a qmail paragraph, a framed sendmail heading.
    QTest::newRow("postfix delay warning")
        << "core/delayed-dsn.eml"
        << "delayed"
        << QStringList {"This is the mail system at host relay.example.com.",
               "THIS IS A WARNING ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE.",
               "Your message could not be delivered for more than 4 hour(s). It will be retried until it "
               "is 5 day(s) old."};
    QTest::newRow("qmail: introduction and notice in one paragraph")
        << "core/qmail-plain-userunknown.eml"
        << "not-delivered"
        << QStringList {"Hi. This is the qmail-send program at smtp.example.net. I'm afraid I wasn't able to "
                        "deliver your message to the following addresses. This is a permanent error; I've "
                        "given up. Sorry it didn't work out."};
    QTest::newRow("sendmail: framed heading")
        << "core/sendmail-dsn-transcript.eml"
        << "not-delivered"
        << QStringList {"The original message was received at Fri, 20 Nov 2026 09:29:58 +0900 from localhost "
                        "[127.0.0.1]",
               "The following addresses had permanent fatal errors"};
    QTest::newRow("ordinary mail: none") << "core/not-bounce.eml"
                                         << "" << QStringList {};
}

void TestNotice::forms()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QStringList, spans);

    const MessageAnalysis a = analyseFixture(file);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(toString(a.noticeKind), kind);
    QStringList texts;
    for (const Span &s : spansOf(a, SpanRole::Notice))
        texts << a.spanText(s).simplified();
    QCOMPARE(texts, spans);
    QCOMPARE(a.notice, spans.join(QLatin1Char(' ')));

    const QList<Span> notices = spansOf(a, SpanRole::Notice);
    if (kind == QLatin1String("subject")) {
        // Shown in the header block at the top, on the Subject line.
        QCOMPARE(notices.size(), 1);
        const qsizetype lineStart = a.displayText.lastIndexOf(QLatin1Char('\n'), notices.first().start) + 1;
        QCOMPARE(a.displayText.mid(lineStart, 9), QStringLiteral("Subject: "));
        QCOMPARE(a.spanText(notices.first()), a.subject);
        return;
    }
    // A notice never reaches the per-recipient details: it ends before the server's words and
    // codes, and no notice span holds a line that opens with the recipient.
    for (const Span &n : notices) {
        for (const Span &d : a.spans) {
            if (d.role == SpanRole::ReplyCode || d.role == SpanRole::StatusCode
                || (d.role == SpanRole::ServerText && kind != QLatin1String("autoreply")
                    && kind != QLatin1String("feedback")))
                QVERIFY2(n.start + n.length <= d.start || n.start >= d.start + d.length,
                    qPrintable(a.spanText(n)));
        }
        for (const QString &line : a.spanText(n).split(QLatin1Char('\n'))) {
            for (const RecipientResult &r : a.recipients)
                QVERIFY2(
                    !line.trimmed().startsWith(r.address) && !line.trimmed().startsWith(u'<' + r.address),
                    qPrintable(line));
        }
        QVERIFY(n.length <= 400);
    }
}

void TestNotice::headerKeepsSpans_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &folder : {QStringLiteral("core"), QStringLiteral("notice")})
        for (const QString &name :
            QDir(fixturePath(folder)).entryList({QStringLiteral("*.eml")}, QDir::Files))
            QTest::newRow(qPrintable(folder + u'/' + name)) << folder + u'/' + name;
}

// The header block goes before the text, and every span moves with it: recipients, codes and
// the server's words still cover exactly their characters.
void TestNotice::headerKeepsSpans()
{
    QFETCH(QString, file);
    const MessageAnalysis a = analyseFixture(file);
    QVERIFY2(a.ok(), qPrintable(a.error));
    const QString header = a.displayText.left(a.displayText.indexOf(QLatin1String("\n\n")) + 2);
    QVERIFY2(header.startsWith(QLatin1String("From: ")), qPrintable(header));
    if (!a.subject.isEmpty())
        QVERIFY(header.contains(QStringLiteral("\nSubject: %1\n").arg(a.subject)));
    for (const Span &s : a.spans) {
        QVERIFY(s.start >= 0 && s.length > 0 && s.start + s.length <= a.displayText.size());
        if (s.role != SpanRole::Notice)
            QVERIFY2(s.start >= header.size(), "a recipient, code or server text inside the header block");
        if (s.recipient < 0)
            continue;
        const RecipientResult &r = a.recipients.at(s.recipient);
        const QString text = a.spanText(s);
        switch (s.role) {
        case SpanRole::Recipient: QCOMPARE(text.toLower(), r.address.toLower()); break;
        case SpanRole::ReplyCode: QCOMPARE(text, r.replyCode); break;
        case SpanRole::StatusCode: QCOMPARE(text, r.status); break;
        case SpanRole::ServerText:
            QVERIFY2(r.diagnostic.simplified().contains(text.simplified())
                    || text.simplified().contains(r.diagnostic.simplified().right(20)),
                qPrintable(text));
            break;
        case SpanRole::Notice: break;
        }
    }
}

void TestNotice::meaning_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("meaning");

    QTest::newRow("English notice, Japanese reader")
        << "notice/intro-notice.eml"
        << "ja" << u"メールを配信できなかったという通知です。"_qs;
    QTest::newRow("Japanese notice, English reader")
        << "notice/japanese-provider.eml"
        << "en"
        << "This is a notice that your message could not be delivered.";
    QTest::newRow("delay, Japanese reader")
        << "notice/delay.eml"
        << "ja" << u"配信が遅れているという警告です。メールサーバーが配信を続けています。"_qs;
    QTest::newRow("delay, English reader")
        << "notice/delay.eml"
        << "en"
        << "This is a warning that delivery of your message is delayed; the mail server keeps trying.";
    QTest::newRow("subject line, Japanese reader")
        << "notice/subject-fallback.eml"
        << "ja"
        << u"本文に通知文がないため、件名を通知として示しています。メールを配信できなかったという通知です。"_qs;
    QTest::newRow("subject line, English reader")
        << "notice/subject-fallback.eml"
        << "en"
        << "The message has no notice sentence, so its subject line is shown as the notice. This is a notice "
           "that your message could not be delivered.";
    QTest::newRow("auto-reply, Japanese reader")
        << "notice/autoreply.eml"
        << "ja" << u"不在通知などの自動返信です。メールは届いています。"_qs;
    QTest::newRow("feedback, English reader") << "notice/feedback.eml"
                                              << "en"
                                              << "This is a feedback report: a recipient or their provider "
                                                 "reported your message, for example as spam.";
    QTest::newRow("ordinary mail: nothing") << "core/not-bounce.eml"
                                            << "ja"
                                            << "";
}

void TestNotice::meaning()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    QFETCH(QString, meaning);
    const MessageAnalysis a = analyseFixture(file);
    const NoticeExplanation x = NoticeExplainer::explain(a, languageFromCode(language));
    QCOMPARE(x.meaning, meaning);
    QCOMPARE(x.text, a.notice);
    QCOMPARE(x.kind, toString(a.noticeKind));
    if (!meaning.isEmpty() && language == QLatin1String("ja"))
        QVERIFY(hasJapaneseScript(x.title));
}

void TestNotice::explainStartsWithNotice_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("notice");
    QTest::addColumn<QString>("meaning");
    QTest::newRow("en") << "en"
                        << "notice/japanese-provider.eml"
                        << u"  Notice: このメールは自動送信されています。"_qs
                        << "  Meaning: This is a notice that your message could not be delivered.";
    QTest::newRow("ja") << "ja"
                        << "notice/intro-notice.eml"
                        << u"  通知文: This is the mail system at host mx.example.net. I'm sorry"_qs
                        << u"  意味: メールを配信できなかったという通知です。"_qs;
}

// `explain`'s text output opens each message with its notice and what it means.
void TestNotice::explainStartsWithNotice()
{
    QFETCH(QString, language);
    QFETCH(QString, file);
    QFETCH(QString, notice);
    QFETCH(QString, meaning);
    QProcess process;
    process.start(QStringLiteral(BOUNCELENS_BINARY),
        {QStringLiteral("explain"), QStringLiteral("--lang"), language, fixturePath(file)});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    QVERIFY(lines.size() > 3);
    QVERIFY2(lines.at(1).startsWith(notice), qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), meaning);
}

// Every notice kind has a title and a meaning in every language of the knowledge base.
void TestNotice::knowledgeComplete()
{
    const KnowledgeBase &kb = KnowledgeBase::builtIn();
    QVERIFY2(kb.error().isEmpty(), qPrintable(kb.error()));
    for (const NoticeKind kind : {NoticeKind::NotDelivered, NoticeKind::Delayed, NoticeKind::Warning,
             NoticeKind::AutoReply, NoticeKind::Feedback, NoticeKind::Delivered, NoticeKind::Subject}) {
        const KnowledgeEntry *e = kb.notice(toString(kind));
        QVERIFY2(e, qPrintable(toString(kind)));
        for (const QString &language : kb.languages())
            for (const QString &field : KnowledgeBase::fields(KnowledgeEntry::Group::Notice))
                QVERIFY2(
                    e->hasText(field, language), qPrintable(toString(kind) + u' ' + field + u' ' + language));
        QVERIFY(hasJapaneseScript(e->text(QStringLiteral("meaning"), QStringLiteral("ja"))));
        QVERIFY(englishRun(e->text(QStringLiteral("meaning"), QStringLiteral("ja"))).isEmpty());
    }
}

// Megabytes of notice phrases and frames: only the window is read, once.
void TestNotice::boundedAndLinear()
{
    QString text;
    for (int i = 0; i < 200000; ++i)
        text += QStringLiteral("could not be delivered could not ----- ##### \n");
    QElapsedTimer timer;
    timer.start();
    const NoticeResult r = NoticeLocator::locate(text, text.size(), {}, MessageKind::Bounce);
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(r.found());
    for (const Span &s : r.spans)
        QVERIFY(s.start + s.length <= NoticeLocator::kWindow);
}

void TestNotice::corpus()
{
    const QString dir = corpusDir() + QStringLiteral("/eml");
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP(qPrintable(
            QStringLiteral("The shared corpus is not at %1; set BOUNCELENS_CORPUS.").arg(corpusDir())));
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    int failures = 0, says = 0, fromText = 0;
    QStringList misses;
    for (const QString &name : files) {
        for (const RawMessage &raw : loader.loadFile(dir + u'/' + name)) {
            const MessageAnalysis a = analyzer.analyze(raw);
            if (a.kind != MessageKind::Bounce && a.kind != MessageKind::Delay)
                continue;
            ++failures;
            const bool text = a.noticeKind != NoticeKind::Subject && a.noticeKind != NoticeKind::None;
            // A notice from the text must say it (not only an introduction line); a subject line
            // stands in for one when it says "undelivered", "returned mail", ...
            const bool ok = text ? saysNotDelivered(a.notice) : subjectSaysBounce(a.notice);
            fromText += text && ok ? 1 : 0;
            says += ok ? 1 : 0;
            if (!ok)
                misses << name + QStringLiteral(": ") + toString(a.noticeKind) + QStringLiteral(": ")
                        + a.notice.left(100);
        }
    }
    QVERIFY(failures > 300);
    const double rate = 100.0 * says / failures;
    const double textRate = 100.0 * fromText / failures;
    qInfo("notice says not delivered / delayed: %.2f%% (%d of %d); from the text %.2f%%, subject line %.2f%%",
        rate, says, failures, textRate, rate - textRate);
    for (const QString &miss : std::as_const(misses))
        qInfo("    miss: %s", qPrintable(miss));
    QVERIFY2(rate >= 95.0, "fewer than 95% of bounce and delay notices say the mail did not arrive");
    QVERIFY2(textRate >= 90.0, "the subject line stands in for the notice in more than 10% of bounces");
}

QTEST_GUILESS_MAIN(TestNotice)
#include "tst_notice.moc"

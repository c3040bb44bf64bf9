// The main window end to end: drops, highlights, explanation, language switching, loading a
// large folder off the UI thread, cancelling, paste, errors and the export entry points.
#include "AnalysisWorker.h"
#include "BounceFilterProxy.h"
#include "BounceTableModel.h"
#include "BounceTablePane.h"
#include "ExplanationPanel.h"
#include "MainWindow.h"
#include "MessageView.h"
#include "RecipientCard.h"
#include "SpanStyle.h"
#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>

using namespace bouncelens;
using namespace bouncelens::testing;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(BOUNCELENS_FIXTURES "/gui/") + name;
}

// Sends a drag-enter and a drop of these files, as a file manager would.
bool dropUrls(QWidget *target, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

bool waitLoaded(MainWindow &w, int timeout = 20000)
{
    if (!w.isLoading())
        return true;
    QSignalSpy spy(&w, &MainWindow::loadingFinished);
    return spy.wait(timeout);
}

QList<QUrl> urls(const QStringList &names)
{
    QList<QUrl> list;
    for (const QString &n : names)
        list << QUrl::fromLocalFile(fixture(n));
    return list;
}

// The role that wins at each character (shorter spans drawn over longer ones, as in the view).
QList<int> effectiveRoles(const MessageAnalysis &a)
{
    QList<int> roles(a.displayText.size(), -1);
    QList<Span> spans = a.spans;
    std::stable_sort(
        spans.begin(), spans.end(), [](const Span &l, const Span &r) { return l.length > r.length; });
    for (const Span &s : spans)
        for (qsizetype i = s.start; i < s.start + s.length && i < roles.size(); ++i)
            roles[i] = int(s.role);
    return roles;
}

QTextCharFormat formatAt(QTextDocument *doc, int position)
{
    QTextCursor cursor(doc);
    cursor.setPosition(position);
    cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
    return cursor.charFormat();
}

QString headline(const MainWindow &w, int card = 0)
{
    const QList<RecipientCard *> cards = w.explanationPanel()->cards();
    return card < cards.size() ? cards.at(card)->headlineLabel()->text() : QString();
}

QMenu *menuTitled(MainWindow &w, int index)
{
    return w.menuBar()->actions().value(index) ? w.menuBar()->actions().at(index)->menu() : nullptr;
}

} // namespace

class TestGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void dropShowsHighlightsAndExplanation_data();
    void dropShowsHighlightsAndExplanation();
    void dropSeveral_data();
    void dropSeveral();
    void noticeHighlightAndMeaning_data();
    void noticeHighlightAndMeaning();
    void clickingHighlightShowsExplanation();
    void rawSourceToggle();
    void switchLanguage();
    void languageRemembered();
    void filtersInWindow_data();
    void filtersInWindow();
    void pasteMessage();
    void unreadableFilesReportedOnce();
    void dropOnChildWidget();
    void largeFolderKeepsUiResponsive_data();
    void largeFolderKeepsUiResponsive();
    void largeFolderCanBeCancelled();
    void exportsFromWindow();
    void copyCustomerText();
    void guessedAndFinalAddressesShown();
    void recentFilesRemembered();

private:
    QTemporaryDir m_config;
};

void TestGui::initTestCase()
{
    // Never touch the developer's own settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BounceLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.0-test"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QVERIFY(m_config.isValid());
}

void TestGui::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
}

void TestGui::dropShowsHighlightsAndExplanation_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expectedHeadline");
    QTest::addColumn<int>("cards");
    QTest::newRow("user unknown") << "userunknown.eml"
                                  << "The address does not exist — permanent failure" << 1;
    QTest::newRow("mailbox full (delay)") << "mailboxfull.eml"
                                          << "Delivery is delayed — temporary failure" << 1;
    QTest::newRow("two recipients") << "two-recipients.eml"
                                    << "The address does not exist — permanent failure" << 2;
}

void TestGui::dropShowsHighlightsAndExplanation()
{
    QFETCH(QString, file);
    QFETCH(QString, expectedHeadline);
    QFETCH(int, cards);
    MainWindow w;
    w.show();
    QVERIFY(dropUrls(&w, urls({file})));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.currentMessage(), 0);

    const MessageAnalysis a = w.model()->fullMessage(0).analysis;
    QVERIFY(!a.spans.isEmpty());
    QTextDocument *doc = w.messageView()->document();
    QCOMPARE(doc->toPlainText(), a.displayText);
    const QList<int> winner = effectiveRoles(a);
    const QPalette palette = w.messageView()->palette();
    QSet<SpanRole> seen;
    for (const Span &span : a.spans) {
        // The first character this span shows (an inner span may cover its start).
        qsizetype at = span.start;
        while (at < span.start + span.length && winner.at(at) != int(span.role))
            ++at;
        if (at == span.start + span.length)
            continue;
        const QTextCharFormat f = formatAt(doc, int(at));
        const QString where = QStringLiteral("%1 at %2").arg(toString(span.role)).arg(at);
        QVERIFY2(f.background().color() == SpanStyle::background(span.role, palette), qPrintable(where));
        QVERIFY2(f.fontWeight() == SpanStyle::weight(span.role), qPrintable(where));
        QVERIFY2(f.underlineStyle() == SpanStyle::underline(span.role), qPrintable(where));
        QVERIFY2(f.toolTip().contains(SpanStyle::name(span.role).toHtmlEscaped()), qPrintable(where));
        QVERIFY2(f.isAnchor() && f.anchorHref().startsWith(QLatin1String("span:")), qPrintable(where));
        seen.insert(span.role);
    }
    QVERIFY(seen.contains(SpanRole::Notice));
    QVERIFY(seen.contains(SpanRole::Recipient));
    QVERIFY(seen.contains(SpanRole::StatusCode));
    // Text outside every span keeps the plain look.
    const qsizetype plain = winner.indexOf(-1);
    QVERIFY(plain >= 0);
    QVERIFY(!formatAt(doc, int(plain)).isAnchor());

    QCOMPARE(w.explanationPanel()->cards().size(), cards);
    QCOMPARE(headline(w), expectedHeadline);
}

void TestGui::noticeHighlightAndMeaning_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("meaning");
    QTest::newRow("bounce, English") << "userunknown.eml"
                                     << "en"
                                     << "Notice:"
                                     << "This is a notice that your message could not be delivered.";
    QTest::newRow("bounce, Japanese")
        << "userunknown.eml"
        << "ja" << u"通知文:"_qs << u"メールを配信できなかったという通知です。"_qs;
    QTest::newRow("delay, English")
        << "mailboxfull.eml"
        << "en"
        << "Notice:"
        << "This is a warning that delivery of your message is delayed; the mail server keeps trying.";
    QTest::newRow("delay, Japanese")
        << "mailboxfull.eml"
        << "ja" << u"通知文:"_qs
        << u"配信が遅れているという警告です。メールサーバーが配信を続けています。"_qs;
}

// The sentence that says the mail did not arrive is highlighted as the notice, and the panel
// starts with it and what it means, in the chosen language.
void TestGui::noticeHighlightAndMeaning()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    QFETCH(QString, label);
    QFETCH(QString, meaning);
    MainWindow w;
    w.show();
    w.setLanguage(languageFromCode(language), true);
    QCoreApplication::processEvents();
    QVERIFY(dropUrls(&w, urls({file})));
    QVERIFY(waitLoaded(w));
    const MessageAnalysis a = w.model()->fullMessage(0).analysis;
    QTextDocument *doc = w.messageView()->document();
    const QPalette palette = w.messageView()->palette();
    QStringList highlighted;
    for (const Span &span : a.spans) {
        if (span.role != SpanRole::Notice)
            continue;
        for (qsizetype at = span.start; at < span.start + span.length; at += 7)
            QCOMPARE(formatAt(doc, int(at)).background().color(),
                SpanStyle::background(SpanRole::Notice, palette));
        highlighted << doc->toPlainText().mid(span.start, span.length).simplified();
    }
    QVERIFY2(highlighted.join(u' ').contains(QLatin1String("could not be delivered")),
        qPrintable(highlighted.join(u'|')));
    const QStringList lines = w.explanationPanel()->noticeText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.first().startsWith(label), qPrintable(lines.first()));
    QVERIFY(lines.first().contains(a.notice.left(40)));
    QCOMPARE(lines.last(), meaning);
}

void TestGui::dropSeveral_data()
{
    QTest::addColumn<QStringList>("paths"); // fixture names; "" means the fixture folder itself
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("rows");
    QTest::newRow("one file") << QStringList {"userunknown.eml"} << 1 << 1;
    QTest::newRow("several files") << QStringList {"userunknown.eml", "mailboxfull.eml", "two-recipients.eml"}
                                   << 3 << 4;
    QTest::newRow("mbox") << QStringList {"two.mbox"} << 2 << 2;
    QTest::newRow("not a bounce") << QStringList {"not-a-bounce.eml"} << 1 << 1;
    QTest::newRow("folder") << QStringList {""} << 6 << 7;
}

void TestGui::dropSeveral()
{
    QFETCH(QStringList, paths);
    QFETCH(int, messages);
    QFETCH(int, rows);
    MainWindow w;
    w.show();
    QVERIFY(dropUrls(&w, urls(paths)));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.model()->messages().size(), messages);
    QCOMPARE(w.model()->rowCount(), rows);
    QCOMPARE(w.tablePane()->table()->model()->rowCount(), rows);
    QVERIFY(w.lastLoadErrors().isEmpty());
}

void TestGui::clickingHighlightShowsExplanation()
{
    MainWindow w;
    w.resize(1000, 500); // small, so the second card starts out of view
    w.show();
    QVERIFY(dropUrls(&w, urls({"two-recipients.eml"})));
    QVERIFY(waitLoaded(w));
    QTest::qWait(50);
    const MessageAnalysis a = w.model()->fullMessage(0).analysis;
    qsizetype spanIndex = -1;
    for (qsizetype i = 0; i < a.spans.size(); ++i)
        if (a.spans.at(i).role == SpanRole::Recipient && a.spans.at(i).recipient == 1)
            spanIndex = i;
    QVERIFY(spanIndex >= 0);
    QSignalSpy spy(w.messageView(), &MessageView::spanActivated);
    emit w.messageView()->textBrowser()->anchorClicked(QUrl(QStringLiteral("span:%1").arg(spanIndex)));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().at(0).toInt(), 1);
    QCOMPARE(w.explanationPanel()->currentRecipient(), 1);
    QVERIFY(w.explanationPanel()->cards().at(1)->isCurrent());
    QVERIFY(!w.explanationPanel()->cards().at(0)->isCurrent());
    // The second card's recipient line is now inside the visible part of the panel.
    QWidget *part = w.explanationPanel()->cards().at(1)->partFor(SpanRole::Recipient);
    const QRect visible = w.explanationPanel()->viewport()->rect();
    const QRect partRect(part->mapTo(w.explanationPanel()->viewport(), QPoint(0, 0)), part->size());
    QVERIFY2(visible.intersects(partRect), "the clicked recipient's explanation is out of view");
}

void TestGui::rawSourceToggle()
{
    MainWindow w;
    w.show();
    QVERIFY(dropUrls(&w, urls({"userunknown.eml"})));
    QVERIFY(waitLoaded(w));
    QFile f(fixture("userunknown.eml"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString raw = QString::fromUtf8(f.readAll());
    w.messageView()->rawSourceAction()->setChecked(true);
    QCOMPARE(w.messageView()->document()->toPlainText(), raw);
    QCOMPARE(QString::fromUtf8(w.model()->fullMessage(0).raw), raw); // read again from the file
    w.messageView()->rawSourceAction()->setChecked(false);
    QCOMPARE(w.messageView()->document()->toPlainText(), w.model()->fullMessage(0).analysis.displayText);
}

void TestGui::switchLanguage()
{
    MainWindow w;
    w.show();
    QVERIFY(dropUrls(&w, urls({"userunknown.eml"})));
    QVERIFY(waitLoaded(w));
    QCOMPARE(menuTitled(w, 0)->title(), QStringLiteral("&File"));
    QCOMPARE(w.model()->headerData(BounceTableModel::Recipient, Qt::Horizontal).toString(),
        QStringLiteral("Recipient"));
    const QString englishHeadline = headline(w);
    const QString englishReason = w.model()->index(0, BounceTableModel::Reason).data().toString();

    w.setLanguage(Language::Japanese, true);
    QCoreApplication::processEvents(); // LanguageChange is posted to the widgets
    QCOMPARE(w.language(), Language::Japanese);
    QCOMPARE(menuTitled(w, 0)->title(), u"ファイル(&F)"_qs);
    QCOMPARE(menuTitled(w, 1)->title(), u"編集(&E)"_qs);
    QCOMPARE(menuTitled(w, 2)->title(), u"表示(&V)"_qs);
    QCOMPARE(w.model()->headerData(BounceTableModel::Recipient, Qt::Horizontal).toString(), u"宛先"_qs);
    QVERIFY(w.model()->index(0, BounceTableModel::Reason).data().toString() != englishReason);
    QCOMPARE(headline(w), u"宛先のメールアドレスが存在しません — 恒久的なエラー"_qs);
    QVERIFY(headline(w) != englishHeadline);
    QCOMPARE(w.explanationPanel()->cards().first()->copyButton()->text().contains(u"コピー"_qs), true);
    // The message itself was not re-read: the same analysis is shown.
    QCOMPARE(w.model()->messages().size(), 1);
    // Qt's own strings (standard dialogs) follow.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"キャンセル"_qs);

    w.setLanguage(Language::English, true);
    QCoreApplication::processEvents();
    QCOMPARE(menuTitled(w, 0)->title(), QStringLiteral("&File"));
    QCOMPARE(headline(w), englishHeadline);
    QCOMPARE(w.model()->index(0, BounceTableModel::Reason).data().toString(), englishReason);
}

void TestGui::languageRemembered()
{
    {
        MainWindow w;
        w.setLanguage(Language::Japanese, true);
    }
    {
        MainWindow w;
        QCOMPARE(w.language(), Language::Japanese);
        w.setLanguage(Language::English, false); // --lang: this run only
    }
    MainWindow w;
    QCOMPARE(w.language(), Language::Japanese);
    w.setLanguage(Language::English, true);
}

void TestGui::filtersInWindow_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<bool>("permanentOnly");
    QTest::addColumn<bool>("hardOnly");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("rows");
    QTest::newRow("everything") << "" << false << false << "" << 7;
    QTest::newRow("permanent only") << "" << true << false << "" << 4;
    QTest::newRow("hard only") << "" << false << true << "" << 4;
    QTest::newRow("mailbox full") << "" << false << false << "mailboxfull" << 2;
    QTest::newRow("search domain") << "nowhere" << false << false << "" << 1;
    QTest::newRow("search two words") << "tanaka 5.1.1" << false << false << "" << 2;
    QTest::newRow("search + hard") << "example.jp" << false << true << "" << 4;
    QTest::newRow("no match") << "zzz-nothing" << false << false << "" << 0;
}

void TestGui::filtersInWindow()
{
    QFETCH(QString, search);
    QFETCH(bool, permanentOnly);
    QFETCH(bool, hardOnly);
    QFETCH(QString, reason);
    QFETCH(int, rows);
    MainWindow w;
    w.show();
    w.openPaths({QStringLiteral(BOUNCELENS_FIXTURES "/gui")});
    QVERIFY(waitLoaded(w));
    BounceTablePane *pane = w.tablePane();
    pane->searchBox()->setText(search);
    pane->applySearchNow();
    pane->permanentOnlyBox()->setChecked(permanentOnly);
    pane->hardOnlyBox()->setChecked(hardOnly);
    if (!reason.isEmpty()) {
        const int index = pane->reasonBox()->findData(reason);
        QVERIFY(index > 0);
        pane->reasonBox()->setCurrentIndex(index);
    }
    QCOMPARE(pane->table()->model()->rowCount(), rows);
}

void TestGui::pasteMessage()
{
    MainWindow w;
    w.show();
    QFile f(fixture("userunknown.eml"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QGuiApplication::clipboard()->setText(QString::fromUtf8(f.readAll()));
    QAction *paste = nullptr;
    for (QAction *a : w.findChildren<QAction *>())
        if (a->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)))
            paste = a;
    QVERIFY(paste);
    paste->trigger();
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.model()->messages().size(), 1);
    QCOMPARE(
        w.model()->messageAt(0).analysis.recipients.value(0).address, QStringLiteral("tanaka@example.jp"));
    QVERIFY(!w.model()->fullMessage(0).raw.isEmpty());
}

void TestGui::unreadableFilesReportedOnce()
{
    QTemporaryDir dir;
    MainWindow w;
    w.show();
    w.openPaths({dir.filePath("missing-1.eml"), fixture("userunknown.eml"), dir.filePath("missing-2.eml")});
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.model()->messages().size(), 1); // the readable one is in
    QCOMPARE(w.lastLoadErrors().size(), 2);
    const QList<QMessageBox *> boxes = w.findChildren<QMessageBox *>(QStringLiteral("loadErrorsBox"));
    QCOMPARE(boxes.size(), 1); // one dialog for the whole load
    QVERIFY(boxes.first()->detailedText().contains(QLatin1String("missing-2.eml")));
    boxes.first()->close();
}

void TestGui::dropOnChildWidget()
{
    // A drop on the message text (read-only) or the table reaches the window.
    MainWindow w;
    w.show();
    QVERIFY(dropUrls(w.messageView()->textBrowser()->viewport(), urls({"userunknown.eml"})));
    QVERIFY(waitLoaded(w));
    QVERIFY(dropUrls(w.tablePane()->table()->viewport(), urls({"mailboxfull.eml"})));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.model()->messages().size(), 2);
}

void TestGui::largeFolderKeepsUiResponsive_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("2,000 messages") << 2000;
    QTest::newRow("10,000 messages") << 10000;
}

void TestGui::largeFolderKeepsUiResponsive()
{
    QFETCH(int, count);
    QTemporaryDir dir;
    QFile f(fixture("userunknown.eml"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (int i = 0; i < count; ++i) {
        QFile out(dir.filePath(QStringLiteral("bounce-%1.eml").arg(i, 5, 10, QLatin1Char('0'))));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
    }
    MainWindow w;
    w.show();
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(10);
    QElapsedTimer clock;
    clock.start();
    w.openPaths({dir.path()});
    QVERIFY(w.isLoading()); // returned at once: the work is on another thread
    QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() > 0, scaledMs(5000));
    const qint64 firstRows = clock.elapsed();
    QVERIFY2(firstRows < scaledMs(1000), qPrintable(QStringLiteral("first rows after %1 ms").arg(firstRows)));
    const int rowsEarly = w.model()->rowCount();
    QVERIFY(waitLoaded(w, scaledMs(60000)));
    const qint64 total = clock.elapsed();
    QCOMPARE(w.model()->rowCount(), count);
    QVERIFY(rowsEarly < count || total < scaledMs(300)); // rows arrived progressively
    // The event loop kept running: at least a third of the 10 ms ticks fired during the load.
    QVERIFY2(ticks >= total / 30, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(total)));
    qInfo("%d messages: first rows after %lld ms, all after %lld ms, %d timer ticks", count, firstRows, total,
        ticks);
}

void TestGui::largeFolderCanBeCancelled()
{
    QTemporaryDir dir;
    QFile f(fixture("two-recipients.eml"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (int i = 0; i < 2000; ++i) {
        QFile out(dir.filePath(QStringLiteral("b%1.eml").arg(i)));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
    }
    MainWindow w;
    w.show();
    w.openPaths({dir.path()});
    QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() > 0, scaledMs(5000));
    QSignalSpy finished(&w, &MainWindow::loadingFinished);
    w.cancelLoading();
    QVERIFY(finished.wait(scaledMs(10000)));
    QVERIFY(!w.isLoading());
    const int rows = w.model()->rowCount();
    QVERIFY2(rows < 4000, qPrintable(QString::number(rows)));
    QTest::qWait(200); // nothing trickles in after the cancel
    QCOMPARE(w.model()->rowCount(), rows);
    // The window can load again afterwards.
    w.openPaths({fixture("userunknown.eml")});
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.model()->rowCount(), rows + 1);
}

void TestGui::exportsFromWindow()
{
    QTemporaryDir dir;
    MainWindow w;
    w.show();
    w.openPaths({fixture("two-recipients.eml"), fixture("mailboxfull.eml"), fixture("two.mbox")});
    QVERIFY(waitLoaded(w));
    QString error;
    QVERIFY(w.exportTo(MainWindow::ExportKind::SuppressionCsv, dir.filePath("s.csv"), &error));
    QFile csv(dir.filePath("s.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll(),
        QByteArray(
            "email,suggestion\r\ninfo@nowhere.example.jp,\r\nsato@example.jp,\r\ntanaka@example.jp,\r\n"));
    QVERIFY(w.exportTo(MainWindow::ExportKind::ReportPdf, dir.filePath("r.pdf"), &error));
    QFile pdf(dir.filePath("r.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(w.exportTo(MainWindow::ExportKind::ReportHtml, dir.filePath("r.html"), &error));
    QFile html(dir.filePath("r.html"));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(html.readAll()).contains(headline(w).toHtmlEscaped()));
    QVERIFY(!w.exportTo(MainWindow::ExportKind::TableCsv, dir.filePath("no/such/dir/t.csv"), &error));
    QVERIFY(!error.isEmpty());
}

void TestGui::copyCustomerText()
{
    MainWindow w;
    w.show();
    w.openPaths({fixture("userunknown.eml")});
    QVERIFY(waitLoaded(w));
    QGuiApplication::clipboard()->clear();
    RecipientCard *card = w.explanationPanel()->cards().value(0);
    QVERIFY(card);
    QVERIFY(!card->content().customer.isEmpty());
    QTest::mouseClick(card->copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), card->content().customer);
}

// Issue 12: a guessed address carries a visible note; an alias shows its final recipient too.
void TestGui::guessedAndFinalAddressesShown()
{
    const auto labelsOf = [](RecipientCard *card) {
        QStringList visible;
        for (const QLabel *label : card->findChildren<QLabel *>())
            if (label->isVisibleTo(card))
                visible << label->text();
        return visible.join(QLatin1Char('\n'));
    };
    MainWindow w;
    w.show();
    w.openPaths({QStringLiteral(BOUNCELENS_FIXTURES "/core/recipients/single-to-guess.eml")});
    QVERIFY(waitLoaded(w));
    RecipientCard *card = w.explanationPanel()->cards().value(0);
    QVERIFY(card);
    QVERIFY(card->content().addressGuessed);
    QVERIFY2(labelsOf(card).contains(QLatin1String("Guessed from the returned message")),
        qPrintable(labelsOf(card)));

    MainWindow alias;
    alias.show();
    alias.openPaths({QStringLiteral(BOUNCELENS_FIXTURES "/core/recipients/original-recipient-alias.eml")});
    QVERIFY(waitLoaded(alias));
    card = alias.explanationPanel()->cards().value(0);
    QVERIFY(card);
    const QString shown = labelsOf(card);
    QVERIFY2(shown.contains(QLatin1String("info@example.net"))
            && shown.contains(QLatin1String("sales@example.net")),
        qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("Guessed from")), qPrintable(shown));
}

void TestGui::recentFilesRemembered()
{
    {
        MainWindow w;
        w.openPaths({fixture("userunknown.eml"), fixture("two.mbox")});
        QVERIFY(waitLoaded(w));
    }
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.first(), QFileInfo(fixture("two.mbox")).absoluteFilePath());
}

QTEST_MAIN(TestGui)
#include "tst_gui.moc"

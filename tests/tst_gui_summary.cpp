// The summary tab, "did you mean" and the reply composer, with real widgets offscreen: the
// summary counts what the table holds, clicking a bar filters the table to exactly that bar's
// rows (and again shows everything), exports write real PDF/PNG/CSV, the language switch
// relabels the charts, the recipient card offers the suggestion, and the composer fills,
// switches language and copies.
#include "BarChart.h"
#include "BounceFilterProxy.h"
#include "BounceTableModel.h"
#include "BounceTablePane.h"
#include "ExplanationPanel.h"
#include "MainWindow.h"
#include "RecipientCard.h"
#include "ReplyComposerDialog.h"
#include "SummaryReport.h"
#include "SummaryView.h"
#include "WorkspaceTabs.h"
#include "export/BounceSummary.h"

#include "TestSupport.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace bouncelens;
using Facet = SummaryReport::Facet;

Q_DECLARE_METATYPE(bouncelens::SummaryReport::Facet)

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(BOUNCELENS_FIXTURES "/gui/") + name;
}

bool waitLoaded(MainWindow &w, int timeout = 20000)
{
    if (!w.isLoading())
        return true;
    QSignalSpy spy(&w, &MainWindow::loadingFinished);
    return spy.wait(timeout);
}

// The window with the GUI and core fixtures loaded and the summary tab in front.
void loadAll(MainWindow &w)
{
    w.resize(1280, 1000);
    w.show();
    w.openPaths({QStringLiteral(BOUNCELENS_FIXTURES "/gui"), QStringLiteral(BOUNCELENS_FIXTURES "/core"),
        QStringLiteral(BOUNCELENS_FIXTURES "/suggest")});
    QVERIFY(waitLoaded(w));
    w.workspaceTabs()->showSummary();
    w.workspaceTabs()->summaryView()->refresh();
}

// The model rows a bar stands for, counted independently of the proxy.
int rowsFor(const MainWindow &w, Facet facet, const QString &key)
{
    int n = 0;
    const BounceTableModel *m = w.model();
    for (int row = 0; row < m->rowCount(); ++row) {
        const QModelIndex i = m->index(row, 0);
        const MessageAnalysis &a = m->messageAt(i.data(BounceTableModel::MessageIndexRole).toInt()).analysis;
        const int r = i.data(BounceTableModel::RecipientIndexRole).toInt();
        const QString day = BounceSummary::dayOf(a);
        switch (facet) {
        case Facet::Reason: n += i.data(BounceTableModel::ReasonRole).toString() == key; break;
        case Facet::Domain: n += r >= 0 && BounceSummary::domainOf(a.recipients.at(r).address) == key; break;
        case Facet::Day: n += a.ok() && (day.isEmpty() ? BounceSummary::kUnknownDay : day) == key; break;
        case Facet::Kind: n += a.ok() && toString(a.kind) == key; break;
        case Facet::Failure: n += i.data(BounceTableModel::HardBounceRole).toBool(); break;
        }
    }
    return n;
}

QString labelOf(const BarChart *chart, const QString &key)
{
    for (const BarChart::Bar &bar : chart->bars())
        if (bar.key == key)
            return bar.label;
    return {};
}

void clickBar(BarChart *chart, const QString &key)
{
    for (qsizetype i = 0; i < chart->bars().size(); ++i)
        if (chart->bars().at(i).key == key) {
            QTest::mouseClick(chart, Qt::LeftButton, {}, chart->barRect(int(i)).center());
            return;
        }
    QFAIL(qPrintable("no bar " + key));
}

} // namespace

class TestGuiSummary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BounceLensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_summary"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QVERIFY(m_config.isValid());
    }
    void init()
    {
        QSettings().clear();
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
    }

    void summaryCountsTheTable()
    {
        MainWindow w;
        loadAll(w);
        const BounceSummary &s = w.workspaceTabs()->summaryView()->summary();
        BounceSummary expected;
        for (const LoadedMessage &m : w.model()->messages())
            expected.add(m.analysis);
        QCOMPARE(s.messages, expected.messages);
        QCOMPARE(s.recipients, expected.recipients);
        QVERIFY(s.recipients > 10);
        BarChart *reasons = w.workspaceTabs()->summaryView()->chart(Facet::Reason);
        qint64 sum = 0;
        for (const BarChart::Bar &bar : reasons->bars())
            sum += bar.count;
        QCOMPARE(sum, s.recipients);
        QVERIFY(reasons->isVisible());
        QCOMPARE(
            labelOf(reasons, QStringLiteral("userunknown")), QStringLiteral("The address does not exist"));
    }

    void filterByBar_data()
    {
        QTest::addColumn<Facet>("facet");
        QTest::addColumn<QString>("key");
        QTest::newRow("reason userunknown") << Facet::Reason << "userunknown";
        QTest::newRow("reason mailboxfull") << Facet::Reason << "mailboxfull";
        QTest::newRow("domain example.jp") << Facet::Domain << "example.jp";
        QTest::newRow("domain docomo.ne.jo") << Facet::Domain << "docomo.ne.jo";
        QTest::newRow("day 2024-05-15") << Facet::Day << "2024-05-15";
        QTest::newRow("kind delay") << Facet::Kind << "delay";
        QTest::newRow("hard bounces") << Facet::Failure << SummaryReport::kHard;
    }
    void filterByBar()
    {
        QFETCH(Facet, facet);
        QFETCH(QString, key);
        MainWindow w;
        loadAll(w);
        BarChart *chart = w.workspaceTabs()->summaryView()->chart(facet);
        const int all = w.proxy()->rowCount();
        const int expected = rowsFor(w, facet, key);
        QVERIFY(expected > 0);
        QVERIFY(expected < all);
        // For reasons and domains the bar's own number is the number of rows it shows.
        if (facet == Facet::Reason || facet == Facet::Domain)
            for (const BarChart::Bar &bar : chart->bars())
                if (bar.key == key)
                    QCOMPARE(bar.count, qint64(expected));

        clickBar(chart, key);
        QCOMPARE(w.proxy()->rowCount(), expected);
        QCOMPARE(chart->selected(), key);
        if (facet == Facet::Domain || facet == Facet::Day || facet == Facet::Kind) {
            QVERIFY(w.tablePane()->facetButton()->isVisible());
            QVERIFY(w.tablePane()->facetButton()->text().contains(
                facet == Facet::Kind ? QStringLiteral("Delay") : key));
        }
        if (facet == Facet::Reason)
            QCOMPARE(w.tablePane()->reasonBox()->currentData().toString(), key);
        if (facet == Facet::Failure)
            QVERIFY(w.tablePane()->hardOnlyBox()->isChecked());

        clickBar(chart, key); // the same bar again shows everything
        QCOMPARE(w.proxy()->rowCount(), all);
        QCOMPARE(chart->selected(), QString());
        QVERIFY(!w.tablePane()->facetButton()->isVisible());
    }

    void facetButtonClears()
    {
        MainWindow w;
        loadAll(w);
        const int all = w.proxy()->rowCount();
        clickBar(w.workspaceTabs()->summaryView()->chart(Facet::Domain), QStringLiteral("example.jp"));
        QVERIFY(w.proxy()->rowCount() < all);
        w.tablePane()->facetButton()->click();
        QCOMPARE(w.proxy()->rowCount(), all);
        QCOMPARE(w.workspaceTabs()->summaryView()->chart(Facet::Domain)->selected(), QString());
    }

    void keyboardFiltersToo()
    {
        MainWindow w;
        loadAll(w);
        BarChart *chart = w.workspaceTabs()->summaryView()->chart(Facet::Reason);
        chart->setFocus();
        QTest::keyClick(chart, Qt::Key_Down);
        QTest::keyClick(chart, Qt::Key_Return);
        QCOMPARE(w.proxy()->reason(), chart->bars().first().key);
    }

    void followsLoadingAndClearing()
    {
        MainWindow w;
        w.show();
        w.workspaceTabs()->showSummary();
        SummaryView *view = w.workspaceTabs()->summaryView();
        QVERIFY(!view->exportAction()->isEnabled());
        w.openPaths({fixture("userunknown.eml")});
        QVERIFY(waitLoaded(w));
        QTRY_COMPARE(view->summary().recipients, qint64(1));
        QVERIFY(view->exportAction()->isEnabled());
        w.openPaths({fixture("two-recipients.eml")});
        QVERIFY(waitLoaded(w));
        QTRY_COMPARE(view->summary().recipients, qint64(3));
    }

    void languageSwitch()
    {
        MainWindow w;
        loadAll(w);
        w.setLanguage(Language::Japanese, false);
        BarChart *reasons = w.workspaceTabs()->summaryView()->chart(Facet::Reason);
        QCOMPARE(labelOf(reasons, QStringLiteral("userunknown")), u"宛先のメールアドレスが存在しません"_qs);
        QTRY_COMPARE(w.workspaceTabs()->tabText(1), u"集計(&U)"_qs);
        w.setLanguage(Language::English, false);
        QCOMPARE(
            labelOf(reasons, QStringLiteral("userunknown")), QStringLiteral("The address does not exist"));
    }

    void exports_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("pdf") << "summary.pdf" << QByteArray("%PDF");
        QTest::newRow("png") << "summary.png" << QByteArray("\x89PNG");
        QTest::newRow("csv") << "summary.csv" << QByteArray("\xEF\xBB\xBFsection,key,label,count");
    }
    void exports()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, start);
        MainWindow w;
        loadAll(w);
        w.setLanguage(Language::Japanese, false);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QString error;
        QVERIFY2(w.workspaceTabs()->summaryView()->exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith(start));
        if (name.endsWith(".png")) {
            const QImage image(path);
            QVERIFY(image.width() > 1000 && image.height() > 1000); // charts, drawn at 2x
        }
        if (name.endsWith(".csv"))
            QVERIFY(
                QString::fromUtf8(bytes).contains(u"reason,userunknown,宛先のメールアドレスが存在しません,"));
        QVERIFY(!w.workspaceTabs()->summaryView()->exportTo(dir.filePath("missing/dir/" + name), &error));
    }

    // "Did you mean" on the card of a mistyped carrier address, with its Copy button.
    void suggestionOnTheCard()
    {
        MainWindow w;
        w.show();
        w.openPaths({QStringLiteral(BOUNCELENS_FIXTURES "/suggest/hostunknown-typo.eml")});
        QVERIFY(waitLoaded(w));
        QTRY_COMPARE(w.explanationPanel()->cards().size(), 1);
        RecipientCard *card = w.explanationPanel()->cards().first();
        QVERIFY(card->suggestionLabel()->isVisibleTo(card));
        QVERIFY(card->suggestionLabel()->text().contains(QStringLiteral("hanako@docomo.ne.jp")));
        QVERIFY(card->copySuggestionButton()->isVisibleTo(card));
        card->copySuggestionButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("hanako@docomo.ne.jp"));

        // A correct address gets neither.
        w.openPaths({fixture("userunknown.eml")});
        QVERIFY(waitLoaded(w));
        w.tablePane()->selectSourceRow(w.model()->rowCount() - 1);
        QTRY_VERIFY(
            w.explanationPanel()->cards().first()->content().address == QStringLiteral("tanaka@example.jp"));
        QVERIFY(!w.explanationPanel()->cards().first()->suggestionLabel()->isVisibleTo(
            w.explanationPanel()->cards().first()));
        QVERIFY(!w.explanationPanel()->cards().first()->copySuggestionButton()->isVisibleTo(
            w.explanationPanel()->cards().first()));
    }

    void replyComposer()
    {
        MainWindow w;
        w.show();
        w.openPaths({QStringLiteral(BOUNCELENS_FIXTURES "/suggest/hostunknown-typo.eml")});
        QVERIFY(waitLoaded(w));
        QTRY_COMPARE(w.explanationPanel()->cards().size(), 1);
        RecipientCard *card = w.explanationPanel()->cards().first();
        QVERIFY(card->replyButton()->isVisibleTo(card));
        card->replyButton()->click();
        auto *dialog = w.findChild<ReplyComposerDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->language(), Language::English);
        QCOMPARE(dialog->toEdit()->text(), QStringLiteral("shop@example.com"));
        const QString en = dialog->bodyEdit()->toPlainText();
        QVERIFY(en.contains(QStringLiteral("hanako@docomo.ne.jo")));
        QVERIFY(en.contains(QStringLiteral("hanako@docomo.ne.jp"))); // the suggestion
        QVERIFY(!en.contains(u'{'));
        QVERIFY(!testing::hasJapaneseScript(dialog->subjectEdit()->text()));

        dialog->languageBox()->setCurrentIndex(1); // 日本語, unedited: composed again
        QCOMPARE(dialog->language(), Language::Japanese);
        const QString ja = dialog->bodyEdit()->toPlainText();
        QVERIFY(ja.contains(u"ご注文内容のご確認"));
        QVERIFY(ja.contains(u"何卒よろしくお願い申し上げます"));
        QVERIFY(testing::englishRun(ja).isEmpty());

        dialog->bodyEdit()->appendPlainText(QStringLiteral("Sato"));
        dialog->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog->bodyEdit()->toPlainText());
        QVERIFY(dialog->draft().body.endsWith(QStringLiteral("Sato")));
        dialog->close();
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestGuiSummary)
#include "tst_gui_summary.moc"

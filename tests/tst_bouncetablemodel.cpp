// The bounce table model and its filter proxy, without a window.
#include "BounceFilterProxy.h"
#include "BounceTableModel.h"
#include "analysis/BounceAnalyzer.h"
#include "message/MessageLoader.h"
#include "message/MessageStream.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace bouncelens;

namespace {

QList<LoadedMessage> loadFixtures(const QStringList &names)
{
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    QList<LoadedMessage> out;
    QStringList paths;
    for (const QString &n : names)
        paths << QStringLiteral(BOUNCELENS_FIXTURES "/gui/") + n;
    for (const QString &file : loader.expand(paths))
        for (const RawMessage &raw : loader.loadFile(file))
            out.append({analyzer.analyze(raw), raw.bytes});
    return out;
}

const QStringList kAll {
    "userunknown.eml", "mailboxfull.eml", "two-recipients.eml", "not-a-bounce.eml", "two.mbox"};

// Bounces made in code for the sort and search keys: Japanese and English addresses and file
// names, dates in several zones (and one unreadable), codes whose text order is not their number order.
QList<LoadedMessage> madeMessages()
{
    struct Made
    {
        const char *address, *reason, *reply, *status, *date, *source;
        int index;
        bool permanent, hard;
    };
    const Made made[] = {
        {"Tanaka@example.jp", "userunknown", "550", "5.1.1", "Mon, 01 Jan 2024 09:00:00 +0900", "/m/b.eml", 0,
            true, true},
        {"yamada@example.jp", "mailboxfull", "452", "4.2.2", "Sun, 31 Dec 2023 23:30:00 -0100", "/m/a.mbox",
            9, false, false},
        {"山田@example.jp", "hostunknown", "", "5.1.10", "Mon, 01 Jan 2024 00:30:00 +0000", "/m/a.mbox", 10,
            true, true},
        {"abe@example.net", "policy", "554", "5.1.9", "not a date", "/m/日本語.eml", 0, true, false},
        {"Zoe@example.com", "userunknown", "550", "5.1.1", "Tue, 02 Jan 2024 08:00:00 +0900", "/m/B.eml", 0,
            true, true},
        {"さとう@example.jp", "spamdetected", "421", "4.7.0", "", "/m/a.mbox", 1, false, false},
        {"_list@example.org", "mailboxfull", "552", "5.2.2", "Mon, 01 Jan 2024 08:59:59 +0900", "/m/c d.eml",
            0, true, false},
    };
    QList<LoadedMessage> out;
    for (const Made &m : made) {
        MessageAnalysis a;
        a.kind = MessageKind::Bounce;
        a.date = QString::fromUtf8(m.date);
        a.source = QString::fromUtf8(m.source);
        a.index = m.index;
        a.original.subject = QStringLiteral("Newsletter for ") + QString::fromUtf8(m.address);
        RecipientResult r;
        r.address = QString::fromUtf8(m.address);
        r.reason = QString::fromUtf8(m.reason);
        r.replyCode = QString::fromUtf8(m.reply);
        r.status = QString::fromUtf8(m.status);
        r.permanent = m.permanent;
        r.hardBounce = m.hard;
        r.diagnostic = r.replyCode + QLatin1Char(' ') + r.status + QStringLiteral(" Mailbox unavailable (")
            + r.address + QLatin1Char(')');
        a.recipients << r;
        out.append({a, {}});
    }
    return out;
}

// The rows of PROXY as source rows, top to bottom.
QList<int> sourceRows(const QSortFilterProxyModel &proxy)
{
    QList<int> rows;
    for (int r = 0; r < proxy.rowCount(); ++r)
        rows << proxy.mapToSource(proxy.index(r, 0)).row();
    return rows;
}

} // namespace

class TestBounceTableModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void cells_data();
    void cells();
    void roles();
    void sorting_data();
    void sorting();
    void filters_data();
    void filters();
    void sortsAsTheShownText_data();
    void sortsAsTheShownText();
    void sortsCodesAndDatesAsValues_data();
    void sortsCodesAndDatesAsValues();
    void searchMatchesTheSearchText_data();
    void searchMatchesTheSearchText();
    void parseDate_data();
    void parseDate();
    void clearAndReasons();
    void compactRows_data();
    void compactRows();
};

void TestBounceTableModel::passesModelTester()
{
    BounceTableModel model;
    BounceFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(BounceTableModel::Date, Qt::DescendingOrder);
    // In batches, as the worker delivers them.
    for (const QString &name : kAll)
        model.appendMessages(loadFixtures({name}));
    QCOMPARE(model.rowCount(), 7);
    proxy.setHardBouncesOnly(true);
    proxy.setSearchText(QStringLiteral("example"));
    proxy.setReason(QStringLiteral("userunknown"));
    model.retranslate();
    proxy.setReason(QString());
    proxy.setHardBouncesOnly(false);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestBounceTableModel::cells_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("expected"); // every column's display text
    QTest::newRow("user unknown") << "userunknown.eml" << 0
                                  << QStringList {"tanaka@example.jp", "Address does not exist", "550",
                                         "5.1.1", "Permanent failure", "Yes", QString(), "userunknown.eml"};
    QTest::newRow("delay") << "mailboxfull.eml" << 0
                           << QStringList {"suzuki@example.jp", "Mailbox full", "452", "4.2.2",
                                  "Temporary failure", "No", QString(), "mailboxfull.eml"};
    QTest::newRow("second recipient, no reply code")
        << "two-recipients.eml" << 1
        << QStringList {"info@nowhere.example.jp", "Domain does not exist", "", "5.4.4", "Permanent failure",
               "Yes", QString(), "two-recipients.eml"};
    QTest::newRow("second message of an mbox")
        << "two.mbox" << 1
        << QStringList {"suzuki@example.jp", "Mailbox full", "452", "4.2.2", "Temporary failure", "No",
               QString(), "two.mbox #2"};
    QTest::newRow("not a bounce") << "not-a-bounce.eml" << 0
                                  << QStringList {
                                         "", "Not a bounce", "", "", "", "", QString(), "not-a-bounce.eml"};
}

void TestBounceTableModel::cells()
{
    QFETCH(QString, file);
    QFETCH(int, row);
    QFETCH(QStringList, expected);
    BounceTableModel model;
    model.appendMessages(loadFixtures({file}));
    QCOMPARE(model.columnCount(), int(BounceTableModel::ColumnCount));
    for (int c = 0; c < BounceTableModel::ColumnCount; ++c) {
        if (c == BounceTableModel::Date) { // local time: only its shape is fixed
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$"))
                        .match(model.index(row, c).data().toString())
                        .hasMatch());
            continue;
        }
        QCOMPARE(model.index(row, c).data().toString(), expected.at(c));
    }
}

void TestBounceTableModel::roles()
{
    BounceTableModel model;
    model.appendMessages(loadFixtures({"two-recipients.eml", "mailboxfull.eml"}));
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex second = model.index(1, BounceTableModel::Source);
    QCOMPARE(second.data(BounceTableModel::MessageIndexRole).toInt(), 0);
    QCOMPARE(second.data(BounceTableModel::RecipientIndexRole).toInt(), 1);
    QCOMPARE(second.data(BounceTableModel::ReasonRole).toString(), QStringLiteral("hostunknown"));
    QCOMPARE(second.data(BounceTableModel::HardBounceRole).toBool(), true);
    QCOMPARE(second.data(BounceTableModel::PermanentRole).toBool(), true);
    QVERIFY(second.data(Qt::ToolTipRole).toString().endsWith(QLatin1String("two-recipients.eml")));
    const QModelIndex delay = model.index(2, BounceTableModel::Date);
    QCOMPARE(delay.data(BounceTableModel::PermanentRole).toBool(), false);
    QCOMPARE(delay.data(BounceTableModel::FailureRole).toBool(), true);
    QCOMPARE(delay.data(BounceTableModel::SortRole).toDateTime(),
        QDateTime(QDate(2024, 5, 15), QTime(8, 2, 11), Qt::UTC));
    QVERIFY(model.index(0, 0)
                .data(BounceTableModel::SearchTextRole)
                .toString()
                .contains(QLatin1String("user unknown")));
    QCOMPARE(model.rowOf(1), 2);
    QCOMPARE(model.rowOf(0, 1), 1);
    QCOMPARE(model.rowOf(5), -1);
    QCOMPARE(model.headerData(BounceTableModel::HardBounce, Qt::Horizontal).toString(),
        QStringLiteral("Hard bounce"));
}

void TestBounceTableModel::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("firstRecipient");
    QTest::newRow("recipient ascending") << int(BounceTableModel::Recipient) << int(Qt::AscendingOrder) << "";
    QTest::newRow("recipient descending")
        << int(BounceTableModel::Recipient) << int(Qt::DescendingOrder) << "tanaka@example.jp";
    QTest::newRow("date newest first") << int(BounceTableModel::Date) << int(Qt::DescendingOrder) << "";
    QTest::newRow("date oldest first")
        << int(BounceTableModel::Date) << int(Qt::AscendingOrder) << "tanaka@example.jp";
    QTest::newRow("status ascending") << int(BounceTableModel::Status) << int(Qt::AscendingOrder) << "";
    QTest::newRow("type: permanent first")
        << int(BounceTableModel::Type) << int(Qt::DescendingOrder) << "tanaka@example.jp";
    QTest::newRow("type: non-bounces, then temporary")
        << int(BounceTableModel::Type) << int(Qt::AscendingOrder) << "";
}

void TestBounceTableModel::sorting()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, firstRecipient);
    BounceTableModel model;
    BounceFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.appendMessages(loadFixtures(kAll));
    proxy.sort(column, Qt::SortOrder(order));
    QCOMPARE(proxy.index(0, BounceTableModel::Recipient).data().toString(), firstRecipient);
}

void TestBounceTableModel::filters_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<bool>("permanentOnly");
    QTest::addColumn<bool>("hardOnly");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("recipients");
    QTest::newRow("permanent only (delays and non-bounces out)")
        << "" << true << false << ""
        << QStringList {
               "tanaka@example.jp", "sato@example.jp", "info@nowhere.example.jp", "tanaka@example.jp"};
    QTest::newRow("hard only") << "" << false << true << "hostunknown"
                               << QStringList {"info@nowhere.example.jp"};
    QTest::newRow("reason") << "" << false << false << "mailboxfull"
                            << QStringList {"suzuki@example.jp", "suzuki@example.jp"};
    QTest::newRow("search is case-insensitive")
        << "SUZUKI" << false << false << "" << QStringList {"suzuki@example.jp", "suzuki@example.jp"};
    QTest::newRow("search the server's words") << "virtual mailbox" << false << false << ""
                                               << QStringList {"tanaka@example.jp", "tanaka@example.jp"};
    QTest::newRow("search a file name")
        << "two.mbox" << false << false << "" << QStringList {"tanaka@example.jp", "suzuki@example.jp"};
    QTest::newRow("search the translated reason")
        << "domain does not" << false << false << "" << QStringList {"info@nowhere.example.jp"};
    QTest::newRow("all filters at once")
        << "example.jp" << true << true << "userunknown"
        << QStringList {"tanaka@example.jp", "sato@example.jp", "tanaka@example.jp"};
}

void TestBounceTableModel::filters()
{
    QFETCH(QString, search);
    QFETCH(bool, permanentOnly);
    QFETCH(bool, hardOnly);
    QFETCH(QString, reason);
    QFETCH(QStringList, recipients);
    BounceTableModel model;
    BounceFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.appendMessages(loadFixtures(kAll));
    proxy.setSearchText(search);
    proxy.setPermanentOnly(permanentOnly);
    proxy.setHardBouncesOnly(hardOnly);
    proxy.setReason(reason);
    QStringList shown;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown << proxy.index(r, BounceTableModel::Recipient).data().toString();
    QCOMPARE(shown, recipients);
}

void TestBounceTableModel::sortsAsTheShownText_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    for (const char *locale : {"en_US", "ja_JP"}) {
        for (const int column :
            {BounceTableModel::Recipient, BounceTableModel::Reason, BounceTableModel::ReplyCode,
                BounceTableModel::Type, BounceTableModel::HardBounce, BounceTableModel::Date}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder})
                QTest::addRow("%s column %d %s", locale, column, order == Qt::AscendingOrder ? "up" : "down")
                    << QString::fromLatin1(locale) << column << int(order);
        }
    }
}

void TestBounceTableModel::sortsAsTheShownText()
{
    // The precomputed keys give the order the roles give to a plain proxy comparing them
    // locale-aware and case-insensitively (what the window did before the keys).
    QFETCH(QString, locale);
    QFETCH(int, column);
    QFETCH(int, order);
    const QLocale saved;
    QLocale::setDefault(QLocale(locale));
    BounceTableModel model;
    BounceFilterProxy proxy;
    proxy.setSourceModel(&model);
    QSortFilterProxyModel reference;
    reference.setSortRole(BounceTableModel::SortRole);
    reference.setSortCaseSensitivity(Qt::CaseInsensitive);
    reference.setSortLocaleAware(true);
    reference.setSourceModel(&model);
    model.appendMessages(loadFixtures(kAll));
    model.appendMessages(madeMessages());
    proxy.sort(column, Qt::SortOrder(order));
    reference.sort(column, Qt::SortOrder(order));
    QLocale::setDefault(saved);
    QStringList shown;
    QStringList expected;
    for (int r = 0; r < model.rowCount(); ++r) {
        shown << proxy.index(r, column).data().toString();
        expected << reference.index(r, column).data().toString();
    }
    QCOMPARE(shown, expected);
    QCOMPARE(sourceRows(proxy), sourceRows(reference));
}

void TestBounceTableModel::sortsCodesAndDatesAsValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("expected"); // the column's shown text, ascending
    QTest::newRow("status codes as numbers")
        << int(BounceTableModel::Status)
        << QStringList {"4.2.2", "4.7.0", "5.1.1", "5.1.1", "5.1.9", "5.1.10", "5.2.2"};
    QTest::newRow("reply codes as numbers")
        << int(BounceTableModel::ReplyCode) << QStringList {"", "421", "452", "550", "550", "552", "554"};
    QTest::newRow("mbox positions as numbers")
        << int(BounceTableModel::Source)
        << QStringList {"a.mbox #2", "a.mbox #10", "a.mbox #11", "b.eml", "B.eml", "c d.eml", "日本語.eml"};
    QTest::newRow("recipients") << int(BounceTableModel::Recipient)
                                << QStringList {"_list@example.org", "abe@example.net", "Tanaka@example.jp",
                                       "yamada@example.jp", "Zoe@example.com", "さとう@example.jp",
                                       "山田@example.jp"};
}

void TestBounceTableModel::sortsCodesAndDatesAsValues()
{
    QFETCH(int, column);
    QFETCH(QStringList, expected);
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    BounceTableModel model;
    BounceFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendMessages(madeMessages());
    proxy.sort(column, Qt::AscendingOrder);
    QLocale::setDefault(saved);
    QStringList shown;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown << proxy.index(r, column).data().toString();
    QCOMPARE(shown, expected);
}

void TestBounceTableModel::searchMatchesTheSearchText_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("minimumRows"); // guards against a search that matches nothing by mistake
    QTest::newRow("an address, other case") << "TANAKA" << 3;
    QTest::newRow("a domain and a status") << "example.jp 5.1.1" << 3;
    QTest::newRow("a reply code") << "550" << 4;
    QTest::newRow("the translated verdict") << "permanent" << 8;
    QTest::newRow("the translated hard bounce column") << "yes" << 5;
    QTest::newRow("a shown date") << "2024-01-0" << 3;
    QTest::newRow("a shown time") << ":59" << 1;
    QTest::newRow("a position in an mbox") << "#10" << 1;
    QTest::newRow("a file name") << "two.mbox" << 2;
    QTest::newRow("a Japanese file name") << "日本語" << 1;
    QTest::newRow("a Japanese address") << "山田" << 1;
    QTest::newRow("a technical reason name") << "spamdetected" << 1;
    QTest::newRow("the translated reason") << "mailbox full" << 4;
    QTest::newRow("a non-bounce") << "not a bounce" << 1;
    QTest::newRow("the subject") << "newsletter" << 7;
    QTest::newRow("the server's words") << "virtual mailbox" << 2;
    QTest::newRow("nothing") << "nowhere-at-all.example" << 0;
}

void TestBounceTableModel::searchMatchesTheSearchText()
{
    // A row is shown when every word occurs in its SearchTextRole (all shown columns, the server's
    // text, the path and the subject, lower-cased): what the filter tested before the keys.
    QFETCH(QString, search);
    QFETCH(int, minimumRows);
    BounceTableModel model;
    BounceFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendMessages(loadFixtures(kAll));
    model.appendMessages(madeMessages());
    proxy.setSearchText(search);
    QList<int> expected;
    const QStringList words = search.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString text = model.index(r, 0).data(BounceTableModel::SearchTextRole).toString();
        if (std::all_of(words.cbegin(), words.cend(), [&](const QString &w) { return text.contains(w); }))
            expected << r;
    }
    QCOMPARE(sourceRows(proxy), expected);
    QVERIFY2(expected.size() >= minimumRows, qPrintable(QString::number(expected.size())));
}

void TestBounceTableModel::parseDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("rfc 2822") << "Wed, 15 May 2024 08:02:11 +0000"
                              << QDateTime(QDate(2024, 5, 15), QTime(8, 2, 11), Qt::UTC);
    QTest::newRow("zone comment") << "Tue, 14 May 2024 10:15:02 +0900 (JST)"
                                  << QDateTime(QDate(2024, 5, 14), QTime(1, 15, 2), Qt::UTC);
    QTest::newRow("no weekday") << "16 May 2024 17:40:09 +0900"
                                << QDateTime(QDate(2024, 5, 16), QTime(8, 40, 9), Qt::UTC);
    QTest::newRow("two-digit year, no seconds, named zone")
        << "Thu, 2 May 24 10:15 EST" << QDateTime(QDate(2024, 5, 2), QTime(15, 15), Qt::UTC);
    QTest::newRow("GMT") << "Sat, 01 Jun 2024 00:00:00 GMT"
                         << QDateTime(QDate(2024, 6, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("JST by name") << "Mon, 3 Jun 2024 09:00:00 JST"
                                 << QDateTime(QDate(2024, 6, 3), QTime(0, 0), Qt::UTC);
    QTest::newRow("no zone is UTC") << "3 Jun 2024 09:00:00"
                                    << QDateTime(QDate(2024, 6, 3), QTime(9, 0), Qt::UTC);
    QTest::newRow("extra spaces, full day name")
        << "Monday,  3   Jun  2024   09:00:00   +0200" << QDateTime(QDate(2024, 6, 3), QTime(7, 0), Qt::UTC);
    QTest::newRow("asctime") << "Mon Jan  1 00:00:00 2024"
                             << QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("ISO 8601") << "2024-05-15T08:02:11+09:00"
                              << QDateTime(QDate(2024, 5, 14), QTime(23, 2, 11), Qt::UTC);
    QTest::newRow("offset with colon")
        << "15 May 2024 08:02:11 +09:00" << QDateTime(QDate(2024, 5, 14), QTime(23, 2, 11), Qt::UTC);
    QTest::newRow("dotted time") << "15 May 2024 08.02.11 +0000"
                                 << QDateTime(QDate(2024, 5, 15), QTime(8, 2, 11), Qt::UTC);
    QTest::newRow("day padded to three digits") << "Tue, 029 Apr 2019 23:34:45 -0800 (PST)"
                                                << QDateTime(QDate(2019, 4, 30), QTime(7, 34, 45), Qt::UTC);
    QTest::newRow("a header pasted after the zone")
        << "Thu, 29 Apr 1995 23:34:45 -0800 From: Mail Delivery Subsystem <MAILER-DAEMON@example.org>"
        << QDateTime(QDate(1995, 4, 30), QTime(7, 34, 45), Qt::UTC);
    QTest::newRow("31 February") << "31 Feb 2024 08:02:11 +0000" << QDateTime();
    QTest::newRow("no time") << "15 May 2024" << QDateTime();
    QTest::newRow("garbage") << "yesterday-ish" << QDateTime();
    QTest::newRow("empty") << "" << QDateTime();
}

void TestBounceTableModel::parseDate()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = BounceTableModel::parseDate(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed.toUTC(), expected);
}

void TestBounceTableModel::clearAndReasons()
{
    BounceTableModel model;
    model.appendMessages(loadFixtures(kAll));
    QCOMPARE(model.reasons(), (QStringList {"hostunknown", "mailboxfull", "userunknown"}));
    model.clear();
    QVERIFY(model.reasons().isEmpty());
    QCOMPARE(model.rowCount(), 0);
}

void TestBounceTableModel::compactRows_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::newRow("single files") << QStringList {
        "userunknown.eml", "two-recipients.eml", "not-a-bounce.eml"};
    QTest::newRow("an mbox") << QStringList {"two.mbox"};
    QTest::newRow("everything") << kAll;
}

void TestBounceTableModel::compactRows()
{
    // The window keeps messages read from files compact (no bytes, no display text) and brings
    // one back whole when it is shown: the table must not tell the difference.
    QFETCH(QStringList, names);
    const QList<LoadedMessage> whole = loadFixtures(names);
    QList<LoadedMessage> compact;
    QStringList paths;
    for (const QString &n : names)
        paths << QStringLiteral(BOUNCELENS_FIXTURES "/gui/") + n;
    const BounceAnalyzer analyzer;
    for (MessageStream stream(paths); std::optional<RawMessage> raw = stream.next();)
        compact << LoadedMessage::compact(analyzer.analyze(*raw), *raw);
    QCOMPARE(compact.size(), whole.size());

    BounceTableModel wholeModel;
    BounceTableModel compactModel;
    QAbstractItemModelTester tester(&compactModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    wholeModel.appendMessages(whole);
    compactModel.appendMessages(compact);
    QCOMPARE(compactModel.rowCount(), wholeModel.rowCount());
    const QList<int> roles {Qt::DisplayRole, Qt::ToolTipRole, BounceTableModel::SortRole,
        BounceTableModel::MessageIndexRole, BounceTableModel::RecipientIndexRole,
        BounceTableModel::ReasonRole, BounceTableModel::PermanentRole, BounceTableModel::HardBounceRole,
        BounceTableModel::FailureRole, BounceTableModel::SearchTextRole};
    for (int row = 0; row < compactModel.rowCount(); ++row)
        for (int column = 0; column < BounceTableModel::ColumnCount; ++column)
            for (const int role : roles)
                QCOMPARE(
                    compactModel.index(row, column).data(role), wholeModel.index(row, column).data(role));
    for (int i = 0; i < compact.size(); ++i) {
        const LoadedMessage &kept = compactModel.messageAt(i);
        QVERIFY(kept.isCompact());
        QVERIFY(kept.raw.isEmpty());
        QVERIFY(kept.analysis.displayText.isEmpty());
        // Whole again: the same bytes, text and spans as analysed at first (twice: once cached).
        for (int pass = 0; pass < 2; ++pass) {
            const LoadedMessage full = compactModel.fullMessage(i);
            QCOMPARE(full.raw, whole.at(i).raw);
            QCOMPARE(full.analysis.displayText, whole.at(i).analysis.displayText);
            QCOMPARE(full.analysis.spans, whole.at(i).analysis.spans);
            QCOMPARE(full.analysis.index, whole.at(i).analysis.index);
        }
    }
}

QTEST_MAIN(TestBounceTableModel)
#include "tst_bouncetablemodel.moc"

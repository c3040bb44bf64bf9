// InOrderPool: results come back in input order whatever the threads' timing, in-flight items
// stay within the window and the weight bound, and a stop request ends the run early.
#include "analysis/InOrderPool.h"

#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace bouncelens;

class TestInOrderPool : public QObject
{
    Q_OBJECT

private slots:
    void inputOrder_data();
    void inputOrder();
    void stopRequest();
};

void TestInOrderPool::inputOrder_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<int>("window");
    QTest::addColumn<qint64>("maxWeight");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("expectedMaxInFlight");
    QTest::newRow("one thread") << 1 << 4 << qint64(1000) << 200 << 4;
    QTest::newRow("two threads") << 2 << 0 << qint64(1000) << 500 << 32;
    QTest::newRow("eight threads, small window") << 8 << 3 << qint64(1000) << 500 << 3;
    QTest::newRow("weight bound") << 4 << 64 << qint64(25) << 300 << 3; // weight 10 each
    QTest::newRow("heavier than the bound: one at a time") << 4 << 64 << qint64(5) << 100 << 1;
    QTest::newRow("no items") << 2 << 0 << qint64(1000) << 0 << 0;
}

void TestInOrderPool::inputOrder()
{
    QFETCH(int, jobs);
    QFETCH(int, window);
    QFETCH(qint64, maxWeight);
    QFETCH(int, items);
    QFETCH(int, expectedMaxInFlight);
    int produced = 0;
    QList<int> delivered;
    int maxInFlight = 0;
    using Pool = InOrderPool<int, int>;
    Pool::Steps steps;
    steps.produce = [&]() -> std::optional<int> {
        if (produced == items)
            return std::nullopt;
        maxInFlight = qMax(maxInFlight, produced + 1 - int(delivered.size()));
        return produced++;
    };
    steps.weight = [](const int &) { return qint64(10); };
    steps.work = [](int item) {
        // Uneven work, so that later items often finish first.
        QThread::usleep(QRandomGenerator::global()->bounded(300));
        return item * 3;
    };
    steps.deliver = [&](int result) { delivered << result; };
    QVERIFY(Pool::run({jobs, window, maxWeight}, steps));
    QCOMPARE(delivered.size(), items);
    for (int i = 0; i < items; ++i)
        QCOMPARE(delivered.at(i), i * 3);
    QCOMPARE(maxInFlight, expectedMaxInFlight);
}

void TestInOrderPool::stopRequest()
{
    int produced = 0;
    int delivered = 0;
    std::atomic<int> worked {0};
    using Pool = InOrderPool<int, int>;
    Pool::Steps steps;
    steps.produce = [&]() -> std::optional<int> { return produced++; }; // endless
    steps.weight = [](const int &) { return qint64(1); };
    steps.work = [&](int item) {
        ++worked;
        return item;
    };
    steps.deliver = [&](int result) {
        QCOMPARE(result, delivered);
        ++delivered;
    };
    steps.stopRequested = [&] { return delivered >= 100; };
    QVERIFY(!Pool::run({2, 8}, steps));
    QCOMPARE(delivered, 100);
    QVERIFY(worked <= 100 + 8);
}

QTEST_GUILESS_MAIN(TestInOrderPool)
#include "tst_inorderpool.moc"

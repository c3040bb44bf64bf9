// JobRunner, the thread lifecycle every background job of the widgets shares: the order in which
// a run's posted calls, finished() and idle() arrive, queueing, cancelling (flag and hook), the
// refusal to start a second run, and a destructor that stops and joins the running job.
#include "JobRunner.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>

using namespace bouncelens;

namespace {

// Waits on the UI thread until `runner` is idle (or the timeout passes).
bool waitForIdle(JobRunner &runner, QSignalSpy &idle, int expected = 1)
{
    return QTest::qWaitFor([&] { return idle.count() >= expected && !runner.isBusy(); }, 20000);
}

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT

private slots:
    void postedCallsArriveInOrderBeforeFinished_data();
    void postedCallsArriveInOrderBeforeFinished();
    void cancelStopsTheRunAndDropsTheQueue_data();
    void cancelStopsTheRunAndDropsTheQueue();
    void startRefusesWhileBusy();
    void finishedSlotMayStartTheNextJob();
    void destructorCancelsAndJoins();
};

// Each job posts `posts` numbered calls; with `jobs` jobs queued at once, the events must come out
// job by job: started, its posts in order, finished(false), ..., then one idle().
void TestJobRunner::postedCallsArriveInOrderBeforeFinished_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<int>("posts");
    QTest::newRow("one job, no post") << 1 << 0;
    QTest::newRow("one job, one post") << 1 << 1;
    QTest::newRow("one job, many posts") << 1 << 500;
    QTest::newRow("three queued jobs") << 3 << 50;
}

void TestJobRunner::postedCallsArriveInOrderBeforeFinished()
{
    QFETCH(int, jobs);
    QFETCH(int, posts);
    JobRunner runner(QStringLiteral("test"));
    QStringList events;
    connect(&runner, &JobRunner::started, this, [&] { events << QStringLiteral("started"); });
    connect(&runner, &JobRunner::finished, this,
        [&](bool cancelled) { events << QStringLiteral("finished %1").arg(cancelled); });
    connect(&runner, &JobRunner::idle, this, [&] { events << QStringLiteral("idle"); });
    QSignalSpy idle(&runner, &JobRunner::idle);

    for (int job = 0; job < jobs; ++job) {
        runner.enqueue([&events, job, posts](const JobRunner::Run &run) {
            for (int i = 0; i < posts; ++i)
                run.post([&events, job, i] { events << QStringLiteral("post %1.%2").arg(job).arg(i); });
        });
    }
    QVERIFY(runner.isBusy());
    QVERIFY(waitForIdle(runner, idle));

    QStringList expected;
    for (int job = 0; job < jobs; ++job) {
        expected << QStringLiteral("started");
        for (int i = 0; i < posts; ++i)
            expected << QStringLiteral("post %1.%2").arg(job).arg(i);
        expected << QStringLiteral("finished 0");
    }
    expected << QStringLiteral("idle");
    QCOMPARE(events, expected);
}

// A job that runs until it is told to stop: cancel() must set the flag, call the hook once, drop
// the queued jobs (they never start) and report finished(true).
void TestJobRunner::cancelStopsTheRunAndDropsTheQueue_data()
{
    QTest::addColumn<int>("queuedBehind");
    QTest::addColumn<bool>("withHook");
    QTest::newRow("alone, flag only") << 0 << false;
    QTest::newRow("alone, with hook") << 0 << true;
    QTest::newRow("two queued behind, with hook") << 2 << true;
}

void TestJobRunner::cancelStopsTheRunAndDropsTheQueue()
{
    QFETCH(int, queuedBehind);
    QFETCH(bool, withHook);
    JobRunner runner(QStringLiteral("test"));
    QSignalSpy started(&runner, &JobRunner::started);
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy idle(&runner, &JobRunner::idle);
    auto running = std::make_shared<std::atomic_bool>(false);
    auto hookStop = std::make_shared<std::atomic_bool>(false);
    int hookCalls = 0;

    runner.enqueue(
        [running, hookStop](const JobRunner::Run &run) {
            running->store(true);
            while (!run.isCancelled() && !hookStop->load())
                QThread::msleep(1);
        },
        withHook ? JobRunner::CancelHook([&hookCalls, hookStop] {
            ++hookCalls;
            hookStop->store(true);
        })
                 : JobRunner::CancelHook());
    int queuedRan = 0;
    for (int i = 0; i < queuedBehind; ++i)
        runner.enqueue([&queuedRan](const JobRunner::Run &run) { run.post([&queuedRan] { ++queuedRan; }); });

    QVERIFY(QTest::qWaitFor([&] { return running->load(); }, 10000));
    runner.cancel();
    QVERIFY(waitForIdle(runner, idle));
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(queuedRan, 0);
    QCOMPARE(hookCalls, withHook ? 1 : 0);

    runner.cancel(); // idle: nothing happens
    QCOMPARE(hookCalls, withHook ? 1 : 0);
    QCOMPARE(finished.count(), 1);
}

void TestJobRunner::startRefusesWhileBusy()
{
    JobRunner runner(QStringLiteral("test"));
    QSignalSpy idle(&runner, &JobRunner::idle);
    int ran = 0;
    const auto job = [&ran](const JobRunner::Run &run) {
        while (!run.isCancelled())
            QThread::msleep(1);
        run.post([&ran] { ++ran; });
    };
    QVERIFY(runner.start(job));
    QVERIFY(!runner.start(job));
    runner.cancel();
    QVERIFY(waitForIdle(runner, idle));
    QCOMPARE(ran, 1);
    QVERIFY(runner.start([](const JobRunner::Run &) {}));
    QVERIFY(waitForIdle(runner, idle, 2));
}

// A finished() slot that starts the next job at once (as a "trust and retry" does) must not be
// followed by an idle() while that job runs.
void TestJobRunner::finishedSlotMayStartTheNextJob()
{
    JobRunner runner(QStringLiteral("test"));
    QSignalSpy idle(&runner, &JobRunner::idle);
    int finishedCount = 0;
    connect(&runner, &JobRunner::finished, this, [&] {
        if (++finishedCount == 1) {
            QVERIFY(!runner.isBusy());
            QVERIFY(runner.start([](const JobRunner::Run &) { QThread::msleep(50); }));
        }
    });
    QVERIFY(runner.start([](const JobRunner::Run &) {}));
    QVERIFY(waitForIdle(runner, idle));
    QCOMPARE(finishedCount, 2);
    QCOMPARE(idle.count(), 1);
}

void TestJobRunner::destructorCancelsAndJoins()
{
    auto returned = std::make_shared<std::atomic_bool>(false);
    auto running = std::make_shared<std::atomic_bool>(false);
    int delivered = 0;
    {
        JobRunner runner(QStringLiteral("test"));
        runner.enqueue([running, returned, &delivered](const JobRunner::Run &run) {
            running->store(true);
            while (!run.isCancelled())
                QThread::msleep(1);
            run.post([&delivered] { ++delivered; }); // the runner is gone by then: dropped
            returned->store(true);
        });
        QVERIFY(QTest::qWaitFor([&] { return running->load(); }, 10000));
    }
    QVERIFY(returned->load());
    QTest::qWait(50);
    QCOMPARE(delivered, 0);
}

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"

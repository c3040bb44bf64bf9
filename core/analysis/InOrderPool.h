#pragma once

#include <QDeadlineTimer>
#include <QMutex>
#include <QThreadPool>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace bouncelens {

// Runs `work` over a stream of items on several threads and hands the results back on the
// calling thread in the order the items came, so that a parallel run prints what a sequential
// one would.
//
// Memory is bounded whatever the number of items: at most `window` items are in flight (read,
// queued, running, or done and waiting for an earlier one) and at most `maxWeight` of their
// weight (one item always goes, however heavy). `produce` and `deliver` run on the calling thread;
// `work` runs on the pool's threads and must be thread-safe.
template<typename Item, typename Result> class InOrderPool
{
public:
    struct Limits
    {
        int jobs = 1; // threads
        int window = 0; // items in flight; 0: 16 per thread
        qint64 maxWeight = 256LL * 1024 * 1024;
    };

    struct Steps
    {
        std::function<std::optional<Item>()> produce; // the next item, or nothing at the end
        std::function<qint64(const Item &)> weight; // e.g. its size in bytes
        std::function<Result(Item)> work;
        std::function<void(Result)> deliver;
        // Polled on the calling thread between deliveries and at least every 100 ms while
        // waiting; true stops the run (queued items are dropped, running ones finish).
        std::function<bool()> stopRequested = [] { return false; };
    };

    // True when every item was delivered, false when stopped.
    static bool run(const Limits &limits, const Steps &steps)
    {
        const int jobs = qMax(1, limits.jobs);
        const qint64 window = limits.window > 0 ? limits.window : qint64(jobs) * 16;
        auto shared = std::make_shared<Shared>();
        QThreadPool pool;
        pool.setMaxThreadCount(jobs);
        std::deque<qint64> weights; // of the items in flight, oldest first
        qint64 inFlightWeight = 0;
        qint64 produced = 0;
        qint64 delivered = 0;
        bool exhausted = false;
        for (;;) {
            if (steps.stopRequested())
                return stop(pool);
            while (!exhausted && produced - delivered < window
                && (produced == delivered || inFlightWeight < limits.maxWeight)) {
                std::optional<Item> item = steps.produce();
                if (!item) {
                    exhausted = true;
                    break;
                }
                weights.push_back(steps.weight(*item));
                inFlightWeight += weights.back();
                const qint64 sequence = produced++;
                pool.start([shared, sequence, item = std::move(*item), &steps]() mutable {
                    Result result = steps.work(std::move(item));
                    const QMutexLocker lock(&shared->mutex);
                    shared->done.emplace(sequence, std::move(result));
                    shared->finished.wakeAll();
                });
            }
            if (delivered == produced)
                return true;
            std::optional<Result> next;
            {
                QMutexLocker lock(&shared->mutex);
                auto found = shared->done.find(delivered);
                while (found == shared->done.end()) {
                    shared->finished.wait(&shared->mutex, QDeadlineTimer(100));
                    found = shared->done.find(delivered);
                    if (found == shared->done.end()) {
                        lock.unlock();
                        if (steps.stopRequested())
                            return stop(pool);
                        lock.relock();
                        found = shared->done.find(delivered);
                    }
                }
                next.emplace(std::move(found->second));
                shared->done.erase(found);
            }
            ++delivered;
            inFlightWeight -= weights.front();
            weights.pop_front();
            steps.deliver(std::move(*next));
        }
    }

private:
    struct Shared
    {
        QMutex mutex;
        QWaitCondition finished;
        std::map<qint64, Result> done;
    };

    static bool stop(QThreadPool &pool)
    {
        pool.clear();
        return false;
    }
};

} // namespace bouncelens

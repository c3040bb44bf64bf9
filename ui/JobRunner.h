#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace bouncelens {

// Runs background jobs for the widgets, one at a time, each on a thread of its own, with one
// lifecycle for all of them (analysis, mailbox fetch, folder listing):
//
//   start / enqueue  ->  started()  ->  the job runs on its thread; whatever it wants the UI to
//   see (results, progress) it hands over with Run::post(), which runs the call on this object's
//   thread  ->  cancel() (optional): Run::isCancelled() turns true and the job's cancel hook runs
//   ->  finished(cancelled) once the job has returned  ->  the next queued job, or idle().
//
// Guarantees the owners rely on:
// - finished() comes after every call the job posted has run (QThread::finished is queued behind
//   them), so an owner can collect a result with post() and hand it out on finished();
// - a posted call is dropped when the run that posted it is no longer the current one;
// - the destructor drops queued jobs, cancels the running one and waits for it: no thread is
//   left behind. Jobs may use their owner's members, so an owner keeps its runner as its LAST
//   data member (destroyed first) or destroys it explicitly before its own members go.
//
// The job function gets a Run (cheap to copy) and must poll isCancelled() where it can stop;
// a job that blocks in a library call gives a cancel hook instead (e.g. MailboxFetcher::cancel).
// All signals are emitted, and all public functions must be called, on the thread that owns
// this object (the UI thread).
class JobRunner : public QObject
{
    Q_OBJECT

public:
    // The job's handle on its run; valid on any thread.
    class Run
    {
    public:
        [[nodiscard]] bool isCancelled() const { return m_cancelled->load(); }

        // Queues `call` (copyable, no arguments) to the runner's thread. It runs there in posting
        // order, unless by then another run has become current or the runner is gone.
        template<typename Call> void post(Call &&call) const
        {
            QMetaObject::invokeMethod(
                m_runner,
                [runner = m_runner, id = m_id, call = std::forward<Call>(call)]() mutable {
                    if (runner->m_runId == id)
                        call();
                },
                Qt::QueuedConnection);
        }

    private:
        friend class JobRunner;
        Run(JobRunner *runner, quint64 id, std::shared_ptr<std::atomic_bool> cancelled)
            : m_runner(runner)
            , m_id(id)
            , m_cancelled(std::move(cancelled))
        { }

        JobRunner *m_runner;
        quint64 m_id;
        std::shared_ptr<std::atomic_bool> m_cancelled;
    };

    using Job = std::function<void(const Run &run)>;
    // Runs on the runner's thread when the job is cancelled (also from the destructor).
    using CancelHook = std::function<void()>;

    // `threadName` names the worker threads (for debuggers); `priority` is theirs.
    explicit JobRunner(
        QString threadName, QThread::Priority priority = QThread::InheritPriority, QObject *parent = nullptr);
    ~JobRunner() override;

    // Starts `job` at once; false (and nothing happens) while a job is running or queued.
    bool start(Job job, CancelHook onCancel = {});
    // Runs `job` after the running and queued ones (at once when there are none).
    void enqueue(Job job, CancelHook onCancel = {});
    // Drops the queued jobs and asks the running one to stop; finished(true) follows when it has
    // returned. Does nothing when idle.
    void cancel();

    [[nodiscard]] bool isBusy() const { return m_thread != nullptr; }

signals:
    // A job is about to run (emitted before its thread starts).
    void started();
    // The job has returned and everything it posted has been delivered. `cancelled`: cancel()
    // was called during the run.
    void finished(bool cancelled);
    // Nothing running, nothing queued (after the last finished()).
    void idle();

private:
    struct Pending
    {
        Job job;
        CancelHook onCancel;
    };

    void startNext();
    void threadFinished();

    QString m_threadName;
    QThread::Priority m_priority;
    QList<Pending> m_queue;
    QThread *m_thread = nullptr;
    quint64 m_runId = 0;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    CancelHook m_onCancel;
    QElapsedTimer m_elapsed; // since the running job started, for the log
};

} // namespace bouncelens

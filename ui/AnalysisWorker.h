#pragma once

#include "JobRunner.h"
#include "LoadedMessage.h"

#include <QObject>
#include <QStringList>

namespace bouncelens {

// Loads and analyses messages off the UI thread. Jobs (paths, or pasted bytes) run one after
// another on a worker thread with its own MessageLoader and BounceAnalyzer; results come back
// in batches (every batchInterval() ms) so that a folder of thousands of messages fills the
// table progressively without flooding the event loop. All signals are emitted on the thread
// that owns this object (the UI thread). The thread lifecycle is JobRunner's.
class AnalysisWorker : public QObject
{
    Q_OBJECT

public:
    explicit AnalysisWorker(QObject *parent = nullptr);
    ~AnalysisWorker() override; // cancels and waits: never leaves a thread behind

    // Queues a job; it starts as soon as the previous ones are done.
    void addPaths(const QStringList &paths);
    void addBytes(const QByteArray &bytes, const QString &source);
    // Stops the running job (after the message being analysed) and drops the queued ones.
    void cancel();

    [[nodiscard]] bool isBusy() const { return m_runner.isBusy(); }
    void setBatchInterval(int milliseconds) { m_batchInterval = milliseconds; }
    [[nodiscard]] int batchInterval() const { return m_batchInterval; }

signals:
    void jobStarted();
    void batchReady(const QList<bouncelens::LoadedMessage> &messages);
    // Files read so far out of the files found; messages analysed so far in this job.
    void progress(int filesDone, int filesTotal, int messages);
    void jobFinished(bool cancelled);
    // Nothing running, nothing queued.
    void idle();

private:
    struct Job
    {
        QStringList paths;
        QByteArray bytes;
        QString source; // for bytes
    };

    void enqueue(const Job &job);
    // Runs on the worker thread.
    void analyse(const Job &job, const JobRunner::Run &run, int interval);

    int m_batchInterval = 50;
    JobRunner m_runner; // last: destroyed (cancelled and joined) before the members its jobs use
};

} // namespace bouncelens

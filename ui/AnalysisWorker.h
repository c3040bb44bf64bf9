#pragma once

#include "LoadedMessage.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace bouncelens {

// Loads and analyses messages off the UI thread. Jobs (paths, or pasted bytes) run one after
// another on a worker thread with its own MessageLoader and BounceAnalyzer; results come back
// in batches (every batchInterval() ms) so that a folder of thousands of messages fills the
// table progressively without flooding the event loop. All signals are emitted on the thread
// that owns this object (the UI thread).
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

    [[nodiscard]] bool isBusy() const { return m_thread != nullptr; }
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

    void startNext();
    void run(const Job &job, quint64 id, std::shared_ptr<std::atomic_bool> cancelled, int interval);
    void finishThread();

    QList<Job> m_queue;
    QThread *m_thread = nullptr;
    quint64 m_jobId = 0;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    int m_batchInterval = 50;
};

} // namespace bouncelens

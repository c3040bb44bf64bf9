#include "AnalysisWorker.h"

#include "analysis/BounceAnalyzer.h"
#include "message/MessageLoader.h"

#include <QElapsedTimer>
#include <QThread>

namespace bouncelens {

AnalysisWorker::AnalysisWorker(QObject *parent)
    : QObject(parent)
{ }

AnalysisWorker::~AnalysisWorker()
{
    m_queue.clear();
    if (m_thread) {
        m_cancelled->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

void AnalysisWorker::addPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_queue.append({paths, {}, {}});
    if (!m_thread)
        startNext();
}

void AnalysisWorker::addBytes(const QByteArray &bytes, const QString &source)
{
    m_queue.append({{}, bytes, source});
    if (!m_thread)
        startNext();
}

void AnalysisWorker::cancel()
{
    m_queue.clear();
    if (m_cancelled)
        m_cancelled->store(true);
}

void AnalysisWorker::startNext()
{
    if (m_queue.isEmpty()) {
        emit idle();
        return;
    }
    const Job job = m_queue.takeFirst();
    const quint64 id = ++m_jobId;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    auto cancelled = m_cancelled;
    const int interval = m_batchInterval;
    m_thread = QThread::create([this, job, id, cancelled, interval] { run(job, id, cancelled, interval); });
    m_thread->setObjectName(QStringLiteral("BounceLens analysis"));
    connect(m_thread, &QThread::finished, this, &AnalysisWorker::finishThread);
    emit jobStarted();
    m_thread->start(QThread::LowPriority);
}

void AnalysisWorker::finishThread()
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    startNext();
}

// Runs on the worker thread. Results are handed to the UI thread with queued calls; a call
// that arrives after its job was cancelled or replaced is dropped there (the id check).
void AnalysisWorker::run(
    const Job &job, quint64 id, std::shared_ptr<std::atomic_bool> cancelled, int interval)
{
    const MessageLoader loader;
    const BounceAnalyzer analyzer; // one per thread, as the core recommends
    QList<LoadedMessage> batch;
    int messages = 0;
    int filesDone = 0;

    auto post = [this, id, cancelled](QList<LoadedMessage> items, int done, int total, int count) {
        QMetaObject::invokeMethod(
            this,
            [this, id, cancelled, items = std::move(items), done, total, count] {
                if (id != m_jobId || cancelled->load())
                    return;
                if (!items.isEmpty())
                    emit batchReady(items);
                emit progress(done, total, count);
            },
            Qt::QueuedConnection);
    };

    QElapsedTimer sinceFlush;
    sinceFlush.start();
    auto take = [&](const RawMessage &raw, int total) {
        batch.append({analyzer.analyze(raw), raw.bytes});
        ++messages;
        if (sinceFlush.elapsed() >= interval) {
            post(std::exchange(batch, {}), filesDone, total, messages);
            sinceFlush.restart();
        }
    };

    if (job.paths.isEmpty()) {
        for (const RawMessage &raw :
            loader.split(MessageLoader::normalizeLineEndings(job.bytes), job.source)) {
            if (cancelled->load())
                break;
            take(raw, 1);
        }
        filesDone = 1;
        post(std::exchange(batch, {}), filesDone, 1, messages);
    } else {
        const QStringList files = loader.expand(job.paths);
        const int total = int(files.size());
        post({}, 0, total, 0);
        for (const QString &file : files) {
            if (cancelled->load())
                break;
            for (const RawMessage &raw : loader.loadFile(file)) {
                if (cancelled->load())
                    break;
                take(raw, total);
            }
            ++filesDone;
        }
        post(std::exchange(batch, {}), filesDone, total, messages);
    }

    const bool wasCancelled = cancelled->load();
    QMetaObject::invokeMethod(
        this,
        [this, id, wasCancelled] {
            if (id == m_jobId)
                emit jobFinished(wasCancelled);
        },
        Qt::QueuedConnection);
}

} // namespace bouncelens

#include "AnalysisWorker.h"

#include "analysis/BounceAnalyzer.h"
#include "message/MessageLoader.h"

#include <QElapsedTimer>

namespace bouncelens {

AnalysisWorker::AnalysisWorker(QObject *parent)
    : QObject(parent)
    , m_runner(QStringLiteral("BounceLens analysis"), QThread::LowPriority)
{
    connect(&m_runner, &JobRunner::started, this, &AnalysisWorker::jobStarted);
    connect(&m_runner, &JobRunner::finished, this, &AnalysisWorker::jobFinished);
    connect(&m_runner, &JobRunner::idle, this, &AnalysisWorker::idle);
}

AnalysisWorker::~AnalysisWorker() = default;

void AnalysisWorker::addPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    enqueue({paths, {}, {}});
}

void AnalysisWorker::addBytes(const QByteArray &bytes, const QString &source)
{
    enqueue({{}, bytes, source});
}

void AnalysisWorker::cancel()
{
    m_runner.cancel();
}

void AnalysisWorker::enqueue(const Job &job)
{
    m_runner.enqueue(
        [this, job, interval = m_batchInterval](const JobRunner::Run &run) { analyse(job, run, interval); });
}

// Results are handed to the UI thread with Run::post; a batch that arrives after its job was
// cancelled is dropped there.
void AnalysisWorker::analyse(const Job &job, const JobRunner::Run &run, int interval)
{
    const MessageLoader loader;
    const BounceAnalyzer analyzer; // one per thread, as the core recommends
    QList<LoadedMessage> batch;
    int messages = 0;
    int filesDone = 0;

    auto post = [this, &run](QList<LoadedMessage> items, int done, int total, int count) {
        run.post([this, run, items = std::move(items), done, total, count] {
            if (run.isCancelled())
                return;
            if (!items.isEmpty())
                emit batchReady(items);
            emit progress(done, total, count);
        });
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
            if (run.isCancelled())
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
            if (run.isCancelled())
                break;
            for (const RawMessage &raw : loader.loadFile(file)) {
                if (run.isCancelled())
                    break;
                take(raw, total);
            }
            ++filesDone;
        }
        post(std::exchange(batch, {}), filesDone, total, messages);
    }
}

} // namespace bouncelens

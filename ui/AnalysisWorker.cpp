#include "AnalysisWorker.h"

#include "Logging.h"

#include "analysis/BounceAnalyzer.h"
#include "analysis/InOrderPool.h"
#include "message/FileWalker.h"
#include "message/MessageStream.h"

#include <QElapsedTimer>
#include <QFileInfo>

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
    const BounceAnalyzer analyzer; // const and stateless: shared by the pool's threads
    QList<LoadedMessage> batch;
    int messages = 0;
    QElapsedTimer duration;
    duration.start();
    if (job.paths.isEmpty())
        qCDebug(lcUi).noquote() << "analysis job started:" << job.bytes.size() << "bytes from" << job.source;
    else
        qCDebug(lcUi) << "analysis job started:" << job.paths.size() << "paths";
    // Said once whichever way the job ends.
    const auto logEnd = [&](int files) {
        qCDebug(lcUi).noquote() << (run.isCancelled() ? "analysis job cancelled:" : "analysis job finished:")
                                << messages << "messages from" << files << "files in" << duration.elapsed()
                                << "ms";
    };

    auto post = [this, &run](QList<LoadedMessage> items, int done, int total, int count, qint64 bytesDone,
                    qint64 bytesTotal) {
        run.post([this, run, items = std::move(items), done, total, count, bytesDone, bytesTotal] {
            if (run.isCancelled())
                return;
            if (!items.isEmpty())
                emit batchReady(items);
            emit progress(done, total, count);
            emit bytesProgress(bytesDone, bytesTotal);
        });
    };

    if (job.paths.isEmpty()) {
        for (const RawMessage &raw :
            MessageLoader().split(MessageLoader::normalizeLineEndings(job.bytes), job.source)) {
            if (run.isCancelled())
                break;
            batch.append({analyzer.analyze(raw), raw.bytes});
            ++messages;
        }
        post(std::exchange(batch, {}), 1, 1, messages, job.bytes.size(), job.bytes.size());
        logEnd(1);
        return;
    }

    // Names and sizes only, for the progress bar; the messages are read once, below.
    int filesTotal = 0;
    qint64 bytesTotal = 0;
    for (FileWalker walker(job.paths); const std::optional<QString> file = walker.next();) {
        ++filesTotal;
        bytesTotal += QFileInfo(*file).size();
        if (run.isCancelled()) {
            logEnd(0);
            return;
        }
    }
    post({}, 0, filesTotal, 0, 0, bytesTotal);

    MessageStream stream(job.paths);
    QElapsedTimer sinceFlush;
    sinceFlush.start();
    using Pool = InOrderPool<RawMessage, LoadedMessage>;
    Pool::Steps steps;
    steps.produce = [&stream] { return stream.next(); };
    steps.weight = [](const RawMessage &raw) { return qint64(raw.bytes.size()); };
    steps.work = [&analyzer](RawMessage raw) {
        MessageAnalysis analysis = analyzer.analyze(raw);
        if (raw.source == QLatin1String("-"))
            return LoadedMessage {std::move(analysis), raw.bytes};
        return LoadedMessage::compact(std::move(analysis), raw);
    };
    steps.deliver = [&](LoadedMessage message) {
        batch.append(std::move(message));
        ++messages;
        if (sinceFlush.elapsed() >= interval) {
            post(std::exchange(batch, {}), stream.filesDone(), filesTotal, messages, stream.bytesRead(),
                bytesTotal);
            sinceFlush.restart();
        }
    };
    steps.stopRequested = [&run] { return run.isCancelled(); };
    // One core is left to the UI thread (and this reader), so the window stays responsive.
    Pool::run({qMax(1, QThread::idealThreadCount() - 1)}, steps);
    post(std::exchange(batch, {}), stream.filesDone(), filesTotal, messages, stream.bytesRead(), bytesTotal);
    logEnd(stream.filesDone());
}

} // namespace bouncelens

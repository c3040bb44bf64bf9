// BounceLens benchmark (issue 8). Not a test: prints figures.
//
//   bouncelens_bench [--rounds N] [--no-large] [--large-only] [--single-only] [DIR|FILE...]
//   bouncelens_bench --cli BOUNCELENS [--jobs N] [--rounds N] DIR|MBOX...
//   bouncelens_bench --model ROWS [DIR|MBOX...]
//
// Reads every message under the given paths (default: the shared corpus) into memory first, then
// analyses them all (analysis plus the JSON line the CLI prints) with one thread and with all
// threads (QtConcurrent on the global pool), N rounds each (best round reported). Prints messages
// per second, the process's peak resident memory (VmHWM), and then the 30 MB bounce's analysis time
// and peak memory, measured in a child process (this program again with --large-child FILE) so
// that the peak is its own. --single-only runs one single-threaded round and nothing else (for
// valgrind --tool=callgrind).
//
// --cli times the real command, `BOUNCELENS explain --format json [--jobs N] PATH`, once per PATH
// (a folder of single files, an mbox): messages per second end to end (reading, analysis, JSON,
// writing) and the command's peak resident memory. Each run goes through a child of this program
// (--measure-child) whose only child is the command, so that getrusage(RUSAGE_CHILDREN) gives that
// command's own peak.
//
// --model times the window's table (BounceTableModel and its filter proxy) with ROWS rows made of
// the messages under the paths (ModelBench.h).
#include "LargeBounce.h"
#include "ModelBench.h"
#include "ProcMemory.h"
#include "analysis/BounceAnalyzer.h"
#include "export/JsonExport.h"
#include "message/MessageLoader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <cstdio>

#include <sys/resource.h>

using namespace bouncelens;
using bouncelens::bench::procStatusKb;
using bouncelens::bench::resetPeak;

namespace {

// What the CLI does per message: analyse and render the JSON line.
qsizetype analyseOne(const BounceAnalyzer &analyzer, const RawMessage &raw)
{
    const MessageAnalysis a = analyzer.analyze(raw);
    return JsonExport::toJsonLine(a, Language::English).size();
}

double runSingle(const QList<RawMessage> &messages)
{
    const BounceAnalyzer analyzer;
    QElapsedTimer t;
    t.start();
    qsizetype bytes = 0;
    for (const RawMessage &m : messages)
        bytes += analyseOne(analyzer, m);
    const double s = t.nsecsElapsed() / 1e9;
    return bytes > 0 ? messages.size() / s : 0;
}

double runParallel(const QList<RawMessage> &messages)
{
    const BounceAnalyzer analyzer;
    std::atomic<qsizetype> bytes {0};
    QElapsedTimer t;
    t.start();
    QtConcurrent::blockingMap(messages, [&](const RawMessage &m) { bytes += analyseOne(analyzer, m); });
    const double s = t.nsecsElapsed() / 1e9;
    return bytes > 0 ? messages.size() / s : 0;
}

// The child: analyse one file, print time and peak.
int largeChild(const QString &path)
{
    const BounceAnalyzer analyzer;
    (void)analyseOne(analyzer,
        RawMessage {QStringLiteral("warm-up"), 0,
            "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n\n550 5.1.1 <a@example.jp> User "
            "unknown\n",
            {}});
    resetPeak();
    const qint64 base = procStatusKb("VmRSS");
    QElapsedTimer t;
    t.start();
    QString kind;
    for (const RawMessage &raw : MessageLoader().loadFile(path)) {
        const MessageAnalysis a = analyzer.analyze(raw);
        kind = a.ok() ? QString::number(int(a.kind)) + QLatin1Char('/') + QString::number(a.recipients.size())
                      : a.error;
        (void)JsonExport::toJsonLine(a, Language::English);
    }
    std::printf("LARGE ms=%lld hwm_kb=%lld base_kb=%lld kind=%s\n", t.elapsed(), procStatusKb("VmHWM"), base,
        qPrintable(kind));
    return 0;
}

void runLarge()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large-bounce.eml"));
    qint64 size = 0;
    {
        const QByteArray bytes = bench::largeBounce();
        size = bytes.size();
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != size) {
            std::printf("large bounce: could not write %s\n", qPrintable(path));
            return;
        }
    }
    for (int round = 0; round < 3; ++round) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--large-child"), path});
        child.waitForFinished(120000);
        const QByteArray out = child.readAllStandardOutput().trimmed();
        qint64 ms = -1, hwm = -1, base = -1;
        for (const QByteArray &field : out.split(' ')) {
            if (field.startsWith("ms="))
                ms = field.mid(3).toLongLong();
            else if (field.startsWith("hwm_kb="))
                hwm = field.mid(7).toLongLong();
            else if (field.startsWith("base_kb="))
                base = field.mid(8).toLongLong();
        }
        std::printf("large bounce %.1f MB: analysis %lld ms, peak RSS %.1f MB (growth %.1f MB over %.1f MB "
                    "at start)\n",
            size / 1048576.0, ms, hwm / 1024.0, (hwm - base) / 1024.0, base / 1024.0);
        std::fflush(stdout);
    }
}

// The measuring child: runs the command, counts its output lines, reports its peak memory.
int measureChild(const QStringList &command)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer t;
    t.start();
    p.start(command.first(), command.mid(1));
    if (!p.waitForStarted(10000))
        return 1;
    qint64 lines = 0;
    while (p.state() == QProcess::Running || p.bytesAvailable() > 0) {
        p.waitForReadyRead(1000);
        lines += p.readAllStandardOutput().count('\n');
    }
    p.waitForFinished(-1);
    lines += p.readAllStandardOutput().count('\n');
    const qint64 ms = t.elapsed();
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    std::printf(
        "MEASURE ms=%lld lines=%lld maxrss_kb=%ld exit=%d\n", ms, lines, usage.ru_maxrss, p.exitCode());
    return 0;
}

void runCli(const QString &binary, const QString &jobs, const QStringList &paths, int rounds)
{
    for (const QString &path : paths) {
        QStringList command {
            binary, QStringLiteral("explain"), QStringLiteral("--format"), QStringLiteral("json")};
        if (!jobs.isEmpty())
            command << QStringLiteral("--jobs") << jobs;
        command << path;
        double bestRate = 0;
        qint64 peakKb = 0;
        qint64 messages = 0;
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QCoreApplication::applicationFilePath(),
                QStringList {QStringLiteral("--measure-child")} + command);
            child.waitForFinished(-1);
            qint64 ms = -1, lines = 0, rss = 0;
            for (const QByteArray &field : child.readAllStandardOutput().trimmed().split(' ')) {
                if (field.startsWith("ms="))
                    ms = field.mid(3).toLongLong();
                else if (field.startsWith("lines="))
                    lines = field.mid(6).toLongLong();
                else if (field.startsWith("maxrss_kb="))
                    rss = field.mid(10).toLongLong();
            }
            if (ms <= 0)
                continue;
            messages = lines;
            bestRate = qMax(bestRate, lines * 1000.0 / ms);
            peakKb = qMax(peakKb, rss);
        }
        std::printf("cli %s: %lld messages, %8.0f msgs/s (best of %d), peak RSS %.1f MB\n", qPrintable(path),
            messages, bestRate, rounds, peakKb / 1024.0);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("--large-child"))
        return largeChild(args.value(1));
    if (args.value(0) == QLatin1String("--measure-child"))
        return measureChild(args.mid(1));

    int rounds = 3;
    bool large = true;
    bool corpus = true;
    bool singleOnly = false;
    QString cliBinary;
    int modelRows = 0;
    QString cliJobs;
    QStringList paths;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--rounds"))
            rounds = qMax(1, args.value(++i).toInt());
        else if (a == QLatin1String("--no-large"))
            large = false;
        else if (a == QLatin1String("--large-only"))
            corpus = false;
        else if (a == QLatin1String("--cli"))
            cliBinary = args.value(++i);
        else if (a == QLatin1String("--model"))
            modelRows = args.value(++i).toInt();
        else if (a == QLatin1String("--jobs"))
            cliJobs = args.value(++i);
        else if (a == QLatin1String("--single-only"))
            singleOnly = true, large = false, rounds = 1;
        else
            paths << a;
    }
    if (paths.isEmpty())
        paths << QStringLiteral(BOUNCELENS_CORPUS "/eml");
    if (modelRows > 0) {
        bench::runModelBench(modelRows, paths);
        return 0;
    }
    if (!cliBinary.isEmpty()) {
        runCli(cliBinary, cliJobs, paths, rounds);
        return 0;
    }

    if (corpus) {
        QElapsedTimer t;
        t.start();
        const MessageLoader loader;
        QList<RawMessage> messages;
        qint64 bytes = 0;
        for (const QString &file : loader.expand(paths))
            for (RawMessage &m : loader.loadFile(file)) {
                bytes += m.bytes.size();
                messages << std::move(m);
            }
        std::printf("loaded %lld messages (%.1f MB) in %lld ms\n", qint64(messages.size()), bytes / 1048576.0,
            t.elapsed());
        if (messages.isEmpty())
            return 1;
        double best1 = 0, bestN = 0;
        for (int r = 0; r < rounds; ++r)
            best1 = qMax(best1, runSingle(messages));
        std::printf("1 thread:   %8.0f msgs/s (analysis + JSON line, best of %d)\n", best1, rounds);
        if (!singleOnly) {
            for (int r = 0; r < rounds; ++r)
                bestN = qMax(bestN, runParallel(messages));
            std::printf("%d threads: %8.0f msgs/s (analysis + JSON line, best of %d)\n",
                QThreadPool::globalInstance()->maxThreadCount(), bestN, rounds);
        }
        std::printf("peak RSS (VmHWM): %.1f MB\n", procStatusKb("VmHWM") / 1024.0);
        std::fflush(stdout);
    }
    if (large)
        runLarge();
    return 0;
}

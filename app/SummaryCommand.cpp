#include "SummaryCommand.h"

#include "CommandLine.h"
#include "CommandOptions.h"

#include "analysis/BounceAnalyzer.h"
#include "export/BounceSummary.h"
#include "export/SummaryWriter.h"
#include "message/MessageLoader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFuture>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentMap>

namespace bouncelens {

namespace {

enum class SummaryFormat { Text, Json, Csv };

// The summary of one input file, analysed exactly as `explain` does.
BounceSummary summariseFile(const QString &file)
{
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    BounceSummary summary;
    QList<RawMessage> messages = loader.loadFile(file);
    for (RawMessage &raw : messages) {
        summary.add(analyzer.analyze(raw));
        raw.bytes = QByteArray(); // counted: free the input early
    }
    return summary;
}

} // namespace

int runSummaryCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    const CommandOptions options = CommandOptions::parse(
        arguments, {}, {}, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")});
    if (!options.error.isEmpty() || options.paths.isEmpty()) {
        err << (options.error.isEmpty()
                ? QCoreApplication::translate("CommandLine", "summary needs at least one PATH.")
                : options.error)
            << '\n'
            << CommandLine::usage();
        return 2;
    }
    const SummaryFormat format = options.format == QLatin1String("csv") ? SummaryFormat::Csv
        : options.json                                                  ? SummaryFormat::Json
                                                                        : SummaryFormat::Text;

    const QStringList files = MessageLoader().expand(options.paths);
    const QList<BounceSummary> parts = QtConcurrent::blockingMapped(files, summariseFile);
    BounceSummary summary;
    for (const BounceSummary &part : parts)
        summary.merge(part);

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    switch (format) {
    case SummaryFormat::Json: out.write(SummaryWriter::json(summary)); break;
    case SummaryFormat::Csv: out.write(SummaryWriter::csv(summary, options.language, false)); break;
    case SummaryFormat::Text: out.write(SummaryWriter::text(summary, options.language).toUtf8()); break;
    }
    out.flush();
    return summary.unreadable == 0 ? 0 : 1;
}

} // namespace bouncelens

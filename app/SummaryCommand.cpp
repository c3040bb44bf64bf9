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
    // csv is this command's own format; the shared parser knows text and json.
    SummaryFormat format = SummaryFormat::Text;
    QStringList rest;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--format=csv")
            || (a == QLatin1String("--format") && arguments.value(i + 1) == QLatin1String("csv"))) {
            format = SummaryFormat::Csv;
            i += a == QLatin1String("--format") ? 1 : 0;
        } else {
            rest << a;
        }
    }
    const CommandOptions options = CommandOptions::parse(rest);
    if (!options.error.isEmpty() || options.paths.isEmpty()) {
        err << (options.error.isEmpty()
                ? QCoreApplication::translate("CommandLine", "summary needs at least one PATH.")
                : options.error)
            << '\n'
            << CommandLine::usage();
        return 2;
    }
    if (options.json && format != SummaryFormat::Csv)
        format = SummaryFormat::Json;

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

#include "CommandLine.h"

#include "CatalogCommand.h"
#include "CommandOptions.h"
#include "ExplainProgress.h"
#include "FetchCommand.h"
#include "Interrupt.h"
#include "SummaryCommand.h"

#include "analysis/BounceAnalyzer.h"
#include "analysis/InOrderPool.h"
#include "explain/BounceExplainer.h"
#include "export/JsonExport.h"
#include "message/FileWalker.h"
#include "message/MessageStream.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace bouncelens {

namespace {

QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("CommandLine", "yes")
                 : QCoreApplication::translate("CommandLine", "no");
}

// The composed explanation, labelled in its own language (labels come from the knowledge base,
// so they exist wherever the texts do).
void writeExplanation(QTextStream &out, const Explanation &e, Language language)
{
    const QString indent = QStringLiteral("    ");
    const QString separator = BounceExplainer::phrase(QStringLiteral("label_separator"), language);
    auto line = [&](const char *label, const QString &text) {
        if (!text.isEmpty())
            out << indent << BounceExplainer::phrase(QString::fromLatin1(label), language) << separator
                << text << '\n';
    };
    line("label_verdict", e.verdict);
    line("label_cause", e.cause);
    line("label_who", e.whoActs);
    line("label_fix", e.fix);
    if (!e.codeNotes.isEmpty()) {
        out << indent << BounceExplainer::phrase(QStringLiteral("label_codes"), language)
            << separator.trimmed() << '\n';
        for (const CodeNote &n : e.codeNotes)
            out << indent << QStringLiteral("  - ") << n.line << '\n';
    }
    out << indent << BounceExplainer::phrase(QStringLiteral("label_customer"), language)
        << separator.trimmed() << '\n';
    out << indent << QStringLiteral("  ") << e.customer << '\n';
}

void writeText(QTextStream &out, const MessageAnalysis &a, Language language)
{
    out << a.source;
    if (a.index > 0)
        out << QStringLiteral(" #") << a.index + 1;
    out << '\n';
    if (!a.ok()) {
        out << QStringLiteral("  ") << QCoreApplication::translate("CommandLine", "Error: %1").arg(a.error)
            << "\n\n";
        return;
    }
    static const char *const kindNames[] = {
        QT_TRANSLATE_NOOP("CommandLine", "Bounce (the message was not delivered)"),
        QT_TRANSLATE_NOOP("CommandLine", "Delay (delivery is still being retried)"),
        QT_TRANSLATE_NOOP("CommandLine", "Feedback report (a recipient complained)"),
        QT_TRANSLATE_NOOP("CommandLine", "Automatic reply"),
        QT_TRANSLATE_NOOP("CommandLine", "Delivery report (the message was delivered)"),
        QT_TRANSLATE_NOOP("CommandLine", "Not a bounce"),
    };
    out << QStringLiteral("  ")
        << QCoreApplication::translate("CommandLine", "Kind: %1")
               .arg(QCoreApplication::translate("CommandLine", kindNames[int(a.kind)]))
        << '\n';
    if (!a.reportingMta.isEmpty())
        out << QStringLiteral("  ")
            << QCoreApplication::translate("CommandLine", "Reported by: %1").arg(a.reportingMta) << '\n';
    if (!a.notice.isEmpty())
        out << QStringLiteral("  ")
            << QCoreApplication::translate("CommandLine", "Notice: %1").arg(a.notice.left(300)) << '\n';
    if (!a.original.subject.isEmpty())
        out << QStringLiteral("  ")
            << QCoreApplication::translate("CommandLine", "Original subject: %1").arg(a.original.subject)
            << '\n';
    for (const QString &warning : a.warnings)
        out << QStringLiteral("  ") << QCoreApplication::translate("CommandLine", "Note: %1").arg(warning)
            << '\n';
    for (const RecipientResult &r : a.recipients) {
        const Explanation e = BounceExplainer::explain(a, r, language);
        out << QStringLiteral("  ")
            << QCoreApplication::translate("CommandLine", "Recipient: %1").arg(r.address) << '\n';
        out << QStringLiteral("    ") << e.title << '\n';
        // Only failures are temporary or permanent; a report or an auto-reply is neither.
        const bool failure = a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay;
        out << QStringLiteral("    ")
            << QCoreApplication::translate("CommandLine", "Reason: %1").arg(r.reason);
        if (failure)
            out << QStringLiteral("    ")
                << (r.permanent ? QCoreApplication::translate("CommandLine", "permanent failure")
                                : QCoreApplication::translate("CommandLine", "temporary failure"))
                << QStringLiteral("    ")
                << QCoreApplication::translate("CommandLine", "Hard bounce: %1").arg(yesNo(r.hardBounce));
        out << '\n';
        if (!r.replyCode.isEmpty() || !r.status.isEmpty())
            out << QStringLiteral("    ")
                << QCoreApplication::translate("CommandLine", "Reply code: %1    Status: %2")
                       .arg(r.replyCode.isEmpty() ? QStringLiteral("-") : r.replyCode,
                           r.status.isEmpty() ? QStringLiteral("-") : r.status)
                << '\n';
        if (!e.serverQuote.isEmpty())
            out << QStringLiteral("    ") << e.serverQuote << '\n';
        if (!e.serverGloss.isEmpty())
            out << QStringLiteral("    ") << e.serverGloss << '\n';
        if (!r.remoteMta.isEmpty())
            out << QStringLiteral("    ")
                << QCoreApplication::translate("CommandLine", "Remote server: %1").arg(r.remoteMta) << '\n';
        writeExplanation(out, e, language);
    }
    out << '\n';
}

} // namespace

// Every subcommand, by the word that names it. Adding a subcommand is one row here (plus its
// lines in usage()); the window path learns the word too, so a mistyped one gets a suggestion.
const QList<CommandLine::Subcommand> &CommandLine::subcommands()
{
    static const QList<Subcommand> table {
        {"explain", &CommandLine::explain},
        {"catalog", &runCatalogCommand},
        {"fetch", &runFetchCommand},
        {"summary", &runSummaryCommand},
        {"--version", &CommandLine::printVersion},
        {"-v", &CommandLine::printVersion},
        {"--help", &CommandLine::printUsage},
        {"-h", &CommandLine::printUsage},
    };
    return table;
}

bool CommandLine::isSubcommand(const QString &arg)
{
    return std::any_of(subcommands().cbegin(), subcommands().cend(),
        [&arg](const Subcommand &command) { return arg == QLatin1String(command.name); });
}

QString CommandLine::nearestSubcommand(const QString &word)
{
    // Levenshtein distance: "sumary" -> "summary" is 1, "explian" -> "explain" is 2.
    const auto distance = [](const QString &a, const QString &b) {
        QList<qsizetype> row(b.size() + 1);
        for (qsizetype j = 0; j <= b.size(); ++j)
            row[j] = j;
        for (qsizetype i = 1; i <= a.size(); ++i) {
            qsizetype diagonal = row[0];
            row[0] = i;
            for (qsizetype j = 1; j <= b.size(); ++j) {
                const qsizetype above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    };
    QString best;
    qsizetype bestDistance = 3; // more than two edits away is a different word
    for (const Subcommand &command : subcommands()) {
        const QString name = QLatin1String(command.name);
        if (name.startsWith(QLatin1Char('-')))
            continue;
        const qsizetype d = distance(word.toLower(), name);
        if (d < bestDistance) {
            best = name;
            bestDistance = d;
        }
    }
    return best;
}

QString CommandLine::version()
{
    return QStringLiteral("bouncelens %1").arg(QStringLiteral(BOUNCELENS_VERSION));
}

QString CommandLine::usage()
{
    return QCoreApplication::translate("CommandLine",
        "Usage:\n"
        "  bouncelens [FILE...]                      open the window (with these files)\n"
        "  bouncelens explain [--lang en|ja] [--format text|json] [--jobs N] PATH...\n"
        "                                            explain bounces without a window\n"
        "  bouncelens summary [--lang en|ja] [--format text|json|csv] PATH...\n"
        "                                            count them by kind, reason, domain and day\n"
        "  bouncelens fetch [options] URL            fetch bounces from an IMAP or POP3 mailbox\n"
        "                                            without changing it (fetch --help: options)\n"
        "  bouncelens catalog [--lang en|ja] [--format text|json]\n"
        "                                            list what BounceLens knows\n"
        "  bouncelens --version | --help\n"
        "\n"
        "PATH is a message file, an mbox, a maildir, a folder, or - for standard input.\n"
        "--jobs N is how many threads analyse at once (default: one per CPU core).\n"
        "Exit status: 0 all inputs read, 1 some could not be read, 2 usage error.\n");
}

int CommandLine::printVersion(const QStringList &)
{
    QTextStream(stdout) << version() << '\n';
    return 0;
}

int CommandLine::printUsage(const QStringList &)
{
    QTextStream(stdout) << usage();
    return 0;
}

int CommandLine::run(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    for (const Subcommand &subcommand : subcommands()) {
        if (command == QLatin1String(subcommand.name))
            return subcommand.run(arguments.mid(1));
    }
    QTextStream(stderr) << QCoreApplication::translate(
        "CommandLine", "The %1 command is not available in this version.")
                               .arg(command)
                        << '\n';
    return 2;
}

namespace {

// What one message renders to; produced on a worker thread, written in input order. A message
// with many recipients is kept as its analysis and streamed when its turn comes, so that its
// JSON line (180 MB for 100,000 recipients) is never held whole.
struct RenderedMessage
{
    QByteArray output;
    std::optional<MessageAnalysis> deferred;
    bool ok = true;
};

constexpr qsizetype kStreamedRecipients = 256;

RenderedMessage renderMessage(const BounceAnalyzer &analyzer, RawMessage raw, const CommandOptions &options)
{
    RenderedMessage rendered;
    MessageAnalysis analysis = analyzer.analyze(raw);
    raw.bytes = QByteArray(); // analysed: free the input early
    rendered.ok = analysis.ok();
    if (!options.json) {
        QString text;
        QTextStream stream(&text);
        writeText(stream, analysis, options.language);
        stream.flush();
        rendered.output = text.toUtf8();
    } else if (analysis.recipients.size() > kStreamedRecipients) {
        rendered.deferred = std::move(analysis);
    } else {
        rendered.output = JsonExport::toJsonLine(analysis, options.language);
    }
    return rendered;
}

// The size of every input, for the progress line's time left: only worked out when the line is
// drawn (a folder is walked once more for it).
qint64 totalInputBytes(const QStringList &paths)
{
    qint64 total = 0;
    FileWalker walker(paths);
    while (const std::optional<QString> file = walker.next()) {
        if (*file == QLatin1String("-"))
            return -1;
        total += QFileInfo(*file).size();
    }
    return total;
}

} // namespace

int CommandLine::explain(const QStringList &arguments)
{
    QTextStream err(stderr);
    const CommandOptions options = CommandOptions::parse(arguments, {QStringLiteral("--jobs")});
    int jobs = QThread::idealThreadCount();
    QString error = options.error;
    if (error.isEmpty() && options.hasExtra(QStringLiteral("--jobs"))) {
        bool ok = false;
        jobs = options.extraValue(QStringLiteral("--jobs")).toInt(&ok);
        if (!ok || jobs < 1 || jobs > 1024)
            error = QCoreApplication::translate(
                "CommandLine", "--jobs takes a number of threads from 1 to 1024.");
    }
    if (!error.isEmpty() || options.paths.isEmpty()) {
        err << (error.isEmpty()
                ? QCoreApplication::translate("CommandLine", "explain needs at least one PATH.")
                : error)
            << '\n'
            << usage();
        return 2;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    Interrupt::watch();
    // Messages are read one at a time, analysed on `jobs` threads and written in input order as
    // they complete; memory stays bounded by the pool's window, whatever the size of the input.
    MessageStream stream(options.paths);
    ExplainProgress progress(ExplainProgress::enabled() ? totalInputBytes(options.paths) : -1);
    const BounceAnalyzer analyzer;
    bool allRead = true;
    qint64 written = 0;
    using Pool = InOrderPool<RawMessage, RenderedMessage>;
    Pool::Steps steps;
    steps.produce = [&stream] { return stream.next(); };
    steps.weight = [](const RawMessage &raw) { return qint64(raw.bytes.size()); };
    steps.work
        = [&analyzer, &options](RawMessage raw) { return renderMessage(analyzer, std::move(raw), options); };
    steps.deliver = [&](RenderedMessage rendered) {
        allRead = allRead && rendered.ok;
        if (rendered.deferred)
            JsonExport::writeJsonLine(out, *rendered.deferred, options.language);
        else
            out.write(rendered.output);
        progress.update(++written, stream.bytesRead());
    };
    steps.stopRequested = [] { return Interrupt::requested(); };
    const bool finished = Pool::run({jobs}, steps);
    progress.finish();
    out.flush();
    if (!finished) {
        // Ctrl-C: what was written is whole lines; leave without waiting for running analyses.
        std::fflush(stdout);
        std::_Exit(Interrupt::kExitStatus);
    }
    return allRead ? 0 : 1;
}

} // namespace bouncelens

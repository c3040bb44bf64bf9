#include "CommandLine.h"

#include "CatalogCommand.h"
#include "CommandOptions.h"
#include "FetchCommand.h"

#include "analysis/BounceAnalyzer.h"
#include "explain/BounceExplainer.h"
#include "explain/NoticeExplainer.h"
#include "export/JsonExport.h"
#include "message/MessageLoader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFuture>
#include <QLocale>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentMap>

#include <cstdio>
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

// The opening notice as the message words it, then what it means in the reader's language.
void writeNotice(QTextStream &out, const MessageAnalysis &a, Language language)
{
    const NoticeExplanation notice = NoticeExplainer::explain(a, language);
    if (notice.isEmpty())
        return;
    out << QStringLiteral("  ")
        << QCoreApplication::translate("CommandLine", "Notice: %1").arg(notice.text.left(300)) << '\n';
    if (!notice.meaning.isEmpty())
        out << QStringLiteral("  ")
            << QCoreApplication::translate("CommandLine", "Meaning: %1").arg(notice.meaning) << '\n';
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
    writeNotice(out, a, language);
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

bool CommandLine::isSubcommand(const QString &arg)
{
    return arg == QLatin1String("explain") || arg == QLatin1String("catalog") || arg == QLatin1String("fetch")
        || arg == QLatin1String("--version") || arg == QLatin1String("-v") || arg == QLatin1String("--help")
        || arg == QLatin1String("-h");
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
        "  bouncelens explain [--lang en|ja] [--format text|json] PATH...\n"
        "                                            explain bounces without a window\n"
        "  bouncelens fetch [options] URL            fetch bounces from an IMAP or POP3 mailbox\n"
        "                                            without changing it (fetch --help: options)\n"
        "  bouncelens catalog [--lang en|ja] [--format text|json]\n"
        "                                            list what BounceLens knows\n"
        "  bouncelens --version | --help\n"
        "\n"
        "PATH is a message file, an mbox, a maildir, a folder, or - for standard input.\n"
        "Exit status: 0 all inputs read, 1 some could not be read, 2 usage error.\n");
}

int CommandLine::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString command = arguments.value(0);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << version() << '\n';
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << usage();
        return 0;
    }
    if (command == QLatin1String("explain"))
        return explain(arguments.mid(1));
    if (command == QLatin1String("catalog"))
        return runCatalogCommand(arguments.mid(1));
    if (command == QLatin1String("fetch"))
        return runFetchCommand(arguments.mid(1));
    err << QCoreApplication::translate("CommandLine", "The %1 command is not available in this version.")
               .arg(command)
        << '\n';
    return 2;
}

namespace {

// What one input file renders to; produced on a worker thread, written in input order. A
// message with many recipients is kept as its analysis and streamed when its turn comes, so
// that its JSON line (180 MB for 100,000 recipients) is never held whole.
struct RenderedPiece
{
    QByteArray output;
    std::optional<MessageAnalysis> deferred;
};

struct RenderedFile
{
    QList<RenderedPiece> pieces;
    bool allRead = true;
};

constexpr qsizetype kStreamedRecipients = 256;

RenderedFile renderFile(const QString &file, const CommandOptions &options)
{
    // One loader and analyzer per call: both are cheap and keep the workers independent.
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    RenderedFile rendered;
    QString text;
    QTextStream stream(&text);
    QList<RawMessage> messages = loader.loadFile(file);
    rendered.pieces.append(RenderedPiece {});
    for (RawMessage &raw : messages) {
        MessageAnalysis analysis = analyzer.analyze(raw);
        raw.bytes = QByteArray(); // analysed: free the input early
        rendered.allRead = rendered.allRead && analysis.ok();
        if (!options.json) {
            writeText(stream, analysis, options.language);
        } else if (analysis.recipients.size() > kStreamedRecipients) {
            rendered.pieces.append(RenderedPiece {{}, std::move(analysis)});
            rendered.pieces.append(RenderedPiece {});
        } else {
            rendered.pieces.last().output += JsonExport::toJsonLine(analysis, options.language);
        }
    }
    stream.flush();
    if (!options.json)
        rendered.pieces.last().output = text.toUtf8();
    return rendered;
}

} // namespace

int CommandLine::explain(const QStringList &arguments)
{
    QTextStream err(stderr);
    const CommandOptions options = CommandOptions::parse(arguments);
    if (!options.error.isEmpty() || options.paths.isEmpty()) {
        err << (options.error.isEmpty()
                ? QCoreApplication::translate("CommandLine", "explain needs at least one PATH.")
                : options.error)
            << '\n'
            << usage();
        return 2;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    // Files are analysed on all cores; results are written in input order as they complete.
    // Chunks bound how much finished output waits for a slow file ahead of it.
    constexpr qsizetype kChunk = 256;
    const QStringList files = MessageLoader().expand(options.paths);
    bool allRead = true;
    for (qsizetype start = 0; start < files.size(); start += kChunk) {
        const QStringList chunk = files.mid(start, kChunk);
        QFuture<RenderedFile> future = QtConcurrent::mapped(
            chunk, [&options](const QString &file) { return renderFile(file, options); });
        for (int i = 0; i < chunk.size(); ++i) {
            const RenderedFile rendered = future.resultAt(i);
            allRead = allRead && rendered.allRead;
            for (const RenderedPiece &piece : rendered.pieces) {
                if (piece.deferred)
                    JsonExport::writeJsonLine(out, *piece.deferred, options.language);
                else if (!piece.output.isEmpty())
                    out.write(piece.output);
            }
        }
    }
    out.flush();
    return allRead ? 0 : 1;
}

} // namespace bouncelens

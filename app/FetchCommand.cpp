#include "FetchCommand.h"

#include "CommandOptions.h"

#include "explain/BounceExplainer.h"
#include "export/JsonExport.h"
#include "fetch/FetchTls.h"
#include "fetch/MailboxFetcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace bouncelens {

namespace {

QString fetchUsage()
{
    return QCoreApplication::translate("CommandLine",
        "Usage:\n"
        "  bouncelens fetch [--user U] [--password-stdin] [--folder F] [--since YYYY-MM-DD]\n"
        "                   [--limit N] [--ca-file FILE] [--trust-fingerprint SHA256] [--starttls]\n"
        "                   [--include-feedback] [--include-autoreplies]\n"
        "                   [--format text|json] [--lang en|ja] URL\n"
        "\n"
        "URL is imap://, imaps://, pop3:// or pop3s://HOST[:PORT][/FOLDER].\n"
        "The password is read from standard input (--password-stdin) or from the\n"
        "BOUNCELENS_PASSWORD environment variable, never from the command line.\n"
        "The mailbox is never modified: nothing is marked read, moved or deleted.\n"
        "Exit status: 0 done, 1 connection, login or server error (after printing\n"
        "what was fetched), 2 usage error.\n");
}

int usageError(const QString &message)
{
    QTextStream err(stderr);
    err << message << '\n' << fetchUsage();
    return 2;
}

// A short text rendering; `explain` has the long one for a single message.
void writeText(QTextStream &out, const MessageAnalysis &a, Language language)
{
    out << a.source << '\n';
    out << QStringLiteral("  ")
        << QCoreApplication::translate("CommandLine", "Kind: %1").arg(toString(a.kind)) << '\n';
    if (!a.subject.isEmpty())
        out << QStringLiteral("  ")
            << QCoreApplication::translate("CommandLine", "Subject: %1").arg(a.subject) << '\n';
    if (!a.date.isEmpty())
        out << QStringLiteral("  ") << QCoreApplication::translate("CommandLine", "Date: %1").arg(a.date)
            << '\n';
    if (!a.reportingMta.isEmpty())
        out << QStringLiteral("  ")
            << QCoreApplication::translate("CommandLine", "Reported by: %1").arg(a.reportingMta) << '\n';
    for (const RecipientResult &r : a.recipients) {
        const Explanation e = BounceExplainer::explain(a, r, language);
        out << QStringLiteral("  ")
            << QCoreApplication::translate("CommandLine", "Recipient: %1").arg(r.address) << '\n';
        out << QStringLiteral("    ") << e.title << '\n';
        out << QStringLiteral("    ")
            << QCoreApplication::translate("CommandLine", "Reason: %1").arg(r.reason);
        if (!r.status.isEmpty())
            out << QStringLiteral("    ")
                << QCoreApplication::translate("CommandLine", "Status: %1").arg(r.status);
        if (!r.replyCode.isEmpty())
            out << QStringLiteral("    ")
                << QCoreApplication::translate("CommandLine", "Reply code: %1").arg(r.replyCode);
        out << '\n';
        if (!r.diagnostic.isEmpty())
            out << QStringLiteral("    ")
                << QCoreApplication::translate("CommandLine", "Server said: %1").arg(r.diagnostic) << '\n';
    }
    out << '\n';
    out.flush();
}

QString readPasswordFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

int runFetchCommand(const QStringList &arguments)
{
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        QTextStream(stdout) << fetchUsage();
        return 0;
    }
    const QStringList valueOptions
        = {QStringLiteral("--user"), QStringLiteral("--folder"), QStringLiteral("--since"),
            QStringLiteral("--limit"), QStringLiteral("--ca-file"), QStringLiteral("--trust-fingerprint")};
    const QStringList flags = {QStringLiteral("--password-stdin"), QStringLiteral("--starttls"),
        QStringLiteral("--include-feedback"), QStringLiteral("--include-autoreplies")};
    const CommandOptions options = CommandOptions::parse(arguments, valueOptions, flags);
    if (!options.error.isEmpty())
        return usageError(options.error);
    if (options.paths.size() != 1)
        return usageError(QCoreApplication::translate("CommandLine", "fetch needs exactly one URL."));

    FetchOptions fetch;
    fetch.url = options.paths.first();
    fetch.user = options.extraValue(QStringLiteral("--user"));
    fetch.folder = options.extraValue(QStringLiteral("--folder"));
    fetch.caFile = options.extraValue(QStringLiteral("--ca-file"));
    fetch.startTls = options.hasExtra(QStringLiteral("--starttls"));
    fetch.includeFeedback = options.hasExtra(QStringLiteral("--include-feedback"));
    fetch.includeAutoReplies = options.hasExtra(QStringLiteral("--include-autoreplies"));
    for (const auto &[name, value] : options.extra) {
        if (name != QLatin1String("--trust-fingerprint"))
            continue;
        if (FetchTls::normalizeFingerprint(value).isEmpty())
            return usageError(QCoreApplication::translate(
                "CommandLine", "--trust-fingerprint takes a SHA-256 fingerprint (64 hex digits), not \"%1\".")
                                  .arg(value));
        fetch.trustedFingerprints << value;
    }
    if (options.hasExtra(QStringLiteral("--since"))) {
        const QString value = options.extraValue(QStringLiteral("--since"));
        fetch.since = QDate::fromString(value, Qt::ISODate);
        if (!fetch.since.isValid())
            return usageError(QCoreApplication::translate(
                "CommandLine", "--since takes a date like 2024-03-31, not \"%1\".")
                                  .arg(value));
    }
    if (options.hasExtra(QStringLiteral("--limit"))) {
        const QString value = options.extraValue(QStringLiteral("--limit"));
        bool ok = false;
        fetch.limit = value.toInt(&ok);
        if (!ok || fetch.limit < 1)
            return usageError(
                QCoreApplication::translate("CommandLine", "--limit takes a positive number, not \"%1\".")
                    .arg(value));
    }
    // Never from the command line: other users can read it in the process list.
    if (options.hasExtra(QStringLiteral("--password-stdin")))
        fetch.password = readPasswordFromStdin();
    else
        fetch.password = qEnvironmentVariable("BOUNCELENS_PASSWORD");

    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered))
        return 1;
    QTextStream text(&stdoutFile);
    text.setEncoding(QStringConverter::Utf8);

    MailboxFetcher fetcher(fetch);
    // Results are printed as they arrive, so a long fetch shows progress and an error late in
    // the run still leaves everything found before it on standard output.
    fetcher.setMessageCallback([&](const MessageAnalysis &analysis) {
        if (options.json)
            stdoutFile.write(JsonExport::toJsonLine(analysis, options.language));
        else
            writeText(text, analysis, options.language);
    });
    const FetchResult result = fetcher.run();
    text.flush();

    QTextStream err(stderr);
    if (result.error == FetchError::InvalidRequest)
        return usageError(result.errorText);
    if (!options.json)
        text << QCoreApplication::translate(
            "CommandLine", "%n bounce(s) found", nullptr, int(result.messages.size()))
             << QStringLiteral(" (")
             << QCoreApplication::translate(
                    "CommandLine", "%n candidate message(s) examined", nullptr, result.examined)
             << QStringLiteral(").\n");
    text.flush();
    if (!result.ok()) {
        err << QCoreApplication::translate("CommandLine", "Error: %1").arg(result.errorText) << '\n';
        if (result.error == FetchError::Certificate)
            err << QCoreApplication::translate("CommandLine",
                "To trust this certificate, run again with --trust-fingerprint %1, or give the certificate "
                "of its authority with --ca-file FILE.")
                       .arg(result.certificateFingerprint)
                << '\n';
        return 1;
    }
    return 0;
}

} // namespace bouncelens

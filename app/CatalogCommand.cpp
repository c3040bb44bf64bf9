#include "CatalogCommand.h"

#include "CommandOptions.h"
#include "explain/KnowledgeBase.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace bouncelens {

namespace {

QString catalogUsage()
{
    return QCoreApplication::translate("CatalogCommand",
        "Usage: bouncelens catalog [--lang en|ja] [--format text|json]\n"
        "\n"
        "Lists the whole knowledge base in one language (default: the system's language):\n"
        "every bounce reason, every SMTP reply code and every enhanced status code (the IANA\n"
        "registry's classes, subjects and details, then vendor codes), each with all its fields.\n"
        "\n"
        "--format json writes ONE JSON document (not JSON lines):\n"
        "  {\"format\": \"bouncelens-catalog/1\", \"language\": \"en\", \"languages\": [...],\n"
        "   \"counts\": {\"reasons\": N, \"reply_codes\": N, \"status_codes\": N},\n"
        "   \"reasons\": [{\"id\", \"title\", \"what\", \"duration\", \"who\", \"fix\", \"customer\"}],\n"
        "   \"reply_codes\": [{\"code\", \"reference\", \"title\", \"what\", \"duration\", \"who\", "
        "\"fix\"}],\n"
        "   \"status_codes\": [{\"code\", \"kind\", \"official\", \"vendor\", \"reference\",\n"
        "                     \"title\", \"what\", \"duration\", \"who\", \"fix\"}]}\n"
        "what = what happened; duration = temporary or permanent; who = who needs to act;\n"
        "fix = what to do; customer = text for the customer, with {recipient}, {date} and\n"
        "{subject} left as placeholders (explain fills them in). Status code kinds: class\n"
        "(\"5.XXX.YYY\"), subject (\"X.1.YYY\"), detail (\"X.1.1\"), vendor (\"5.7.606\").\n"
        "\n"
        "Exit status: 0 success, 1 the built-in knowledge base could not be read, 2 usage error.\n");
}

QJsonObject entryToJson(const KnowledgeEntry &e, const QString &language)
{
    QJsonObject o;
    if (e.group == KnowledgeEntry::Group::Reason) {
        o.insert(QStringLiteral("id"), e.key);
    } else {
        o.insert(QStringLiteral("code"), e.key);
        if (e.group == KnowledgeEntry::Group::StatusCode) {
            o.insert(QStringLiteral("kind"), e.kind);
            o.insert(QStringLiteral("official"), e.official);
            o.insert(QStringLiteral("vendor"), e.vendor);
        }
        o.insert(QStringLiteral("reference"), e.reference);
    }
    for (const QString &field : KnowledgeBase::fields(e.group))
        o.insert(field, e.text(field, language));
    return o;
}

QByteArray catalogJson(const KnowledgeBase &kb, const QString &language)
{
    auto list = [&](const QList<KnowledgeEntry> &entries) {
        QJsonArray a;
        for (const KnowledgeEntry &e : entries)
            a.append(entryToJson(e, language));
        return a;
    };
    QJsonObject counts;
    counts.insert(QStringLiteral("reasons"), kb.reasons().size());
    counts.insert(QStringLiteral("reply_codes"), kb.replyCodes().size());
    counts.insert(QStringLiteral("status_codes"), kb.statusCodes().size());
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("bouncelens-catalog/1"));
    root.insert(QStringLiteral("language"), language);
    root.insert(QStringLiteral("languages"), QJsonArray::fromStringList(kb.languages()));
    root.insert(QStringLiteral("counts"), counts);
    root.insert(QStringLiteral("reasons"), list(kb.reasons()));
    root.insert(QStringLiteral("reply_codes"), list(kb.replyCodes()));
    root.insert(QStringLiteral("status_codes"), list(kb.statusCodes()));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void writeEntryText(
    QTextStream &out, const KnowledgeBase &kb, const KnowledgeEntry &e, const QString &language)
{
    const QString separator = kb.phrase(QStringLiteral("label_separator"), language);
    auto line = [&](const QString &label, const QString &text) {
        if (!text.isEmpty())
            out << QStringLiteral("  ") << kb.phrase(label, language) << separator << text << '\n';
    };
    out << e.key << QStringLiteral(" — ") << e.text(QStringLiteral("title"), language) << '\n';
    if (e.group == KnowledgeEntry::Group::StatusCode) {
        line(QStringLiteral("label_official"), e.official);
        line(QStringLiteral("label_vendor"), e.vendor);
    }
    line(QStringLiteral("label_reference"), e.reference);
    line(QStringLiteral("label_verdict"), e.text(QStringLiteral("duration"), language));
    line(QStringLiteral("label_cause"), e.text(QStringLiteral("what"), language));
    line(QStringLiteral("label_who"), e.text(QStringLiteral("who"), language));
    line(QStringLiteral("label_fix"), e.text(QStringLiteral("fix"), language));
    line(QStringLiteral("label_customer"), e.text(QStringLiteral("customer"), language));
    out << '\n';
}

void writeCatalogText(QTextStream &out, const KnowledgeBase &kb, const QString &language)
{
    out << kb.phrase(QStringLiteral("catalog_heading"), language) << '\n' << '\n';
    const struct
    {
        const char *heading;
        const QList<KnowledgeEntry> &entries;
    } sections[] = {{"catalog_reasons", kb.reasons()}, {"catalog_reply_codes", kb.replyCodes()},
        {"catalog_status_codes", kb.statusCodes()}};
    for (const auto &section : sections) {
        out << QStringLiteral("== ") << kb.phrase(QString::fromLatin1(section.heading), language)
            << QStringLiteral(" (") << section.entries.size() << QStringLiteral(") ==\n\n");
        for (const KnowledgeEntry &e : section.entries)
            writeEntryText(out, kb, e, language);
    }
}

} // namespace

int runCatalogCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        QTextStream(stdout) << catalogUsage();
        return 0;
    }
    const CommandOptions options = CommandOptions::parse(arguments);
    if (!options.error.isEmpty() || !options.paths.isEmpty()) {
        err << (options.error.isEmpty()
                ? QCoreApplication::translate("CatalogCommand", "catalog takes no PATH.")
                : options.error)
            << '\n'
            << catalogUsage();
        return 2;
    }
    const KnowledgeBase &kb = KnowledgeBase::builtIn();
    if (!kb.error().isEmpty()) {
        err << QCoreApplication::translate("CatalogCommand", "The knowledge base could not be read: %1")
                   .arg(kb.error())
            << '\n';
        return 1;
    }
    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return 1;
    const QString language = languageCode(options.language);
    if (options.json) {
        stdoutFile.write(catalogJson(kb, language));
        return 0;
    }
    QTextStream out(&stdoutFile);
    out.setEncoding(QStringConverter::Utf8);
    writeCatalogText(out, kb, language);
    out.flush();
    return 0;
}

} // namespace bouncelens

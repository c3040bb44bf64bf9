#include "CommandOptions.h"

#include <QCoreApplication>
#include <QLocale>

namespace bouncelens {

Language CommandOptions::systemLanguage()
{
    const QStringList languages = QLocale::system().uiLanguages();
    return languageFromCode(languages.isEmpty() ? QLocale::system().name() : languages.first());
}

QString CommandOptions::extraValue(const QString &name) const
{
    for (const auto &[key, value] : extra)
        if (key == name)
            return value;
    return {};
}

bool CommandOptions::hasExtra(const QString &name) const
{
    for (const auto &[key, value] : extra)
        if (key == name)
            return true;
    return false;
}

CommandOptions CommandOptions::parse(const QStringList &args, const QStringList &extraValueOptions,
    const QStringList &extraFlags, const QStringList &formats)
{
    CommandOptions o;
    o.language = systemLanguage();
    for (qsizetype i = 0; i < args.size() && o.error.isEmpty(); ++i) {
        const QString &a = args.at(i);
        const QString name = a.section(QLatin1Char('='), 0, 0);
        auto value = [&]() -> QString {
            if (a.contains(QLatin1Char('=')))
                return a.section(QLatin1Char('='), 1);
            if (i + 1 < args.size())
                return args.at(++i);
            o.error = QCoreApplication::translate("CommandLine", "%1 needs a value.").arg(name);
            return {};
        };
        if (name == QLatin1String("--lang")) {
            const QString v = value();
            if (v == QLatin1String("en") || v == QLatin1String("ja"))
                o.language = languageFromCode(v);
            else if (o.error.isEmpty())
                o.error
                    = QCoreApplication::translate("CommandLine", "--lang takes en or ja, not \"%1\".").arg(v);
        } else if (name == QLatin1String("--format")) {
            const QString v = value();
            if (formats.contains(v)) {
                o.format = v;
                o.json = v == QLatin1String("json");
            } else if (o.error.isEmpty()) {
                o.error = QCoreApplication::translate("CommandLine", "--format takes %1, not \"%2\".")
                              .arg(formats.join(QLatin1String(", ")), v);
            }
        } else if (extraValueOptions.contains(name)) {
            const QString v = value();
            o.extra.append({name, v});
        } else if (extraFlags.contains(a)) {
            o.extra.append({a, QString()});
        } else if (a == QLatin1String("--")) {
            o.paths << args.mid(i + 1);
            break;
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            o.error = QCoreApplication::translate("CommandLine", "Unknown option: %1").arg(a);
        } else {
            o.paths << a;
        }
    }
    return o;
}

} // namespace bouncelens

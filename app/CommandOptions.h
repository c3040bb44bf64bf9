#pragma once

#include "explain/BounceExplainer.h"

#include <QStringList>

namespace bouncelens {

// The options the headless subcommands share: --lang, --format, and positional arguments.
// Subcommands with options of their own (fetch) pass them in `extraValueOptions` /
// `extraFlags` and read them back from `extra`; one with formats of its own (summary: csv) names
// every format it takes in `formats`.
struct CommandOptions
{
    Language language = Language::English;
    QString format = QStringLiteral("text"); // one of the `formats` parse() was given
    bool json = false; // format == "json"
    QStringList paths; // positional arguments
    QList<QPair<QString, QString>> extra; // --name value / --flag "" for the extras given
    QString error; // set on a usage error

    [[nodiscard]] static CommandOptions parse(const QStringList &arguments,
        const QStringList &extraValueOptions = {}, const QStringList &extraFlags = {},
        const QStringList &formats = {QStringLiteral("text"), QStringLiteral("json")});
    // The language of the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG as Qt reads them).
    [[nodiscard]] static Language systemLanguage();
    [[nodiscard]] QString extraValue(const QString &name) const;
    [[nodiscard]] bool hasExtra(const QString &name) const;
};

} // namespace bouncelens

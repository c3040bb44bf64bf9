#pragma once

#include "explain/BounceExplainer.h"

#include <QStringList>

namespace bouncelens {

// The options the headless subcommands share: --lang, --format, and positional arguments.
// Subcommands with options of their own (fetch) pass them in `extraValueOptions` /
// `extraFlags` and read them back from `extra`.
struct CommandOptions
{
    Language language = Language::English;
    bool json = false;
    QStringList paths; // positional arguments
    QList<QPair<QString, QString>> extra; // --name value / --flag "" for the extras given
    QString error; // set on a usage error

    [[nodiscard]] static CommandOptions parse(const QStringList &arguments,
        const QStringList &extraValueOptions = {}, const QStringList &extraFlags = {});
    // The language of the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG as Qt reads them).
    [[nodiscard]] static Language systemLanguage();
    [[nodiscard]] QString extraValue(const QString &name) const;
    [[nodiscard]] bool hasExtra(const QString &name) const;
};

} // namespace bouncelens

#pragma once

#include <QStringList>

class QTextStream;

namespace bouncelens {

// The headless subcommands (DESIGN.md "Command line contract"). Each returns the process exit
// status: 0 all inputs read, 1 some could not be read, 2 usage error.
class CommandLine
{
public:
    // Whether `arg` (the first argument) names a subcommand; those run without a display.
    [[nodiscard]] static bool isSubcommand(const QString &arg);
    // The subcommand a mistyped word most likely meant ("explian" -> "explain"), or empty.
    [[nodiscard]] static QString nearestSubcommand(const QString &word);
    // Runs the subcommand arguments.first() names with the rest of the arguments.
    [[nodiscard]] static int run(const QStringList &arguments);

    [[nodiscard]] static QString usage();
    [[nodiscard]] static QString version();

private:
    struct Subcommand
    {
        const char *name;
        int (*run)(const QStringList &arguments);
    };
    [[nodiscard]] static const QList<Subcommand> &subcommands();

    [[nodiscard]] static int explain(const QStringList &arguments);
    static int printVersion(const QStringList &arguments);
    static int printUsage(const QStringList &arguments);
};

} // namespace bouncelens

#pragma once

#include <QStringList>

class QTextStream;

namespace bouncelens {

// The headless subcommands (DESIGN.md "Command line contract"). Each returns the process exit
// status: 0 all inputs read, 1 some could not be read, 2 usage error.
class CommandLine
{
public:
    [[nodiscard]] static bool isSubcommand(const QString &arg);
    [[nodiscard]] static int run(const QStringList &arguments);

    [[nodiscard]] static QString usage();
    [[nodiscard]] static QString version();

private:
    [[nodiscard]] static int explain(const QStringList &arguments);
};

} // namespace bouncelens

#include "CommandLine.h"
#include "LanguageManager.h"
#include "WindowCommand.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>

using namespace bouncelens;

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("BounceLens"));
    QCoreApplication::setOrganizationName(QStringLiteral("BounceLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BOUNCELENS_VERSION));
}

// The language of what is written to the terminal: --lang, else the system locale (never the
// GUI's stored choice: scripts must not change behaviour because someone clicked a menu).
Language terminalLanguage(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            return languageFromCode(args.at(i + 1));
        if (args.at(i).startsWith(QLatin1String("--lang=")))
            return languageFromCode(args.at(i).mid(7));
    }
    return LanguageManager::systemLanguage();
}

} // namespace

int main(int argc, char *argv[])
{
    WindowArguments window;
    {
        // Everything that can end without a window ends here, before any GUI object exists: the
        // subcommands, a mistyped command or option, a machine without a display.
        QCoreApplication app(argc, argv);
        setIdentity();
        const QStringList args = QCoreApplication::arguments();
        LanguageManager language;
        language.setLanguage(terminalLanguage(args), false);
        if (args.size() > 1 && CommandLine::isSubcommand(args.at(1)))
            return CommandLine::run(args.mid(1));
        window = WindowArguments::parse(args);
        if (!window.error.isEmpty()) {
            std::fprintf(stderr, "%s\n%s", qPrintable(window.error), qPrintable(CommandLine::usage()));
            return 2;
        }
        const QString noDisplay = missingDisplayMessage(args);
        if (!noDisplay.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(noDisplay));
            return 2;
        }
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("BounceLens"));
    QApplication::setDesktopFileName(QStringLiteral("bouncelens"));
    return runWindow(window);
}

#include "CommandLine.h"
#include "ExplanationPanel.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ReplyComposerDialog.h"
#include "WorkspaceTabs.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace bouncelens;

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("BounceLens"));
    QCoreApplication::setOrganizationName(QStringLiteral("BounceLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BOUNCELENS_VERSION));
}

// The subcommands' language: their own --lang, else the system locale (never the GUI's stored
// choice: scripts must not change behaviour because someone clicked a menu).
Language subcommandLanguage(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            return languageFromCode(args.at(i + 1));
        if (args.at(i).startsWith(QLatin1String("--lang=")))
            return languageFromCode(args.at(i).mid(7));
    }
    return LanguageManager::systemLanguage();
}

int runGui()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("CommandLine", "Explains bounced e-mail."));
    const QCommandLineOption lang(QStringLiteral("lang"),
        QCoreApplication::translate("CommandLine", "Language of the window: en or ja."),
        QStringLiteral("en|ja"));
    // For documentation and tests: load FILEs, save a picture of the window, quit.
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate("CommandLine", "Save a screenshot of the window to PNG and quit."),
        QStringLiteral("PNG"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    // What the screenshot shows: the message (default), the summary tab, or the reply composer
    // for the first recipient of the selected message.
    QCommandLineOption screenshotView(QStringLiteral("screenshot-view"),
        QCoreApplication::translate("CommandLine", "What the screenshot shows: message, summary or reply."),
        QStringLiteral("VIEW"), QStringLiteral("message"));
    screenshotView.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(lang);
    parser.addOption(screenshot);
    parser.addOption(screenshotView);
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QCoreApplication::translate("CommandLine", "Messages, mbox files, maildirs or folders to open."),
        QStringLiteral("[FILE...]"));
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "%s\n%s", qPrintable(parser.errorText()), qPrintable(CommandLine::usage()));
        return 2;
    }
    const QString code = parser.value(lang);
    if (parser.isSet(lang) && code != QLatin1String("en") && code != QLatin1String("ja")) {
        std::fprintf(stderr, "%s\n",
            qPrintable(
                QCoreApplication::translate("CommandLine", "--lang takes en or ja, not \"%1\".").arg(code)));
        return 2;
    }

    MainWindow window;
    if (parser.isSet(lang))
        window.setLanguage(languageFromCode(code), false); // for this run only
    const QString shot = parser.value(screenshot);
    if (!shot.isEmpty()) // the summary's charts get the height of a larger screen
        window.resize(1280, parser.value(screenshotView) == QLatin1String("summary") ? 1040 : 820);
    window.show();
    window.openPaths(parser.positionalArguments());

    if (!shot.isEmpty()) {
        const QString view = parser.value(screenshotView);
        auto save = [&window, shot, view] {
            QWidget *target = &window;
            if (view == QLatin1String("summary"))
                window.workspaceTabs()->showSummary();
            else if (view == QLatin1String("reply"))
                if (QWidget *dialog = window.explanationPanel()->openReplyComposer(0))
                    target = dialog;
            // Let the last layout and paint settle before grabbing.
            QTimer::singleShot(400, &window, [target, shot] {
                const bool ok = target->grab().save(shot, "PNG");
                QCoreApplication::exit(ok ? 0 : 1);
            });
        };
        if (window.isLoading())
            QObject::connect(&window, &MainWindow::loadingFinished, &window, save);
        else
            save();
    }
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // Subcommands never need a display: decide before any GUI object exists.
    if (argc > 1 && CommandLine::isSubcommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        setIdentity();
        LanguageManager language;
        language.setLanguage(subcommandLanguage(QCoreApplication::arguments()), false);
        return CommandLine::run(QCoreApplication::arguments().mid(1));
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("BounceLens"));
    QApplication::setDesktopFileName(QStringLiteral("bouncelens"));
    return runGui();
}

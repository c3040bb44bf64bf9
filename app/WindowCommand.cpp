#include "WindowCommand.h"

#include "CommandLine.h"
#include "ExplanationPanel.h"
#include "MainWindow.h"
#include "ReplyComposerDialog.h"
#include "WorkspaceTabs.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>

namespace bouncelens {

namespace {

// QGuiApplication/QApplication take these out of the arguments themselves; the first group
// takes a value ("-platform offscreen" or "-platform=offscreen").
const QStringList kQtValueOptions {QStringLiteral("-platform"), QStringLiteral("-platformpluginpath"),
    QStringLiteral("-platformtheme"), QStringLiteral("-plugin"), QStringLiteral("-qwindowgeometry"),
    QStringLiteral("-qwindowicon"), QStringLiteral("-qwindowtitle"), QStringLiteral("-session"),
    QStringLiteral("-display"), QStringLiteral("-geometry"), QStringLiteral("-style"),
    QStringLiteral("-stylesheet")};
const QStringList kQtFlagOptions {QStringLiteral("-reverse"), QStringLiteral("-widgetcount"),
    QStringLiteral("-nograb"), QStringLiteral("-dograb"), QStringLiteral("-sync")};

// The arguments without Qt's own window options; `platformGiven` tells whether -platform was one.
QStringList withoutQtOptions(const QStringList &arguments, bool *platformGiven = nullptr)
{
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        const QString name = arg.section(QLatin1Char('='), 0, 0);
        if (i > 0 && kQtValueOptions.contains(name)) {
            if (platformGiven && name == QLatin1String("-platform"))
                *platformGiven = true;
            if (!arg.contains(QLatin1Char('=')))
                ++i; // its value
            continue;
        }
        if (i > 0 && kQtFlagOptions.contains(arg))
            continue;
        kept << arg;
    }
    return kept;
}

QString dashed(const QString &name)
{
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

} // namespace

WindowArguments WindowArguments::parse(const QStringList &arguments)
{
    WindowArguments result;
    QCommandLineParser parser;
    const QCommandLineOption lang(QStringLiteral("lang"), QString(), QStringLiteral("en|ja"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QString(), QStringLiteral("PNG"));
    // What the screenshot shows: the message (default), the summary tab, or the reply composer
    // for the first recipient of the selected message.
    const QCommandLineOption screenshotView(
        QStringLiteral("screenshot-view"), QString(), QStringLiteral("VIEW"));
    parser.addOption(lang);
    parser.addOption(screenshot);
    parser.addOption(screenshotView);
    if (!parser.parse(withoutQtOptions(arguments))) {
        const QStringList unknown = parser.unknownOptionNames();
        result.error = unknown.isEmpty()
            ? parser.errorText()
            : QCoreApplication::translate("CommandLine", "bouncelens: unknown option \"%1\".")
                  .arg(dashed(unknown.first()));
        return result;
    }
    if (parser.isSet(lang)) {
        const QString code = parser.value(lang);
        if (code != QLatin1String("en") && code != QLatin1String("ja")) {
            result.error
                = QCoreApplication::translate("CommandLine", "--lang takes en or ja, not \"%1\".").arg(code);
            return result;
        }
        result.language = languageFromCode(code);
    }
    result.screenshot = parser.value(screenshot);
    result.screenshotView = parser.value(screenshotView);
    result.paths = parser.positionalArguments();

    // "bouncelens sumary x": a word in the command's place that is no file is a mistyped command.
    static const QRegularExpression bareWord(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
    const QString first = result.paths.value(0);
    if (bareWord.match(first).hasMatch() && !QFileInfo::exists(first)) {
        const QString nearest = CommandLine::nearestSubcommand(first);
        result.error = nearest.isEmpty()
            ? QCoreApplication::translate("CommandLine",
                "bouncelens: \"%1\" is not a command, and no file or folder of that name exists.")
                  .arg(first)
            : QCoreApplication::translate(
                "CommandLine", "bouncelens: \"%1\" is not a command. Did you mean \"bouncelens %2\"?")
                  .arg(first, nearest);
    }
    return result;
}

QString missingDisplayMessage(const QStringList &arguments)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    bool platformGiven = false;
    (void)withoutQtOptions(arguments, &platformGiven);
    const auto isSet = [](const char *name) { return !qEnvironmentVariableIsEmpty(name); };
    if (platformGiven || isSet("QT_QPA_PLATFORM") || isSet("DISPLAY") || isSet("WAYLAND_DISPLAY"))
        return {};
    return QCoreApplication::translate("CommandLine",
        "bouncelens: there is no display to open the window on; to explain bounces in the terminal, "
        "run \"bouncelens explain FILE...\" instead.");
#else
    Q_UNUSED(arguments);
    return {};
#endif
}

int runWindow(const WindowArguments &arguments)
{
    MainWindow window;
    if (arguments.language)
        window.setLanguage(*arguments.language, false); // for this run only
    const QString shot = arguments.screenshot;
    const QString view = arguments.screenshotView;
    if (!shot.isEmpty()) // the summary's charts get the height of a larger screen
        window.resize(1280, view == QLatin1String("summary") ? 1040 : 820);
    window.show();
    window.openPaths(arguments.paths);

    if (!shot.isEmpty()) {
        auto save = [&window, shot, view] {
            QWidget *target = &window;
            if (view == QLatin1String("summary"))
                window.workspaceTabs()->showSummary();
            else if (view == QLatin1String("reply"))
                if (QWidget *dialog = window.explanationPanel()->openReplyComposer(0))
                    target = dialog;
            // Let the last layout and paint settle before grabbing.
            QTimer::singleShot(1500, &window, [target, shot] {
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

} // namespace bouncelens

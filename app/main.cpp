#include "CommandLine.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

using namespace bouncelens;

int main(int argc, char *argv[])
{
    // Subcommands never need a display: decide before any GUI object exists.
    if (argc > 1 && CommandLine::isSubcommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("BounceLens"));
        QCoreApplication::setApplicationVersion(QStringLiteral(BOUNCELENS_VERSION));
        return CommandLine::run(QCoreApplication::arguments().mid(1));
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("BounceLens"));
    QApplication::setOrganizationName(QStringLiteral("BounceLens"));
    QApplication::setApplicationVersion(QStringLiteral(BOUNCELENS_VERSION));
    MainWindow window;
    window.show();
    const QStringList files = QApplication::arguments().mid(1);
    if (!files.isEmpty())
        window.openPaths(files);
    return QApplication::exec();
}

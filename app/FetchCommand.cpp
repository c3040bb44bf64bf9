#include "FetchCommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace bouncelens {

int runFetchCommand(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QTextStream err(stderr);
    err << QCoreApplication::translate("CommandLine", "Fetching from a mailbox is not available in this version.") << '\n';
    return 2;
}

} // namespace bouncelens

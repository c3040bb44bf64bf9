#include "CatalogCommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace bouncelens {

int runCatalogCommand(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QTextStream err(stderr);
    err << QCoreApplication::translate("CommandLine", "The knowledge base catalog is not available in this version.")
        << '\n';
    return 1;
}

} // namespace bouncelens

#include "Logging.h"

namespace bouncelens {

Q_LOGGING_CATEGORY(lcUi, "bouncelens.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExport, "bouncelens.export", QtWarningMsg)

} // namespace bouncelens

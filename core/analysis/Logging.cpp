#include "analysis/Logging.h"

namespace bouncelens {

Q_LOGGING_CATEGORY(lcLoad, "bouncelens.load", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAnalysis, "bouncelens.analysis", QtWarningMsg)

} // namespace bouncelens

#include "fetch/Logging.h"

namespace bouncelens {

Q_LOGGING_CATEGORY(lcFetch, "bouncelens.fetch", QtWarningMsg)

} // namespace bouncelens

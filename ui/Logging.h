#pragma once

#include <QLoggingCategory>

namespace bouncelens {

// The window's logging categories (conventions: analysis/Logging.h).
// - lcUi ("bouncelens.ui"): background jobs started, finished or cancelled, with their counts and
//   duration; language switches and whether the translations loaded.
// - lcExport ("bouncelens.export"): each file written by an export, with its size; failed writes.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcExport)

} // namespace bouncelens

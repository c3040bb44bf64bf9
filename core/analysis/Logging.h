#pragma once

#include <QLoggingCategory>

namespace bouncelens {

// The analysis library's logging categories, for diagnosing a problem on a user's machine with
// QT_LOGGING_RULES="bouncelens.*.debug=true". Messages are for developers: never translated,
// never message content, one line each. Two levels only: qCWarning for a problem worth seeing
// even unasked (an unreadable file, a message the MIME parser rejected), shown by default, and
// qCDebug for everything else, off unless a rule turns it on (cheap then: the arguments are not
// even evaluated). See docs/DESIGN.md ("Logging").
//
// - lcLoad ("bouncelens.load"): reading files, mboxes, maildirs and folders: each file opened,
//   its form (mbox and line ends, single message), messages split, oversized and unreadable ones.
// - lcAnalysis ("bouncelens.analysis"): per message (debug) the kind, the number of recipients and
//   the parser path taken; the error code of a message that could not be analysed.
Q_DECLARE_LOGGING_CATEGORY(lcLoad)
Q_DECLARE_LOGGING_CATEGORY(lcAnalysis)

} // namespace bouncelens

#pragma once

#include <QLoggingCategory>

namespace bouncelens {

// The fetch library's logging category "bouncelens.fetch" (see analysis/Logging.h for the
// conventions): the connection (host, port, security), the login's outcome with its error kind,
// the folder and its message count, each candidate (debug: its size, or why it was skipped), the
// size cap, time-outs, cancels and certificate decisions. Never the password (server words quoted
// in a failure have it cut out), the user name or message content.
Q_DECLARE_LOGGING_CATEGORY(lcFetch)

} // namespace bouncelens

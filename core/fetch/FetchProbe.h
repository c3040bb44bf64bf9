#pragma once

#include <QString>

namespace bouncelens {

// Why a TCP connection cannot be made. vmime 0.9.2 reports every failed connect as "timed out"
// (its connect loop overwrites errno), which would send people looking in the wrong place; a
// second, plain connect attempt after a failure tells refused, unreachable and timed out apart.
enum class ProbeResult { Reachable, HostNotFound, Refused, Unreachable, Timeout };

[[nodiscard]] ProbeResult probeConnection(const QString &host, int port, int timeoutMs);

} // namespace bouncelens

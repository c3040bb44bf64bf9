#pragma once

namespace bouncelens {

// Ctrl-C for the headless commands: after watch(), SIGINT (and SIGTERM) only raise a flag that
// the command polls between whole output lines, so that what it already wrote stays whole.
// The flag is process-wide by nature (a signal handler can reach nothing else).
class Interrupt
{
public:
    static void watch();
    [[nodiscard]] static bool requested();
    // The conventional exit status after SIGINT (128 + 2).
    static constexpr int kExitStatus = 130;
};

} // namespace bouncelens

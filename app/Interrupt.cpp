#include "Interrupt.h"

#include <csignal>

#include <signal.h>

namespace bouncelens {

namespace {

volatile std::sig_atomic_t g_requested = 0;

extern "C" void onSignal(int)
{
    g_requested = 1;
}

} // namespace

void Interrupt::watch()
{
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // writes in progress complete
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool Interrupt::requested()
{
    return g_requested != 0;
}

} // namespace bouncelens

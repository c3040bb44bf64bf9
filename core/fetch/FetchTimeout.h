#pragma once

#include <atomic>
#include <memory>

// Only a forward declaration: vmime stays out of headers (the UI must not see it).
namespace vmime::net {
class timeoutHandlerFactory;
}

namespace bouncelens {

// Shared between a fetcher and the timeout handlers vmime creates for its sockets.
struct FetchTimeoutControl
{
    std::atomic<bool> cancelled {false};
    std::atomic<int> timeoutMs {30000}; // no data for this long gives up the operation
};

// vmime polls its timeout handler while it waits on a socket (connect, DNS, reads, writes).
// vmime's defaultTimeoutHandlerFactory is not exported from libvmime.so, hence this one; it
// also turns a cancel request into an immediate "time-out", so a GUI cancel never waits for
// the network.
[[nodiscard]] std::shared_ptr<vmime::net::timeoutHandlerFactory> makeFetchTimeoutHandlerFactory(
    std::shared_ptr<FetchTimeoutControl> control);

} // namespace bouncelens

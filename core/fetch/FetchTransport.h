#pragma once

#include <memory>

// Only a forward declaration; still, this header is internal to core/fetch and its tests: the UI
// never needs it (a MailboxFetcher without a transport uses vmime's own TCP sockets).
namespace vmime::net {
class socketFactory;
}

namespace bouncelens {

// How a MailboxFetcher reaches its server: the seam through which tests script a server byte
// by byte in-process (tests/ScriptedMailServer), the way Trojita tests with its FakeSocket.
// TLS (imaps://, pop3s://, STARTTLS) still wraps whatever socket the factory makes.
struct FetchTransport
{
    std::shared_ptr<vmime::net::socketFactory> socketFactory; // null: vmime's TCP sockets
};

} // namespace bouncelens

#include "fetch/FetchProbe.h"

#include <cerrno>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

namespace bouncelens {

namespace {

// One address: 0 when connected, else the errno (ETIMEDOUT when the time ran out).
int tryConnect(const addrinfo *ai, int timeoutMs)
{
    const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0)
        return errno;
    int error = 0;
    if (::connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        error = errno;
        if (error == EINPROGRESS) {
            pollfd p {fd, POLLOUT, 0};
            const int ready = ::poll(&p, 1, timeoutMs);
            socklen_t len = sizeof error;
            if (ready == 0)
                error = ETIMEDOUT;
            else if (ready < 0 || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) != 0)
                error = errno;
        }
    }
    ::close(fd);
    return error;
}

} // namespace

ProbeResult probeConnection(const QString &host, int port, int timeoutMs)
{
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo *list = nullptr;
    const QByteArray service = QByteArray::number(port);
    if (::getaddrinfo(host.toUtf8().constData(), service.constData(), &hints, &list) != 0 || !list)
        return ProbeResult::HostNotFound;
    ProbeResult result = ProbeResult::Unreachable;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (const addrinfo *ai = list; ai; ai = ai->ai_next) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        const int error = tryConnect(ai, int(std::max<qint64>(1, left.count())));
        if (error == 0) {
            result = ProbeResult::Reachable;
            break;
        }
        // The most telling answer wins: one address refusing beats another timing out.
        if (error == ECONNREFUSED)
            result = ProbeResult::Refused;
        else if (error == ETIMEDOUT && result != ProbeResult::Refused)
            result = ProbeResult::Timeout;
    }
    ::freeaddrinfo(list);
    return result;
}

} // namespace bouncelens

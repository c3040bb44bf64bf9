#include "fetch/FetchTimeout.h"

#include "fetch/Logging.h"

#include <vmime/net/timeoutHandler.hpp>

#include <chrono>

namespace bouncelens {

namespace {

class Handler : public vmime::net::timeoutHandler
{
public:
    explicit Handler(std::shared_ptr<FetchTimeoutControl> control)
        : m_control(std::move(control))
    { }

    bool isTimeOut() override
    {
        return m_control->cancelled
            || std::chrono::steady_clock::now() - m_start
            > std::chrono::milliseconds(m_control->timeoutMs.load());
    }
    void resetTimeOut() override { m_start = std::chrono::steady_clock::now(); }
    // false = give up: vmime then throws operation_timed_out (or a socket error).
    bool handleTimeOut() override
    {
        if (m_control->cancelled)
            qCDebug(lcFetch) << "network wait stopped: cancelled";
        else
            qCDebug(lcFetch) << "no answer within" << m_control->timeoutMs.load() << "ms: timed out";
        return false;
    }

private:
    std::shared_ptr<FetchTimeoutControl> m_control;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

class Factory : public vmime::net::timeoutHandlerFactory
{
public:
    explicit Factory(std::shared_ptr<FetchTimeoutControl> control)
        : m_control(std::move(control))
    { }
    std::shared_ptr<vmime::net::timeoutHandler> create() override
    {
        return std::make_shared<Handler>(m_control);
    }

private:
    std::shared_ptr<FetchTimeoutControl> m_control;
};

} // namespace

std::shared_ptr<vmime::net::timeoutHandlerFactory> makeFetchTimeoutHandlerFactory(
    std::shared_ptr<FetchTimeoutControl> control)
{
    return std::make_shared<Factory>(std::move(control));
}

} // namespace bouncelens

#pragma once

namespace bouncelens {

// vmime needs one platform handler per process before any parsing or networking. This is the
// only process-wide state of the core, and it is set once, thread-safely, on first use.
class VmimePlatform
{
public:
    static void ensureInitialised();
};

} // namespace bouncelens

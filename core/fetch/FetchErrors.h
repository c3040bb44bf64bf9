#pragma once

#include "fetch/FetchProbe.h"
#include "fetch/FetchTls.h"

#include "fetch/FetchTypes.h"
#include <optional>

#include <exception>

namespace bouncelens {

// What was going on when a fetch failed, to word the error for people.
struct FetchFailureContext
{
    QString host;
    QString folder;
    int timeoutSeconds = 30;
    bool cancelled = false;
    bool loggedIn = false; // failures after login are "the server went away"
    const FetchTlsReport *tls = nullptr;
    std::optional<ProbeResult> probe; // a second look after a failed connect (FetchProbe.h)
};

struct FetchFailure
{
    FetchError error = FetchError::None;
    QString text;
    QString fingerprint; // set for certificate problems
};

// Turns whatever vmime (or the system) threw into an error kind and a translated sentence
// ("MailboxFetcher" context). Technical details are kept at the end, in parentheses, so that a
// support desk still sees them.
[[nodiscard]] FetchFailure describeFetchFailure(const std::exception &e, const FetchFailureContext &context);

// The technical words of a failure, untranslated, for the log: the exception's text, the server's
// response of a failed command or greeting, and the exceptions it wraps, joined by ": ".
[[nodiscard]] QString fetchFailureDetails(const std::exception &e);

} // namespace bouncelens

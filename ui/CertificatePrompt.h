#pragma once

#include "fetch/FetchTypes.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace bouncelens {

// The one question BounceLens asks about a server certificate the system does not trust, for
// every mailbox run that can meet one (Test Connection, Refresh folders, Fetch).
class CertificatePrompt
{
    Q_DECLARE_TR_FUNCTIONS(CertificatePrompt)

public:
    // Shows the host, the error and the SHA-256 fingerprint and does not block: `answer` runs
    // when the user has decided. On "trust", the fingerprint is stored for host:port
    // (AccountStore) before `answer(true)` runs. The box is a child of `parent` named
    // "certificatePrompt"; its trust button is named "trustButton".
    static void ask(QWidget *parent, const QString &hostPort, const QString &fingerprint,
        const QString &errorText, const std::function<void(bool trusted)> &answer);

    // For a finished run (FetchResult or FolderListResult): when it stopped at an untrusted
    // certificate, asks about it as ask() does and returns true; otherwise returns false and
    // asks nothing.
    template<typename RunResult>
    static bool askIfUntrusted(QWidget *parent, const QString &hostPort, const RunResult &result,
        const std::function<void(bool trusted)> &answer)
    {
        if (result.error != FetchError::Certificate || result.certificateFingerprint.isEmpty())
            return false;
        ask(parent, hostPort, result.certificateFingerprint, result.errorText, answer);
        return true;
    }
};

} // namespace bouncelens

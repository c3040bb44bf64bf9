#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

// Only a forward declaration: vmime stays out of headers (the UI must not see it).
namespace vmime::security::cert {
class certificateVerifier;
}

namespace bouncelens {

// What the certificate check saw, for the error message: filled by the verifier during the
// TLS handshake, read after vmime gives up.
struct FetchTlsReport
{
    enum class Problem { None, NotTrusted, Expired, NotYetValid, WrongHost, Unsupported };
    Problem problem = Problem::None;
    QString fingerprint; // SHA-256 of the server's certificate, "AB:CD:..."
    QString hostname;
};

// Server certificate checks for IMAPS / POP3S / STARTTLS: the system CA bundle plus the user's
// own CA or certificate file, with host name verification (vmime's defaultCertificateVerifier),
// or an exact SHA-256 fingerprint the user chose to trust for this server.
class FetchTls
{
public:
    // The PEM blocks ("-----BEGIN CERTIFICATE-----" ... "-----END CERTIFICATE-----") of a file,
    // each with its markers; vmime's importer reads only the first block of a buffer.
    [[nodiscard]] static QList<QByteArray> splitPem(const QByteArray &pem);
    // "AB:CD:..." over the DER bytes.
    [[nodiscard]] static QString sha256Fingerprint(const QByteArray &der);
    // Upper-case hex without separators, whatever the user typed ("ab:cd", "AB CD", "sha256:abcd").
    // Empty when the text is not 64 hex digits.
    [[nodiscard]] static QString normalizeFingerprint(const QString &text);

    // A verifier for one connection. `error` is set (and nullptr returned) when caFile cannot be
    // read or holds no certificate; an unreadable system bundle only leaves it out.
    [[nodiscard]] static std::shared_ptr<vmime::security::cert::certificateVerifier> makeVerifier(
        const QString &systemBundle, const QString &caFile, const QStringList &trustedFingerprints,
        std::shared_ptr<FetchTlsReport> report, QString *error);
};

} // namespace bouncelens

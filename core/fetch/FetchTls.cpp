#include "fetch/FetchTls.h"

#include "fetch/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

#include <vmime/security/cert/X509Certificate.hpp>
#include <vmime/security/cert/certificateChain.hpp>
#include <vmime/security/cert/certificateExpiredException.hpp>
#include <vmime/security/cert/certificateNotTrustedException.hpp>
#include <vmime/security/cert/certificateNotYetValidException.hpp>
#include <vmime/security/cert/defaultCertificateVerifier.hpp>
#include <vmime/security/cert/serverIdentityException.hpp>
#include <vmime/security/cert/unsupportedCertificateTypeException.hpp>

namespace bouncelens {

namespace cert = vmime::security::cert;

namespace {

using CertList = std::vector<std::shared_ptr<cert::X509Certificate>>;

CertList importAll(const QByteArray &pem)
{
    CertList certs;
    for (const QByteArray &block : FetchTls::splitPem(pem)) {
        try {
            if (auto c
                = cert::X509Certificate::import(reinterpret_cast<const vmime::byte_t *>(block.constData()),
                    static_cast<size_t>(block.size())))
                certs.push_back(c);
        } catch (const std::exception &) {
            // A damaged block in a bundle must not take the others down with it.
        }
    }
    return certs;
}

// Trusts a pinned fingerprint first, then does the full check and notes why it failed.
class Verifier : public cert::certificateVerifier
{
public:
    Verifier(CertList roots, CertList trusted, QStringList pins, std::shared_ptr<FetchTlsReport> report)
        : m_pins(std::move(pins))
        , m_report(std::move(report))
    {
        m_default.setX509RootCAs(roots);
        m_default.setX509TrustedCerts(trusted);
    }

    void verify(std::shared_ptr<cert::certificateChain> chain, const vmime::string &hostname) override
    {
        m_report->hostname = QString::fromStdString(hostname);
        if (chain && chain->getCount() > 0) {
            const vmime::byteArray der = chain->getAt(0)->getEncoded();
            m_report->fingerprint = FetchTls::sha256Fingerprint(
                QByteArray(reinterpret_cast<const char *>(der.data()), static_cast<qsizetype>(der.size())));
            if (m_pins.contains(FetchTls::normalizeFingerprint(m_report->fingerprint))) {
                qCDebug(lcFetch).noquote()
                    << "certificate of" << m_report->hostname
                    << "accepted: its fingerprint was trusted by the user" << m_report->fingerprint;
                return; // the user looked at this very certificate and said yes
            }
        }
        using P = FetchTlsReport::Problem;
        try {
            m_default.verify(chain, hostname);
            qCDebug(lcFetch).noquote()
                << "certificate of" << m_report->hostname << "verified" << m_report->fingerprint;
        } catch (const cert::certificateExpiredException &) {
            reject(P::Expired, "expired");
            throw;
        } catch (const cert::certificateNotYetValidException &) {
            reject(P::NotYetValid, "not valid yet");
            throw;
        } catch (const cert::serverIdentityException &) {
            reject(P::WrongHost, "issued for another host name");
            throw;
        } catch (const cert::unsupportedCertificateTypeException &) {
            reject(P::Unsupported, "unsupported type");
            throw;
        } catch (const cert::certificateException &) {
            // Not trusted, or an issuer in the chain did not sign the next certificate.
            reject(P::NotTrusted, "not trusted");
            throw;
        }
    }

private:
    void reject(FetchTlsReport::Problem problem, const char *why)
    {
        m_report->problem = problem;
        qCDebug(lcFetch).noquote() << "certificate of" << m_report->hostname << "rejected:" << why
                                   << m_report->fingerprint;
    }

    cert::defaultCertificateVerifier m_default;
    QStringList m_pins;
    std::shared_ptr<FetchTlsReport> m_report;
};

} // namespace

QList<QByteArray> FetchTls::splitPem(const QByteArray &pem)
{
    static const QByteArray begin = "-----BEGIN CERTIFICATE-----";
    static const QByteArray end = "-----END CERTIFICATE-----";
    QList<QByteArray> blocks;
    qsizetype from = 0;
    while ((from = pem.indexOf(begin, from)) >= 0) {
        const qsizetype stop = pem.indexOf(end, from);
        if (stop < 0)
            break;
        blocks.append(pem.mid(from, stop + end.size() - from) + '\n');
        from = stop + end.size();
    }
    return blocks;
}

QString FetchTls::sha256Fingerprint(const QByteArray &der)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString FetchTls::normalizeFingerprint(const QString &text)
{
    QString hex = text.trimmed();
    if (hex.startsWith(QLatin1String("sha256"), Qt::CaseInsensitive))
        hex = hex.mid(6);
    static const QRegularExpression separators(QStringLiteral("[\\s:=/-]"));
    hex.remove(separators);
    static const QRegularExpression valid(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    return valid.match(hex).hasMatch() ? hex.toUpper() : QString();
}

std::shared_ptr<cert::certificateVerifier> FetchTls::makeVerifier(const QString &systemBundle,
    const QString &caFile, const QStringList &trustedFingerprints, std::shared_ptr<FetchTlsReport> report,
    QString *error)
{
    CertList roots;
    QFile bundle(systemBundle);
    if (!systemBundle.isEmpty() && bundle.open(QIODevice::ReadOnly))
        roots = importAll(bundle.readAll());
    else if (!systemBundle.isEmpty())
        qCWarning(lcFetch).noquote() << "the system CA bundle" << systemBundle
                                     << "could not be read:" << bundle.errorString();
    qCDebug(lcFetch) << roots.size() << "system CA certificates loaded";

    CertList own;
    if (!caFile.isEmpty()) {
        QFile file(caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("MailboxFetcher", "Cannot read the certificate file %1: %2")
                         .arg(caFile, file.errorString());
            return nullptr;
        }
        own = importAll(file.readAll());
        if (own.empty()) {
            *error = QCoreApplication::translate(
                "MailboxFetcher", "The file %1 holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\").")
                         .arg(caFile);
            return nullptr;
        }
    }
    // The user's file may hold a CA (it then signs the server's certificate) or the server's own
    // certificate (self-signed servers): it counts as both.
    roots.insert(roots.end(), own.begin(), own.end());
    if (!own.empty())
        qCDebug(lcFetch).noquote() << own.size() << "certificates trusted from" << caFile;

    QStringList pins;
    for (const QString &f : trustedFingerprints)
        if (const QString n = normalizeFingerprint(f); !n.isEmpty())
            pins.append(n);
    return std::make_shared<Verifier>(std::move(roots), std::move(own), std::move(pins), std::move(report));
}

} // namespace bouncelens

#include "fetch/FetchErrors.h"

#include "fetch/BoundedDownload.h"

#include <QCoreApplication>
#include <QLocale>

#include <vmime/exception.hpp>

namespace bouncelens {

namespace {

// vmime chains exceptions ("Error while connecting socket." <- "ECONNREFUSED: ..."): the
// useful words are often in the inner one.
QString chainText(const std::exception &e)
{
    QStringList parts {QString::fromLocal8Bit(e.what())};
    if (const auto *v = dynamic_cast<const vmime::exception *>(&e)) {
        if (const auto *command = dynamic_cast<const vmime::exceptions::command_error *>(v))
            parts << QString::fromStdString(command->response()).trimmed();
        if (const auto *greeting = dynamic_cast<const vmime::exceptions::connection_greeting_error *>(v))
            parts << QString::fromStdString(greeting->response()).trimmed();
        for (const vmime::exception *o = v->other(); o; o = o->other())
            parts << QString::fromLocal8Bit(o->what());
    }
    parts.removeAll(QString());
    parts.removeDuplicates();
    return parts.join(QStringLiteral(": "));
}

QString certificateText(const FetchTlsReport &tls, const QString &host)
{
    using P = FetchTlsReport::Problem;
    QString why;
    switch (tls.problem) {
    case P::Expired:
        why = QCoreApplication::translate("MailboxFetcher", "The certificate of %1 has expired.").arg(host);
        break;
    case P::NotYetValid:
        why = QCoreApplication::translate(
            "MailboxFetcher", "The certificate of %1 is not valid yet (check this computer's clock).")
                  .arg(host);
        break;
    case P::WrongHost:
        why = QCoreApplication::translate(
            "MailboxFetcher", "The certificate of %1 was issued for another server name.")
                  .arg(host);
        break;
    case P::Unsupported:
        why = QCoreApplication::translate(
            "MailboxFetcher", "The certificate of %1 is of a type that cannot be checked.")
                  .arg(host);
        break;
    case P::NotTrusted:
    case P::None:
        why = QCoreApplication::translate("MailboxFetcher",
            "The certificate of %1 is not trusted: it is self-signed or issued by an unknown authority.")
                  .arg(host);
        break;
    }
    return why + QLatin1Char(' ')
        + QCoreApplication::translate("MailboxFetcher",
            "Its SHA-256 fingerprint is %1. Trust it only if your mail administrator confirms this "
            "fingerprint.")
              .arg(tls.fingerprint);
}

} // namespace

QString fetchFailureDetails(const std::exception &e)
{
    // The server's words on a refused login stay out of the text for people (it says what to
    // do), but a maintainer needs them.
    if (const auto *refused = dynamic_cast<const vmime::exceptions::authentication_error *>(&e))
        if (const QString response = QString::fromStdString(refused->response()).trimmed();
            !response.isEmpty())
            return chainText(e) + QStringLiteral(": ") + response;
    return chainText(e);
}

QLatin1String fetchErrorName(FetchError error)
{
    switch (error) {
    case FetchError::None: return QLatin1String("none");
    case FetchError::InvalidRequest: return QLatin1String("invalid-request");
    case FetchError::HostNotFound: return QLatin1String("host-not-found");
    case FetchError::ConnectionRefused: return QLatin1String("connection-refused");
    case FetchError::Timeout: return QLatin1String("timeout");
    case FetchError::Certificate: return QLatin1String("certificate");
    case FetchError::TlsFailed: return QLatin1String("tls-failed");
    case FetchError::Authentication: return QLatin1String("authentication");
    case FetchError::FolderNotFound: return QLatin1String("folder-not-found");
    case FetchError::ConnectionClosed: return QLatin1String("connection-closed");
    case FetchError::Cancelled: return QLatin1String("cancelled");
    case FetchError::ServerError: return QLatin1String("server-error");
    }
    return QLatin1String("unknown");
}

FetchFailure describeFetchFailure(const std::exception &e, const FetchFailureContext &context)
{
    namespace vx = vmime::exceptions;
    const QString host = context.host;
    const QString details = chainText(e);
    auto withDetails
        = [&](const QString &text) { return text + QStringLiteral(" (") + details + QLatin1Char(')'); };

    if (context.cancelled)
        return {FetchError::Cancelled,
            QCoreApplication::translate("MailboxFetcher", "The fetch was cancelled."), {}};
    if (context.tls && context.tls->problem != FetchTlsReport::Problem::None)
        return {FetchError::Certificate, certificateText(*context.tls, host), context.tls->fingerprint};
    if (const auto *tooLarge = dynamic_cast<const FetchMessageTooLarge *>(&e))
        return {FetchError::ServerError,
            QCoreApplication::translate("MailboxFetcher",
                "The server %1 sent a message larger than %2, more than any bounce; the fetch stopped there.")
                .arg(host,
                    QLocale().formattedDataSize(tooLarge->limit(), 0, QLocale::DataSizeTraditionalFormat)),
            {}};
    if (dynamic_cast<const vx::connection_greeting_error *>(&e))
        return {FetchError::ServerError,
            withDetails(QCoreApplication::translate(
                "MailboxFetcher", "The server %1 refused to start a session (its greeting was not \"OK\").")
                            .arg(host)),
            {}};
    if (dynamic_cast<const vx::authentication_error *>(&e))
        return {FetchError::Authentication,
            withDetails(QCoreApplication::translate(
                "MailboxFetcher", "The server %1 did not accept the user name or password.")
                            .arg(host)),
            {}};
    if (dynamic_cast<const vx::folder_not_found *>(&e))
        return {FetchError::FolderNotFound,
            QCoreApplication::translate("MailboxFetcher", "The folder \"%1\" does not exist on %2.")
                .arg(context.folder, host),
            {}};
    if (dynamic_cast<const vx::operation_timed_out *>(&e))
        return {FetchError::Timeout,
            QCoreApplication::translate("MailboxFetcher", "The server %1 did not answer within %2 seconds.")
                .arg(host)
                .arg(context.timeoutSeconds),
            {}};
    if (dynamic_cast<const vx::tls_exception *>(&e))
        return {FetchError::TlsFailed,
            withDetails(QCoreApplication::translate(
                "MailboxFetcher", "The secure connection (TLS) to %1 could not be set up.")
                            .arg(host)),
            {}};
    if (const auto *command = dynamic_cast<const vx::command_error *>(&e)) {
        const QString name = QString::fromStdString(command->command()).toUpper();
        if (name.startsWith(QLatin1String("SELECT")) || name.startsWith(QLatin1String("EXAMINE")))
            return {FetchError::FolderNotFound,
                QCoreApplication::translate("MailboxFetcher", "The folder \"%1\" does not exist on %2.")
                    .arg(context.folder, host),
                {}};
        if (name.startsWith(QLatin1String("STARTTLS")) || name.startsWith(QLatin1String("STLS")))
            return {FetchError::TlsFailed,
                withDetails(QCoreApplication::translate("MailboxFetcher",
                    "The server %1 does not offer STARTTLS, so the connection cannot be secured.")
                                .arg(host)),
                {}};
        if (name.startsWith(QLatin1String("LOGIN")) || name.startsWith(QLatin1String("AUTH"))
            || name.startsWith(QLatin1String("USER")) || name.startsWith(QLatin1String("PASS")))
            return {FetchError::Authentication,
                withDetails(QCoreApplication::translate(
                    "MailboxFetcher", "The server %1 did not accept the user name or password.")
                                .arg(host)),
                {}};
    }
    const QString notFound = QCoreApplication::translate(
        "MailboxFetcher", "The server name %1 was not found (check the spelling).")
                                 .arg(host);
    const QString refused = QCoreApplication::translate("MailboxFetcher",
        "The server %1 refused the connection (wrong port, or the mail service is not running).")
                                .arg(host);
    if (context.probe) {
        switch (*context.probe) {
        case ProbeResult::HostNotFound: return {FetchError::HostNotFound, notFound, {}};
        case ProbeResult::Refused: return {FetchError::ConnectionRefused, refused, {}};
        case ProbeResult::Timeout:
            return {FetchError::Timeout,
                QCoreApplication::translate(
                    "MailboxFetcher", "The server %1 did not answer within %2 seconds.")
                    .arg(host)
                    .arg(context.timeoutSeconds),
                {}};
        case ProbeResult::Unreachable:
            return {FetchError::ConnectionRefused,
                withDetails(QCoreApplication::translate(
                    "MailboxFetcher", "The server %1 cannot be reached from this computer.")
                                .arg(host)),
                {}};
        case ProbeResult::Reachable: break; // it was a passing problem; the words of the exception follow
        }
    }
    if (dynamic_cast<const vx::connection_error *>(&e) || !context.loggedIn) {
        if (details.contains(QLatin1String("Name or service not known"))
            || details.contains(QLatin1String("getaddrinfo")) || details.contains(QLatin1String("resolve")))
            return {FetchError::HostNotFound, notFound, {}};
        if (details.contains(QLatin1String("ECONNREFUSED")) || details.contains(QLatin1String("refused")))
            return {FetchError::ConnectionRefused, refused, {}};
    }
    if (details.contains(QLatin1String("ENOTCONN")) || details.contains(QLatin1String("ECONNRESET"))
        || details.contains(QLatin1String("EPIPE")) || dynamic_cast<const vx::not_connected *>(&e)
        || dynamic_cast<const vx::socket_not_connected_exception *>(&e))
        return {FetchError::ConnectionClosed,
            withDetails(QCoreApplication::translate("MailboxFetcher", "The server %1 closed the connection.")
                            .arg(host)),
            {}};
    if (dynamic_cast<const vx::connection_error *>(&e))
        return {FetchError::ConnectionRefused,
            withDetails(QCoreApplication::translate("MailboxFetcher", "Cannot connect to %1.").arg(host)),
            {}};
    return {FetchError::ServerError,
        withDetails(
            QCoreApplication::translate("MailboxFetcher", "The server %1 answered something unexpected.")
                .arg(host)),
        {}};
}

} // namespace bouncelens

#include "fetch/MailboxFetcher.h"

#include "analysis/BounceAnalyzer.h"
#include "fetch/FetchCriteria.h"
#include "fetch/FetchErrors.h"
#include "fetch/FetchProbe.h"
#include "fetch/FetchSource.h"
#include "fetch/FetchTimeout.h"
#include "fetch/FetchTls.h"
#include "fetch/FetchTransport.h"
#include "fetch/Logging.h"
#include "message/MessageLoader.h"
#include "message/VmimePlatform.h"

#include <algorithm>

#include <QCoreApplication>
#include <QUrl>

#include <vmime/security/sasl/defaultSASLAuthenticator.hpp>
#include <vmime/vmime.hpp>

namespace bouncelens {

namespace {

// The connection details read from FetchOptions, checked before any network traffic.
struct Target
{
    QString scheme; // imap, imaps, pop3, pop3s
    QString host;
    int port = -1;
    QString folder;
    QString user;
    QString password;
    QString urlBase; // scheme://host[:port], to name messages
    QString error; // set when the request cannot work

    [[nodiscard]] bool isPop3() const { return scheme.startsWith(QLatin1String("pop3")); }
    [[nodiscard]] bool isImplicitTls() const { return scheme.endsWith(QLatin1Char('s')); }
    [[nodiscard]] int defaultPort() const
    {
        return isPop3() ? (isImplicitTls() ? 995 : 110) : (isImplicitTls() ? 993 : 143);
    }
};

// What the log says about the connection's security: never the user name or the password.
const char *securityName(const Target &target, const FetchOptions &options)
{
    if (target.isImplicitTls())
        return "implicit TLS";
    return options.startTls ? "STARTTLS required" : "no TLS";
}

// Server words may quote a command (a LOGIN or PASS line echoed in an error): the password is
// cut out before anything reaches the log.
QString redacted(QString text, const QString &password)
{
    if (!password.isEmpty())
        text.replace(password, QStringLiteral("<password>"));
    return text;
}

Target parseTarget(const FetchOptions &options)
{
    Target t;
    const QUrl url(options.url.trimmed(), QUrl::StrictMode);
    t.scheme = url.scheme().toLower();
    static const QStringList schemes
        = {QStringLiteral("imap"), QStringLiteral("imaps"), QStringLiteral("pop3"), QStringLiteral("pop3s")};
    if (!url.isValid() || !schemes.contains(t.scheme) || url.host().isEmpty()) {
        t.error = QCoreApplication::translate("MailboxFetcher",
            "\"%1\" is not a mailbox address. Use imap://, imaps://, pop3:// or pop3s:// followed by the "
            "server name, e.g. imaps://mail.example.com/INBOX.")
                      .arg(options.url);
        return t;
    }
    t.host = url.host();
    t.port = url.port(-1);
    t.urlBase = t.scheme + QStringLiteral("://")
        + (t.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + t.host + QLatin1Char(']') : t.host)
        + (t.port > 0 ? QLatin1Char(':') + QString::number(t.port) : QString());
    t.folder = options.folder;
    if (t.folder.isEmpty())
        t.folder = url.path(QUrl::FullyDecoded).section(QLatin1Char(';'), 0, 0).mid(1);
    if (t.folder.isEmpty())
        t.folder = QStringLiteral("INBOX");
    if (t.isPop3() && t.folder.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) != 0) {
        t.error = QCoreApplication::translate(
            "MailboxFetcher", "POP3 servers have no folders other than INBOX; use IMAP to read \"%1\".")
                      .arg(t.folder);
        return t;
    }
    t.user = options.user.isEmpty() ? url.userName(QUrl::FullyDecoded) : options.user;
    t.password = options.password.isEmpty() ? url.password(QUrl::FullyDecoded) : options.password;
    if (t.user.isEmpty())
        t.error = QCoreApplication::translate("MailboxFetcher", "A user name is needed to log in to %1.")
                      .arg(t.host);
    return t;
}

} // namespace

MailboxFetcher::MailboxFetcher(FetchOptions options)
    : m_options(std::move(options))
    , m_control(std::make_shared<FetchTimeoutControl>())
{ }

MailboxFetcher::~MailboxFetcher() = default;

void MailboxFetcher::cancel()
{
    qCDebug(lcFetch).noquote() << "cancel requested";
    m_control->cancelled = true;
}

bool MailboxFetcher::isCancelled() const
{
    return m_control->cancelled;
}

namespace {

// What withSession() hands to the protocol work: the connected, logged-in store, and a slot for
// the FetchSource the work opens. The session, not the work, owns that source: see withSession.
using SessionBody = std::function<void(const std::shared_ptr<vmime::net::store> &store, const Target &target,
    std::unique_ptr<FetchSource> &source)>;

// The connection part shared by MailboxFetcher::run() and listFolders(): checks the options,
// connects and logs in (session, store properties, TLS verifier, timeout handler), runs `body`,
// disconnects, and turns any failure into an error kind and a translated sentence
// (describeFetchFailure). `connecting` runs just before connecting. Never throws.
//
// Why the session owns the open folder (FetchSource): a vmime 0.9.2 folder registers itself with
// its store by raw pointer and unregisters in its destructor only after its own close() has
// succeeded. On a dropped or aborted connection that close() throws (RSET / LOGOUT on a dead
// socket, or the cancel "time-out"), the pointer stays in the store's list, and the store's
// disconnect() (ours, or its destructor's) later writes through it: heap corruption ("free():
// corrupted unsorted chunks", AddressSanitizer: heap-use-after-free). So the folder must outlive
// the store's disconnect(), which detaches every folder first, or the store itself; only then is
// it released.
FetchFailure withSession(const FetchOptions &options, const std::shared_ptr<FetchTimeoutControl> &control,
    const FetchTransport *transport, const std::function<void()> &connecting, const SessionBody &body)
{
    FetchFailure outcome;
    const Target target = parseTarget(options);
    if (!target.error.isEmpty()) {
        qCDebug(lcFetch).noquote() << "request refused before connecting: invalid-request";
        outcome.error = FetchError::InvalidRequest;
        outcome.text = target.error;
        return outcome;
    }

    VmimePlatform::ensureInitialised();
    auto tls = std::make_shared<FetchTlsReport>();
    QString verifierError;
    auto verifier = FetchTls::makeVerifier(
        options.systemCaBundle, options.caFile, options.trustedFingerprints, tls, &verifierError);
    if (!verifier) {
        qCDebug(lcFetch).noquote() << "request refused before connecting: invalid-request (certificate file)";
        outcome.error = FetchError::InvalidRequest;
        outcome.text = verifierError;
        return outcome;
    }
    control->timeoutMs = std::max(1, options.timeoutSeconds) * 1000;

    FetchFailureContext context;
    context.host = target.host;
    context.folder = target.folder;
    context.timeoutSeconds = options.timeoutSeconds;
    context.tls = tls.get();

    std::shared_ptr<vmime::net::store> store;
    std::unique_ptr<FetchSource> source; // released after the store's disconnect, see above
    if (connecting)
        connecting();
    const bool tcp = !transport || !transport->socketFactory; // else the tests' scripted server
    qCDebug(lcFetch).nospace().noquote()
        << "connecting to " << target.scheme << "://" << target.host << ':'
        << (target.port > 0 ? target.port : target.defaultPort()) << " (" << securityName(target, options)
        << (tcp ? ", TCP" : ", scripted transport") << ", time-out " << options.timeoutSeconds << " s)";
    try {
        auto session = vmime::net::session::create();
        const vmime::utility::url url(target.scheme.toStdString(), target.host.toStdString(),
            target.port > 0 ? vmime::port_t(target.port) : vmime::utility::url::UNSPECIFIED_PORT);
        store = session->getStore(url, std::make_shared<vmime::security::sasl::defaultSASLAuthenticator>());
        store->setProperty("auth.username", target.user.toStdString());
        store->setProperty("auth.password", target.password.toStdString());
        // SASL first (PLAIN, CRAM-MD5, ...), then the protocol's own LOGIN / USER+PASS.
        store->setProperty("options.sasl", true);
        store->setProperty("options.sasl.fallback", true);
        if (!target.isImplicitTls()) {
            // STARTTLS only on request, and then insisting: a server that does not offer it
            // must not silently get the password in clear text.
            store->setProperty("connection.tls", options.startTls);
            store->setProperty("connection.tls.required", options.startTls);
        }
        store->setCertificateVerifier(verifier);
        store->setTimeoutHandlerFactory(makeFetchTimeoutHandlerFactory(control));
        if (transport && transport->socketFactory)
            store->setSocketFactory(transport->socketFactory);
        store->connect();
        context.loggedIn = true;
        qCDebug(lcFetch).noquote() << "connected and logged in to" << target.host;
        body(store, target, source);
        store->disconnect();
    } catch (const std::exception &e) {
        context.cancelled = control->cancelled;
        // (A transport other than TCP has no TCP route to probe.)
        if (tcp && !context.loggedIn && !context.cancelled
            && dynamic_cast<const vmime::exceptions::connection_error *>(&e))
            context.probe
                = probeConnection(target.host, target.port > 0 ? target.port : target.defaultPort(), 5000);
        outcome = describeFetchFailure(e, context);
        if (outcome.error == FetchError::Cancelled)
            qCDebug(lcFetch).noquote()
                << "cancelled" << (context.loggedIn ? "after logging in" : "before logging in");
        else
            qCDebug(lcFetch).nospace().noquote()
                << (context.loggedIn ? "session failed: " : "connect or login failed: ")
                << fetchErrorName(outcome.error) << " (" << redacted(fetchFailureDetails(e), target.password)
                << ')';
        // Say goodbye if the server is still there, but do not wait a full timeout for it.
        control->timeoutMs = 2000;
        try {
            if (store && store->isConnected())
                store->disconnect();
        } catch (const std::exception &) { }
    }
    // The store goes first (the source's reference last: see the member order in the sources),
    // the folder after it, so its destructor finds no store to unregister from.
    store.reset();
    source.reset();
    return outcome;
}

} // namespace

FetchResult MailboxFetcher::run()
{
    FetchResult result;
    FetchProgress progress;
    auto report = [&](FetchProgress::Stage stage) {
        progress.stage = stage;
        progress.candidates = result.candidates;
        progress.examined = result.examined;
        progress.found = result.found;
        if (m_onProgress)
            m_onProgress(progress);
    };

    const FetchCriteria criteria {m_options.since, m_options.includeFeedback, m_options.includeAutoReplies};
    const BounceAnalyzer analyzer;
    const qint64 maxBytes = m_options.maxMessageBytes > 0 ? m_options.maxMessageBytes
                                                          : MessageLoader().limits().maxMessageBytes;
    bool connecting = false;
    const FetchFailure failure = withSession(
        m_options, m_control, m_transport.get(),
        [&] {
            connecting = true;
            report(FetchProgress::Stage::Connecting);
        },
        [&](const std::shared_ptr<vmime::net::store> &store, const Target &target,
            std::unique_ptr<FetchSource> &source) {
            source = target.isPop3() ? makePop3FetchSource(store, target.urlBase, maxBytes)
                                     : makeImapFetchSource(store, target.urlBase, maxBytes);
            source->open(target.folder);
            report(FetchProgress::Stage::Searching);
            const QList<FetchCandidate> candidates = source->candidates(criteria);
            result.candidates = int(candidates.size());
            result.searchedOnServer = source->searchedOnServer();
            qCDebug(lcFetch).noquote()
                << result.candidates << "candidates, picked"
                << (result.searchedOnServer ? "by server search" : "from headers read here");
            report(FetchProgress::Stage::Fetching);
            for (const FetchCandidate &candidate : candidates) {
                if (isCancelled())
                    throw vmime::exceptions::operation_cancelled();
                if (m_options.limit > 0 && result.found >= m_options.limit) {
                    qCDebug(lcFetch).noquote() << "limit of" << m_options.limit << "results reached";
                    break;
                }
                ++result.examined;
                if (candidate.size > maxBytes) {
                    // No bounce is that large; the loader would refuse it too.
                    qCDebug(lcFetch).noquote() << "skipped" << source->sourceName(candidate) << "of"
                                               << candidate.size << "bytes: over the size cap of" << maxBytes;
                    continue;
                }
                const QByteArray bytes = source->download(candidate);
                qCDebug(lcFetch).noquote()
                    << "downloaded" << source->sourceName(candidate) << bytes.size() << "bytes";
                const MessageAnalysis analysis = analyzer.analyze(
                    MessageLoader::normalizeLineEndings(bytes), source->sourceName(candidate));
                const bool wanted = analysis.ok() && criteria.wants(analysis.kind);
                if (!analysis.ok())
                    qCDebug(lcFetch).noquote()
                        << "could not analyse" << analysis.source << ':' << errorCodeName(analysis.errorCode);
                else
                    qCDebug(lcFetch).noquote()
                        << (wanted ? "kept" : "not wanted:") << toString(analysis.kind);
                if (wanted) {
                    ++result.found;
                    if (m_options.keepMessages)
                        result.messages.append(analysis);
                    if (m_onMessage)
                        m_onMessage(analysis);
                }
                report(FetchProgress::Stage::Fetching);
            }
            source->close();
            qCDebug(lcFetch).noquote()
                << "fetch done:" << result.examined << "examined," << result.found << "kept";
        });
    result.error = failure.error;
    result.errorText = failure.text;
    result.certificateFingerprint = failure.fingerprint;
    // Invalid requests stop before any network traffic and report no progress at all.
    if (connecting)
        report(FetchProgress::Stage::Done);
    return result;
}

FolderListResult MailboxFetcher::listFolders(const FetchOptions &options)
{
    return MailboxFetcher(options).listFolders();
}

FolderListResult MailboxFetcher::listFolders()
{
    FolderListResult result;
    FetchOptions listOptions = m_options;
    listOptions.folder = QStringLiteral("INBOX"); // the folder to read plays no part here
    QStringList folders;
    const FetchFailure failure = withSession(listOptions, m_control, m_transport.get(), {},
        [&](const std::shared_ptr<vmime::net::store> &store, const Target &target,
            std::unique_ptr<FetchSource> &) {
            // POP3 knows only INBOX; connecting and logging in still checks the account.
            folders = target.isPop3() ? QStringList {QStringLiteral("INBOX")} : listImapFolders(store);
        });
    result.error = failure.error;
    result.errorText = failure.text;
    result.certificateFingerprint = failure.fingerprint;
    if (!result.ok())
        return result;
    folders.removeDuplicates();
    // INBOX first (the server may spell it in any case), then the rest in a stable, readable order.
    const auto isInbox
        = [](const QString &name) { return name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0; };
    std::stable_sort(folders.begin(), folders.end(), [&](const QString &a, const QString &b) {
        if (isInbox(a) != isInbox(b))
            return isInbox(a);
        const int byCase = a.compare(b, Qt::CaseInsensitive);
        return byCase != 0 ? byCase < 0 : a < b;
    });
    result.folders = folders;
    return result;
}

} // namespace bouncelens

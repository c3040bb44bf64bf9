#include "FetchWorker.h"

#include "Logging.h"

#include "fetch/MailboxFetcher.h"

#include <QElapsedTimer>

namespace bouncelens {

FetchWorker::FetchWorker(QObject *parent)
    : QObject(parent)
    , m_runner(QStringLiteral("BounceLens fetch"))
{
    connect(&m_runner, &JobRunner::started, this, &FetchWorker::started);
    connect(&m_runner, &JobRunner::finished, this, [this] { emit finished(std::exchange(m_result, {})); });
}

FetchWorker::~FetchWorker() = default;

bool FetchWorker::start(const FetchOptions &options, Mode mode)
{
    if (m_runner.isBusy())
        return false;
    m_options = options;
    m_mode = mode;
    m_result = {};
    FetchOptions runOptions = options;
    runOptions.keepMessages = false; // the table takes each one as it arrives
    if (mode == Mode::Test) {
        // Connect, log in, open the folder and search for mail from the day after tomorrow: IMAP
        // finds nothing on the server and downloads nothing; POP3 reads the headers (TOP n 0)
        // and downloads at most one message. The run is not cancelled half-way on purpose:
        // cancelling a POP3 session during a network wait currently ends in a use-after-free
        // in core (see tst_fetchdialog, cancelKeepsPartialResults(POP3)).
        runOptions.since = QDate::currentDate().addDays(2);
        runOptions.limit = 1;
    }
    auto fetcher = std::make_shared<MailboxFetcher>(runOptions);
    const auto job = [this, mode, fetcher](const JobRunner::Run &run) {
        if (mode == Mode::Fetch) {
            fetcher->setMessageCallback([this, run](const MessageAnalysis &analysis) {
                run.post([this, analysis] { emit messageFetched(analysis); });
            });
        }
        fetcher->setProgressCallback(
            [this, run](const FetchProgress &p) { run.post([this, p] { emit progressChanged(p); }); });
        // The account is not logged (its URL may carry a password): the core logs the host.
        qCDebug(lcUi) << (mode == Mode::Test ? "account test started" : "fetch job started");
        QElapsedTimer duration;
        duration.start();
        FetchResult result = fetcher->run();
        qCDebug(lcUi).noquote() << (mode == Mode::Test ? "account test" : "fetch job")
                                << (result.error == FetchError::Cancelled ? "cancelled:" : "finished:")
                                << result.candidates << "candidates," << result.examined << "examined,"
                                << result.found << "found, error" << fetchErrorName(result.error) << "in"
                                << duration.elapsed() << "ms";
        if (mode == Mode::Test)
            result.found = 0; // a test shows nothing
        run.post([this, result] { m_result = result; });
    };
    return m_runner.start(job, [fetcher] { fetcher->cancel(); });
}

void FetchWorker::cancel()
{
    m_runner.cancel();
}

FolderListWorker::FolderListWorker(QObject *parent)
    : QObject(parent)
    , m_runner(QStringLiteral("BounceLens folder list"))
{
    connect(&m_runner, &JobRunner::finished, this, [this] { emit finished(std::exchange(m_result, {})); });
}

FolderListWorker::~FolderListWorker() = default;

bool FolderListWorker::start(const FetchOptions &options)
{
    if (m_runner.isBusy())
        return false;
    m_result = {};
    auto fetcher = std::make_shared<MailboxFetcher>(options);
    const auto job = [this, fetcher](const JobRunner::Run &run) {
        QElapsedTimer duration;
        duration.start();
        const FolderListResult result = fetcher->listFolders();
        qCDebug(lcUi).noquote() << "folder list finished:" << result.folders.size() << "folders, error"
                                << fetchErrorName(result.error) << "in" << duration.elapsed() << "ms";
        run.post([this, result] { m_result = result; });
    };
    return m_runner.start(job, [fetcher] { fetcher->cancel(); });
}

void FolderListWorker::cancel()
{
    m_runner.cancel();
}

} // namespace bouncelens

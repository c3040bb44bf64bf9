#include "FetchWorker.h"

#include "fetch/MailboxFetcher.h"

#include <QThread>

namespace bouncelens {

FetchWorker::FetchWorker(QObject *parent)
    : QObject(parent)
{ }

FetchWorker::~FetchWorker()
{
    if (m_thread) {
        m_fetcher->cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool FetchWorker::start(const FetchOptions &options, Mode mode)
{
    if (m_thread)
        return false;
    m_options = options;
    m_mode = mode;
    m_result = {};
    FetchOptions runOptions = options;
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
    m_fetcher = fetcher;
    const quint64 id = ++m_runId;

    if (mode == Mode::Fetch) {
        fetcher->setMessageCallback([this, id](const MessageAnalysis &analysis) {
            QMetaObject::invokeMethod(
                this,
                [this, id, analysis] {
                    if (id == m_runId)
                        emit messageFetched(analysis);
                },
                Qt::QueuedConnection);
        });
    }
    fetcher->setProgressCallback([this, id](const FetchProgress &p) {
        QMetaObject::invokeMethod(
            this,
            [this, id, p] {
                if (id == m_runId)
                    emit progressChanged(p);
            },
            Qt::QueuedConnection);
    });

    m_thread = QThread::create([this, id, mode, fetcher] {
        FetchResult result = fetcher->run();
        if (mode == Mode::Test)
            result.messages.clear(); // a test shows nothing
        QMetaObject::invokeMethod(
            this,
            [this, id, result] {
                if (id == m_runId)
                    m_result = result;
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("BounceLens fetch"));
    connect(m_thread, &QThread::finished, this, &FetchWorker::finishThread);
    emit started();
    m_thread->start();
    return true;
}

void FetchWorker::cancel()
{
    if (m_fetcher)
        m_fetcher->cancel();
}

// QThread::finished is queued to this thread after the run's last queued call, so every
// message and progress report has been delivered by the time finished() is emitted.
void FetchWorker::finishThread()
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    const FetchResult result = std::exchange(m_result, {});
    emit finished(result);
}

FolderListWorker::FolderListWorker(QObject *parent)
    : QObject(parent)
{ }

FolderListWorker::~FolderListWorker()
{
    if (m_thread) {
        m_fetcher->cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool FolderListWorker::start(const FetchOptions &options)
{
    if (m_thread)
        return false;
    m_result = {};
    auto fetcher = std::make_shared<MailboxFetcher>(options);
    m_fetcher = fetcher;
    const quint64 id = ++m_runId;
    m_thread = QThread::create([this, id, fetcher] {
        const FolderListResult result = fetcher->listFolders();
        QMetaObject::invokeMethod(
            this,
            [this, id, result] {
                if (id == m_runId)
                    m_result = result;
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("BounceLens folder list"));
    connect(m_thread, &QThread::finished, this, &FolderListWorker::finishThread);
    m_thread->start();
    return true;
}

void FolderListWorker::cancel()
{
    if (m_fetcher)
        m_fetcher->cancel();
}

// As in FetchWorker: QThread::finished arrives after the run's queued result.
void FolderListWorker::finishThread()
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    const FolderListResult result = std::exchange(m_result, {});
    emit finished(result);
}

} // namespace bouncelens

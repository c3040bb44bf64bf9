#pragma once

#include "JobRunner.h"
#include "fetch/FetchTypes.h"

#include <QObject>

#include <memory>

namespace bouncelens {

class MailboxFetcher;

// Runs one MailboxFetcher at a time on a worker thread (JobRunner). The fetcher's callbacks
// (which run on that thread) are posted to this object's thread and come out as signals there,
// so the UI sees each bounce as it arrives; finished() follows the last of them.
//
// Mode::Test checks the account as cheaply as the core API allows (it has no separate "check"
// call): it connects, logs in, opens the folder and searches for mail newer than tomorrow, so
// nothing is fetched; finished() reports FetchError::None (and no messages) when all that worked.
class FetchWorker : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Fetch, Test };

    explicit FetchWorker(QObject *parent = nullptr);
    ~FetchWorker() override; // cancels and waits: never leaves a thread behind

    // False (and nothing happens) while a run is in progress.
    bool start(const FetchOptions &options, Mode mode = Mode::Fetch);
    // The fetcher stops at its next network wait or message boundary; finished() follows with
    // FetchError::Cancelled and whatever was fetched before.
    void cancel();

    [[nodiscard]] bool isBusy() const { return m_runner.isBusy(); }
    [[nodiscard]] Mode mode() const { return m_mode; }
    // The options of the current (or last) run, password included (memory only).
    [[nodiscard]] const FetchOptions &options() const { return m_options; }

signals:
    void started();
    void messageFetched(const bouncelens::MessageAnalysis &analysis);
    void progressChanged(const bouncelens::FetchProgress &progress);
    void finished(const bouncelens::FetchResult &result);

private:
    FetchOptions m_options;
    Mode m_mode = Mode::Fetch;
    FetchResult m_result; // posted by the run, handed out on JobRunner::finished
    JobRunner m_runner; // last: destroyed (cancelled and joined) before the members its jobs use
};

// Reads the folder list of one account (MailboxFetcher::listFolders) on a worker thread
// (JobRunner): the result comes out as finished() on this object's thread. Nothing is modified.
class FolderListWorker : public QObject
{
    Q_OBJECT

public:
    explicit FolderListWorker(QObject *parent = nullptr);
    ~FolderListWorker() override; // cancels and waits: never leaves a thread behind

    // False (and nothing happens) while a run is in progress.
    bool start(const FetchOptions &options);
    // finished() follows with FetchError::Cancelled.
    void cancel();
    [[nodiscard]] bool isBusy() const { return m_runner.isBusy(); }

signals:
    void finished(const bouncelens::FolderListResult &result);

private:
    FolderListResult m_result; // posted by the run, handed out on JobRunner::finished
    JobRunner m_runner; // last: destroyed (cancelled and joined) before the members its jobs use
};

} // namespace bouncelens

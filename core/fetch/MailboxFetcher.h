#pragma once

#include "fetch/FetchTypes.h"

#include <atomic>
#include <functional>
#include <memory>

namespace bouncelens {

struct FetchTimeoutControl;
struct FetchTransport;

// Reads the bounces of one IMAP or POP3 mailbox without modifying it: folders are opened
// read-only, bodies fetched with PEEK (POP3: TOP, never RETR or DELE), no flag is set, nothing
// deleted or expunged. Candidates are picked on the server where the protocol allows (IMAP
// SEARCH), else from headers, and every candidate is confirmed by BounceAnalyzer.
//
// run() blocks: a GUI calls it from a worker thread and gets each result through the message
// callback as it arrives (the callbacks run on that worker thread). cancel() may be called from
// any thread. No vmime type appears here, so the UI can use this class directly.
class MailboxFetcher
{
public:
    using MessageCallback = std::function<void(const MessageAnalysis &)>;
    using ProgressCallback = std::function<void(const FetchProgress &)>;

    explicit MailboxFetcher(FetchOptions options);
    ~MailboxFetcher();
    MailboxFetcher(const MailboxFetcher &) = delete;
    MailboxFetcher &operator=(const MailboxFetcher &) = delete;

    void setMessageCallback(MessageCallback callback) { m_onMessage = std::move(callback); }
    void setProgressCallback(ProgressCallback callback) { m_onProgress = std::move(callback); }

    // Never throws. Results found before an error stay in the FetchResult.
    [[nodiscard]] FetchResult run();

    // The folders of the mailbox options.url names (options.folder plays no part): connects, logs
    // in, lists the folders (IMAP LIST, nothing opened or selected), disconnects. POP3 has only
    // INBOX (still checked by logging in). Blocks, so a GUI calls it from a worker thread; errors
    // are reported like run()'s (kind, translated text, certificate fingerprint). Never throws.
    [[nodiscard]] static FolderListResult listFolders(const FetchOptions &options);
    // The same for this fetcher's options; cancel() stops it (FetchError::Cancelled).
    [[nodiscard]] FolderListResult listFolders();

    // Stops run() at its next network wait or message boundary; run() then returns what it has
    // with FetchError::Cancelled.
    void cancel();
    [[nodiscard]] bool isCancelled() const;

    [[nodiscard]] const FetchOptions &options() const { return m_options; }

    // Replaces the TCP connection with another transport (fetch/FetchTransport.h, core-internal):
    // the protocol tests' scripted server. Set before run() or listFolders().
    void setTransport(std::shared_ptr<const FetchTransport> transport) { m_transport = std::move(transport); }

private:
    FetchOptions m_options;
    std::shared_ptr<FetchTimeoutControl> m_control;
    std::shared_ptr<const FetchTransport> m_transport; // null: TCP
    MessageCallback m_onMessage;
    ProgressCallback m_onProgress;
};

} // namespace bouncelens

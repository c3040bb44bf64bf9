#pragma once

#include "fetch/FetchCriteria.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

// Only a forward declaration: vmime stays out of headers (the UI must not see it).
namespace vmime::net {
class store;
}

namespace bouncelens {

// One message worth downloading.
struct FetchCandidate
{
    quint64 number = 0; // IMAP: UID; POP3: message number in this session
    QString uid; // IMAP: the UID again; POP3: the UIDL (stable across sessions)
    qint64 size = -1; // when the server said
};

// One mailbox folder, opened read-only, seen through the protocol's means of narrowing it down.
// The core-internal seam between MailboxFetcher (which knows nothing of IMAP or POP3) and the
// protocol code. Methods throw vmime exceptions; MailboxFetcher turns them into FetchErrors.
// Nothing here ever changes the mailbox: no flag changes, no deletes, no expunge.
class FetchSource
{
public:
    virtual ~FetchSource() = default;
    virtual void open(const QString &folder) = 0;
    // Newest first.
    [[nodiscard]] virtual QList<FetchCandidate> candidates(const FetchCriteria &criteria) = 0;
    // Whether the last candidates() call let the server do the picking.
    [[nodiscard]] virtual bool searchedOnServer() const = 0;
    // The whole message, as the server has it, without marking it read. Throws
    // FetchMessageTooLarge (fetch/BoundedDownload.h) past the source's byte limit.
    [[nodiscard]] virtual QByteArray download(const FetchCandidate &candidate) = 0;
    // A name for the message, e.g. "imap://host/INBOX;UID=5".
    [[nodiscard]] virtual QString sourceName(const FetchCandidate &candidate) const = 0;
    virtual void close() = 0;
};

// `urlBase` is "scheme://host[:port]", used to name messages; `maxBytes` bounds one download.
[[nodiscard]] std::unique_ptr<FetchSource> makeImapFetchSource(
    std::shared_ptr<vmime::net::store> store, const QString &urlBase, qint64 maxBytes);
[[nodiscard]] std::unique_ptr<FetchSource> makePop3FetchSource(
    std::shared_ptr<vmime::net::store> store, const QString &urlBase, qint64 maxBytes);

// Every selectable folder of a connected IMAP store (LIST "" "*"), levels joined with "/",
// unsorted. Read-only: nothing is opened or selected. Throws vmime exceptions.
[[nodiscard]] QStringList listImapFolders(const std::shared_ptr<vmime::net::store> &store);

} // namespace bouncelens

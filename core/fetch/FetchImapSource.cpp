#include "fetch/StoreFetchSource.h"

#include "fetch/BoundedDownload.h"
#include "fetch/Logging.h"

#include <QUrl>

#include <vmime/net/imap/IMAPCommand.hpp>
#include <vmime/net/imap/IMAPConnection.hpp>
#include <vmime/net/imap/IMAPParser.hpp>
#include <vmime/net/imap/IMAPStore.hpp>
#include <vmime/net/imap/IMAPUtils.hpp>
#include <vmime/vmime.hpp>

#include <algorithm>

namespace bouncelens {

namespace imap = vmime::net::imap;

namespace {

// Headers are fetched in batches when the server cannot search for us.
constexpr size_t headerBatch = 200;

class ImapSource : public StoreFetchSource
{
public:
    using StoreFetchSource::StoreFetchSource;

    void open(const QString &folder) override
    {
        m_folderName = folder;
        vmime::net::folder::path path;
        for (const QString &level : folder.split(QLatin1Char('/'), Qt::SkipEmptyParts))
            path /= vmime::net::folder::path::component(
                level.toStdString(), vmime::charset(vmime::charsets::UTF_8));
        m_path = path;
        m_folder = m_store->getFolder(path);
        if (!m_folder->exists())
            throw vmime::exceptions::folder_not_found();
        // EXAMINE: the server itself then refuses any change, \Seen included.
        m_folder->open(vmime::net::folder::MODE_READ_ONLY, true);
        qCDebug(lcFetch).noquote() << "opened IMAP folder" << folder
                                   << "read-only (EXAMINE):" << m_folder->getMessageCount() << "messages";
    }

    QList<FetchCandidate> candidates(const FetchCriteria &criteria) override
    {
        std::vector<quint64> uids;
        m_searchedOnServer = serverSearch(criteria, uids);
        if (!m_searchedOnServer) {
            qCDebug(lcFetch) << "server search refused; reading every header instead";
            uids = headerScan(criteria);
        }
        std::sort(uids.begin(), uids.end(), std::greater<>());
        QList<FetchCandidate> list;
        for (quint64 uid : uids)
            list.append({uid, QString::number(uid), -1});
        return list;
    }

    bool searchedOnServer() const override { return m_searchedOnServer; }

    QByteArray download(const FetchCandidate &candidate) override
    {
        auto messages = m_folder->getMessages(vmime::net::messageSet::byUID(candidate.uid.toStdString()));
        if (messages.empty())
            return {}; // gone meanwhile (expunged by another client)
        std::string bytes;
        BoundedDownload out(bytes, m_maxBytes);
        messages.front()->extract(out, nullptr, 0, static_cast<size_t>(-1), /* peek */ true);
        return QByteArray::fromStdString(bytes);
    }

    QString sourceName(const FetchCandidate &candidate) const override
    {
        return m_urlBase + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(m_folderName, "/"))
            + QStringLiteral(";UID=") + candidate.uid;
    }

private:
    // UID SEARCH with the criteria. false when the server refuses it (no CHARSET UTF-8, a
    // SEARCH that chokes on HEADER keys, ...): the caller then filters headers itself.
    // vmime gives every open folder a connection of its own and does not expose it, so the
    // search runs on the store's connection, which examines (read-only select) the folder
    // first; UIDs are the same on both connections.
    bool serverSearch(const FetchCriteria &criteria, std::vector<quint64> &uids)
    {
        auto connection = std::dynamic_pointer_cast<imap::IMAPStore>(m_store)->getConnection();
        const std::string mailbox = imap::IMAPUtils::quoteString(
            imap::IMAPUtils::pathToString(connection->hierarchySeparator(), m_path));
        connection->sendCommand(imap::IMAPCommand::SELECT(/* readOnly: EXAMINE */ true, mailbox, {}));
        if (!isOk(std::unique_ptr<imap::IMAPParser::response>(connection->readResponse()).get()))
            return false;
        const QList<QByteArray> chunks = criteria.imapSearchChunks();
        connection->sendCommand(imap::IMAPCommand::createCommand(chunks.first().toStdString()));
        // Each further chunk starts with a literal the server must first invite ("+ ...").
        for (qsizetype i = 1; i < chunks.size(); ++i) {
            std::unique_ptr<imap::IMAPParser::response> invitation(connection->readResponse());
            if (invitation->response_done())
                return false; // the final answer came early: refused
            const QByteArray next = chunks.at(i) + "\r\n";
            connection->sendRaw(
                reinterpret_cast<const vmime::byte_t *>(next.constData()), static_cast<size_t>(next.size()));
        }
        std::unique_ptr<imap::IMAPParser::response> response(connection->readResponse());
        if (!isOk(response.get()))
            return false;
        for (const auto *data : response->continue_req_or_response_data()) {
            const auto *mailbox = data->response_data() ? data->response_data()->mailbox_data() : nullptr;
            if (!mailbox || mailbox->type() != imap::IMAPParser::mailbox_data::SEARCH)
                continue;
            for (const auto *number : mailbox->search_nz_number_list())
                uids.push_back(number->value());
        }
        return true;
    }

    static bool isOk(const imap::IMAPParser::response *response)
    {
        return !response->isBad()
            && response->response_done()->response_tagged()->resp_cond_state()->status()
            == imap::IMAPParser::resp_cond_state::OK;
    }

    // The fallback: every message's header (RFC822.HEADER = BODY.PEEK[HEADER]), filtered here.
    std::vector<quint64> headerScan(const FetchCriteria &criteria)
    {
        std::vector<quint64> uids;
        const size_t count = m_folder->getMessageCount();
        for (size_t first = 1; first <= count; first += headerBatch) {
            auto messages = m_folder->getMessages(
                vmime::net::messageSet::byNumber(first, std::min(count, first + headerBatch - 1)));
            m_folder->fetchMessages(
                messages, vmime::net::fetchAttributes::FULL_HEADER | vmime::net::fetchAttributes::UID);
            for (const auto &message : messages) {
                if (criteria.matchesHeader(QByteArray::fromStdString(message->getHeader()->generate())))
                    uids.push_back(QString::fromStdString(message->getUID()).toULongLong());
                else
                    qCDebug(lcFetch) << "message" << message->getNumber()
                                     << "skipped by the header pre-filter";
            }
        }
        return uids;
    }

    vmime::net::folder::path m_path;
    QString m_folderName;
    bool m_searchedOnServer = false;
};

} // namespace

std::unique_ptr<FetchSource> makeImapFetchSource(
    std::shared_ptr<vmime::net::store> store, const QString &urlBase, qint64 maxBytes)
{
    return std::make_unique<ImapSource>(std::move(store), urlBase, maxBytes);
}

QStringList listImapFolders(const std::shared_ptr<vmime::net::store> &store)
{
    QStringList names;
    const vmime::charset utf8(vmime::charsets::UTF_8);
    for (const auto &folder : store->getRootFolder()->getFolders(/* recursive */ true)) {
        // \Noselect: a container the server does not let anyone open.
        if (folder->getAttributes().getFlags() & vmime::net::folderAttributes::FLAG_NO_OPEN)
            continue;
        const vmime::net::folder::path path = folder->getFullPath();
        QStringList levels;
        for (size_t i = 0; i < path.getSize(); ++i)
            levels.append(QString::fromStdString(path[i].getConvertedText(utf8)));
        if (!levels.isEmpty())
            names.append(levels.join(QLatin1Char('/')));
    }
    return names;
}

} // namespace bouncelens

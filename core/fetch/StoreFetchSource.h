#pragma once
// What the IMAP and POP3 sources share (core/fetch only: it includes vmime): the store they read
// through, the folder they opened, how messages are named and how large one may be, and the
// one safe way to let go of the folder.
#include "fetch/FetchSource.h"

#include <vmime/net/folder.hpp>
#include <vmime/net/store.hpp>

namespace bouncelens {

class StoreFetchSource : public FetchSource
{
public:
    StoreFetchSource(std::shared_ptr<vmime::net::store> store, QString urlBase, qint64 maxBytes)
        : m_store(std::move(store))
        , m_urlBase(std::move(urlBase))
        , m_maxBytes(maxBytes)
    { }

    // Never expunges: for IMAP that would remove \Deleted messages, for POP3 it would be the
    // QUIT that commits DELEs (neither is ever sent, and this must not start now).
    void close() override
    {
        if (m_folder && m_folder->isOpen())
            m_folder->close(/* expunge */ false);
    }

protected:
    // Declared before the store so that it is released after it: a vmime folder destroyed while
    // its store lives tries a last close() and, when that fails on a dead connection, leaves a
    // dangling pointer in the store (see withSession in MailboxFetcher.cpp).
    std::shared_ptr<vmime::net::folder> m_folder;
    std::shared_ptr<vmime::net::store> m_store;
    const QString m_urlBase; // "scheme://host[:port]"
    const qint64 m_maxBytes; // for one download
};

} // namespace bouncelens

#pragma once

#include "FetchAccount.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace bouncelens {

// Where mailbox accounts are kept.
//
// Account details (server, port, protocol, security, user, folder, options) and the certificates
// the user chose to trust (SHA-256 fingerprints, per host:port) go to QSettings. Passwords never
// do: they go to the system keychain through QtKeychain (service "BounceLens", key
// "user@host:port"). When no keychain is available (no secret service, e.g. a bare desktop or a
// test run) the password is kept in this process's memory only, for the session; it is never
// written to a file in clear. Passwords are also remembered in memory once entered, so a second
// fetch in the same session does not need the keychain again.
class AccountStore : public QObject
{
    Q_OBJECT

public:
    enum class Keychain { Unknown, Available, Unavailable };

    explicit AccountStore(QObject *parent = nullptr);

    // Most recently used first.
    [[nodiscard]] QList<FetchAccount> accounts() const;
    // Stores (or updates) the account and makes it the most recent one.
    void remember(const FetchAccount &account);
    void forget(const QString &accountId);

    [[nodiscard]] QStringList trustedFingerprints(const QString &hostPort) const;
    void trustFingerprint(const QString &hostPort, const QString &fingerprint);

    // Asynchronous; `done` runs on this thread with the password ("" when none is known) unless
    // `context` is gone by then.
    void readPassword(const QString &accountId, QObject *context, std::function<void(const QString &)> done);
    // Keeps it in memory for the session and writes it to the keychain (asynchronously).
    void storePassword(const QString &accountId, const QString &password);

    // What the last keychain operation of this session found out.
    [[nodiscard]] static Keychain keychainState();
    [[nodiscard]] static QString keychainError();
    [[nodiscard]] static QString keychainService() { return QStringLiteral("BounceLens"); }
    // For tests: forgets the passwords held in memory and the keychain state.
    static void resetSession();

signals:
    // keychainState() changed (any AccountStore instance reports it).
    void keychainStateChanged(bouncelens::AccountStore::Keychain state);

private:
    static void updateKeychainState(
        const QPointer<AccountStore> &store, Keychain state, const QString &error);
};

} // namespace bouncelens

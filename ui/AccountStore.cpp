#include "AccountStore.h"

#include <QHash>
#include <QPointer>
#include <QSettings>

#include <qt6keychain/keychain.h>

namespace bouncelens {

namespace {

const QString kAccounts = QStringLiteral("fetch/accounts");
const QString kTrust = QStringLiteral("fetch/trustedCertificates");
constexpr int kMaxAccounts = 20;

// Shared by every AccountStore of the process: the passwords entered in this session (only
// ever in memory) and what the keychain said last.
struct Session
{
    QHash<QString, QString> passwords;
    AccountStore::Keychain state = AccountStore::Keychain::Unknown;
    QString error;
};

Session &session()
{
    static Session s;
    return s;
}

void writeAccount(QSettings &s, const FetchAccount &a)
{
    s.setValue(QStringLiteral("host"), a.host.trimmed());
    s.setValue(QStringLiteral("port"), a.port);
    s.setValue(QStringLiteral("protocol"), FetchAccount::protocolKey(a.protocol));
    s.setValue(QStringLiteral("security"), FetchAccount::securityKey(a.security));
    s.setValue(QStringLiteral("user"), a.user.trimmed());
    s.setValue(QStringLiteral("folder"), a.folder.trimmed());
    s.setValue(QStringLiteral("useSince"), a.useSince);
    s.setValue(QStringLiteral("sinceDays"), a.sinceDays);
    s.setValue(QStringLiteral("limit"), a.limit);
    s.setValue(QStringLiteral("includeFeedback"), a.includeFeedback);
    s.setValue(QStringLiteral("includeAutoReplies"), a.includeAutoReplies);
}

FetchAccount readAccount(const QSettings &s)
{
    FetchAccount a;
    a.host = s.value(QStringLiteral("host")).toString();
    a.protocol = FetchAccount::protocolFromKey(s.value(QStringLiteral("protocol")).toString());
    a.security = FetchAccount::securityFromKey(s.value(QStringLiteral("security")).toString());
    a.port = s.value(QStringLiteral("port"), FetchAccount::defaultPort(a.protocol, a.security)).toInt();
    a.user = s.value(QStringLiteral("user")).toString();
    a.folder = s.value(QStringLiteral("folder"), QStringLiteral("INBOX")).toString();
    a.useSince = s.value(QStringLiteral("useSince"), false).toBool();
    a.sinceDays = s.value(QStringLiteral("sinceDays"), 30).toInt();
    a.limit = s.value(QStringLiteral("limit"), 0).toInt();
    a.includeFeedback = s.value(QStringLiteral("includeFeedback"), false).toBool();
    a.includeAutoReplies = s.value(QStringLiteral("includeAutoReplies"), false).toBool();
    return a;
}

void writeAccounts(const QList<FetchAccount> &accounts)
{
    QSettings s;
    s.remove(kAccounts);
    s.beginWriteArray(kAccounts, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        s.setArrayIndex(i);
        writeAccount(s, accounts.at(i));
    }
    s.endArray();
}

// QSettings keys cannot hold "/" (a group separator); host:port never does, but be safe.
QString trustKey(const QString &hostPort)
{
    return kTrust + QLatin1Char('/') + QString(hostPort).replace(QLatin1Char('/'), QLatin1Char('_'));
}

QString normalizedFingerprint(const QString &fingerprint)
{
    QString hex;
    for (const QChar c : fingerprint)
        if (c.isLetterOrNumber())
            hex += c.toUpper();
    if (hex.startsWith(QLatin1String("SHA256")))
        hex = hex.mid(6);
    return hex;
}

} // namespace

AccountStore::AccountStore(QObject *parent)
    : QObject(parent)
{ }

QList<FetchAccount> AccountStore::accounts() const
{
    QSettings s;
    QList<FetchAccount> list;
    const int n = s.beginReadArray(kAccounts);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        const FetchAccount a = readAccount(s);
        if (!a.host.isEmpty())
            list << a;
    }
    s.endArray();
    return list;
}

void AccountStore::remember(const FetchAccount &account)
{
    QList<FetchAccount> list = accounts();
    list.removeIf([&](const FetchAccount &a) { return a.id() == account.id(); });
    list.prepend(account);
    writeAccounts(list.mid(0, kMaxAccounts));
}

void AccountStore::forget(const QString &accountId)
{
    QList<FetchAccount> list = accounts();
    list.removeIf([&](const FetchAccount &a) { return a.id() == accountId; });
    writeAccounts(list);
    session().passwords.remove(accountId);
    auto *job = new QKeychain::DeletePasswordJob(keychainService());
    job->setKey(accountId);
    job->start(); // deletes itself when done
}

QStringList AccountStore::trustedFingerprints(const QString &hostPort) const
{
    return QSettings().value(trustKey(hostPort)).toStringList();
}

void AccountStore::trustFingerprint(const QString &hostPort, const QString &fingerprint)
{
    QStringList list = trustedFingerprints(hostPort);
    const QString wanted = normalizedFingerprint(fingerprint);
    for (const QString &f : std::as_const(list))
        if (normalizedFingerprint(f) == wanted)
            return;
    list << fingerprint;
    QSettings().setValue(trustKey(hostPort), list);
}

void AccountStore::readPassword(
    const QString &accountId, QObject *context, std::function<void(const QString &)> done)
{
    const auto known = session().passwords.constFind(accountId);
    if (known != session().passwords.cend()) {
        const QString password = known.value();
        QMetaObject::invokeMethod(
            context, [done, password] { done(password); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(keychainService());
    job->setKey(accountId);
    // Never QtKeychain's "insecure fallback": it would put the password in a settings file.
    job->setInsecureFallback(false);
    QPointer<AccountStore> self(this);
    QPointer<QObject> receiver(context);
    connect(job, &QKeychain::Job::finished, job, [self, receiver, done, accountId](QKeychain::Job *j) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        QString password;
        if (read->error() == QKeychain::NoError) {
            password = read->textData();
            updateKeychainState(self, Keychain::Available, {});
        } else if (read->error() == QKeychain::EntryNotFound) {
            updateKeychainState(self, Keychain::Available, {});
        } else {
            updateKeychainState(self, Keychain::Unavailable, read->errorString());
        }
        if (!password.isEmpty() && !session().passwords.contains(accountId))
            session().passwords.insert(accountId, password);
        if (receiver)
            done(password);
    });
    job->start();
}

void AccountStore::storePassword(const QString &accountId, const QString &password)
{
    session().passwords.insert(accountId, password);
    auto *job = new QKeychain::WritePasswordJob(keychainService());
    job->setKey(accountId);
    job->setInsecureFallback(false);
    job->setTextData(password);
    QPointer<AccountStore> self(this);
    connect(job, &QKeychain::Job::finished, job, [self](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            updateKeychainState(self, Keychain::Available, {});
        else
            updateKeychainState(self, Keychain::Unavailable, j->errorString());
    });
    job->start();
}

AccountStore::Keychain AccountStore::keychainState()
{
    return session().state;
}

QString AccountStore::keychainError()
{
    return session().error;
}

void AccountStore::resetSession()
{
    session() = Session();
}

void AccountStore::updateKeychainState(
    const QPointer<AccountStore> &store, Keychain state, const QString &error)
{
    Session &s = session();
    s.error = error;
    if (s.state == state)
        return;
    s.state = state;
    if (store)
        emit store->keychainStateChanged(state);
}

} // namespace bouncelens

// The keychain path of the fetch dialog against a real Secret Service (issue 15): a private D-Bus
// session bus and a gnome-keyring-daemon on it are started here, in temporary directories, so the
// user's own keyring is never touched. Passwords are stored through AccountStore (as FetchDialog
// does), read back after the in-memory copy is dropped, looked up with secret-tool (libsecret's own
// client) to prove they are really in the Secret Service, then forgotten.

#include "AccountStore.h"
#include "FetchAccount.h"
#include "FetchDialog.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace bouncelens;

namespace {

constexpr int kStartTimeoutMs = 15000;
constexpr int kKeychainTimeoutMs = 15000;
constexpr int kStopTimeoutMs = 5000;
const QByteArray kKeyringPassword = "bouncelens-test-keyring";

// A session bus that only this test uses: no service directories (nothing is activated behind
// the test's back), any client may own any name.
QByteArray busConfig(const QString &socketDir)
{
    return QByteArrayLiteral(
               "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
               " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
               "<busconfig>\n"
               "  <type>session</type>\n"
               "  <listen>unix:dir=")
        + QFile::encodeName(socketDir)
        + QByteArrayLiteral("</listen>\n"
                            "  <auth>EXTERNAL</auth>\n"
                            "  <policy context=\"default\">\n"
                            "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                            "    <allow eavesdrop=\"true\"/>\n"
                            "    <allow own=\"*\"/>\n"
                            "  </policy>\n"
                            "</busconfig>\n");
}

// Ends a daemon this test started: SIGTERM, then SIGKILL, each wait bounded.
void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(kStopTimeoutMs)) {
        process.kill();
        process.waitForFinished(kStopTimeoutMs);
    }
}

FetchAccount makeAccount(const QString &user, const QString &host, int port)
{
    FetchAccount a;
    a.host = host;
    a.user = user;
    a.protocol = FetchAccount::Protocol::Imap;
    a.security = FetchAccount::Security::SslTls;
    a.port = port;
    return a;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void storeReadForget_data();
    void storeReadForget();
    void dialogRemembersPasswordInKeychain_data();
    void dialogRemembersPasswordInKeychain();

private:
    // Why the Secret Service could not be started ("" when it runs).
    [[nodiscard]] QString startSecretService();
    // Reads through a fresh AccountStore with the session's in-memory copy dropped first.
    [[nodiscard]] QString readFromKeychain(const QString &accountId);
    // secret-tool's view (QtKeychain's libsecret schema: attributes "server" and "user").
    [[nodiscard]] QString secretToolLookup(const QString &accountId, bool *found);
    [[nodiscard]] QProcessEnvironment daemonEnvironment() const;

    QTemporaryDir m_root;
    QProcess m_bus;
    QProcess m_keyring;
    QByteArray m_busAddress;
};

QProcessEnvironment TestKeychain::daemonEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_root.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_root.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_root.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_root.filePath(QStringLiteral("runtime")));
    if (!m_busAddress.isEmpty())
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromUtf8(m_busAddress));
    // No desktop prompter may be asked for anything: the keyring is unlocked from stdin.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

QString TestKeychain::startSecretService()
{
    if (!m_root.isValid())
        return QStringLiteral("no temporary directory");
    for (const char *dir : {"home", "data", "config", "cache", "runtime", "bus"}) {
        const QString path = m_root.filePath(QLatin1String(dir));
        if (!QDir().mkpath(path))
            return QStringLiteral("cannot create %1").arg(path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QString dbusDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    const QString keyringDaemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (dbusDaemon.isEmpty() || keyringDaemon.isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty())
        return QStringLiteral("dbus-daemon, gnome-keyring-daemon or secret-tool is not installed "
                              "(scripts/install-deps.sh test)");

    QFile config(m_root.filePath(QStringLiteral("bus.conf")));
    if (!config.open(QIODevice::WriteOnly)
        || config.write(busConfig(m_root.filePath(QStringLiteral("bus")))) < 0)
        return QStringLiteral("cannot write the bus configuration");
    config.close();

    m_bus.setProcessEnvironment(daemonEnvironment());
    m_bus.setProgram(dbusDaemon);
    m_bus.setArguments({QStringLiteral("--config-file=") + config.fileName(),
        QStringLiteral("--print-address=1"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile")});
    m_bus.start();
    if (!m_bus.waitForStarted(kStartTimeoutMs))
        return QStringLiteral("dbus-daemon did not start: %1").arg(m_bus.errorString());
    QElapsedTimer timer;
    timer.start();
    while (!m_bus.canReadLine() && m_bus.state() == QProcess::Running && timer.elapsed() < kStartTimeoutMs)
        m_bus.waitForReadyRead(500);
    m_busAddress = m_bus.readLine().trimmed();
    if (m_busAddress.isEmpty())
        return QStringLiteral("dbus-daemon printed no address: %1")
            .arg(QString::fromLocal8Bit(m_bus.readAllStandardError()));

    // Before anything in this process opens the session bus (QtDBus and libsecret read it once).
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress);

    m_keyring.setProcessEnvironment(daemonEnvironment());
    m_keyring.setProgram(keyringDaemon);
    m_keyring.setArguments(
        {QStringLiteral("--unlock"), QStringLiteral("--components=secrets"), QStringLiteral("--foreground")});
    m_keyring.start();
    if (!m_keyring.waitForStarted(kStartTimeoutMs))
        return QStringLiteral("gnome-keyring-daemon did not start: %1").arg(m_keyring.errorString());
    m_keyring.write(kKeyringPassword);
    m_keyring.closeWriteChannel();

    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return QStringLiteral("cannot connect to the private bus %1").arg(QString::fromUtf8(m_busAddress));
    timer.restart();
    while (!bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets"))) {
        if (m_keyring.state() != QProcess::Running || timer.elapsed() > kStartTimeoutMs)
            return QStringLiteral("gnome-keyring-daemon never offered org.freedesktop.secrets: %1")
                .arg(QString::fromLocal8Bit(m_keyring.readAllStandardError()));
        QTest::qWait(100);
    }
    return {};
}

void TestKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BounceLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keychain"));
    QVERIFY(m_root.isValid());
    QSettings::setPath(
        QSettings::NativeFormat, QSettings::UserScope, m_root.filePath(QStringLiteral("settings")));

    const QString problem = startSecretService();
    if (!problem.isEmpty()) {
        const QString message = QStringLiteral("No private Secret Service: ") + problem;
        if (qgetenv("CI") == "true")
            QFAIL(qPrintable(message));
        QSKIP(qPrintable(message));
    }
}

void TestKeychain::cleanupTestCase()
{
    stop(m_keyring);
    stop(m_bus);
}

void TestKeychain::init()
{
    AccountStore::resetSession();
}

QString TestKeychain::readFromKeychain(const QString &accountId)
{
    AccountStore::resetSession();
    AccountStore store;
    QObject context;
    bool done = false;
    QString password;
    store.readPassword(accountId, &context, [&](const QString &p) {
        password = p;
        done = true;
    });
    // QTRY_VERIFY would return from this helper only; report through an empty result instead.
    QElapsedTimer timer;
    timer.start();
    while (!done && timer.elapsed() < kKeychainTimeoutMs)
        QTest::qWait(20);
    if (!done)
        qWarning("the keychain did not answer within %d ms", kKeychainTimeoutMs);
    return password;
}

QString TestKeychain::secretToolLookup(const QString &accountId, bool *found)
{
    QProcess tool;
    tool.setProcessEnvironment(daemonEnvironment());
    tool.start(QStringLiteral("secret-tool"),
        {QStringLiteral("lookup"), QStringLiteral("server"), AccountStore::keychainService(),
            QStringLiteral("user"), accountId});
    *found = tool.waitForFinished(kKeychainTimeoutMs) && tool.exitStatus() == QProcess::NormalExit
        && tool.exitCode() == 0;
    if (tool.state() != QProcess::NotRunning)
        stop(tool);
    return QString::fromUtf8(tool.readAllStandardOutput());
}

void TestKeychain::storeReadForget_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("password");

    QTest::newRow("ascii") << QStringLiteral("bounces") << QStringLiteral("imap.example.com") << 993
                           << QStringLiteral("s3cret-Pass-9f2c");
    QTest::newRow("address as user, quotes and spaces")
        << QStringLiteral("postmaster@example.net") << QStringLiteral("mail.example.net") << 143
        << QStringLiteral(R"(a "quoted" pass\word with spaces)");
    QTest::newRow("japanese") << QStringLiteral("kanri") << QStringLiteral("pop.example.jp") << 995
                              << QStringLiteral("パスワード秘密123");
    QTest::newRow("long") << QStringLiteral("archive") << QStringLiteral("imap.example.com") << 1993
                          << QString(300, QLatin1Char('x')) + QStringLiteral("!");
}

void TestKeychain::storeReadForget()
{
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, password);
    const QString id = makeAccount(user, host, port).id();
    QCOMPARE(id, QStringLiteral("%1@%2:%3").arg(user, host).arg(port));

    {
        AccountStore store;
        store.storePassword(id, password);
    }
    // The read is queued behind the write (QtKeychain runs its jobs one at a time).
    QCOMPARE(readFromKeychain(id), password);
    QCOMPARE(AccountStore::keychainState(), AccountStore::Keychain::Available);

    bool found = false;
    QCOMPARE(secretToolLookup(id, &found), password);
    QVERIFY(found);

    // Another account on the same server is a different key.
    const QString otherId = makeAccount(user + QStringLiteral("2"), host, port).id();
    QCOMPARE(readFromKeychain(otherId), QString());

    {
        AccountStore store;
        store.forget(id);
    }
    QCOMPARE(readFromKeychain(id), QString());
    QCOMPARE(AccountStore::keychainState(), AccountStore::Keychain::Available);
    QCOMPARE(secretToolLookup(id, &found), QString());
    QVERIFY(!found);
}

void TestKeychain::dialogRemembersPasswordInKeychain_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");

    QTest::newRow("plain") << QStringLiteral("dialog-user") << QStringLiteral("Dialog-Pass-42");
    QTest::newRow("japanese") << QStringLiteral("ダイアログ") << QStringLiteral("合言葉 with space");
}

void TestKeychain::dialogRemembersPasswordInKeychain()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    const FetchAccount account = makeAccount(user, QStringLiteral("imap.example.com"), 993);

    {
        FetchDialog dialog;
        dialog.setAccount(account);
        dialog.passwordEdit()->setText(password);
        dialog.accept(); // "Fetch": remembers the account, the password goes to the keychain
    }
    QCOMPARE(readFromKeychain(account.id()), password);
    bool found = false;
    QCOMPARE(secretToolLookup(account.id(), &found), password);
    QVERIFY(found);

    // A new dialog in a new session fills the password in from the keychain once the account's
    // fields are entered.
    AccountStore::resetSession();
    {
        FetchDialog dialog;
        dialog.setAccount(account);
        emit dialog.userEdit()->editingFinished();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.passwordEdit()->text(), password, kKeychainTimeoutMs);
        QVERIFY(dialog.keychainNote()->isHidden()); // no "kept in memory only" note
        QCOMPARE(AccountStore::keychainState(), AccountStore::Keychain::Available);
    }

    AccountStore().forget(account.id());
    QCOMPARE(readFromKeychain(account.id()), QString());
    QCOMPARE(secretToolLookup(account.id(), &found), QString());
    QVERIFY(!found);
}

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"

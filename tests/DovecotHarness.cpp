#include "DovecotHarness.h"

#include "fetch/FetchTls.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

bool canConnect(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(quint16(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

bool runTool(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return ok;
}

} // namespace

// Dovecot binds it a moment later.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

PrivateDovecot::PrivateDovecot(const QString &user, const QString &password, const QString &extraConfig)
    : m_user(user)
    , m_password(password)
    , m_extraConfig(extraConfig)
    , m_root(m_dir.path())
{ }

PrivateDovecot::~PrivateDovecot()
{
    stop();
}

bool PrivateDovecot::findTools()
{
    const QStringList sbin
        = {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/bin")};
    m_dovecot = QStandardPaths::findExecutable(QStringLiteral("dovecot"), sbin);
    if (m_dovecot.isEmpty())
        m_dovecot = QStandardPaths::findExecutable(QStringLiteral("dovecot"));
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    return !m_dovecot.isEmpty() && !m_openssl.isEmpty();
}

QString PrivateDovecot::prepare()
{
    if (!m_dir.isValid())
        return QStringLiteral("the temporary directory could not be made: ") + m_dir.errorString();
    for (const char *sub : {"/Maildir/cur", "/Maildir/new", "/Maildir/tmp", "/home", "/run", "/state"})
        if (!QDir().mkpath(m_root + QLatin1String(sub)))
            return QStringLiteral("mkpath failed: ") + m_root + QLatin1String(sub);

    // A CA and a server certificate for 127.0.0.1 signed by it; the system does not trust the CA.
    const QString r = m_root + QLatin1Char('/');
    QString out;
    if (!runTool(m_openssl,
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                r + QStringLiteral("ca.key"), QStringLiteral("-out"), r + QStringLiteral("ca.crt"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                QStringLiteral("/CN=BounceLens Test CA")},
            &out))
        return out;
    QFile ext(r + QStringLiteral("server.ext"));
    if (!ext.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write ") + ext.fileName();
    ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    ext.close();
    if (!runTool(m_openssl,
            {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), r + QStringLiteral("server.key"),
                QStringLiteral("-out"), r + QStringLiteral("server.csr"), QStringLiteral("-subj"),
                QStringLiteral("/CN=127.0.0.1")},
            &out))
        return out;
    if (!runTool(m_openssl,
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                r + QStringLiteral("server.csr"), QStringLiteral("-CA"), r + QStringLiteral("ca.crt"),
                QStringLiteral("-CAkey"), r + QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                r + QStringLiteral("server.ext"), QStringLiteral("-out"), r + QStringLiteral("server.crt")},
            &out))
        return out;
    QFile serverCert(r + QStringLiteral("server.crt"));
    if (!serverCert.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read ") + serverCert.fileName();
    const QByteArray pem = serverCert.readAll();
    const QByteArray der = QByteArray::fromBase64(
        pem.mid(pem.indexOf('\n') + 1, pem.indexOf("-----END") - pem.indexOf('\n') - 1).replace('\n', ""));
    m_serverFingerprint = bouncelens::FetchTls::sha256Fingerprint(der);

    QFile users(m_root + QStringLiteral("/users"));
    if (!users.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write ") + users.fileName();
    users.write((m_user + QStringLiteral(":{PLAIN}") + m_password + QLatin1Char('\n')).toUtf8());
    users.close();
    return QString();
}

bool PrivateDovecot::start()
{
    if (m_ports.isEmpty()) {
        for (const QString &scheme : {QStringLiteral("imap"), QStringLiteral("imaps"), QStringLiteral("pop3"),
                 QStringLiteral("pop3s")})
            m_ports.insert(scheme, freePort());
    }

    // Who the server runs as. As a normal user: that user throughout. As root (CI containers):
    // Dovecot refuses root for logins and mail, so the package's own unprivileged users serve,
    // and the mail files are handed to the mail user.
    QString internalUser, loginUser, groupName;
    uid_t mailUid = ::getuid();
    gid_t mailGid = ::getgid();
    if (::geteuid() == 0) {
        const passwd *dovecot = ::getpwnam("dovecot");
        const passwd *dovenull = ::getpwnam("dovenull");
        if (!dovecot || !dovenull) {
            qWarning("running as root needs the users dovecot and dovenull (from the dovecot-core package)");
            return false;
        }
        internalUser = QStringLiteral("dovecot");
        loginUser = QStringLiteral("dovenull");
        mailUid = dovecot->pw_uid;
        mailGid = dovecot->pw_gid;
        const struct group *g = ::getgrgid(mailGid);
        groupName = g ? QString::fromLocal8Bit(g->gr_name) : QStringLiteral("dovecot");
        // The mail processes must read and write the maildir (indexes) and the home.
        QDirIterator it(
            m_root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.contains(QLatin1String("/run"))
                && ::chown(QFile::encodeName(path).constData(), mailUid, mailGid) != 0)
                qWarning("chown %s failed", qPrintable(path));
        }
        ::chmod(QFile::encodeName(m_root).constData(), 0755);
    } else {
        const passwd *me = ::getpwuid(::getuid());
        const struct group *g = ::getgrgid(::getgid());
        internalUser = loginUser = QString::fromLocal8Bit(me ? me->pw_name : "nobody");
        groupName = QString::fromLocal8Bit(g ? g->gr_name : "nogroup");
    }

    QFile templ(QStringLiteral(BOUNCELENS_FIXTURES "/../dovecot/dovecot.conf.in"));
    if (!templ.open(QIODevice::ReadOnly))
        return false;
    QString conf = QString::fromUtf8(templ.readAll());
    conf.replace(QStringLiteral("default_internal_user = @USER@"),
        QStringLiteral("default_internal_user = ") + internalUser);
    conf.replace(
        QStringLiteral("default_login_user = @USER@"), QStringLiteral("default_login_user = ") + loginUser);
    conf.replace(QStringLiteral("@GROUP@"), groupName);
    conf.replace(QStringLiteral("@UID@"), QString::number(mailUid));
    conf.replace(QStringLiteral("@GID@"), QString::number(mailGid));
    conf.replace(QStringLiteral("@DIR@"), m_root);
    conf.replace(QStringLiteral("@PORT_IMAP@"), QString::number(m_ports.value(QStringLiteral("imap"))));
    conf.replace(QStringLiteral("@PORT_IMAPS@"), QString::number(m_ports.value(QStringLiteral("imaps"))));
    conf.replace(QStringLiteral("@PORT_POP3@"), QString::number(m_ports.value(QStringLiteral("pop3"))));
    conf.replace(QStringLiteral("@PORT_POP3S@"), QString::number(m_ports.value(QStringLiteral("pop3s"))));
    conf += m_extraConfig;
    QFile confFile(m_root + QStringLiteral("/dovecot.conf"));
    if (!confFile.open(QIODevice::WriteOnly))
        return false;
    confFile.write(conf.toUtf8());
    confFile.close();

    m_server = new QProcess;
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    // Its own process group, so that stopping it takes the imap/pop3 children along; and it
    // dies with the test even if the test crashes (Dovecot's children follow their master).
    m_server->setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    m_server->start(m_dovecot, {QStringLiteral("-F"), QStringLiteral("-c"), confFile.fileName()});
    if (!m_server->waitForStarted(10000)) {
        stop();
        return false;
    }
    m_serverGroup = m_server->processId();
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        bool all = true;
        for (int port : std::as_const(m_ports))
            all = all && canConnect(port);
        if (all)
            return true;
        if (m_server->state() == QProcess::NotRunning)
            break;
        QThread::msleep(50);
    }
    QFile log(m_root + QStringLiteral("/dovecot.log"));
    const QByteArray logText = log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    qWarning("dovecot did not start: %s\n%s", m_server->readAll().constData(), logText.constData());
    stop();
    return false;
}

void PrivateDovecot::stop()
{
    if (!m_server)
        return;
    if (m_serverGroup > 0) {
        ::kill(-pid_t(m_serverGroup), SIGCONT); // in case it was paused
        ::kill(-pid_t(m_serverGroup), SIGKILL);
    }
    m_server->kill();
    m_server->waitForFinished(10000);
    delete m_server;
    m_server = nullptr;
    m_serverGroup = 0;
    // The master's pid file would make the next start refuse ("already running").
    QFile::remove(m_root + QStringLiteral("/run/master.pid"));
}

void PrivateDovecot::pause()
{
    if (m_serverGroup > 0)
        ::kill(-pid_t(m_serverGroup), SIGSTOP);
}

void PrivateDovecot::resume()
{
    if (m_serverGroup > 0)
        ::kill(-pid_t(m_serverGroup), SIGCONT);
}

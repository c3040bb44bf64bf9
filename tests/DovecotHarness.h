// A private, unprivileged Dovecot for the fetch tests (tst_fetch, tst_fetchdialog): its own
// temporary directory, a self-made CA and server certificate for 127.0.0.1, a dovecot.conf from
// tests/dovecot/dovecot.conf.in, and `dovecot -F -c` in its own process group on free 127.0.0.1
// ports for imap, imaps, pop3 and pop3s. It dies with the test process, and the destructor stops it.

#pragma once

#include <QMap>
#include <QString>
#include <QTemporaryDir>

class QProcess;

// A port nobody listens on right now (the kernel's choice).
int freePort();

class PrivateDovecot
{
public:
    // extraConfig is appended to the generated dovecot.conf.
    PrivateDovecot(const QString &user, const QString &password, const QString &extraConfig = QString());
    ~PrivateDovecot();
    PrivateDovecot(const PrivateDovecot &) = delete;
    PrivateDovecot &operator=(const PrivateDovecot &) = delete;

    // Looks for dovecot and openssl; false when either is missing (the test skips then).
    bool findTools();
    // The directories (Maildir with cur/new/tmp, home, run, state), the CA and the server
    // certificate, and the users file. An error text, or empty when all is well. The caller fills
    // the maildir afterwards and then calls start().
    QString prepare();
    // Picks the ports (the first time; a restart keeps them), writes dovecot.conf, starts Dovecot
    // and waits until every port accepts connections.
    bool start();
    // Kills the whole process group (and the master); start() may follow.
    void stop();
    // SIGSTOP / SIGCONT to the process group.
    void pause();
    void resume();
    bool isRunning() const { return m_server != nullptr; }

    QString root() const { return m_root; }
    QString maildir() const { return m_root + QStringLiteral("/Maildir"); }
    QString caFile() const { return m_root + QStringLiteral("/ca.crt"); } // signed the server certificate
    QString serverFingerprint() const { return m_serverFingerprint; }
    QMap<QString, int> ports() const { return m_ports; } // scheme -> port
    int port(const QString &scheme) const { return m_ports.value(scheme); }
    QString user() const { return m_user; }
    QString password() const { return m_password; }

private:
    QString m_user;
    QString m_password;
    QString m_extraConfig;
    QTemporaryDir m_dir;
    QString m_root; // m_dir.path()
    QString m_dovecot;
    QString m_openssl;
    QString m_serverFingerprint;
    QMap<QString, int> m_ports;
    QProcess *m_server = nullptr;
    qint64 m_serverGroup = 0;
};

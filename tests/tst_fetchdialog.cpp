// File > Fetch from Mailbox… end to end (issue 6, the GUI part): the account dialog, the
// FetchWorker thread, the bounce table, remembered accounts (never the password), trusted
// certificates and translated errors, against a private Dovecot started here on 127.0.0.1 (the
// harness is shared with tst_fetch: DovecotHarness).

#include "AccountStore.h"
#include "BounceTableModel.h"
#include "DovecotHarness.h"
#include "FetchAccount.h"
#include "FetchDialog.h"
#include "FetchWorker.h"
#include "MainWindow.h"
#include "analysis/BounceAnalyzer.h"
#include "fetch/FetchTls.h"
#include "message/MessageLoader.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace bouncelens;

namespace {

const QString password = QStringLiteral("s3cret-Pass-9f2c");
const QString user = QStringLiteral("tester");
constexpr int kBulkMessages = 150; // in the folder "Bulk", for cancelling half-way

QString signature(const MessageAnalysis &a)
{
    QStringList recipients;
    for (const RecipientResult &r : a.recipients)
        recipients << r.address;
    recipients.sort();
    return toString(a.kind) + QLatin1Char('|') + recipients.join(QLatin1Char(','));
}

QStringList tableSignatures(const MainWindow &w)
{
    QStringList list;
    for (const LoadedMessage &m : w.model()->messages())
        list << signature(m.analysis);
    list.sort();
    return list;
}

// Everything QSettings wrote, as one string (for "the password is not in there").
QString settingsFilesText(const QString &dir)
{
    QSettings().sync();
    QString all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += QString::fromUtf8(f.readAll());
    }
    return all;
}

template<typename T> T *waitForChild(QObject *parent, const QString &name, int timeout = 30000)
{
    QElapsedTimer timer;
    timer.start();
    do {
        for (T *child : parent->findChildren<T *>(name))
            if (child->isVisible())
                return child;
        if (timeout > 0)
            QTest::qWait(20);
    } while (timer.elapsed() < timeout);
    return nullptr;
}

// The offscreen platform says this for every dialog; it is noise here.
QtMessageHandler previousHandler = nullptr;
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    previousHandler(type, context, message);
}

} // namespace

class TestFetchDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void portFollowsSecurity_data();
    void portFollowsSecurity();
    void plainTextWarningOnlyForNone_data();
    void plainTextWarningOnlyForNone();
    void fetchFillsTheTable_data();
    void fetchFillsTheTable();
    void accountRememberedWithoutPassword();
    void untrustedCertificateIsOfferedAndRemembered_data();
    void untrustedCertificateIsOfferedAndRemembered();
    void testConnection_data();
    void testConnection();
    void wrongPasswordTranslated_data();
    void wrongPasswordTranslated();
    void dialogRetranslates();
    void cancelKeepsPartialResults_data();
    void cancelKeepsPartialResults();

private:
    // Opens File > Fetch from Mailbox… and fills in the account.
    FetchDialog *openAndFill(MainWindow &w, FetchAccount::Protocol protocol, FetchAccount::Security security,
        const QString &scheme, const QString &pass = password,
        const QString &folder = QStringLiteral("INBOX"));
    // Clicks Fetch and waits for the fetch to end (answering no certificate question).
    FetchResult fetch(MainWindow &w, FetchDialog *dialog);

    QTemporaryDir m_config;
    // Wrong-password tests need no brute-force protection (Dovecot waits 2 s per failure).
    PrivateDovecot m_server {user, password, QStringLiteral("\nauth_failure_delay = 0\n")};
    // POP3 sees only INBOX: this second server's INBOX holds kBulkMessages bounces, so a POP3
    // fetch is still running when the first row reaches the table (cancelKeepsPartialResults).
    PrivateDovecot m_bulkPop3 {user, password};
    QString m_root; // m_server.root()
    QString m_serverFingerprint;
    QStringList m_expected; // signatures of the bounces in INBOX
};

void TestFetchDialog::initTestCase()
{
    // Never touch the developer's own settings or keychain: no D-Bus session bus here, so the
    // keychain is unavailable (the CI case) and passwords stay in memory.
    QStandardPaths::setTestModeEnabled(true);
    previousHandler = qInstallMessageHandler(quietHandler);
    QCoreApplication::setOrganizationName(QStringLiteral("BounceLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_fetchdialog"));
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_config.path()) + "/no-such-bus");
    AccountStore::resetSession();

    if (!m_server.findTools())
        QSKIP("dovecot (dovecot-imapd, dovecot-pop3d) or openssl is not installed: see "
              ".ci/install-fetch-deps.sh");
    const QString error = m_server.prepare();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_root = m_server.root();
    for (const char *sub : {"/Maildir/.Bulk/cur", "/Maildir/.Bulk/new", "/Maildir/.Bulk/tmp"})
        QVERIFY(QDir().mkpath(m_root + QLatin1String(sub)));
    m_serverFingerprint = m_server.serverFingerprint();

    // INBOX: the fetch fixtures (bounces and other mail). Bulk: many copies of one bounce.
    const BounceAnalyzer analyzer;
    const MessageLoader loader;
    int n = 0;
    QByteArray bulkBounce;
    for (const QFileInfo &info :
        QDir(QStringLiteral(BOUNCELENS_FIXTURES "/fetch")).entryInfoList({QStringLiteral("*.eml")})) {
        for (const RawMessage &raw : loader.loadFile(info.absoluteFilePath())) {
            ++n;
            QFile f(m_root
                + QStringLiteral("/Maildir/cur/17000%1.M%1P1.test:2,S").arg(n, 3, 10, QLatin1Char('0')));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(raw.bytes);
            f.close();
            const MessageAnalysis a = analyzer.analyze(raw);
            if (a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay)
                m_expected << signature(a);
            if (info.fileName() == QLatin1String("bounce-postfix-dsn.eml"))
                bulkBounce = raw.bytes;
        }
    }
    m_expected.sort();
    QVERIFY(m_expected.size() >= 4);
    QVERIFY(!bulkBounce.isEmpty());
    for (int i = 0; i < kBulkMessages; ++i) {
        QFile f(m_root
            + QStringLiteral("/Maildir/.Bulk/cur/18000%1.M%1P1.test:2,").arg(i, 4, 10, QLatin1Char('0')));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bulkBounce);
    }

    QVERIFY(m_server.start());

    QVERIFY(m_bulkPop3.findTools());
    const QString bulkError = m_bulkPop3.prepare();
    QVERIFY2(bulkError.isEmpty(), qPrintable(bulkError));
    for (int i = 0; i < kBulkMessages; ++i) {
        QFile f(m_bulkPop3.maildir()
            + QStringLiteral("/cur/18000%1.M%1P1.test:2,").arg(i, 4, 10, QLatin1Char('0')));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bulkBounce);
    }
    QVERIFY(m_bulkPop3.start());
}

void TestFetchDialog::cleanupTestCase()
{
    m_server.stop();
    m_bulkPop3.stop();
}

void TestFetchDialog::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
}

void TestFetchDialog::cleanup()
{
    m_server.resume(); // a failed cancel test must not leave it stopped
    m_bulkPop3.resume();
}

FetchDialog *TestFetchDialog::openAndFill(MainWindow &w, FetchAccount::Protocol protocol,
    FetchAccount::Security security, const QString &scheme, const QString &pass, const QString &folder)
{
    w.fetchAction()->trigger();
    FetchDialog *d = w.fetchDialog();
    if (!d)
        return nullptr;
    d->accountCombo()->setCurrentIndex(0); // "New account"
    d->protocolCombo()->setCurrentIndex(d->protocolCombo()->findData(int(protocol)));
    d->securityCombo()->setCurrentIndex(int(security));
    d->serverEdit()->setText(QStringLiteral("127.0.0.1"));
    d->portSpin()->setValue(m_server.port(scheme));
    d->userEdit()->setText(user);
    d->passwordEdit()->setText(pass);
    if (d->folderCombo()->isEnabled())
        d->folderCombo()->setCurrentText(folder);
    return d;
}

FetchResult TestFetchDialog::fetch(MainWindow &w, FetchDialog *dialog)
{
    QSignalSpy finished(&w, &MainWindow::fetchFinished);
    QTest::mouseClick(dialog->fetchButton(), Qt::LeftButton);
    if (!finished.wait(60000))
        return {};
    return w.lastFetchResult();
}

// --- the dialog on its own -------------------------------------------------------------------

void TestFetchDialog::portFollowsSecurity_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("security");
    QTest::addColumn<int>("port");
    using P = FetchAccount::Protocol;
    using S = FetchAccount::Security;
    QTest::newRow("IMAP SSL/TLS") << int(P::Imap) << int(S::SslTls) << 993;
    QTest::newRow("IMAP STARTTLS") << int(P::Imap) << int(S::StartTls) << 143;
    QTest::newRow("IMAP none") << int(P::Imap) << int(S::None) << 143;
    QTest::newRow("POP3 SSL/TLS") << int(P::Pop3) << int(S::SslTls) << 995;
    QTest::newRow("POP3 STARTTLS") << int(P::Pop3) << int(S::StartTls) << 110;
    QTest::newRow("POP3 none") << int(P::Pop3) << int(S::None) << 110;
}

void TestFetchDialog::portFollowsSecurity()
{
    QFETCH(int, protocol);
    QFETCH(int, security);
    QFETCH(int, port);
    FetchDialog d;
    QCOMPARE(d.portSpin()->value(), 993); // a new account starts with IMAP over SSL/TLS
    QCOMPARE(d.securityCombo()->currentIndex(), int(FetchAccount::Security::SslTls));
    // From every other combination to this one.
    for (int p : {0, 1}) {
        for (int s : {0, 1, 2}) {
            d.protocolCombo()->setCurrentIndex(d.protocolCombo()->findData(p));
            d.securityCombo()->setCurrentIndex(s);
            d.protocolCombo()->setCurrentIndex(d.protocolCombo()->findData(protocol));
            d.securityCombo()->setCurrentIndex(security);
            QCOMPARE(d.portSpin()->value(), port);
        }
    }
    QCOMPARE(d.account().url().section(QLatin1Char(':'), 0, 0),
        QString(
            protocol == int(FetchAccount::Protocol::Pop3) ? QStringLiteral("pop3") : QStringLiteral("imap"))
            + (security == int(FetchAccount::Security::SslTls) ? QStringLiteral("s") : QString()));
    // A port of the user's own stays.
    d.portSpin()->setValue(10993);
    d.securityCombo()->setCurrentIndex((security + 1) % 3);
    QCOMPARE(d.portSpin()->value(), 10993);
    // POP3 has only INBOX.
    QCOMPARE(d.folderCombo()->isEnabled(), protocol == int(FetchAccount::Protocol::Imap));
}

void TestFetchDialog::plainTextWarningOnlyForNone_data()
{
    QTest::addColumn<int>("security");
    QTest::addColumn<bool>("warning");
    QTest::newRow("SSL/TLS") << int(FetchAccount::Security::SslTls) << false;
    QTest::newRow("STARTTLS") << int(FetchAccount::Security::StartTls) << false;
    QTest::newRow("none") << int(FetchAccount::Security::None) << true;
}

void TestFetchDialog::plainTextWarningOnlyForNone()
{
    QFETCH(int, security);
    QFETCH(bool, warning);
    FetchDialog d;
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    d.securityCombo()->setCurrentIndex(security);
    QCOMPARE(d.plainTextWarning()->isVisible(), warning);
    QVERIFY(d.plainTextWarning()->text().contains(QStringLiteral("unencrypted")));
    QVERIFY(d.plainTextWarning()->styleSheet().contains(QStringLiteral("color")));
    // Back to SSL/TLS: gone again.
    d.securityCombo()->setCurrentIndex(int(FetchAccount::Security::SslTls));
    QVERIFY(!d.plainTextWarning()->isVisible());
}

// --- fetching --------------------------------------------------------------------------------

void TestFetchDialog::fetchFillsTheTable_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("security");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<bool>("preTrusted"); // the certificate was accepted before
    using P = FetchAccount::Protocol;
    using S = FetchAccount::Security;
    QTest::newRow("IMAP, no encryption") << int(P::Imap) << int(S::None) << QStringLiteral("imap") << false;
    QTest::newRow("IMAP, SSL/TLS") << int(P::Imap) << int(S::SslTls) << QStringLiteral("imaps") << true;
    QTest::newRow("IMAP, STARTTLS") << int(P::Imap) << int(S::StartTls) << QStringLiteral("imap") << true;
    QTest::newRow("POP3, no encryption") << int(P::Pop3) << int(S::None) << QStringLiteral("pop3") << false;
    QTest::newRow("POP3, SSL/TLS") << int(P::Pop3) << int(S::SslTls) << QStringLiteral("pop3s") << true;
}

void TestFetchDialog::fetchFillsTheTable()
{
    QFETCH(int, protocol);
    QFETCH(int, security);
    QFETCH(QString, scheme);
    QFETCH(bool, preTrusted);
    if (preTrusted)
        AccountStore().trustFingerprint(
            QStringLiteral("127.0.0.1:%1").arg(m_server.port(scheme)), m_serverFingerprint);
    MainWindow w;
    w.show();
    FetchDialog *d
        = openAndFill(w, FetchAccount::Protocol(protocol), FetchAccount::Security(security), scheme);
    QVERIFY(d);
    QVERIFY(d->isVisible());
    QSignalSpy rows(w.model(), &QAbstractItemModel::rowsInserted);
    const FetchResult result = fetch(w, d);
    QVERIFY2(result.ok(), qPrintable(result.errorText));
    QVERIFY(!waitForChild<QMessageBox>(&w, QStringLiteral("certificatePrompt"), 0));
    // Exactly the bounces, each once, as they arrived (one insertion per message).
    QCOMPARE(tableSignatures(w), m_expected);
    QCOMPARE(rows.size(), m_expected.size());
    QCOMPARE(result.found, int(m_expected.size()));
    QVERIFY(result.messages.isEmpty()); // the window takes them one by one: nothing piles up
    for (const LoadedMessage &m : w.model()->messages())
        QVERIFY2(m.analysis.source.startsWith(scheme + QStringLiteral("://127.0.0.1:")),
            qPrintable(m.analysis.source));
    QVERIFY(!w.isFetching());
    QVERIFY(!w.isLoading());
    QVERIFY(w.fetchAction()->isEnabled());
    QVERIFY(w.currentMessage() >= 0); // the first fetched bounce is selected, as after opening files
    QTRY_VERIFY(!w.fetchDialog()); // closed and gone

    // The account is remembered; the password is not, anywhere in the settings.
    const QList<FetchAccount> accounts = AccountStore().accounts();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().port, m_server.port(scheme));
    QCOMPARE(int(accounts.first().security), security);
    const QString settings = settingsFilesText(m_config.path());
    QVERIFY(settings.contains(QStringLiteral("127.0.0.1")));
    QVERIFY(settings.contains(user));
    QVERIFY(!settings.contains(password));
}

void TestFetchDialog::accountRememberedWithoutPassword()
{
    {
        MainWindow w;
        w.show();
        FetchDialog *d = openAndFill(
            w, FetchAccount::Protocol::Imap, FetchAccount::Security::None, QStringLiteral("imap"));
        QVERIFY(d);
        d->sinceCheck()->setChecked(true);
        d->sinceEdit()->setDate(QDate::currentDate().addDays(-400));
        d->limitSpin()->setValue(2);
        d->feedbackCheck()->setChecked(true);
        const FetchResult result = fetch(w, d);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(w.model()->messages().size(), 2); // the limit
    }
    QVERIFY(!settingsFilesText(m_config.path()).contains(password));
    // No secret service in this test: the keychain said no, so the password lives in memory.
    QTRY_COMPARE(AccountStore::keychainState(), AccountStore::Keychain::Unavailable);

    MainWindow w;
    w.show();
    w.fetchAction()->trigger();
    FetchDialog *d = w.fetchDialog();
    QVERIFY(d);
    QCOMPARE(d->accountCombo()->count(), 2); // "New account" and this one
    QCOMPARE(d->serverEdit()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(d->portSpin()->value(), m_server.port(QStringLiteral("imap")));
    QCOMPARE(d->securityCombo()->currentIndex(), int(FetchAccount::Security::None));
    QCOMPARE(d->userEdit()->text(), user);
    QCOMPARE(d->folderCombo()->currentText(), QStringLiteral("INBOX"));
    QVERIFY(d->sinceCheck()->isChecked());
    QCOMPARE(d->sinceEdit()->date(), QDate::currentDate().addDays(-400));
    QCOMPARE(d->limitSpin()->value(), 2);
    QVERIFY(d->feedbackCheck()->isChecked());
    QVERIFY(!d->autoReplyCheck()->isChecked());
    QVERIFY(d->plainTextWarning()->isVisible());
    // The password comes back from memory, and the dialog says where it is kept.
    QTRY_COMPARE(d->passwordEdit()->text(), password);
    QVERIFY(d->keychainNote()->isVisible());
    QVERIFY(d->keychainNote()->text().contains(QStringLiteral("kept in memory only")));
    // A new account starts empty.
    d->accountCombo()->setCurrentIndex(0);
    emit d->accountCombo()->activated(0);
    QVERIFY(d->serverEdit()->text().isEmpty());
    QVERIFY(d->passwordEdit()->text().isEmpty());
    d->reject();
}

void TestFetchDialog::untrustedCertificateIsOfferedAndRemembered_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("security");
    QTest::addColumn<QString>("scheme");
    using P = FetchAccount::Protocol;
    using S = FetchAccount::Security;
    QTest::newRow("IMAP, SSL/TLS") << int(P::Imap) << int(S::SslTls) << QStringLiteral("imaps");
    QTest::newRow("POP3, STARTTLS") << int(P::Pop3) << int(S::StartTls) << QStringLiteral("pop3");
}

void TestFetchDialog::untrustedCertificateIsOfferedAndRemembered()
{
    QFETCH(int, protocol);
    QFETCH(int, security);
    QFETCH(QString, scheme);
    const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(m_server.port(scheme));
    MainWindow w;
    w.show();

    // First declined: nothing fetched, nothing trusted.
    FetchDialog *d
        = openAndFill(w, FetchAccount::Protocol(protocol), FetchAccount::Security(security), scheme);
    QVERIFY(d);
    QSignalSpy finished(&w, &MainWindow::fetchFinished);
    QTest::mouseClick(d->fetchButton(), Qt::LeftButton);
    auto *prompt = waitForChild<QMessageBox>(&w, QStringLiteral("certificatePrompt"));
    QVERIFY(prompt);
    QVERIFY2(prompt->informativeText().contains(m_serverFingerprint), qPrintable(prompt->informativeText()));
    QVERIFY(prompt->text().contains(hostPort));
    prompt->button(QMessageBox::Cancel)->click();
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QCOMPARE(w.lastFetchResult().error, FetchError::Certificate);
    QCOMPARE(w.model()->messages().size(), 0);
    QVERIFY(AccountStore().trustedFingerprints(hostPort).isEmpty());

    // Then trusted: fetched at once, and the fingerprint (only it) is remembered.
    finished.clear();
    d = openAndFill(w, FetchAccount::Protocol(protocol), FetchAccount::Security(security), scheme);
    QVERIFY(d);
    QTest::mouseClick(d->fetchButton(), Qt::LeftButton);
    prompt = waitForChild<QMessageBox>(&w, QStringLiteral("certificatePrompt"));
    QVERIFY(prompt);
    auto *trust = prompt->findChild<QPushButton *>(QStringLiteral("trustButton"));
    QVERIFY(trust);
    trust->click();
    QVERIFY(finished.wait(60000));
    QVERIFY2(w.lastFetchResult().ok(), qPrintable(w.lastFetchResult().errorText));
    QCOMPARE(tableSignatures(w), m_expected);
    QCOMPARE(AccountStore().trustedFingerprints(hostPort), QStringList {m_serverFingerprint});
    const QString settings = settingsFilesText(m_config.path());
    QVERIFY(settings.contains(m_serverFingerprint));
    QVERIFY(!settings.contains(password));

    // Next time no question.
    finished.clear();
    d = openAndFill(w, FetchAccount::Protocol(protocol), FetchAccount::Security(security), scheme);
    QVERIFY(d);
    QVERIFY(d->fetchOptions().trustedFingerprints.contains(m_serverFingerprint));
    QTest::mouseClick(d->fetchButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY(!waitForChild<QMessageBox>(&w, QStringLiteral("certificatePrompt"), 0));
    QVERIFY2(w.lastFetchResult().ok(), qPrintable(w.lastFetchResult().errorText));
}

void TestFetchDialog::testConnection_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("security");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("pass");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("text");
    using P = FetchAccount::Protocol;
    using S = FetchAccount::Security;
    QTest::newRow("IMAP ok") << int(P::Imap) << int(S::None) << "imap" << password << "INBOX" << true
                             << "Connected and logged in";
    QTest::newRow("IMAP folder Bulk") << int(P::Imap) << int(S::None) << "imap" << password << "Bulk" << true
                                      << "the folder Bulk can be read";
    QTest::newRow("IMAP no such folder")
        << int(P::Imap) << int(S::None) << "imap" << password << "Nope" << false << "does not exist";
    QTest::newRow("POP3 ok") << int(P::Pop3) << int(S::None) << "pop3" << password << "INBOX" << true
                             << "Connected and logged in";
    QTest::newRow("IMAP wrong password") << int(P::Imap) << int(S::None) << "imap"
                                         << "wrong"
                                         << "INBOX" << false << "did not accept the user name or password";
    QTest::newRow("POP3S untrusted, declined")
        << int(P::Pop3) << int(S::SslTls) << "pop3s" << password << "INBOX" << false << "not trusted";
}

void TestFetchDialog::testConnection()
{
    QFETCH(int, protocol);
    QFETCH(int, security);
    QFETCH(QString, scheme);
    QFETCH(QString, pass);
    QFETCH(QString, folder);
    QFETCH(bool, ok);
    QFETCH(QString, text);
    MainWindow w;
    w.show();
    FetchDialog *d = openAndFill(
        w, FetchAccount::Protocol(protocol), FetchAccount::Security(security), scheme, pass, folder);
    QVERIFY(d);
    QSignalSpy done(d, &FetchDialog::testFinished);
    QTest::mouseClick(d->testButton(), Qt::LeftButton);
    QVERIFY(d->isTesting());
    QVERIFY(!d->testButton()->isEnabled());
    if (security != int(FetchAccount::Security::None)) {
        // The certificate question comes from the dialog too; declined here.
        auto *prompt = waitForChild<QMessageBox>(d, QStringLiteral("certificatePrompt"));
        QVERIFY(prompt);
        QVERIFY(prompt->informativeText().contains(m_serverFingerprint));
        prompt->button(QMessageBox::Cancel)->click();
    }
    QVERIFY(done.size() == 1 || done.wait(30000));
    QCOMPARE(done.first().first().toBool(), ok);
    QVERIFY(d->testResultLabel()->isVisible());
    QVERIFY2(d->testResultLabel()->text().contains(text), qPrintable(d->testResultLabel()->text()));
    QVERIFY(!d->isTesting());
    QVERIFY(d->testButton()->isEnabled());
    // A test fetches nothing and leaves the dialog open.
    QVERIFY(d->isVisible());
    QCOMPARE(w.model()->messages().size(), 0);
    d->reject();
    QVERIFY(!settingsFilesText(m_config.path()).contains(password));
}

void TestFetchDialog::wrongPasswordTranslated_data()
{
    QTest::addColumn<int>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("English") << int(Language::English)
                             << QStringLiteral("did not accept the user name or password");
    QTest::newRow("Japanese") << int(Language::Japanese)
                              << QStringLiteral("ユーザー名またはパスワードを受け付けませんでした");
}

void TestFetchDialog::wrongPasswordTranslated()
{
    QFETCH(int, language);
    QFETCH(QString, expected);
    MainWindow w;
    w.setLanguage(Language(language), false);
    w.show();
    FetchDialog *d = openAndFill(w, FetchAccount::Protocol::Imap, FetchAccount::Security::None,
        QStringLiteral("imap"), QStringLiteral("wrong-password"));
    QVERIFY(d);
    const FetchResult result = fetch(w, d);
    QCOMPARE(result.error, FetchError::Authentication);
    auto *box = waitForChild<QMessageBox>(&w, QStringLiteral("fetchErrorBox"), 5000);
    QVERIFY(box);
    QVERIFY2(box->informativeText().contains(expected), qPrintable(box->informativeText()));
    if (Language(language) == Language::Japanese)
        QVERIFY2(box->text().contains(QStringLiteral("メールボックス")), qPrintable(box->text()));
    box->accept();
    QCOMPARE(w.model()->messages().size(), 0);
    w.setLanguage(Language::English, false);
}

void TestFetchDialog::dialogRetranslates()
{
    MainWindow w;
    w.setLanguage(Language::English, false);
    w.show();
    QCOMPARE(w.fetchAction()->text(), QStringLiteral("Fetch from &Mailbox…"));
    w.fetchAction()->trigger();
    FetchDialog *d = w.fetchDialog();
    QVERIFY(d);
    d->securityCombo()->setCurrentIndex(int(FetchAccount::Security::None));
    const QString englishWarning = d->plainTextWarning()->text();
    const QString englishTitle = d->windowTitle();
    w.setLanguage(Language::Japanese, false);
    QTRY_VERIFY(
        d->windowTitle() != englishTitle); // LanguageChange reaches top-level windows as a posted event
    QVERIFY2(d->plainTextWarning()->text().contains(QStringLiteral("暗号化")),
        qPrintable(d->plainTextWarning()->text()));
    QVERIFY(d->fetchButton()->text().contains(QStringLiteral("取得")));
    QVERIFY(w.fetchAction()->text().contains(QStringLiteral("メールボックス")));
    QCOMPARE(d->securityCombo()->currentIndex(), int(FetchAccount::Security::None)); // choices kept
    w.setLanguage(Language::English, false);
    QTRY_COMPARE(d->plainTextWarning()->text(), englishWarning);
    d->reject();
}

void TestFetchDialog::cancelKeepsPartialResults_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("folder");
    QTest::newRow("IMAP") << int(FetchAccount::Protocol::Imap) << QStringLiteral("imap")
                          << QStringLiteral("Bulk");
    QTest::newRow("POP3") << int(FetchAccount::Protocol::Pop3) << QStringLiteral("pop3")
                          << QStringLiteral("INBOX");
}

void TestFetchDialog::cancelKeepsPartialResults()
{
    QFETCH(int, protocol);
    QFETCH(QString, scheme);
    QFETCH(QString, folder);
    MainWindow w;
    w.show();
    FetchDialog *d = openAndFill(
        w, FetchAccount::Protocol(protocol), FetchAccount::Security::None, scheme, password, folder);
    QVERIFY(d);
    // Both folders hold kBulkMessages bounces: IMAP's "Bulk" on the main server, POP3's INBOX on
    // the second one.
    const bool imap = scheme == QLatin1String("imap");
    PrivateDovecot &server = imap ? m_server : m_bulkPop3;
    d->portSpin()->setValue(server.port(scheme));
    // On the first bounce in the table: freeze the server (so the fetch cannot finish on its
    // own), then press Cancel in the status bar.
    QPushButton *cancel = nullptr;
    for (QPushButton *b : w.statusBar()->findChildren<QPushButton *>())
        cancel = b;
    QVERIFY(cancel);
    bool cancelled = false;
    connect(w.model(), &QAbstractItemModel::rowsInserted, &w, [&] {
        if (cancelled)
            return;
        cancelled = true;
        server.pause();
        QVERIFY(cancel->isVisible());
        cancel->click();
    });
    QSignalSpy finished(&w, &MainWindow::fetchFinished);
    QTest::mouseClick(d->fetchButton(), Qt::LeftButton);
    QVERIFY(w.isFetching());
    QVERIFY(!w.fetchAction()->isEnabled());
    QVERIFY(finished.wait(30000));
    server.resume();
    QVERIFY(cancelled);
    const FetchResult result = w.lastFetchResult();
    QCOMPARE(result.error, FetchError::Cancelled);
    // What was fetched before the cancel stays, and only that.
    QVERIFY(result.found >= 1);
    QVERIFY(result.found < kBulkMessages);
    QCOMPARE(w.model()->messages().size(), qsizetype(result.found));
    QVERIFY(!cancel->isVisible());
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
    QVERIFY(!waitForChild<QMessageBox>(&w, QStringLiteral("fetchErrorBox"), 0)); // no error box for a cancel
    QVERIFY(w.fetchAction()->isEnabled());
}

QTEST_MAIN(TestFetchDialog)
#include "tst_fetchdialog.moc"

#include "FetchDialog.h"

#include "AccountStore.h"
#include "CertificatePrompt.h"
#include "FetchWorker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace bouncelens {

namespace {

QLabel *makeNote(QWidget *parent, const char *name, const QString &style)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    if (!style.isEmpty())
        label->setStyleSheet(style);
    return label;
}

} // namespace

FetchDialog::FetchDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("fetchDialog"));
    m_store = new AccountStore(this);
    m_tester = new FetchWorker(this);
    m_folderLister = new FolderListWorker(this);

    m_intro = makeNote(this, "introLabel", {});
    m_accountCombo = new QComboBox(this);
    m_accountCombo->setObjectName(QStringLiteral("accountCombo"));
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_protocol = new QComboBox(this);
    m_protocol->setObjectName(QStringLiteral("protocolCombo"));
    m_protocol->addItem(QStringLiteral("IMAP"), int(FetchAccount::Protocol::Imap));
    m_protocol->addItem(QStringLiteral("POP3"), int(FetchAccount::Protocol::Pop3));
    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("securityCombo"));
    for (int i = 0; i < 3; ++i)
        m_security->addItem(QString());
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(993);
    // Red: without encryption the password crosses the network as plain text.
    m_plainWarning = makeNote(this, "plainTextWarning", QStringLiteral("color: #c62828; font-weight: bold;"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_keychainNote = makeNote(this, "keychainNote", QStringLiteral("color: palette(mid);"));
    m_keychainNote->setVisible(false);
    m_folder = new QComboBox(this);
    m_folder->setObjectName(QStringLiteral("folderCombo"));
    m_folder->setEditable(true);
    m_folder->addItem(QStringLiteral("INBOX"));
    m_refreshFolders = new QToolButton(this);
    m_refreshFolders->setObjectName(QStringLiteral("refreshFoldersButton"));
    m_refreshFolders->setIcon(
        QIcon::fromTheme(QStringLiteral("view-refresh"), style()->standardIcon(QStyle::SP_BrowserReload)));
    m_refreshFolders->setToolButtonStyle(Qt::ToolButtonIconOnly); // the text shows if there is no icon
    m_sinceCheck = new QCheckBox(this);
    m_sinceCheck->setObjectName(QStringLiteral("sinceCheck"));
    m_since = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_since->setObjectName(QStringLiteral("sinceEdit"));
    m_since->setCalendarPopup(true);
    m_since->setMaximumDate(QDate::currentDate().addDays(1));
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setEnabled(false);
    m_limit = new QSpinBox(this);
    m_limit->setObjectName(QStringLiteral("limitSpin"));
    m_limit->setRange(0, 1000000);
    m_limit->setSingleStep(100);
    m_feedback = new QCheckBox(this);
    m_feedback->setObjectName(QStringLiteral("feedbackCheck"));
    m_autoReplies = new QCheckBox(this);
    m_autoReplies->setObjectName(QStringLiteral("autoReplyCheck"));
    m_readOnlyNote = makeNote(this, "readOnlyNote", {});
    m_testButton = new QPushButton(this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setAutoDefault(false);
    m_testResult = makeNote(this, "testResult", {});
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setVisible(false);

    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_server, 1);
    serverRow->addWidget(m_port);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_refreshFolders);
    auto *sinceRow = new QHBoxLayout;
    sinceRow->addWidget(m_sinceCheck);
    sinceRow->addWidget(m_since);
    sinceRow->addStretch(1);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);

    m_form = new QFormLayout;
    m_form->addRow(QString(), m_accountCombo);
    m_serverLabel = new QLabel(this);
    m_serverLabel->setBuddy(m_server);
    m_form->addRow(m_serverLabel, serverRow);
    m_form->addRow(QString(), m_protocol);
    m_form->addRow(QString(), m_security);
    m_form->addRow(m_plainWarning);
    m_form->addRow(QString(), m_user);
    m_form->addRow(QString(), m_password);
    m_form->addRow(m_keychainNote);
    m_folderLabel = new QLabel(this);
    m_folderLabel->setBuddy(m_folder);
    m_form->addRow(m_folderLabel, folderRow);
    m_sinceLabel = new QLabel(this);
    m_sinceLabel->setBuddy(m_sinceCheck);
    m_form->addRow(m_sinceLabel, sinceRow);
    m_form->addRow(QString(), m_limit);
    m_form->addRow(QString(), m_feedback);
    m_form->addRow(static_cast<QWidget *>(nullptr), m_autoReplies);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_fetchButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_fetchButton->setObjectName(QStringLiteral("fetchButton"));
    m_fetchButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_readOnlyNote);
    layout->addLayout(testRow);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &FetchDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FetchDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &FetchDialog::testConnection);
    connect(m_refreshFolders, &QToolButton::clicked, this, &FetchDialog::refreshFolders);
    connect(m_accountCombo, &QComboBox::activated, this, &FetchDialog::accountChosen);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &FetchDialog::protocolOrSecurityChanged);
    connect(m_security, &QComboBox::currentIndexChanged, this, &FetchDialog::protocolOrSecurityChanged);
    connect(m_sinceCheck, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    for (QLineEdit *edit : {m_server, m_user})
        connect(edit, &QLineEdit::textChanged, this, &FetchDialog::updateButtons);
    for (QLineEdit *edit : {m_server, m_user})
        connect(edit, &QLineEdit::editingFinished, this, &FetchDialog::loadPassword);
    connect(m_port, &QSpinBox::editingFinished, this, &FetchDialog::loadPassword);
    connect(m_store, &AccountStore::keychainStateChanged, this, &FetchDialog::updateKeychainNote);
    connect(m_tester, &FetchWorker::finished, this, &FetchDialog::testDone);
    connect(m_folderLister, &FolderListWorker::finished, this, &FetchDialog::foldersListed);

    m_accounts = m_store->accounts();
    retranslateUi();
    if (!m_accounts.isEmpty()) {
        setAccount(m_accounts.first());
    } else {
        m_security->setCurrentIndex(int(FetchAccount::Security::SslTls));
        updateSecurityWarning();
    }
    updateKeychainNote();
    updateButtons();
}

FetchDialog::~FetchDialog() = default;

void FetchDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void FetchDialog::retranslateUi()
{
    setWindowTitle(tr("Fetch Bounces from a Mailbox"));
    m_intro->setText(
        tr("BounceLens reads the bounces in a mailbox on your mail server and adds them to the table."));
    const auto label = [this](QWidget *field, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(field)))
            l->setText(text);
    };
    label(m_accountCombo, tr("&Account:"));
    m_serverLabel->setText(tr("&Server and port:"));
    label(m_protocol, tr("P&rotocol:"));
    label(m_security, tr("S&ecurity:"));
    label(m_user, tr("&User name:"));
    label(m_password, tr("Pass&word:"));
    m_folderLabel->setText(tr("&Folder:"));
    m_sinceLabel->setText(tr("Date range:"));
    label(m_limit, tr("&Maximum number:"));
    label(m_feedback, tr("Include:"));

    m_server->setPlaceholderText(tr("e.g. mail.example.com"));
    m_port->setToolTip(tr("Port (filled in from the security setting)"));
    m_port->setAccessibleName(tr("Port"));
    m_security->setItemText(int(FetchAccount::Security::SslTls), tr("SSL/TLS (recommended)"));
    m_security->setItemText(int(FetchAccount::Security::StartTls), tr("STARTTLS"));
    m_security->setItemText(int(FetchAccount::Security::None), tr("None (not encrypted)"));
    m_plainWarning->setText(
        tr("Warning: without encryption, your password and the messages travel over the network "
           "unencrypted and can be read by others. Use this only if your mail administrator says so."));
    m_user->setPlaceholderText(tr("Usually your e-mail address"));
    m_password->setPlaceholderText(QString());
    m_folder->setToolTip(
        tr("The folder to read, e.g. INBOX. Separate sub-folders with \"/\". POP3 always reads INBOX."));
    m_refreshFolders->setText(tr("Refresh folders"));
    m_refreshFolders->setAccessibleName(tr("Refresh folders"));
    m_refreshFolders->setToolTip(
        tr("Read the list of folders from the server (IMAP only). Nothing is changed."));
    m_sinceCheck->setText(tr("Only messages received on or after"));
    m_limit->setSpecialValueText(tr("No limit"));
    m_limit->setSuffix(tr(" bounces"));
    m_feedback->setText(tr("Feedback reports (spam complaints)"));
    m_autoReplies->setText(tr("Automatic replies (out of office)"));
    m_readOnlyNote->setText(tr("The mailbox is not changed: nothing is marked as read, moved or deleted."));
    m_testButton->setText(tr("&Test Connection"));
    m_testButton->setToolTip(tr("Connect, log in and open the folder, without fetching anything"));
    m_fetchButton->setText(tr("&Fetch"));
    if (QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel))
        cancel->setText(tr("Cancel"));
    fillAccountCombo();
    updateKeychainNote();
    if (isTesting())
        showTestResult(true, tr("Connecting…"));
    else if (isListingFolders())
        showTestResult(true, tr("Reading the folder list…"));
}

void FetchDialog::fillAccountCombo()
{
    const QString current = m_accountCombo->currentData().toString();
    const QSignalBlocker block(m_accountCombo);
    m_accountCombo->clear();
    m_accountCombo->addItem(tr("New account"), QString());
    for (const FetchAccount &a : std::as_const(m_accounts))
        m_accountCombo->addItem(
            tr("%1 on %2 (%3)").arg(a.user, a.hostPort(), FetchAccount::protocolKey(a.protocol).toUpper()),
            a.id());
    const int index = m_accountCombo->findData(current);
    m_accountCombo->setCurrentIndex(index < 0 ? 0 : index);
}

void FetchDialog::accountChosen(int index)
{
    const QString id = m_accountCombo->itemData(index).toString();
    for (const FetchAccount &a : std::as_const(m_accounts)) {
        if (a.id() == id) {
            setAccount(a);
            return;
        }
    }
    setAccount(FetchAccount());
}

FetchAccount FetchDialog::account() const
{
    FetchAccount a;
    a.host = m_server->text().trimmed();
    a.port = m_port->value();
    a.protocol = FetchAccount::Protocol(m_protocol->currentData().toInt());
    a.security = FetchAccount::Security(m_security->currentIndex());
    a.user = m_user->text().trimmed();
    a.folder = m_folder->currentText().trimmed();
    if (a.folder.isEmpty() || a.protocol == FetchAccount::Protocol::Pop3)
        a.folder = QStringLiteral("INBOX");
    a.useSince = m_sinceCheck->isChecked();
    a.sinceDays = std::max<qint64>(0, m_since->date().daysTo(QDate::currentDate()));
    a.limit = m_limit->value();
    a.includeFeedback = m_feedback->isChecked();
    a.includeAutoReplies = m_autoReplies->isChecked();
    return a;
}

void FetchDialog::setAccount(const FetchAccount &a)
{
    {
        const QSignalBlocker b1(m_protocol);
        const QSignalBlocker b2(m_security);
        m_protocol->setCurrentIndex(m_protocol->findData(int(a.protocol)));
        m_security->setCurrentIndex(int(a.security));
    }
    m_lastProtocol = a.protocol;
    m_lastSecurity = a.security;
    m_server->setText(a.host);
    m_port->setValue(a.port);
    m_user->setText(a.user);
    m_password->clear();
    m_passwordLoadedFor.clear();
    if (m_folder->findText(a.folder) < 0)
        m_folder->addItem(a.folder);
    m_folder->setCurrentText(a.folder);
    m_sinceCheck->setChecked(a.useSince);
    m_since->setDate(QDate::currentDate().addDays(-a.sinceDays));
    m_limit->setValue(a.limit);
    m_feedback->setChecked(a.includeFeedback);
    m_autoReplies->setChecked(a.includeAutoReplies);
    const int index = m_accountCombo->findData(a.id());
    {
        const QSignalBlocker block(m_accountCombo);
        m_accountCombo->setCurrentIndex(index < 0 ? 0 : index);
    }
    m_folder->setEnabled(a.protocol == FetchAccount::Protocol::Imap);
    updateSecurityWarning();
    updateButtons();
    loadPassword();
}

QString FetchDialog::password() const
{
    return m_password->text();
}

FetchOptions FetchDialog::fetchOptions() const
{
    const FetchAccount a = account();
    FetchOptions o = a.toOptions();
    o.password = password();
    o.trustedFingerprints = m_store->trustedFingerprints(a.hostPort());
    return o;
}

void FetchDialog::protocolOrSecurityChanged()
{
    const FetchAccount a = account();
    // The port follows the security setting unless the user typed a port of their own.
    const int oldDefault = FetchAccount::defaultPort(m_lastProtocol, m_lastSecurity);
    if (m_port->value() == oldDefault || FetchAccount::isDefaultPort(m_port->value()))
        m_port->setValue(FetchAccount::defaultPort(a.protocol, a.security));
    m_lastProtocol = a.protocol;
    m_lastSecurity = a.security;
    const bool imap = a.protocol == FetchAccount::Protocol::Imap;
    if (!imap)
        m_folder->setCurrentText(QStringLiteral("INBOX"));
    m_folder->setEnabled(imap);
    updateSecurityWarning();
    updateButtons();
}

void FetchDialog::updateSecurityWarning()
{
    m_plainWarning->setVisible(
        FetchAccount::Security(m_security->currentIndex()) == FetchAccount::Security::None);
}

void FetchDialog::updateKeychainNote()
{
    const bool unavailable = AccountStore::keychainState() == AccountStore::Keychain::Unavailable;
    m_keychainNote->setText(
        tr("The system keychain is not available, so the password is kept in memory only until BounceLens is "
           "closed. It is never saved to a file."));
    m_keychainNote->setToolTip(AccountStore::keychainError());
    m_keychainNote->setVisible(unavailable);
}

void FetchDialog::updateButtons()
{
    const bool filled = !m_server->text().trimmed().isEmpty() && !m_user->text().trimmed().isEmpty();
    m_fetchButton->setEnabled(filled);
    m_testButton->setEnabled(filled && !isTesting());
    const bool imap
        = FetchAccount::Protocol(m_protocol->currentData().toInt()) == FetchAccount::Protocol::Imap;
    m_refreshFolders->setEnabled(filled && imap && !isListingFolders());
}

void FetchDialog::loadPassword()
{
    const FetchAccount a = account();
    if (a.host.isEmpty() || a.user.isEmpty() || a.id() == m_passwordLoadedFor)
        return;
    m_passwordLoadedFor = a.id();
    const QString id = a.id();
    m_store->readPassword(id, this, [this, id](const QString &password) {
        // Only if the fields still name that account and nothing was typed meanwhile.
        if (account().id() == id && m_password->text().isEmpty() && !password.isEmpty())
            m_password->setText(password);
        updateKeychainNote();
    });
}

QString FetchDialog::validationError() const
{
    if (m_server->text().trimmed().isEmpty())
        return tr("Enter the name of the mail server.");
    if (m_server->text().trimmed().contains(QLatin1Char(' ')) || m_server->text().contains(QLatin1Char('/')))
        return tr("Enter only the server name (e.g. mail.example.com), without spaces or \"/\".");
    if (m_user->text().trimmed().isEmpty())
        return tr("Enter the user name.");
    return {};
}

bool FetchDialog::isTesting() const
{
    return m_tester->isBusy();
}

bool FetchDialog::isListingFolders() const
{
    return m_folderLister->isBusy();
}

void FetchDialog::showTestResult(bool ok, const QString &text)
{
    m_testResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    m_testResult->setText(text);
    m_testResult->setVisible(!text.isEmpty());
}

void FetchDialog::testConnection()
{
    if (isTesting())
        return;
    const QString problem = validationError();
    if (!problem.isEmpty()) {
        showTestResult(false, problem);
        emit testFinished(false);
        return;
    }
    showTestResult(true, tr("Connecting…"));
    m_tester->start(fetchOptions(), FetchWorker::Mode::Test);
    updateButtons();
}

void FetchDialog::testDone(const FetchResult &result)
{
    updateButtons();
    const FetchAccount a = account();
    const bool asked = CertificatePrompt::askIfUntrusted(this, a.hostPort(), result, [this](bool trusted) {
        if (trusted)
            testConnection();
        else
            emit testFinished(false);
    });
    if (asked) {
        showTestResult(false, result.errorText);
        return;
    }
    if (result.ok()) {
        if (a.protocol == FetchAccount::Protocol::Pop3)
            showTestResult(true, tr("✔ Connected and logged in to %1.").arg(a.host));
        else
            showTestResult(true,
                tr("✔ Connected and logged in to %1; the folder %2 can be read.").arg(a.host, a.folder));
        m_store->storePassword(a.id(), password());
        emit testFinished(true);
        return;
    }
    showTestResult(false, result.errorText);
    emit testFinished(false);
}

void FetchDialog::refreshFolders()
{
    if (isListingFolders())
        return;
    const QString problem = validationError();
    if (!problem.isEmpty()) {
        showTestResult(false, problem);
        emit foldersRefreshed(false);
        return;
    }
    if (account().protocol != FetchAccount::Protocol::Imap) {
        emit foldersRefreshed(false); // POP3 has INBOX only; the button is disabled anyway
        return;
    }
    showTestResult(true, tr("Reading the folder list…"));
    m_folderLister->start(fetchOptions());
    updateButtons();
}

void FetchDialog::foldersListed(const FolderListResult &result)
{
    updateButtons();
    const FetchAccount a = account();
    // The same question as Test Connection asks; on "trust", read the list again.
    const bool asked = CertificatePrompt::askIfUntrusted(this, a.hostPort(), result, [this](bool trusted) {
        if (trusted)
            refreshFolders();
        else
            emit foldersRefreshed(false);
    });
    if (asked) {
        showTestResult(false, result.errorText);
        return;
    }
    if (!result.ok()) {
        showTestResult(false, result.errorText);
        emit foldersRefreshed(false);
        return;
    }
    const QString current = m_folder->currentText();
    {
        const QSignalBlocker block(m_folder);
        m_folder->clear();
        m_folder->addItems(result.folders);
        m_folder->setCurrentText(current); // selects it when listed, else keeps it as typed
    }
    showTestResult(true, tr("✔ %n folder(s) found on %1.", nullptr, int(result.folders.size())).arg(a.host));
    m_store->storePassword(a.id(), password());
    emit foldersRefreshed(true);
}

void FetchDialog::accept()
{
    const QString problem = validationError();
    if (!problem.isEmpty()) {
        showTestResult(false, problem);
        return;
    }
    m_tester->cancel();
    m_folderLister->cancel();
    const FetchAccount a = account();
    m_store->remember(a);
    if (!password().isEmpty())
        m_store->storePassword(a.id(), password());
    QDialog::accept();
}

void FetchDialog::reject()
{
    m_tester->cancel();
    m_folderLister->cancel();
    QDialog::reject();
}

} // namespace bouncelens

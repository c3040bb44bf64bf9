#pragma once

#include "FetchAccount.h"
#include "fetch/FetchTypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace bouncelens {

class AccountStore;
class FetchWorker;
class FolderListWorker;

// File > Fetch from Mailbox…: the account to read bounces from (server, port, protocol,
// security, user, password, folder) and what to fetch (since, how many, which kinds), with a
// Test Connection button. Accepting remembers the account (never the password: that goes to the
// keychain, see AccountStore); the caller then runs fetchOptions() with a FetchWorker.
//
// The folder is typed in (INBOX by default) or picked from the list the "Refresh folders" button
// next to it reads from the server (IMAP only; MailboxFetcher::listFolders, off the UI thread).
// An untrusted server certificate met by either run is put to the user (CertificatePrompt).
class FetchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FetchDialog(QWidget *parent = nullptr);
    ~FetchDialog() override;

    // The account the widgets describe (no password).
    [[nodiscard]] FetchAccount account() const;
    void setAccount(const FetchAccount &account);
    [[nodiscard]] QString password() const;
    // Ready for MailboxFetcher: the account, the password and the certificates trusted for it.
    [[nodiscard]] FetchOptions fetchOptions() const;

    // For tests (and the main window).
    [[nodiscard]] QComboBox *accountCombo() const { return m_accountCombo; }
    [[nodiscard]] QLineEdit *serverEdit() const { return m_server; }
    [[nodiscard]] QSpinBox *portSpin() const { return m_port; }
    [[nodiscard]] QComboBox *protocolCombo() const { return m_protocol; }
    [[nodiscard]] QComboBox *securityCombo() const { return m_security; }
    [[nodiscard]] QLabel *plainTextWarning() const { return m_plainWarning; }
    [[nodiscard]] QLineEdit *userEdit() const { return m_user; }
    [[nodiscard]] QLineEdit *passwordEdit() const { return m_password; }
    [[nodiscard]] QLabel *keychainNote() const { return m_keychainNote; }
    [[nodiscard]] QComboBox *folderCombo() const { return m_folder; }
    [[nodiscard]] QToolButton *refreshFoldersButton() const { return m_refreshFolders; }
    [[nodiscard]] QCheckBox *sinceCheck() const { return m_sinceCheck; }
    [[nodiscard]] QDateEdit *sinceEdit() const { return m_since; }
    [[nodiscard]] QSpinBox *limitSpin() const { return m_limit; }
    [[nodiscard]] QCheckBox *feedbackCheck() const { return m_feedback; }
    [[nodiscard]] QCheckBox *autoReplyCheck() const { return m_autoReplies; }
    [[nodiscard]] QPushButton *testButton() const { return m_testButton; }
    [[nodiscard]] QLabel *testResultLabel() const { return m_testResult; }
    [[nodiscard]] QPushButton *fetchButton() const { return m_fetchButton; }
    [[nodiscard]] bool isTesting() const;
    [[nodiscard]] bool isListingFolders() const;

public slots:
    void accept() override;
    void reject() override;
    void testConnection();
    // Reads the folder list from the server into the folder combo (keeping its text).
    void refreshFolders();

signals:
    // A Test Connection run ended (after any certificate question was answered "no").
    void testFinished(bool ok);
    // A folder list run ended (after any certificate question was answered "no").
    void foldersRefreshed(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillAccountCombo();
    void accountChosen(int index);
    void protocolOrSecurityChanged();
    void updateSecurityWarning();
    void updateKeychainNote();
    void updateButtons();
    void loadPassword();
    void showTestResult(bool ok, const QString &text);
    void testDone(const FetchResult &result);
    void foldersListed(const FolderListResult &result);
    [[nodiscard]] QString validationError() const;

    AccountStore *m_store = nullptr;
    FetchWorker *m_tester = nullptr;
    FolderListWorker *m_folderLister = nullptr;
    QList<FetchAccount> m_accounts;
    FetchAccount::Protocol m_lastProtocol = FetchAccount::Protocol::Imap;
    FetchAccount::Security m_lastSecurity = FetchAccount::Security::SslTls;
    QString m_passwordLoadedFor;

    QFormLayout *m_form = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_sinceLabel = nullptr;
    QLabel *m_folderLabel = nullptr;
    QComboBox *m_accountCombo = nullptr;
    QLineEdit *m_server = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_protocol = nullptr;
    QComboBox *m_security = nullptr;
    QLabel *m_plainWarning = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_keychainNote = nullptr;
    QComboBox *m_folder = nullptr;
    QToolButton *m_refreshFolders = nullptr;
    QCheckBox *m_sinceCheck = nullptr;
    QDateEdit *m_since = nullptr;
    QSpinBox *m_limit = nullptr;
    QCheckBox *m_feedback = nullptr;
    QCheckBox *m_autoReplies = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_fetchButton = nullptr;
};

} // namespace bouncelens

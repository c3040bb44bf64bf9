#pragma once

#include "ExportActions.h"
#include "LoadedMessage.h"
#include "explain/BounceExplainer.h"
#include "fetch/FetchTypes.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;

namespace bouncelens {

class AnalysisWorker;
class BounceFilterProxy;
class BounceTableModel;
class BounceTablePane;
class ExplanationPanel;
class FetchDialog;
class FetchWorker;
class LanguageManager;
class MainWindowActions;
class MessageView;
class SummaryView;
class WorkspaceTabs;

// The main window: gets messages in (drop, File > Open, command line, recent files, paste),
// hands them to the AnalysisWorker, and shows the results: the message view and explanation
// of the current message above, the bounce table of all messages below.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using ExportKind = bouncelens::ExportKind;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Queues files, mboxes, maildirs and folders for analysis; returns at once.
    void openPaths(const QStringList &paths);
    // Analyses a message (or mbox) given as bytes, e.g. pasted or dropped as message/rfc822.
    void openBytes(const QByteArray &bytes, const QString &source);
    // Stops loading files and fetching from a mailbox.
    void cancelLoading();
    // Files are being loaded or a mailbox is being fetched.
    [[nodiscard]] bool isLoading() const;

    // File > Fetch from Mailbox…: opens the account dialog (window-modal, returns at once); the
    // fetch starts when it is accepted. Returns the dialog (it deletes itself when closed).
    FetchDialog *openFetchDialog();
    // Fetches in the background; each bounce is added to the table as it arrives. An untrusted
    // certificate is offered for trust (CertificatePrompt), then fetched again.
    void startFetch(const FetchOptions &options);
    [[nodiscard]] bool isFetching() const;

    // `remember`: store it as the choice for the next start (the menu does; --lang does not).
    void setLanguage(Language language, bool remember);
    [[nodiscard]] Language language() const;

    // Writes an export without asking for a file name (the menu asks, then calls this).
    bool exportTo(ExportKind kind, const QString &path, QString *error = nullptr);

    // For tests and the screenshot mode.
    [[nodiscard]] BounceTableModel *model() const { return m_model; }
    [[nodiscard]] BounceFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] BounceTablePane *tablePane() const { return m_tablePane; }
    [[nodiscard]] MessageView *messageView() const { return m_messageView; }
    [[nodiscard]] ExplanationPanel *explanationPanel() const { return m_explanation; }
    [[nodiscard]] WorkspaceTabs *workspaceTabs() const { return m_tabs; }
    [[nodiscard]] AnalysisWorker *worker() const { return m_worker; }
    [[nodiscard]] FetchWorker *fetchWorker() const { return m_fetchWorker; }
    [[nodiscard]] FetchDialog *fetchDialog() const;
    [[nodiscard]] QAction *fetchAction() const;
    [[nodiscard]] FetchResult lastFetchResult() const { return m_lastFetch; }
    [[nodiscard]] QStringList lastLoadErrors() const { return m_lastErrors; }
    [[nodiscard]] int currentMessage() const { return m_currentMessage; }

signals:
    // Everything queued has been loaded (or the load was cancelled).
    void loadingFinished();
    // A mailbox fetch ended for good (after any certificate question was answered "no").
    void fetchFinished(const bouncelens::FetchResult &result);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void connectActions();
    void retranslateUi();
    void readSettings();
    void writeSettings() const;

    void onJobStarted();
    void onBatch(const QList<LoadedMessage> &messages);
    void onProgress(int filesDone, int filesTotal, int messages);
    void onIdle();
    void onFetchStarted();
    void onFetchProgress(const FetchProgress &progress);
    void onFetchFinished(const FetchResult &result);
    void hideProgressIfIdle();
    void showMessage(int message, int recipient);
    void showLoadErrors();
    void updateStatus();
    void updateActions();
    void updateTitle();

    void openDialog();
    void openFolderDialog();
    void pasteMessage();
    void exportWithDialog(ExportKind kind);
    void printReport();
    void copyCustomerText();
    void clearAll();
    void about();

    LanguageManager *m_languageManager = nullptr;
    AnalysisWorker *m_worker = nullptr;
    FetchWorker *m_fetchWorker = nullptr;
    QPointer<FetchDialog> m_fetchDialog;
    BounceTableModel *m_model = nullptr;
    BounceFilterProxy *m_proxy = nullptr;
    MessageView *m_messageView = nullptr;
    ExplanationPanel *m_explanation = nullptr;
    BounceTablePane *m_tablePane = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_topSplitter = nullptr;
    WorkspaceTabs *m_tabs = nullptr; // the message and the summary, above the table

    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;

    std::unique_ptr<MainWindowActions> m_actions; // the menus

    int m_currentMessage = -1;
    bool m_selectFirstOfJob = false;
    int m_pasteCount = 0;
    int m_recipientCount = 0;
    int m_hardBounceCount = 0;
    int m_filesDone = 0;
    int m_filesTotal = 0;
    QStringList m_pendingErrors;
    QStringList m_lastErrors;
    QString m_fetchHost; // host:port being fetched from
    FetchProgress m_fetchProgress;
    FetchResult m_lastFetch;
};

} // namespace bouncelens

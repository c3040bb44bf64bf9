#include "MainWindow.h"

#include "AnalysisWorker.h"
#include "BounceFilterProxy.h"
#include "BounceTableModel.h"
#include "BounceTablePane.h"
#include "CertificatePrompt.h"
#include "ExplanationPanel.h"
#include "ExportActions.h"
#include "FetchAccount.h"
#include "FetchDialog.h"
#include "FetchWorker.h"
#include "LanguageManager.h"
#include "MainWindowActions.h"
#include "MessageView.h"
#include "RecentFiles.h"
#include "RecipientCard.h"
#include "SummaryView.h"
#include "WorkspaceTabs.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

namespace bouncelens {

namespace {

const QString kRfc822 = QStringLiteral("message/rfc822");

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

bool canOpen(const QMimeData *mime)
{
    return !localPaths(mime).isEmpty() || mime->hasFormat(kRfc822);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setAcceptDrops(true);
    setObjectName(QStringLiteral("MainWindow"));

    m_languageManager = new LanguageManager(this);
    m_worker = new AnalysisWorker(this);
    m_fetchWorker = new FetchWorker(this);
    m_model = new BounceTableModel(this);
    m_proxy = new BounceFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_messageView = new MessageView(this);
    m_explanation = new ExplanationPanel(this);
    m_tablePane = new BounceTablePane(m_model, m_proxy, this);

    m_topSplitter = new QSplitter(Qt::Horizontal);
    m_topSplitter->setObjectName(QStringLiteral("topSplitter"));
    m_topSplitter->addWidget(m_messageView);
    m_topSplitter->addWidget(m_explanation);
    m_topSplitter->setStretchFactor(0, 3);
    m_topSplitter->setStretchFactor(1, 2);
    m_topSplitter->setChildrenCollapsible(false);
    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_tabs = new WorkspaceTabs(m_topSplitter, new SummaryView(m_model, m_tablePane), m_tablePane);
    m_mainSplitter->addWidget(m_tabs);
    m_mainSplitter->addWidget(m_tablePane);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setChildrenCollapsible(false);
    setCentralWidget(m_mainSplitter);

    m_statusLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setVisible(false);
    statusBar()->addPermanentWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);

    m_actions = std::make_unique<MainWindowActions>(this, m_messageView->rawSourceAction());
    connectActions();
    m_actions->exportMenu->addAction(m_tabs->summaryView()->exportAction());
    QAction *firstViewAction = m_actions->viewMenu->actions().value(0);
    m_actions->viewMenu->insertActions(
        firstViewAction, {m_tabs->showMessageAction(), m_tabs->showSummaryAction()});
    m_actions->viewMenu->insertSeparator(firstViewAction);

    connect(m_worker, &AnalysisWorker::jobStarted, this, &MainWindow::onJobStarted);
    connect(m_worker, &AnalysisWorker::batchReady, this, &MainWindow::onBatch);
    connect(m_worker, &AnalysisWorker::progress, this, &MainWindow::onProgress);
    // The bar follows the bytes read: one large mbox moves it as well as many files do.
    connect(m_worker, &AnalysisWorker::bytesProgress, this, [this](qint64 done, qint64 total) {
        if (total <= 0)
            return;
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qMin<qint64>(1000, done * 1000 / total)));
    });
    connect(m_worker, &AnalysisWorker::idle, this, &MainWindow::onIdle);
    connect(m_fetchWorker, &FetchWorker::started, this, &MainWindow::onFetchStarted);
    // Fetched bounces take the same way into the table as loaded files.
    connect(m_fetchWorker, &FetchWorker::messageFetched, this, [this](const MessageAnalysis &analysis) {
        onBatch({LoadedMessage {analysis, {}}});
    });
    connect(m_fetchWorker, &FetchWorker::progressChanged, this, &MainWindow::onFetchProgress);
    connect(m_fetchWorker, &FetchWorker::finished, this, &MainWindow::onFetchFinished);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelLoading);
    connect(m_tablePane, &BounceTablePane::currentChanged, this, &MainWindow::showMessage);
    connect(m_messageView, &MessageView::spanActivated, m_explanation, &ExplanationPanel::showRecipient);
    connect(m_explanation, &ExplanationPanel::customerTextCopied, this, [this] {
        statusBar()->showMessage(tr("The text for the customer was copied to the clipboard."), 4000);
    });
    connect(m_languageManager, &LanguageManager::languageChanged, this, [this](Language language) {
        m_explanation->setLanguage(language);
        m_tabs->summaryView()->setLanguage(language);
        (language == Language::Japanese ? m_actions->japanese : m_actions->english)->setChecked(true);
    });
    // The "rows shown" count follows the filters.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateStatus);

    retranslateUi();
    readSettings();
    m_languageManager->setLanguage(LanguageManager::startupLanguage(), false);
    updateActions();
}

MainWindow::~MainWindow() = default;

// What each menu action does (the menus themselves are MainWindowActions').
void MainWindow::connectActions()
{
    const MainWindowActions &a = *m_actions;
    connect(a.open, &QAction::triggered, this, &MainWindow::openDialog);
    connect(a.openFolder, &QAction::triggered, this, &MainWindow::openFolderDialog);
    connect(a.fetch, &QAction::triggered, this, &MainWindow::openFetchDialog);
    const std::pair<QAction *, ExportKind> exports[] {{a.exportSuppression, ExportKind::SuppressionCsv},
        {a.exportCsv, ExportKind::TableCsv}, {a.exportJson, ExportKind::TableJson},
        {a.exportHtml, ExportKind::ReportHtml}, {a.exportPdf, ExportKind::ReportPdf}};
    for (const auto &[action, kind] : exports)
        connect(action, &QAction::triggered, this, [this, kind = kind] { exportWithDialog(kind); });
    connect(a.print, &QAction::triggered, this, &MainWindow::printReport);
    connect(a.clear, &QAction::triggered, this, &MainWindow::clearAll);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.paste, &QAction::triggered, this, &MainWindow::pasteMessage);
    connect(a.copyCustomer, &QAction::triggered, this, &MainWindow::copyCustomerText);
    connect(a.find, &QAction::triggered, m_tablePane, &BounceTablePane::focusSearch);
    connect(a.cancel, &QAction::triggered, this, &MainWindow::cancelLoading);
    connect(a.japanese, &QAction::triggered, this, [this] { setLanguage(Language::Japanese, true); });
    connect(a.english, &QAction::triggered, this, [this] { setLanguage(Language::English, true); });
    connect(a.about, &QAction::triggered, this, &MainWindow::about);
    connect(a.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(a.recent, &RecentFiles::openRequested, this, [this](const QString &path) { openPaths({path}); });
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    m_actions->retranslate();
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop loading (Esc)"));
    m_progress->setAccessibleName(tr("Loading progress"));
    m_messageView->setAccessibleName(tr("Message"));
    updateStatus();
    updateTitle();
}

void MainWindow::readSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(QSize(1200, 800).boundedTo(QGuiApplication::primaryScreen()
                ? QGuiApplication::primaryScreen()->availableSize()
                : QSize(1200, 800)));
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_topSplitter->restoreState(settings.value(QStringLiteral("window/topSplitter")).toByteArray()))
        m_topSplitter->setSizes({width() * 55 / 100, width() * 45 / 100});
    if (!m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray()))
        m_mainSplitter->setSizes({height() * 62 / 100, height() * 38 / 100});
    m_tablePane->restoreHeaderState(settings.value(QStringLiteral("window/tableHeader")).toByteArray());
    m_messageView->rawSourceAction()->setChecked(
        settings.value(QStringLiteral("view/rawSource"), false).toBool());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/topSplitter"), m_topSplitter->saveState());
    settings.setValue(QStringLiteral("window/tableHeader"), m_tablePane->saveHeaderState());
    settings.setValue(QStringLiteral("view/rawSource"), m_messageView->showsRawSource());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_worker->cancel();
    m_fetchWorker->cancel();
    writeSettings();
    event->accept();
}

void MainWindow::setLanguage(Language language, bool remember)
{
    m_languageManager->setLanguage(language, remember);
}

Language MainWindow::language() const
{
    return m_languageManager->language();
}

// --- getting messages in ---------------------------------------------------------------------

void MainWindow::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    QStringList existing;
    for (const QString &p : paths)
        if (QFileInfo::exists(p))
            existing << p;
    m_actions->recent->add(existing);
    m_worker->addPaths(paths);
    updateActions();
}

void MainWindow::openBytes(const QByteArray &bytes, const QString &source)
{
    m_worker->addBytes(bytes, source);
    updateActions();
}

void MainWindow::cancelLoading()
{
    m_worker->cancel();
    m_fetchWorker->cancel();
}

bool MainWindow::isLoading() const
{
    return m_worker->isBusy() || m_fetchWorker->isBusy();
}

bool MainWindow::isFetching() const
{
    return m_fetchWorker->isBusy();
}

void MainWindow::openDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Bounced Messages"),
        QSettings().value(QStringLiteral("lastDirectory")).toString(),
        tr("Messages and mailboxes (*.eml *.msg *.txt *.mbox *.mbx *.mail);;All files (*)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(files.first()).absolutePath());
    openPaths(files);
}

void MainWindow::openFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open Folder of Messages"), QSettings().value(QStringLiteral("lastDirectory")).toString());
    if (folder.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDirectory"), folder);
    openPaths({folder});
}

void MainWindow::pasteMessage()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QByteArray bytes;
    if (mime && mime->hasFormat(kRfc822))
        bytes = mime->data(kRfc822);
    else if (mime && mime->hasText())
        bytes = mime->text().toUtf8();
    if (bytes.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no message text to analyse."), 5000);
        return;
    }
    openBytes(bytes, tr("Pasted message %1").arg(++m_pasteCount));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (canOpen(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (canOpen(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    const QStringList paths = localPaths(mime);
    if (!paths.isEmpty())
        openPaths(paths);
    else if (mime->hasFormat(kRfc822))
        openBytes(mime->data(kRfc822), tr("Dropped message"));
    else
        return;
    event->acceptProposedAction();
}

// --- loading ---------------------------------------------------------------------------------

void MainWindow::onJobStarted()
{
    m_selectFirstOfJob = true;
    m_filesDone = 0;
    m_filesTotal = 0;
    m_progress->setRange(0, 0); // busy until the files are counted
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    updateActions();
}

void MainWindow::onBatch(const QList<LoadedMessage> &messages)
{
    QList<LoadedMessage> shown;
    QStringList reasons;
    for (const LoadedMessage &m : messages) {
        const MessageAnalysis &a = m.analysis;
        if (!a.ok()) {
            const QString where
                = a.index > 0 ? tr("%1 (message %2)").arg(a.source).arg(a.index + 1) : a.source;
            m_pendingErrors << tr("%1: %2").arg(QDir::toNativeSeparators(where), a.error);
            if (a.recipients.isEmpty())
                continue; // nothing to show: the error dialog lists it
        }
        for (const RecipientResult &r : a.recipients) {
            ++m_recipientCount;
            m_hardBounceCount += r.hardBounce ? 1 : 0;
            reasons << r.reason;
        }
        shown << m;
    }
    if (shown.isEmpty())
        return;
    const int firstRow = m_model->rowCount();
    m_model->appendMessages(shown);
    m_tablePane->addReasons(reasons);
    if (m_selectFirstOfJob) {
        m_selectFirstOfJob = false;
        m_tablePane->selectSourceRow(firstRow);
    }
    updateStatus();
    updateActions();
}

void MainWindow::onProgress(int filesDone, int filesTotal, int)
{
    m_filesDone = filesDone;
    m_filesTotal = filesTotal;
    updateStatus();
}

void MainWindow::hideProgressIfIdle()
{
    if (isLoading())
        return;
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
}

void MainWindow::onIdle()
{
    m_filesTotal = 0;
    hideProgressIfIdle();
    updateStatus();
    updateActions();
    if (!m_pendingErrors.isEmpty())
        showLoadErrors();
    emit loadingFinished();
}

// --- fetching from a mailbox -----------------------------------------------------------------

FetchDialog *MainWindow::fetchDialog() const
{
    return m_fetchDialog.data();
}

QAction *MainWindow::fetchAction() const
{
    return m_actions->fetch;
}

FetchDialog *MainWindow::openFetchDialog()
{
    if (m_fetchDialog) {
        m_fetchDialog->raise();
        m_fetchDialog->activateWindow();
        return m_fetchDialog;
    }
    if (isFetching())
        return nullptr;
    auto *dialog = new FetchDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_fetchDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startFetch(dialog->fetchOptions()); });
    dialog->open();
    return dialog;
}

void MainWindow::startFetch(const FetchOptions &options)
{
    m_fetchHost = FetchAccount::hostPortOf(options.url);
    m_fetchProgress = {};
    m_fetchWorker->start(options);
}

void MainWindow::onFetchStarted()
{
    m_selectFirstOfJob = true;
    m_progress->setRange(0, 0); // busy until the candidates are counted
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    updateStatus();
    updateActions();
}

void MainWindow::onFetchProgress(const FetchProgress &progress)
{
    m_fetchProgress = progress;
    if (progress.stage == FetchProgress::Stage::Fetching && progress.candidates > 0) {
        m_progress->setRange(0, progress.candidates);
        m_progress->setValue(progress.examined);
    }
    updateStatus();
}

void MainWindow::onFetchFinished(const FetchResult &result)
{
    m_lastFetch = result;
    hideProgressIfIdle();
    updateStatus();
    updateActions();
    const QString host = m_fetchHost;
    const int found = result.found;
    const bool asked = CertificatePrompt::askIfUntrusted(this, host, result, [this, result](bool trusted) {
        if (!trusted) {
            emit fetchFinished(result);
            return;
        }
        FetchOptions options = m_fetchWorker->options();
        options.trustedFingerprints << result.certificateFingerprint;
        startFetch(options);
    });
    if (asked)
        return;
    if (result.ok()) {
        statusBar()->showMessage(tr("%n bounce(s) fetched from %1.", nullptr, found).arg(host), 8000);
    } else if (result.error == FetchError::Cancelled) {
        statusBar()->showMessage(
            tr("Fetching was cancelled. The %n bounce(s) fetched so far stay in the table.", nullptr, found),
            8000);
    } else {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Fetching Stopped"),
            tr("BounceLens could not finish reading the mailbox on %1.").arg(host), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("fetchErrorBox"));
        QString text = result.errorText;
        if (found > 0)
            text += QStringLiteral("\n\n")
                + tr("The %n bounce(s) fetched before the problem stay in the table.", nullptr, found);
        box->setInformativeText(text);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit fetchFinished(result);
}

void MainWindow::showLoadErrors()
{
    m_lastErrors = std::exchange(m_pendingErrors, {});
    // One dialog for the whole load, opened without blocking: the other files are already in.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Some Files Could Not Be Read"),
        tr("%n message(s) could not be read. The others were loaded.", nullptr, int(m_lastErrors.size())),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("loadErrorsBox"));
    box->setInformativeText(m_lastErrors.mid(0, 5).join(QLatin1Char('\n'))
        + (m_lastErrors.size() > 5 ? QStringLiteral("\n…") : QString()));
    box->setDetailedText(m_lastErrors.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

// --- showing ---------------------------------------------------------------------------------

void MainWindow::showMessage(int message, int recipient)
{
    if (message < 0 || message >= m_model->messages().size())
        return;
    if (message != m_currentMessage) {
        m_currentMessage = message;
        const LoadedMessage m = m_model->fullMessage(message);
        m_messageView->setMessage(m);
        m_explanation->setMessage(m.analysis);
        updateTitle();
        updateActions();
    }
    // After the new cards are laid out, so that scrolling knows where they are.
    QTimer::singleShot(0, m_explanation, [panel = m_explanation, recipient] {
        if (recipient >= 0)
            panel->showRecipient(recipient);
    });
}

void MainWindow::updateStatus()
{
    const int messages = int(m_model->messages().size());
    QString text = messages == 0
        ? tr("Drop bounced messages, mbox files or folders here to analyse them.")
        : tr("%1 messages, %2 recipients, %3 hard bounces, %4 rows shown")
              .arg(QLocale().toString(messages), QLocale().toString(m_recipientCount),
                  QLocale().toString(m_hardBounceCount), QLocale().toString(m_proxy->rowCount()));
    if (m_worker->isBusy() && m_filesTotal > 0)
        text = tr("Reading %1 of %2 files…")
                   .arg(QLocale().toString(m_filesDone), QLocale().toString(m_filesTotal))
            + QStringLiteral("  ") + text;
    if (isFetching()) {
        QString fetching;
        switch (m_fetchProgress.stage) {
        case FetchProgress::Stage::Connecting: fetching = tr("Connecting to %1…").arg(m_fetchHost); break;
        case FetchProgress::Stage::Searching:
            fetching = tr("Looking for bounces on %1…").arg(m_fetchHost);
            break;
        case FetchProgress::Stage::Fetching:
        case FetchProgress::Stage::Done:
            fetching = tr("Fetching from %1: %2 of %3 candidate messages checked, %4 bounces found…")
                           .arg(m_fetchHost, QLocale().toString(m_fetchProgress.examined),
                               QLocale().toString(m_fetchProgress.candidates),
                               QLocale().toString(m_fetchProgress.found));
            break;
        }
        text = fetching + QStringLiteral("  ") + text;
    }
    m_statusLabel->setText(text);
}

void MainWindow::updateActions()
{
    const bool hasMessages = !m_model->messages().isEmpty();
    const bool hasCurrent = m_currentMessage >= 0;
    m_actions->exportSuppression->setEnabled(hasMessages);
    m_actions->exportCsv->setEnabled(hasMessages);
    m_actions->exportJson->setEnabled(hasMessages);
    m_actions->exportHtml->setEnabled(hasCurrent);
    m_actions->exportPdf->setEnabled(hasCurrent);
    m_actions->print->setEnabled(hasCurrent);
    m_actions->copyCustomer->setEnabled(hasCurrent && !m_explanation->cards().isEmpty());
    m_actions->clear->setEnabled(hasMessages && !isLoading());
    m_actions->cancel->setEnabled(isLoading());
    m_actions->fetch->setEnabled(!isFetching());
}

void MainWindow::updateTitle()
{
    if (m_currentMessage >= 0 && m_currentMessage < m_model->messages().size()) {
        const QString source = m_model->messageAt(m_currentMessage).analysis.source;
        setWindowTitle(
            tr("%1 — BounceLens")
                .arg(QFileInfo(source).fileName().isEmpty() ? source : QFileInfo(source).fileName()));
    } else {
        setWindowTitle(tr("BounceLens"));
    }
}

void MainWindow::clearAll()
{
    if (isLoading())
        return;
    m_model->clear();
    m_tablePane->resetReasons();
    m_messageView->clear();
    m_explanation->clear();
    m_currentMessage = -1;
    m_recipientCount = 0;
    m_hardBounceCount = 0;
    updateStatus();
    updateActions();
    updateTitle();
}

void MainWindow::copyCustomerText()
{
    const QList<RecipientCard *> cards = m_explanation->cards();
    const int current = m_explanation->currentRecipient();
    if (current < 0 || current >= cards.size())
        return;
    QGuiApplication::clipboard()->setText(cards.at(current)->content().customer);
    statusBar()->showMessage(tr("The text for the customer was copied to the clipboard."), 4000);
}

// --- exports ---------------------------------------------------------------------------------

bool MainWindow::exportTo(ExportKind kind, const QString &path, QString *error)
{
    return ExportActions::write(kind, path, m_model->messages(), m_currentMessage, language(), error,
        [this](int i) { return m_model->fullMessage(i).analysis; });
}

void MainWindow::exportWithDialog(ExportKind kind)
{
    ExportActions::writeWithDialog(this, kind, m_model->messages(), m_currentMessage, language(),
        [this](int i) { return m_model->fullMessage(i).analysis; });
}

void MainWindow::printReport()
{
    if (m_currentMessage >= 0)
        ExportActions::print(this, m_model->fullMessage(m_currentMessage).analysis, language());
}

void MainWindow::about()
{
    auto *box = new QMessageBox(this);
    box->setWindowTitle(tr("About BounceLens"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(
        QStringLiteral("<h3>BounceLens %1</h3>").arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    box->setInformativeText(
        tr("Explains bounced e-mail in plain words: what happened, who needs to act and what to do.")
            .toHtmlEscaped()
        + QStringLiteral("<br><br>")
        + tr("Reason names follow Sisimai; codes follow RFC 5321 and RFC 3463.").toHtmlEscaped()
        + QStringLiteral("<br>")
        + tr("Built with Qt %1 and vmime.").arg(QString::fromLatin1(qVersion())).toHtmlEscaped());
    box->setStandardButtons(QMessageBox::Ok);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace bouncelens

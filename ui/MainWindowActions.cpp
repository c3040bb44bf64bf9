#include "MainWindowActions.h"

#include "RecentFiles.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>

namespace bouncelens {

namespace {

QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback, const QStyle *style)
{
    return QIcon::fromTheme(QLatin1String(name), style->standardIcon(fallback));
}

} // namespace

MainWindowActions::MainWindowActions(QMainWindow *window, QAction *rawSourceAction)
{
    createActions(window);
    createMenus(window, rawSourceAction);
}

void MainWindowActions::createActions(QMainWindow *window)
{
    const QStyle *s = window->style();
    open = new QAction(themeIcon("document-open", QStyle::SP_DialogOpenButton, s), QString(), window);
    open->setShortcut(QKeySequence::Open);
    openFolder = new QAction(themeIcon("folder-open", QStyle::SP_DirOpenIcon, s), QString(), window);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    fetch = new QAction(themeIcon("mail-receive", QStyle::SP_DriveNetIcon, s), QString(), window);
    fetch->setObjectName(QStringLiteral("fetchAction"));

    exportSuppression = new QAction(window);
    exportSuppression->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportCsv = new QAction(window);
    exportJson = new QAction(window);
    exportHtml = new QAction(window);
    exportPdf = new QAction(window);
    exportPdf->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    print = new QAction(themeIcon("document-print", QStyle::SP_FileIcon, s), QString(), window);
    print->setShortcut(QKeySequence::Print);
    clear = new QAction(window);
    quit = new QAction(window);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    paste = new QAction(themeIcon("edit-paste", QStyle::SP_FileIcon, s), QString(), window);
    paste->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), QKeySequence::Paste});
    copyCustomer = new QAction(window);
    copyCustomer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    find = new QAction(window);
    find->setShortcut(QKeySequence::Find);
    cancel = new QAction(themeIcon("process-stop", QStyle::SP_BrowserStop, s), QString(), window);
    cancel->setShortcut(QKeySequence(Qt::Key_Escape));

    // Language names are always shown in their own language, so a user who cannot read the
    // current one still finds theirs.
    languageGroup = new QActionGroup(window);
    japanese = new QAction(QStringLiteral("日本語"), languageGroup);
    english = new QAction(QStringLiteral("English"), languageGroup);
    for (QAction *a : {japanese, english})
        a->setCheckable(true);

    about = new QAction(window);
    about->setMenuRole(QAction::AboutRole);
    aboutQt = new QAction(window);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindowActions::createMenus(QMainWindow *window, QAction *rawSourceAction)
{
    QMenuBar *bar = window->menuBar();
    fileMenu = bar->addMenu(QString());
    fileMenu->addAction(open);
    fileMenu->addAction(openFolder);
    fileMenu->addAction(fetch);
    recentMenu = fileMenu->addMenu(QString());
    recent = new RecentFiles(recentMenu, window);
    fileMenu->addSeparator();
    exportMenu = fileMenu->addMenu(QString());
    exportMenu->addAction(exportSuppression);
    exportMenu->addSeparator();
    exportMenu->addAction(exportCsv);
    exportMenu->addAction(exportJson);
    exportMenu->addSeparator();
    exportMenu->addAction(exportPdf);
    exportMenu->addAction(exportHtml);
    fileMenu->addAction(print);
    fileMenu->addSeparator();
    fileMenu->addAction(clear);
    fileMenu->addSeparator();
    fileMenu->addAction(quit);

    editMenu = bar->addMenu(QString());
    editMenu->addAction(paste);
    editMenu->addAction(copyCustomer);
    editMenu->addSeparator();
    editMenu->addAction(find);
    editMenu->addSeparator();
    editMenu->addAction(cancel);

    viewMenu = bar->addMenu(QString());
    viewMenu->addAction(rawSourceAction);
    viewMenu->addSeparator();
    languageMenu = viewMenu->addMenu(QString());
    languageMenu->addAction(japanese);
    languageMenu->addAction(english);

    helpMenu = bar->addMenu(QString());
    helpMenu->addAction(about);
    helpMenu->addAction(aboutQt);
}

void MainWindowActions::retranslate()
{
    fileMenu->setTitle(tr("&File"));
    open->setText(tr("&Open…"));
    open->setStatusTip(tr("Open bounced messages or mbox files"));
    openFolder->setText(tr("Open &Folder…"));
    openFolder->setStatusTip(tr("Open every message in a folder or maildir, including subfolders"));
    fetch->setText(tr("Fetch from &Mailbox…"));
    fetch->setStatusTip(
        tr("Read the bounces in a mailbox on a mail server (IMAP or POP3) without changing it"));
    recentMenu->setTitle(tr("Open &Recent"));
    recent->retranslate();
    exportMenu->setTitle(tr("&Export"));
    exportSuppression->setText(tr("&Suppression List (Hard Bounces, CSV)…"));
    exportSuppression->setStatusTip(
        tr("Save the addresses that must not be mailed again, in a CSV file mailing tools can import"));
    exportCsv->setText(tr("Table as &CSV…"));
    exportJson->setText(tr("Table as &JSON…"));
    exportPdf->setText(tr("Explanation as &PDF…"));
    exportHtml->setText(tr("Explanation as &HTML…"));
    print->setText(tr("&Print Explanation…"));
    clear->setText(tr("C&lear All"));
    clear->setStatusTip(tr("Remove every loaded message from the window"));
    quit->setText(tr("&Quit"));

    editMenu->setTitle(tr("&Edit"));
    paste->setText(tr("&Paste Message"));
    paste->setStatusTip(tr("Analyse a bounce copied to the clipboard as raw message text"));
    copyCustomer->setText(tr("&Copy Text for Customer"));
    find->setText(tr("&Find…"));
    find->setStatusTip(tr("Search the bounce table"));
    cancel->setText(tr("Cancel &Loading"));

    viewMenu->setTitle(tr("&View"));
    languageMenu->setTitle(tr("&Language"));
    helpMenu->setTitle(tr("&Help"));
    about->setText(tr("&About BounceLens"));
    aboutQt->setText(tr("About &Qt"));
}

} // namespace bouncelens

#pragma once

#include <QCoreApplication>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace bouncelens {

class RecentFiles;

// The main window's menu bar: every action with its icon and shortcut, the menus they sit in,
// and their texts in the current language. MainWindow connects the actions to what they do and
// enables them; the menu layout lives here only. The actions are children of the window (so
// findChildren<QAction *>() sees them) and live as long as it does.
class MainWindowActions
{
    Q_DECLARE_TR_FUNCTIONS(MainWindowActions)

public:
    // Creates the actions and fills `window`'s menu bar. `rawSourceAction` belongs to the message
    // view and is shown in the View menu.
    MainWindowActions(QMainWindow *window, QAction *rawSourceAction);

    // Sets every text, tip and title in the current language (on QEvent::LanguageChange).
    void retranslate();

    QMenu *fileMenu = nullptr;
    QMenu *recentMenu = nullptr;
    QMenu *exportMenu = nullptr;
    QMenu *editMenu = nullptr;
    QMenu *viewMenu = nullptr;
    QMenu *languageMenu = nullptr;
    QMenu *helpMenu = nullptr;
    RecentFiles *recent = nullptr; // fills recentMenu

    QAction *open = nullptr;
    QAction *openFolder = nullptr;
    QAction *fetch = nullptr;
    QAction *exportSuppression = nullptr;
    QAction *exportCsv = nullptr;
    QAction *exportJson = nullptr;
    QAction *exportHtml = nullptr;
    QAction *exportPdf = nullptr;
    QAction *print = nullptr;
    QAction *clear = nullptr;
    QAction *quit = nullptr;
    QAction *paste = nullptr;
    QAction *copyCustomer = nullptr;
    QAction *find = nullptr;
    QAction *cancel = nullptr;
    QActionGroup *languageGroup = nullptr;
    QAction *japanese = nullptr;
    QAction *english = nullptr;
    QAction *about = nullptr;
    QAction *aboutQt = nullptr;

private:
    void createActions(QMainWindow *window);
    void createMenus(QMainWindow *window, QAction *rawSourceAction);
};

} // namespace bouncelens

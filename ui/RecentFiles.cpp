#include "RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace bouncelens {

namespace {

const QString kKey = QStringLiteral("recentFiles");

} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
{
    rebuild();
}

QStringList RecentFiles::paths() const
{
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QStringList &added)
{
    QStringList list = paths();
    for (const QString &path : added) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        list.removeAll(absolute);
        list.prepend(absolute);
    }
    while (list.size() > kMaximum)
        list.removeLast();
    QSettings().setValue(kKey, list);
    rebuild();
}

void RecentFiles::clear()
{
    QSettings().remove(kKey);
    rebuild();
}

void RecentFiles::retranslate()
{
    rebuild();
}

void RecentFiles::rebuild()
{
    m_menu->clear();
    const QStringList list = paths();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString &path = list.at(i);
        const QFileInfo info(path);
        // &1 .. &9, then 1&0: keyboard access to every entry.
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0");
        QAction *action = m_menu->addAction(QStringLiteral("%1  %2").arg(
            number, info.fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(info.exists());
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (!list.isEmpty())
        m_menu->addSeparator();
    QAction *clearAction = m_menu->addAction(tr("&Clear Recent Files"), this, &RecentFiles::clear);
    clearAction->setEnabled(!list.isEmpty());
    m_menu->setEnabled(true);
}

} // namespace bouncelens

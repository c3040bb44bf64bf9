#include "message/FileWalker.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace bouncelens {

FileWalker::FileWalker(QStringList paths)
    : m_paths(std::move(paths))
{ }

bool FileWalker::isMaildir(const QString &dir)
{
    const QDir d(dir);
    return d.exists(QStringLiteral("cur")) && d.exists(QStringLiteral("new"))
        && d.exists(QStringLiteral("tmp"));
}

void FileWalker::enter(const QString &dir, bool topLevel)
{
    Folder folder;
    folder.path = dir;
    const bool maildir = isMaildir(dir);
    if (maildir && topLevel) {
        // A maildir named directly: its messages, not the Maildir++ subfolders next to them.
        folder.entries = {QStringLiteral("cur/"), QStringLiteral("new/")};
    } else {
        QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            if (info.isDir()) {
                if (info.isSymLink() || (maildir && info.fileName() == QLatin1String("tmp")))
                    continue;
                folder.entries << info.fileName() + QLatin1Char('/');
            } else {
                folder.entries << info.fileName();
            }
        }
        std::sort(folder.entries.begin(), folder.entries.end());
    }
    m_stack.push_back(std::move(folder));
}

std::optional<QString> FileWalker::next()
{
    for (;;) {
        while (!m_stack.empty()) {
            Folder &top = m_stack.back();
            if (top.next >= top.entries.size()) {
                m_stack.pop_back();
                continue;
            }
            const QString entry = top.entries.at(top.next++);
            const QString path = top.path + QLatin1Char('/') + entry;
            if (!entry.endsWith(QLatin1Char('/')))
                return path;
            enter(path.chopped(1), false);
        }
        if (m_nextPath >= m_paths.size())
            return std::nullopt;
        const QString path = m_paths.at(m_nextPath++);
        if (path == QLatin1String("-") || !QFileInfo(path).isDir())
            return path;
        QString dir = path;
        while (dir.size() > 1 && dir.endsWith(QLatin1Char('/')))
            dir.chop(1);
        enter(dir, true);
    }
}

} // namespace bouncelens

#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace bouncelens {

// Expands paths into the files to read, one at a time, so that a tree of 100,000 files is never
// listed whole: only the directories on the way down are held (their entry names).
//
// Order is stable and equals sorting each folder's files by full path: a folder's entries are
// sorted by name (a subfolder compares as "name/"), then visited depth first. A maildir (cur/,
// new/ and tmp/) yields cur/ then new/; its tmp/ holds messages still being written and is never
// read. "-" (standard input) and paths that are not folders are returned as given, existing or
// not, so that reading them reports the error in order. Symbolic links to folders are not
// followed (no cycles).
class FileWalker
{
public:
    explicit FileWalker(QStringList paths);

    // The next file, or nothing when all paths are done.
    [[nodiscard]] std::optional<QString> next();

    // True for a folder that holds cur/, new/ and tmp/.
    [[nodiscard]] static bool isMaildir(const QString &dir);

private:
    struct Folder
    {
        QString path;
        QStringList entries; // sorted; subfolders end with '/'
        qsizetype next = 0;
    };
    void enter(const QString &dir, bool topLevel);

    QStringList m_paths;
    qsizetype m_nextPath = 0;
    std::vector<Folder> m_stack;
};

} // namespace bouncelens

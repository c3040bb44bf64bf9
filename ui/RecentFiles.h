#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace bouncelens {

// The File > Open Recent menu, kept in QSettings. Paths that have gone away are shown disabled
// rather than silently dropped, so a user sees that the share or folder is missing.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

    void add(const QStringList &paths);
    void clear();
    [[nodiscard]] QStringList paths() const;
    void retranslate();

    static constexpr int kMaximum = 10;

signals:
    void openRequested(const QString &path);

private:
    void rebuild();

    QMenu *m_menu;
};

} // namespace bouncelens

#pragma once

#include <QSortFilterProxyModel>

namespace bouncelens {

// Sorting and filtering of the bounce table (BounceTableModel's roles): a search text matched
// against every column and the server's message, "permanent only", "hard bounces only", and
// one reason. Sorting compares BounceTableModel::SortRole.
class BounceFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BounceFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setPermanentOnly(bool on);
    void setHardBouncesOnly(bool on);
    // A technical reason name ("userunknown"); "" shows every reason.
    void setReason(const QString &reason);

    [[nodiscard]] QString searchText() const { return m_search; }
    [[nodiscard]] bool permanentOnly() const { return m_permanentOnly; }
    [[nodiscard]] bool hardBouncesOnly() const { return m_hardOnly; }
    [[nodiscard]] QString reason() const { return m_reason; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QStringList m_words;
    bool m_permanentOnly = false;
    bool m_hardOnly = false;
    QString m_reason;
};

} // namespace bouncelens

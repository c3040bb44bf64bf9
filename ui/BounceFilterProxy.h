#pragma once

#include <QSortFilterProxyModel>
#include <QStringMatcher>

namespace bouncelens {

class BounceTableModel;

// Sorting and filtering of the bounce table (BounceTableModel's roles): a search text matched
// against every column and the server's message, "permanent only", "hard bounces only", and
// one reason. Sorting follows BounceTableModel::SortRole. With a BounceTableModel as source, sorting
// and filtering use its precomputed keys and search texts (rowLessThan, rowContainsAll), so that a
// sort or a search over 300,000 rows takes a fraction of a second; any other source model is
// compared and searched through the roles.
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

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    BounceTableModel *m_table = nullptr; // the source when it is one
    QString m_search;
    QStringList m_words;
    QList<QStringMatcher> m_matchers; // m_words, for BounceTableModel::rowContainsAll
    bool m_permanentOnly = false;
    bool m_hardOnly = false;
    QString m_reason;
};

} // namespace bouncelens

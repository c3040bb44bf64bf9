#pragma once

#include <QSortFilterProxyModel>
#include <QStringMatcher>

namespace bouncelens {

class BounceTableModel;

// Sorting and filtering of the bounce table (BounceTableModel's roles): a search text matched
// against every column and the server's message, "permanent only", "hard bounces only", one
// reason, and the summary's bars: one recipient domain, one day, one message kind (keys as
// export/BounceSummary counts them: a reason's or domain's bar counts exactly the rows it shows).
// Sorting follows BounceTableModel::SortRole. With a BounceTableModel as source, sorting and
// filtering use its precomputed keys (rowLessThan, rowContainsAll, ...), so that a sort or a
// search over 300,000 rows takes a fraction of a second to a second; any other source model is
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
    // BounceSummary::domainOf of the recipient ("example.jp"); "" shows every domain.
    void setDomain(const QString &domain);
    // BounceSummary's day key of the message ("2026-11-24" or "unknown"); "" shows every day.
    void setDay(const QString &day);
    // A message kind as toString(MessageKind) writes it ("bounce"); "" shows every kind.
    void setKind(const QString &kind);

    [[nodiscard]] QString searchText() const { return m_search; }
    [[nodiscard]] bool permanentOnly() const { return m_permanentOnly; }
    [[nodiscard]] bool hardBouncesOnly() const { return m_hardOnly; }
    [[nodiscard]] QString reason() const { return m_reason; }
    [[nodiscard]] QString domain() const { return m_domain; }
    [[nodiscard]] QString day() const { return m_day; }
    [[nodiscard]] QString kind() const { return m_kind; }

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
    QString m_domain;
    QString m_day;
    QString m_kind;
};

} // namespace bouncelens

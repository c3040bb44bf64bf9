#include "BounceFilterProxy.h"

#include "BounceTableModel.h"

#include "export/BounceSummary.h"

namespace bouncelens {

BounceFilterProxy::BounceFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(BounceTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void BounceFilterProxy::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    // Every word must match somewhere: "example.jp 5.1.1" narrows rather than widens.
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_matchers.clear();
    for (const QString &word : std::as_const(m_words))
        m_matchers << QStringMatcher(word, Qt::CaseInsensitive);
    invalidateRowsFilter();
}

void BounceFilterProxy::setPermanentOnly(bool on)
{
    if (on == m_permanentOnly)
        return;
    m_permanentOnly = on;
    invalidateRowsFilter();
}

void BounceFilterProxy::setHardBouncesOnly(bool on)
{
    if (on == m_hardOnly)
        return;
    m_hardOnly = on;
    invalidateRowsFilter();
}

void BounceFilterProxy::setReason(const QString &reason)
{
    if (reason == m_reason)
        return;
    m_reason = reason;
    invalidateRowsFilter();
}

void BounceFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_table = qobject_cast<BounceTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool BounceFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_table)
        return m_table->rowLessThan(left.column(), left.row(), right.row());
    return QSortFilterProxyModel::lessThan(left, right);
}

void BounceFilterProxy::setDomain(const QString &domain)
{
    if (domain == m_domain)
        return;
    m_domain = domain;
    invalidateRowsFilter();
}

void BounceFilterProxy::setDay(const QString &day)
{
    if (day == m_day)
        return;
    m_day = day;
    invalidateRowsFilter();
}

void BounceFilterProxy::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

bool BounceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_table) {
        if (m_permanentOnly && !m_table->isPermanentFailure(sourceRow))
            return false;
        if (m_hardOnly && !m_table->isHardBounce(sourceRow))
            return false;
        if (!m_reason.isEmpty() && !m_table->rowHasReason(sourceRow, m_reason))
            return false;
    } else {
        if (m_permanentOnly
            && !(index.data(BounceTableModel::FailureRole).toBool()
                && index.data(BounceTableModel::PermanentRole).toBool()))
            return false;
        if (m_hardOnly && !index.data(BounceTableModel::HardBounceRole).toBool())
            return false;
        if (!m_reason.isEmpty() && index.data(BounceTableModel::ReasonRole).toString() != m_reason)
            return false;
    }
    if (!m_domain.isEmpty() || !m_day.isEmpty() || !m_kind.isEmpty()) {
        const BounceTableModel *model = m_table;
        if (!model)
            return false;
        const MessageAnalysis &a
            = model->messageAt(index.data(BounceTableModel::MessageIndexRole).toInt()).analysis;
        const int recipient = index.data(BounceTableModel::RecipientIndexRole).toInt();
        if (!m_domain.isEmpty()
            && (recipient < 0 || recipient >= a.recipients.size()
                || BounceSummary::domainOf(a.recipients.at(recipient).address) != m_domain))
            return false;
        if (!m_kind.isEmpty() && (!a.ok() || toString(a.kind) != m_kind))
            return false;
        if (!m_day.isEmpty()) {
            const QString day = BounceSummary::dayOf(a);
            if (!a.ok() || (day.isEmpty() ? BounceSummary::kUnknownDay : day) != m_day)
                return false;
        }
    }
    if (m_table)
        return m_matchers.isEmpty() || m_table->rowContainsAll(sourceRow, m_matchers);
    if (!m_words.isEmpty()) {
        const QString text = index.data(BounceTableModel::SearchTextRole).toString();
        for (const QString &word : m_words)
            if (!text.contains(word))
                return false;
    }
    return true;
}

} // namespace bouncelens

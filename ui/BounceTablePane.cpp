#include "BounceTablePane.h"

#include "BounceFilterProxy.h"
#include "BounceTableModel.h"
#include "ReasonLabels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace bouncelens {

BounceTablePane::BounceTablePane(BounceTableModel *model, BounceFilterProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(proxy)
{
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->setAcceptDrops(false); // a dropped file opens it; it must not become search text
    // Filtering thousands of rows on every keystroke would make typing stutter: wait for a pause.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &BounceTablePane::applySearchNow);
    connect(m_search, &QLineEdit::returnPressed, this, &BounceTablePane::applySearchNow);

    m_permanentOnly = new QCheckBox(this);
    connect(m_permanentOnly, &QCheckBox::toggled, m_proxy, &BounceFilterProxy::setPermanentOnly);
    m_hardOnly = new QCheckBox(this);
    connect(m_hardOnly, &QCheckBox::toggled, m_proxy, &BounceFilterProxy::setHardBouncesOnly);
    m_reasonLabel = new QLabel(this);
    m_reason = new QComboBox(this);
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_reasonLabel->setBuddy(m_reason);
    connect(m_reason, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setReason(m_reason->currentData().toString());
        emit facetsChanged();
    });
    m_facetButton = new QToolButton(this);
    m_facetButton->setObjectName(QStringLiteral("facetButton"));
    m_facetButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_facetButton->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_facetButton->setVisible(false);
    connect(m_facetButton, &QToolButton::clicked, this, &BounceTablePane::clearFacets);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row heights and interactive columns: nothing has to measure ten thousand rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // keep the load order
    m_table->setSortingEnabled(true);
    // The first rows decide the column widths (the rows on screen only: cheap at any size).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        if (first == 0)
            QTimer::singleShot(0, this, &BounceTablePane::fitColumns);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &BounceTablePane::onCurrentRowChanged);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_permanentOnly);
    filters->addWidget(m_hardOnly);
    filters->addWidget(m_reasonLabel);
    filters->addWidget(m_reason);
    filters->addWidget(m_facetButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    retranslateUi();
}

void BounceTablePane::applySearchNow()
{
    m_searchDelay->stop();
    m_proxy->setSearchText(m_search->text());
}

void BounceTablePane::selectSourceRow(int sourceRow)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void BounceTablePane::fitColumns()
{
    const int limit = 40 * m_table->fontMetrics().averageCharWidth();
    for (int c = 0; c < BounceTableModel::Source; ++c) {
        m_table->resizeColumnToContents(c);
        m_table->setColumnWidth(c, qMin(limit, m_table->columnWidth(c) + 8));
    }
}

void BounceTablePane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void BounceTablePane::addReasons(const QStringList &reasons)
{
    bool added = false;
    for (const QString &r : reasons)
        if (!r.isEmpty() && !m_reasons.contains(r)) {
            m_reasons.insert(r);
            added = true;
        }
    if (added)
        rebuildReasonBox();
}

void BounceTablePane::resetReasons()
{
    m_reasons.clear();
    rebuildReasonBox();
}

void BounceTablePane::rebuildReasonBox()
{
    const QString current = m_reason->currentData().toString();
    QList<QPair<QString, QString>> items; // label, id
    for (const QString &r : m_reasons)
        items.append({ReasonLabels::reason(r), r});
    std::sort(items.begin(), items.end(),
        [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    const QSignalBlocker blocker(m_reason); // the filter stays as it is while the list changes
    m_reason->clear();
    m_reason->addItem(tr("All reasons"), QString());
    for (const auto &[label, id] : items)
        m_reason->addItem(label, id);
    m_reason->setCurrentIndex(qMax(0, m_reason->findData(current)));
}

void BounceTablePane::onCurrentRowChanged()
{
    const QModelIndex index = m_table->selectionModel()->currentIndex();
    if (!index.isValid())
        return;
    emit currentChanged(index.data(BounceTableModel::MessageIndexRole).toInt(),
        index.data(BounceTableModel::RecipientIndexRole).toInt());
}

void BounceTablePane::toggleFacet(Facet facet, const QString &key, const QString &label)
{
    if (facet == Facet::Reason) {
        const bool same = m_proxy->reason() == key;
        m_reason->setCurrentIndex(same ? 0 : qMax(0, m_reason->findData(key)));
        return; // the combo box applies it and announces it
    }
    const QString current = facet == Facet::Domain ? m_proxy->domain()
        : facet == Facet::Day                      ? m_proxy->day()
                                                   : m_proxy->kind();
    const QString next = current == key ? QString() : key;
    // One of these at a time: the button above the table names it.
    m_proxy->setDomain(facet == Facet::Domain ? next : QString());
    m_proxy->setDay(facet == Facet::Day ? next : QString());
    m_proxy->setKind(facet == Facet::Kind ? next : QString());
    m_facet = facet;
    m_facetLabel = next.isEmpty() ? QString() : label;
    updateFacetButton();
    emit facetsChanged();
}

void BounceTablePane::clearFacets()
{
    m_proxy->setDomain(QString());
    m_proxy->setDay(QString());
    m_proxy->setKind(QString());
    m_facetLabel.clear();
    m_reason->setCurrentIndex(0);
    updateFacetButton();
    emit facetsChanged();
}

void BounceTablePane::updateFacetButton()
{
    const bool on = !m_proxy->domain().isEmpty() || !m_proxy->day().isEmpty() || !m_proxy->kind().isEmpty();
    m_facetButton->setVisible(on);
    if (!on)
        return;
    switch (m_facet) {
    case Facet::Domain: m_facetButton->setText(tr("Domain: %1").arg(m_facetLabel)); break;
    case Facet::Day: m_facetButton->setText(tr("Day: %1").arg(m_facetLabel)); break;
    case Facet::Kind: m_facetButton->setText(tr("Kind: %1").arg(m_facetLabel)); break;
    case Facet::Reason: break;
    }
    m_facetButton->setToolTip(tr("Show every row again"));
    m_facetButton->setAccessibleName(tr("Clear the filter: %1").arg(m_facetButton->text()));
}

QByteArray BounceTablePane::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

void BounceTablePane::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_table->horizontalHeader()->restoreState(state);
}

void BounceTablePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BounceTablePane::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search addresses, reasons, codes, server messages…"));
    m_search->setAccessibleName(tr("Search the bounces"));
    m_permanentOnly->setText(tr("&Permanent only"));
    m_permanentOnly->setToolTip(tr("Show only permanent failures (5xx): resending will not help"));
    m_hardOnly->setText(tr("&Hard bounces only"));
    m_hardOnly->setToolTip(tr("Show only addresses that must not be mailed again"));
    m_reasonLabel->setText(tr("R&eason:"));
    m_reason->setAccessibleName(tr("Filter by reason"));
    m_table->setAccessibleName(tr("Bounces"));
    rebuildReasonBox();
    updateFacetButton();
    m_model->retranslate();
    fitColumns(); // the texts' lengths change with the language
}

} // namespace bouncelens

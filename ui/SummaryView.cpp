#include "SummaryView.h"

#include "BounceFilterProxy.h"
#include "BounceTableModel.h"
#include "BounceTablePane.h"
#include "Exporters.h"
#include "export/SummaryWriter.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace bouncelens {

namespace {

using Facet = SummaryReport::Facet;
constexpr Facet kFacets[] = {Facet::Reason, Facet::Domain, Facet::Day, Facet::Failure, Facet::Kind};

QLabel *heading(QWidget *parent, qreal scale)
{
    auto *label = new QLabel(parent);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * scale);
    label->setFont(f);
    return label;
}

} // namespace

SummaryView::SummaryView(BounceTableModel *model, BounceTablePane *pane, QWidget *parent)
    : QScrollArea(parent)
    , m_model(model)
    , m_pane(pane)
{
    setObjectName(QStringLiteral("summaryView"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);

    m_title = heading(content, 1.4);
    m_totals = new QLabel(content);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportButton = new QPushButton(content);
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_totals);
    header->addLayout(titles, 1);
    header->addWidget(m_exportButton, 0, Qt::AlignTop);
    layout->addLayout(header);
    m_hint = new QLabel(content);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);

    m_empty = new QLabel(content);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty, 1);

    m_chartsArea = new QWidget(content);
    auto *grid = new QGridLayout(m_chartsArea);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(16);
    // Reasons and domains side by side, the timeline across, then the two small charts.
    const QHash<Facet, QPair<int, int>> cells = {{Facet::Reason, {0, 0}}, {Facet::Domain, {0, 1}},
        {Facet::Day, {2, 0}}, {Facet::Failure, {4, 0}}, {Facet::Kind, {4, 1}}};
    for (Facet facet : kFacets) {
        auto *chart = new BarChart(
            facet == Facet::Day ? BarChart::Style::Timeline : BarChart::Style::Horizontal, m_chartsArea);
        QLabel *title = heading(m_chartsArea, 1.1);
        title->setBuddy(chart);
        m_charts.insert(facet, chart);
        m_chartTitles.insert(facet, title);
        const auto [row, column] = cells.value(facet);
        const int span = facet == Facet::Day ? 2 : 1;
        grid->addWidget(title, row, column, 1, span);
        grid->addWidget(chart, row + 1, column, 1, span, Qt::AlignTop);
        connect(chart, &BarChart::barClicked, this,
            [this, facet](const QString &key) { onBarClicked(facet, key); });
    }
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addWidget(m_chartsArea);
    layout->addStretch(1);
    setWidget(content);

    m_exportAction = new QAction(this);
    m_exportAction->setObjectName(QStringLiteral("exportSummaryAction"));
    connect(m_exportAction, &QAction::triggered, this, &SummaryView::exportWithDialog);
    connect(m_exportButton, &QPushButton::clicked, this, &SummaryView::exportWithDialog);

    // Loading adds rows in batches: count again after a pause, not per batch.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(250);
    connect(m_refreshTimer, &QTimer::timeout, this, &SummaryView::refresh);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &SummaryView::scheduleRefresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SummaryView::scheduleRefresh);
    connect(m_pane, &BounceTablePane::facetsChanged, this, &SummaryView::syncSelection);
    connect(m_pane->hardOnlyBox(), &QCheckBox::toggled, this, &SummaryView::syncSelection);
    connect(m_pane->permanentOnlyBox(), &QCheckBox::toggled, this, &SummaryView::syncSelection);

    retranslateUi();
    refresh();
}

void SummaryView::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    render();
}

void SummaryView::scheduleRefresh()
{
    m_dirty = true;
    if (isVisible())
        m_refreshTimer->start();
}

void SummaryView::showEvent(QShowEvent *event)
{
    QScrollArea::showEvent(event);
    if (m_dirty)
        refresh();
}

void SummaryView::refresh()
{
    m_refreshTimer->stop();
    m_dirty = false;
    BounceSummary summary;
    for (const LoadedMessage &m : m_model->messages())
        summary.add(m.analysis);
    m_summary = summary;
    render();
}

void SummaryView::render()
{
    const SummaryReport report(m_summary, m_language);
    const bool empty = m_summary.isEmpty();
    m_empty->setVisible(empty);
    m_chartsArea->setVisible(!empty);
    m_totals->setVisible(!empty);
    m_hint->setVisible(!empty);
    m_exportButton->setEnabled(!empty);
    m_exportAction->setEnabled(!empty);
    m_totals->setText(report.totals());
    for (Facet facet : kFacets) {
        const SummaryReport::Chart c = report.chart(facet);
        m_charts.value(facet)->setBars(c.bars);
        m_charts.value(facet)->setAccessibleName(c.title);
        m_chartTitles.value(facet)->setText(c.title);
        const bool shown = !c.bars.isEmpty();
        m_charts.value(facet)->setVisible(shown);
        m_chartTitles.value(facet)->setVisible(shown);
    }
    syncSelection();
}

void SummaryView::syncSelection()
{
    const BounceFilterProxy *proxy = qobject_cast<BounceFilterProxy *>(m_pane->table()->model());
    if (!proxy)
        return;
    m_charts.value(Facet::Reason)->setSelected(proxy->reason());
    m_charts.value(Facet::Domain)->setSelected(proxy->domain());
    m_charts.value(Facet::Day)->setSelected(proxy->day());
    m_charts.value(Facet::Kind)->setSelected(proxy->kind());
    m_charts.value(Facet::Failure)
        ->setSelected(proxy->hardBouncesOnly() ? SummaryReport::kHard
                : proxy->permanentOnly()       ? SummaryReport::kPermanent
                                               : QString());
}

void SummaryView::onBarClicked(Facet facet, const QString &key)
{
    const BarChart *chart = m_charts.value(facet);
    QString label = key;
    for (const BarChart::Bar &bar : chart->bars())
        if (bar.key == key)
            label = bar.label;
    switch (facet) {
    case Facet::Reason: m_pane->toggleFacet(BounceTablePane::Facet::Reason, key, label); break;
    case Facet::Domain:
        // "Other domains" is many domains: there is no one domain to show.
        if (key != BounceSummary::kOtherDomains)
            m_pane->toggleFacet(BounceTablePane::Facet::Domain, key, label);
        break;
    case Facet::Day: m_pane->toggleFacet(BounceTablePane::Facet::Day, key, label); break;
    case Facet::Kind: m_pane->toggleFacet(BounceTablePane::Facet::Kind, key, label); break;
    case Facet::Failure:
        if (key == SummaryReport::kHard)
            m_pane->hardOnlyBox()->toggle();
        else if (key == SummaryReport::kPermanent)
            m_pane->permanentOnlyBox()->toggle();
        break;
    }
    syncSelection();
}

bool SummaryView::exportTo(const QString &path, QString *error) const
{
    const SummaryReport report(m_summary, m_language);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return report.writePng(path, error);
    if (suffix == QLatin1String("csv"))
        return Exporters::writeFile(path, SummaryWriter::csv(m_summary, m_language, true), error);
    return report.writePdf(path, error);
}

void SummaryView::exportWithDialog()
{
    if (m_dirty)
        refresh();
    const QString title = tr("Export Summary");
    const QString pdf = tr("PDF files, with the charts (*.pdf)");
    const QString png = tr("PNG images, with the charts (*.png)");
    const QString csv = tr("CSV files, the numbers (*.csv)");
    const QString directory
        = QSettings().value(QStringLiteral("exportDirectory"), QDir::homePath()).toString();
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, title,
        QDir(directory).filePath(QStringLiteral("bounce-summary.pdf")),
        pdf + QStringLiteral(";;") + png + QStringLiteral(";;") + csv, &selected);
    if (path.isEmpty())
        return;
    // The chosen type decides when the name has no suffix of its own.
    if (QFileInfo(path).suffix().isEmpty())
        path += selected == png ? QStringLiteral(".png")
            : selected == csv   ? QStringLiteral(".csv")
                                : QStringLiteral(".pdf");
    QSettings().setValue(QStringLiteral("exportDirectory"), QFileInfo(path).absolutePath());
    QString error;
    if (exportTo(path, &error))
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, title,
        tr("The file %1 could not be saved.").arg(QDir::toNativeSeparators(path)), QMessageBox::Ok, this);
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void SummaryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QScrollArea::changeEvent(event);
}

void SummaryView::retranslateUi()
{
    m_title->setText(SummaryReport(m_summary, m_language).title());
    m_empty->setText(
        tr("Nothing is loaded yet. Drop bounced messages, mbox files or folders on the window to "
           "see how many bounced, why, to which domains and when."));
    m_hint->setText(
        tr("Click a bar to show only those bounces in the table below; click it again to show all."));
    m_exportButton->setText(tr("&Export Summary…"));
    m_exportButton->setToolTip(tr("Save the summary as PDF or PNG (with the charts) or as CSV"));
    m_exportAction->setText(tr("&Summary (PDF, PNG or CSV)…"));
    m_exportAction->setStatusTip(tr("Save the summary as PDF or PNG (with the charts) or as CSV"));
    setAccessibleName(tr("Summary"));
    render();
}

} // namespace bouncelens

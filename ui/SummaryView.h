#pragma once

#include "SummaryReport.h"
#include "explain/BounceExplainer.h"
#include "export/BounceSummary.h"

#include <QHash>
#include <QScrollArea>

class QAction;
class QLabel;
class QPushButton;
class QTimer;

namespace bouncelens {

class BounceTableModel;
class BounceTablePane;

// The summary of everything loaded: totals, then charts of recipients by reason and by domain,
// bounces per day, hard/soft and permanent/temporary, messages by kind (SummaryReport's charts).
// Clicking a bar filters the bounce table (BounceTablePane::toggleFacet, or its "hard bounces
// only" / "permanent only" boxes); the bar of the active filter is drawn in the accent colour.
// It follows the model (recounted after a short pause, and only while visible) and exports PDF
// and PNG (with the charts) and CSV (SummaryWriter) in the chosen language.
class SummaryView : public QScrollArea
{
    Q_OBJECT

public:
    SummaryView(BounceTableModel *model, BounceTablePane *pane, QWidget *parent = nullptr);

    void setLanguage(Language language);
    [[nodiscard]] Language language() const { return m_language; }
    // Counts the loaded messages again now (otherwise done after a pause when they change).
    void refresh();
    [[nodiscard]] const BounceSummary &summary() const { return m_summary; }
    [[nodiscard]] BarChart *chart(SummaryReport::Facet facet) const { return m_charts.value(facet); }

    // File > Export > Summary…: asks for a file name; the type follows its suffix.
    [[nodiscard]] QAction *exportAction() const { return m_exportAction; }
    void exportWithDialog();
    // .pdf, .png or .csv, by the path's suffix.
    bool exportTo(const QString &path, QString *error = nullptr) const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    void retranslateUi();
    void render();
    void syncSelection();
    void onBarClicked(SummaryReport::Facet facet, const QString &key);

    BounceTableModel *m_model;
    BounceTablePane *m_pane;
    Language m_language = Language::English;
    BounceSummary m_summary;
    bool m_dirty = true;
    QTimer *m_refreshTimer = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_exportButton = nullptr;
    QAction *m_exportAction = nullptr;
    QWidget *m_chartsArea = nullptr;
    QHash<SummaryReport::Facet, BarChart *> m_charts;
    QHash<SummaryReport::Facet, QLabel *> m_chartTitles;
};

} // namespace bouncelens

#pragma once

#include <QTabWidget>

class QAction;

namespace bouncelens {

class BounceTablePane;
class SummaryView;

// The upper half of the window as two tabs: the current message (message view and explanation)
// and the summary of everything loaded. The table stays below both, so a bar clicked in the
// summary filters the rows in view; opening a row (double-click or Enter) shows its message.
// Owns the View menu's actions that switch tabs.
class WorkspaceTabs : public QTabWidget
{
    Q_OBJECT

public:
    WorkspaceTabs(
        QWidget *messagePage, SummaryView *summary, BounceTablePane *pane, QWidget *parent = nullptr);

    [[nodiscard]] SummaryView *summaryView() const { return m_summary; }
    [[nodiscard]] QAction *showMessageAction() const { return m_showMessage; }
    [[nodiscard]] QAction *showSummaryAction() const { return m_showSummary; }
    void showSummary();
    void showMessage();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    SummaryView *m_summary;
    QAction *m_showMessage = nullptr;
    QAction *m_showSummary = nullptr;
};

} // namespace bouncelens

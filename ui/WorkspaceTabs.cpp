#include "WorkspaceTabs.h"

#include "BounceTablePane.h"
#include "SummaryView.h"

#include <QAction>
#include <QEvent>
#include <QTableView>

namespace bouncelens {

WorkspaceTabs::WorkspaceTabs(
    QWidget *messagePage, SummaryView *summary, BounceTablePane *pane, QWidget *parent)
    : QTabWidget(parent)
    , m_summary(summary)
{
    setObjectName(QStringLiteral("workspaceTabs"));
    setDocumentMode(true);
    addTab(messagePage, QString());
    addTab(summary, QString());
    m_showMessage = new QAction(this);
    m_showMessage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_showMessage, &QAction::triggered, this, &WorkspaceTabs::showMessage);
    m_showSummary = new QAction(this);
    m_showSummary->setObjectName(QStringLiteral("showSummaryAction"));
    m_showSummary->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_showSummary, &QAction::triggered, this, &WorkspaceTabs::showSummary);
    connect(pane->table(), &QAbstractItemView::activated, this, &WorkspaceTabs::showMessage);
    retranslateUi();
}

void WorkspaceTabs::showSummary()
{
    setCurrentWidget(m_summary);
}

void WorkspaceTabs::showMessage()
{
    setCurrentIndex(0);
}

void WorkspaceTabs::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTabWidget::changeEvent(event);
}

void WorkspaceTabs::retranslateUi()
{
    setTabText(0, tr("&Message"));
    setTabText(1, tr("S&ummary"));
    setTabToolTip(1, tr("Counts and charts of everything loaded: reasons, domains, days"));
    m_showMessage->setText(tr("Show &Message"));
    m_showSummary->setText(tr("Show &Summary"));
    m_showSummary->setStatusTip(tr("Counts and charts of everything loaded: reasons, domains, days"));
}

} // namespace bouncelens

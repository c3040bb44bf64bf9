#pragma once

#include "AnalysisResult.h"

#include <QMainWindow>

class QTextBrowser;
class QListWidget;

namespace bouncelens {

// A first, minimal window: open or drop messages, pick one, read its highlighted text and the
// analysis. The full desktop app (explanation panel, bounce table, languages) replaces it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void openPaths(const QStringList &paths);
    [[nodiscard]] const QList<MessageAnalysis> &analyses() const { return m_analyses; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void openDialog();
    void showAnalysis(int row);

    QListWidget *m_list = nullptr;
    QTextBrowser *m_message = nullptr;
    QTextBrowser *m_summary = nullptr;
    QList<MessageAnalysis> m_analyses;
};

} // namespace bouncelens

#include "ExportActions.h"

#include "Exporters.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QStatusBar>

namespace bouncelens {

bool ExportActions::write(ExportKind kind, const QString &path, const QList<LoadedMessage> &messages,
    int current, Language language, QString *error)
{
    const bool hasCurrent = current >= 0 && current < messages.size();
    switch (kind) {
    case ExportKind::SuppressionCsv:
        return Exporters::writeFile(path, Exporters::suppressionCsv(messages), error);
    case ExportKind::TableCsv:
        return Exporters::writeFile(path, Exporters::tableCsv(messages, language), error);
    case ExportKind::TableJson:
        return Exporters::writeFile(path, Exporters::tableJson(messages, language), error);
    case ExportKind::TableJsonLines:
        return Exporters::writeFile(path, Exporters::tableJsonLines(messages, language), error);
    case ExportKind::ReportHtml:
    case ExportKind::ReportPdf: break;
    }
    if (!hasCurrent) {
        if (error)
            *error = tr("No message is selected.");
        return false;
    }
    const MessageAnalysis &a = messages.at(current).analysis;
    const QString html = Exporters::reportHtml(a, language);
    if (kind == ExportKind::ReportHtml)
        return Exporters::writeFile(path, html.toUtf8(), error);
    return Exporters::writePdf(
        path, html, tr("Bounce report: %1").arg(QFileInfo(a.source).fileName()), error);
}

void ExportActions::writeWithDialog(QMainWindow *window, ExportKind kind,
    const QList<LoadedMessage> &messages, int current, Language language)
{
    QString title;
    QString filter;
    QString name;
    switch (kind) {
    case ExportKind::SuppressionCsv:
        title = tr("Export Suppression List");
        filter = tr("CSV files (*.csv)");
        name = QStringLiteral("suppression-list.csv");
        break;
    case ExportKind::TableCsv:
        title = tr("Export Table as CSV");
        filter = tr("CSV files (*.csv)");
        name = QStringLiteral("bounces.csv");
        break;
    case ExportKind::TableJson:
    case ExportKind::TableJsonLines:
        title = tr("Export Table as JSON");
        filter = tr("JSON files (*.json);;JSON Lines, one message per line (*.jsonl)");
        name = QStringLiteral("bounces.json");
        break;
    case ExportKind::ReportHtml:
        title = tr("Export Explanation as HTML");
        filter = tr("HTML files (*.html *.htm)");
        name = QStringLiteral("bounce-report.html");
        break;
    case ExportKind::ReportPdf:
        title = tr("Export Explanation as PDF");
        filter = tr("PDF files (*.pdf)");
        name = QStringLiteral("bounce-report.pdf");
        break;
    }
    const QString directory
        = QSettings().value(QStringLiteral("exportDirectory"), QDir::homePath()).toString();
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(
        window, title, QDir(directory).filePath(name), filter, &selectedFilter);
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("exportDirectory"), QFileInfo(path).absolutePath());
    if (kind == ExportKind::TableJson
        && (path.endsWith(QLatin1String(".jsonl")) || selectedFilter.contains(QLatin1String("jsonl"))))
        kind = ExportKind::TableJsonLines;
    QString error;
    if (write(kind, path, messages, current, language, &error)) {
        window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, title,
        tr("The file %1 could not be saved.").arg(QDir::toNativeSeparators(path)), QMessageBox::Ok, window);
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ExportActions::print(QMainWindow *window, const MessageAnalysis &message, Language language)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, window);
    dialog.setWindowTitle(tr("Print Explanation"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    Exporters::printReport(Exporters::reportHtml(message, language), &printer);
}

} // namespace bouncelens

#pragma once

#include "LoadedMessage.h"
#include "explain/BounceExplainer.h"

#include <QCoreApplication>

class QMainWindow;

namespace bouncelens {

// What File > Export can write: the table (all messages) or the report (the current message).
enum class ExportKind { SuppressionCsv, TableCsv, TableJson, TableJsonLines, ReportHtml, ReportPdf };

// What File > Export and File > Print do: which Exporters function each kind uses, the file
// dialog (remembering its folder) and the outcome shown to the user. The content itself is
// Exporters' (pure functions, tested on their output).
class ExportActions
{
    Q_DECLARE_TR_FUNCTIONS(ExportActions)

public:
    // Writes `kind` to `path` without asking. The report kinds need `current`, an index into
    // `messages` (-1: none, which fails with "No message is selected.").
    [[nodiscard]] static bool write(ExportKind kind, const QString &path,
        const QList<LoadedMessage> &messages, int current, Language language, QString *error = nullptr);

    // Asks for a file name, writes, and says how it went: "Saved …" in `window`'s status bar, or a
    // warning box (window-modal, not blocking). A ".jsonl" name turns TableJson into JSON Lines.
    static void writeWithDialog(QMainWindow *window, ExportKind kind, const QList<LoadedMessage> &messages,
        int current, Language language);

    // The print dialog, then the report of `message` on the chosen printer.
    static void print(QMainWindow *window, const MessageAnalysis &message, Language language);
};

} // namespace bouncelens

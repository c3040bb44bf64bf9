#pragma once

#include "LoadedMessage.h"
#include "explain/BounceExplainer.h"

#include <QCoreApplication>

#include <functional>

class QIODevice;

class QPagedPaintDevice;

namespace bouncelens {

// The files BounceLens writes. Pure functions from analyses to bytes (or a document), so each
// is tested on its content; the dialogs live in MainWindow.
//
// - suppressionCsv: header "email,suggestion", then every hard-bounced address once (lower case,
//   sorted) with the likely intended address of a mistyped one ("" when none; AddressSuggester),
//   CRLF line ends (RFC 4180), no BOM: what mailing tools import as a suppression list.
// - tableCsv: the whole table, one row per recipient (or per message without one), technical
//   column names and values (reason ids, true/false) plus the explanation's headline in the
//   chosen language. UTF-8 with BOM so spreadsheet programs read Japanese correctly; cells that
//   a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.
// - tableJson: a JSON array of JsonExport objects (the CLI's format, one element per message);
//   tableJsonLines: the CLI's own one-object-per-line form.
// - reportHtml: the explanation of one message with its highlighted text, for HTML, PDF and print.
class Exporters
{
    Q_DECLARE_TR_FUNCTIONS(Exporters)

public:
    [[nodiscard]] static QStringList hardBouncedAddresses(const QList<LoadedMessage> &messages);
    [[nodiscard]] static QByteArray suppressionCsv(const QList<LoadedMessage> &messages);
    [[nodiscard]] static QByteArray tableCsv(const QList<LoadedMessage> &messages, Language language);
    [[nodiscard]] static QByteArray tableJson(const QList<LoadedMessage> &messages, Language language);
    [[nodiscard]] static QByteArray tableJsonLines(const QList<LoadedMessage> &messages, Language language);
    [[nodiscard]] static QString reportHtml(const MessageAnalysis &message, Language language);

    // The JSON exports written to PATH one message at a time (atomically, QSaveFile): `message(i)`
    // gives the i-th of `count` messages whole, so that the export never holds more than one
    // analysis (the window keeps its messages compact and brings each back for this). `lines`:
    // one object a line, else one array; the bytes equal tableJsonLines / tableJson.
    using MessageSource = std::function<MessageAnalysis(int)>;
    [[nodiscard]] static bool writeTableJson(const QString &path, int count, const MessageSource &message,
        Language language, bool lines, QString *error);

    // Lays the report out on a printer or PDF writer.
    static void printReport(const QString &html, QPagedPaintDevice *device);
    // Writes atomically (QSaveFile): a failed export never leaves half a file behind.
    [[nodiscard]] static bool writeFile(const QString &path, const QByteArray &bytes, QString *error);
    [[nodiscard]] static bool writePdf(
        const QString &path, const QString &html, const QString &title, QString *error);

private:
    static void writeJson(
        QIODevice &out, int count, const MessageSource &message, Language language, bool lines);
};

} // namespace bouncelens

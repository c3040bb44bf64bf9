#pragma once

#include "analysis/AnalysisResult.h"
#include "message/MessageLoader.h"

#include <QMetaType>

namespace bouncelens {

// One analysed message as the window keeps it.
//
// A message read from a file is kept compact: its analysis without the display text and spans
// (what the table, the filters and the CSV exports need), no bytes, and where it lives
// (analysis.source, offset, length), so that BounceTableModel::fullMessage() reads and analyses
// it again when it is shown. A message that has no file to go back to (pasted, fetched,
// standard input) keeps everything: its whole analysis and the bytes it was analysed from, so
// that the raw-source view shows exactly what was read.
struct LoadedMessage
{
    MessageAnalysis analysis;
    QByteArray raw;
    qint64 offset = -1; // byte range in analysis.source; -1: not re-readable, kept whole
    qint64 length = 0;

    [[nodiscard]] bool isCompact() const { return offset >= 0; }
    // The compact form of a message read from RAW (a file, not standard input).
    [[nodiscard]] static LoadedMessage compact(MessageAnalysis analysis, const RawMessage &raw)
    {
        analysis.displayText = QString();
        analysis.spans = {};
        LoadedMessage m {std::move(analysis), {}, raw.offset, raw.length};
        return m;
    }
};

} // namespace bouncelens

Q_DECLARE_METATYPE(bouncelens::LoadedMessage)

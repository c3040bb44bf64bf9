#pragma once

#include "analysis/AnalysisResult.h"
#include "explain/BounceExplainer.h"

#include <QByteArray>
#include <QIODevice>
#include <QJsonObject>

namespace bouncelens {

// The command line contract's JSON (DESIGN.md): one object per message.
class JsonExport
{
public:
    [[nodiscard]] static QJsonObject toJson(const MessageAnalysis &analysis, Language language);
    // One compact line, newline-terminated.
    [[nodiscard]] static QByteArray toJsonLine(const MessageAnalysis &analysis, Language language);
    // The same line written to `device` in chunks as it is produced (a report naming 100,000
    // recipients gives a line of 180 MB that is never held whole). Returns the bytes written.
    static qint64 writeJsonLine(QIODevice &device, const MessageAnalysis &analysis, Language language);
};

} // namespace bouncelens

#pragma once

#include "AnalysisResult.h"
#include "BounceExplainer.h"

#include <QByteArray>
#include <QJsonObject>

namespace bouncelens {

// The command line contract's JSON (DESIGN.md): one object per message.
class JsonExport
{
public:
    [[nodiscard]] static QJsonObject toJson(const MessageAnalysis &analysis, Language language);
    // One compact line, newline-terminated.
    [[nodiscard]] static QByteArray toJsonLine(const MessageAnalysis &analysis, Language language);
};

} // namespace bouncelens

#pragma once

#include "analysis/AnalysisResult.h"
#include "message/MessageLoader.h"

#include <QMetaType>

namespace bouncelens {

// One analysed message together with the bytes it was analysed from, so that the raw-source
// view shows exactly what was read without going back to the disk (or the clipboard, which
// may have changed since).
struct LoadedMessage
{
    MessageAnalysis analysis;
    QByteArray raw;
};

} // namespace bouncelens

Q_DECLARE_METATYPE(bouncelens::LoadedMessage)

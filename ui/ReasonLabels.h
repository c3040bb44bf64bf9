#pragma once

#include "analysis/AnalysisResult.h"

#include <QCoreApplication>
#include <QStringList>

namespace bouncelens {

// Short, translated names for the reasons (Sisimai 5.6 names) and message kinds, for table
// cells and filter lists, where the explainer's full headline would be too long.
class ReasonLabels
{
    Q_DECLARE_TR_FUNCTIONS(ReasonLabels)

public:
    [[nodiscard]] static QString reason(const QString &reason);
    [[nodiscard]] static QString kind(MessageKind kind);
    [[nodiscard]] static QString verdict(bool permanent); // a label or badge
    [[nodiscard]] static QString verdictInSentence(bool permanent); // after the headline's dash
};

} // namespace bouncelens

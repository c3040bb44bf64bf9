#pragma once

#include "analysis/AnalysisResult.h"
#include "message/MessageLoader.h"
#include "message/MimeExtractor.h"

namespace bouncelens {

// The core's entry point: one raw message in, one MessageAnalysis out. Never throws; whatever
// goes wrong ends up in MessageAnalysis::error in words a user can read. Stateless apart from
// its limits, so one analyzer may serve several threads.
class BounceAnalyzer
{
public:
    explicit BounceAnalyzer(ExtractorLimits limits = {})
        : m_extractor(limits)
    { }

    [[nodiscard]] MessageAnalysis analyze(const RawMessage &message) const;
    [[nodiscard]] MessageAnalysis analyze(const QByteArray &bytes, const QString &source = QString()) const;

private:
    MimeExtractor m_extractor;
};

} // namespace bouncelens

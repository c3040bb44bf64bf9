// libFuzzer target (issue 8): arbitrary bytes through the loader's mbox splitting and the
// analyzer, and the JSON line the CLI prints. Any crash, sanitizer report, timeout (-timeout) or
// memory blow-up (-rss_limit_mb) is a finding; .ci/fuzz.sh keeps each as a fixture under
// tests/fixtures/fuzz/, which tst_hostile replays.
#include "analysis/BounceAnalyzer.h"
#include "export/JsonExport.h"
#include "message/MessageLoader.h"

#include <cstddef>
#include <cstdint>

using namespace bouncelens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const BounceAnalyzer analyzer;
    static const MessageLoader loader;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    // The whole input as one message, as the GUI's byte entry point sees it.
    const MessageAnalysis whole = analyzer.analyze(bytes, QStringLiteral("fuzz"));
    (void)JsonExport::toJsonLine(whole, Language::English);

    // As a file would be read: split (mbox or one message), then each message.
    const QList<RawMessage> messages = loader.split(bytes, QStringLiteral("fuzz"));
    for (const RawMessage &m : messages) {
        const MessageAnalysis a = analyzer.analyze(m);
        (void)JsonExport::toJsonLine(a, Language::Japanese);
        for (const Span &s : a.spans)
            if (s.start < 0 || s.length < 0 || s.start + s.length > a.displayText.size())
                __builtin_trap(); // spans must lie inside the display text
    }
    return 0;
}

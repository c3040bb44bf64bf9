#pragma once

#include "classify/CompiledRules.h"
#include "classify/ScanText.h"

#include <QString>

namespace bouncelens::classification {

// What the server's words say about the failed SMTP exchange: the failure's codes when the
// report gives none, and the command the failure answered (Postfix's "in reply to RCPT TO
// command", Exim's "after RCPT TO", Sendmail's ">>> RCPT" / "<<< 550" transcripts).
// Bounded left-to-right scans only.

// The first enhanced status code of a failure (class 4 or 5) in the first 4 KB of `text`;
// success codes of a transcript ("250 2.1.5 Ok") are skipped. "" when none.
[[nodiscard]] QString statusInText(const QString &text);

// A 4xx/5xx reply code that opens the diagnostic ("550 ...", "550-..."); "" when none.
[[nodiscard]] QString replyInText(const QString &text);

// In a Sendmail-style transcript (">>> CMD" / "<<< reply") the failing command is the last one
// sent before the first 4xx/5xx reply after `from` (where the recipient's part begins), when
// that reply comes before `until` (-1: anywhere).
[[nodiscard]] Command commandInTranscript(const ScanText &text, qsizetype from = 0, qsizetype until = -1);

// What the markers ("in reply to RCPT TO command") or else the first transcript say.
[[nodiscard]] Command commandIn(const ScanText &text);

} // namespace bouncelens::classification

#pragma once

#include <QStringList>

namespace bouncelens {

// `bouncelens summary [--lang en|ja] [--format text|json|csv] PATH...`: one summary of every
// message in the inputs (export/BounceSummary), counted from the same analyses `explain` writes.
// Exit status as explain's: 0 all inputs read, 1 some could not be read, 2 usage error.
[[nodiscard]] int runSummaryCommand(const QStringList &arguments);

} // namespace bouncelens

#pragma once
// One CSV field (RFC 4180), shared by every CSV BounceLens writes: the summary's
// (`bouncelens summary --format csv`) and the window's table and suppression exports.
#include <QString>

namespace bouncelens {

enum class FormulaGuard { Off, On };

// The value, quoted when it holds a comma, a quote or a line break (quotes doubled). With the
// guard on, a value a spreadsheet would run as a formula (first character = + - @, tab or CR) is
// prefixed with ' so that it stays text; addresses are written unguarded (a leading '-' is legal).
[[nodiscard]] QString csvField(const QString &value, FormulaGuard guard = FormulaGuard::On);

} // namespace bouncelens

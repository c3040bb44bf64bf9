#pragma once

#include <QStringList>

namespace bouncelens::bench {

// The window's table without the window: the messages under PATHS analysed once, kept compact as
// the window keeps them and repeated until the model holds about ROWS rows; prints the time to
// append, to sort on every column and to filter by search words and by reason through the
// window's proxy, and the resident memory the rows take.
void runModelBench(int rows, const QStringList &paths);

} // namespace bouncelens::bench

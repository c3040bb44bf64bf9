#pragma once

#include <QStringList>

namespace bouncelens {

// `bouncelens catalog [--lang en|ja] [--format text|json]`: prints the whole knowledge base.
[[nodiscard]] int runCatalogCommand(const QStringList &arguments);

} // namespace bouncelens

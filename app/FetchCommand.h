#pragma once

#include <QStringList>

namespace bouncelens {

// `bouncelens fetch [options] URL`: reads bounces from an IMAP or POP3 mailbox without
// modifying it and prints them like `explain`.
[[nodiscard]] int runFetchCommand(const QStringList &arguments);

} // namespace bouncelens

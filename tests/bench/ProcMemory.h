#pragma once
// Process memory figures from /proc (Linux), shared by the benchmark and tst_hostile so both
// report peaks the same way.
#include <QByteArray>
#include <QFile>

namespace bouncelens::bench {

// A "VmRSS" / "VmHWM" style field of /proc/self/status, in kB; -1 when unavailable.
inline qint64 procStatusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Linux resets VmHWM to the current RSS when "5" is written to clear_refs.
inline void resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

} // namespace bouncelens::bench

#include "ExplainProgress.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <cstdio>

#include <unistd.h>

namespace bouncelens {

namespace {

QString duration(qint64 seconds)
{
    return seconds >= 3600
        ? QStringLiteral("%1:%2:%3")
              .arg(seconds / 3600)
              .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
              .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        : QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ExplainProgress::ExplainProgress(qint64 totalBytes)
    : m_totalBytes(totalBytes)
    , m_enabled(enabled())
{
    m_clock.start();
}

ExplainProgress::~ExplainProgress()
{
    finish();
}

bool ExplainProgress::enabled()
{
    return isatty(STDERR_FILENO) == 1;
}

void ExplainProgress::update(qint64 messages, qint64 bytesRead)
{
    if (!m_enabled)
        return;
    const qint64 now = m_clock.elapsed();
    if (m_lastDraw >= 0 && now - m_lastDraw < 250)
        return;
    m_lastDraw = now;
    const QLocale locale;
    const double seconds = qMax<qint64>(now, 1) / 1000.0;
    const qint64 rate = qint64(messages / seconds);
    QString line = QCoreApplication::translate("ExplainProgress", "%1 messages, %2 per second")
                       .arg(locale.toString(messages), locale.toString(rate));
    if (m_totalBytes > 0 && bytesRead > 0 && now >= 1000) {
        const double share = qMin(1.0, double(bytesRead) / double(m_totalBytes));
        const qint64 left = qint64(seconds * (1.0 - share) / share + 0.5);
        line += QCoreApplication::translate("ExplainProgress", ", %1 left").arg(duration(left));
    }
    std::fprintf(stderr, "\r%s\033[K", line.toLocal8Bit().constData());
    std::fflush(stderr);
    m_drawn = true;
}

void ExplainProgress::finish()
{
    if (!m_drawn)
        return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    m_drawn = false;
}

} // namespace bouncelens

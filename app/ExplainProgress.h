#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace bouncelens {

// The explain command's progress line on standard error: messages done, messages per second and
// the time left (from the share of input bytes read). Drawn only when standard error is a
// terminal, at most four times a second, and erased at the end, so that redirected or piped
// runs see nothing of it.
class ExplainProgress
{
public:
    // totalBytes: the size of all inputs, or -1 when unknown (then no time left is shown).
    explicit ExplainProgress(qint64 totalBytes);
    ~ExplainProgress();
    ExplainProgress(const ExplainProgress &) = delete;
    ExplainProgress &operator=(const ExplainProgress &) = delete;

    [[nodiscard]] static bool enabled();
    void update(qint64 messages, qint64 bytesRead);
    void finish();

private:
    qint64 m_totalBytes;
    bool m_enabled;
    bool m_drawn = false;
    QElapsedTimer m_clock;
    qint64 m_lastDraw = -1;
};

} // namespace bouncelens

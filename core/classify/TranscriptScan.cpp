#include "classify/TranscriptScan.h"

namespace bouncelens::classification {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

Command commandOfWord(QStringView word)
{
    if (word.startsWith(u"rcpt"))
        return Command::Rcpt;
    if (word.startsWith(u"data"))
        return Command::Data;
    if (word.startsWith(u"mail"))
        return Command::Mail;
    if (word.startsWith(u"helo") || word.startsWith(u"ehlo"))
        return Command::Helo;
    return Command::Unknown;
}

} // namespace

// The first enhanced status code of a failure (class 4 or 5) in the text: a bounded left-to-right scan.
QString statusInText(const QString &text)
{
    const qsizetype n = qMin(text.size(), qsizetype(4096));
    for (qsizetype i = 0; i + 4 < n; ++i) {
        const QChar c = text.at(i);
        // Class 2 codes in a transcript ("250 2.1.5 Ok") belong to the commands that worked.
        if (c != QLatin1Char('4') && c != QLatin1Char('5'))
            continue;
        if (i > 0 && (isDigit(text.at(i - 1)) || text.at(i - 1) == QLatin1Char('.')))
            continue;
        if (text.at(i + 1) != QLatin1Char('.'))
            continue;
        qsizetype j = i + 2;
        qsizetype digits = 0;
        while (j < n && isDigit(text.at(j)) && digits < 3) {
            ++j;
            ++digits;
        }
        if (digits == 0 || j >= n || text.at(j) != QLatin1Char('.'))
            continue;
        qsizetype k = j + 1;
        digits = 0;
        while (k < n && isDigit(text.at(k)) && digits < 3) {
            ++k;
            ++digits;
        }
        if (digits == 0 || (k < n && (isDigit(text.at(k)) || text.at(k) == QLatin1Char('.'))))
            continue;
        return text.mid(i, k - i);
    }
    return {};
}

// A reply code at the start of the diagnostic ("550 ...", "550-...").
QString replyInText(const QString &text)
{
    const QStringView t = QStringView(text).left(64).trimmed();
    if (t.size() >= 3 && isDigit(t.at(0)) && isDigit(t.at(1)) && isDigit(t.at(2))
        && (t.at(0) == QLatin1Char('4') || t.at(0) == QLatin1Char('5'))
        && (t.size() == 3 || t.at(3) == QLatin1Char(' ') || t.at(3) == QLatin1Char('-')))
        return t.left(3).toString();
    return {};
}

// In a Sendmail-style transcript (">>> CMD" / "<<< reply") the failing command is the last one
// sent before the first 4xx/5xx reply after `from` (where the recipient's part begins), when
// that reply comes before `until`.
Command commandInTranscript(const ScanText &text, qsizetype from, qsizetype until)
{
    const Tables &t = tables();
    qsizetype failure = -1;
    for (const int mark : {t.failure4, t.failure5}) {
        const qsizetype at = text.firstFrom(mark, from);
        if (at >= 0 && (failure < 0 || at < failure))
            failure = at;
    }
    if (failure < 0 || (until >= 0 && failure > until))
        return Command::Unknown;
    const qsizetype sent = text.lastUpTo(t.sent, failure);
    if (sent < 0)
        return Command::Unknown;
    return commandOfWord(QStringView(text.norm()).mid(sent + 4, 4));
}

// What the markers ("in reply to RCPT TO command") or else the first transcript say.
Command commandIn(const ScanText &text)
{
    if (text.isEmpty())
        return Command::Unknown;
    for (const CommandMarker &m : tables().commandMarkers)
        if (text.first(m.pattern) >= 0)
            return m.command;
    return commandInTranscript(text);
}

} // namespace bouncelens::classification

#include "classify/SmtpCodes.h"

namespace bouncelens {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Characters that may stand right before a code: "said: 550", "(550)", "#5.1.1", "<550".
bool okBefore(QStringView text, qsizetype pos)
{
    if (pos == 0)
        return true;
    const QChar c = text.at(pos - 1);
    if (isWordChar(c) || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('+')
        || c == QLatin1Char('/') || c == QLatin1Char('=') || c == QLatin1Char('@') || c == QLatin1Char('$'))
        return false;
    // "12:550" is a time or a port; ": 550" is not.
    if (c == QLatin1Char(':') && pos >= 2 && isDigit(text.at(pos - 2)))
        return false;
    return true;
}

bool okAfter(QStringView text, qsizetype end)
{
    if (end >= text.size())
        return true;
    const QChar c = text.at(end);
    if (isWordChar(c) || c == QLatin1Char('@') || c == QLatin1Char('%') || c == QLatin1Char('/'))
        return false;
    // "5.1.1." at the end of a sentence is fine; "5.1.1.2" (a version or an address) is not.
    if ((c == QLatin1Char('.') || c == QLatin1Char(':') || c == QLatin1Char(',')) && end + 1 < text.size()
        && isDigit(text.at(end + 1)))
        return false;
    return true;
}

qsizetype digitsAt(QStringView text, qsizetype pos, qsizetype max)
{
    qsizetype n = 0;
    while (pos + n < text.size() && n <= max && isDigit(text.at(pos + n)))
        ++n;
    return n;
}

bool isSuccessReply(QStringView code)
{
    static const char *const known[] = {"211", "214", "220", "221", "235", "250", "251", "252", "253"};
    for (const char *k : known)
        if (code == QLatin1String(k))
            return true;
    return false;
}

} // namespace

CodeMatch SmtpCodes::findReplyCode(QStringView text, qsizetype from)
{
    for (qsizetype i = qMax<qsizetype>(from, 0); i + 3 <= text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('2') && c != QLatin1Char('4') && c != QLatin1Char('5'))
            continue;
        if (!isDigit(text.at(i + 1)) || text.at(i + 1) > QLatin1Char('5') || !isDigit(text.at(i + 2)))
            continue;
        if (!okBefore(text, i) || !okAfter(text, i + 3))
            continue;
        // Success replies are few (RFC 5321, 4954, 1985): "255" is an exit status, not a reply.
        if (c == QLatin1Char('2') && !isSuccessReply(text.mid(i, 3)))
            continue;
        // "550.": a reply code is never followed by a dot and a digit (handled by okAfter),
        // but "5.1.1" must not yield "5": the checks above already need three digits.
        return {i, 3, text.mid(i, 3).toString()};
    }
    return {};
}

CodeMatch SmtpCodes::findStatusCode(QStringView text, qsizetype from)
{
    for (qsizetype i = qMax<qsizetype>(from, 0); i + 5 <= text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('2') && c != QLatin1Char('4') && c != QLatin1Char('5'))
            continue;
        if (text.at(i + 1) != QLatin1Char('.') || !okBefore(text, i))
            continue;
        const qsizetype subject = digitsAt(text, i + 2, 3);
        if (subject < 1 || subject > 3)
            continue;
        const qsizetype dot = i + 2 + subject;
        if (dot >= text.size() || text.at(dot) != QLatin1Char('.'))
            continue;
        const qsizetype detail = digitsAt(text, dot + 1, 3);
        if (detail < 1 || detail > 3)
            continue;
        const qsizetype end = dot + 1 + detail;
        if (!okAfter(text, end))
            continue;
        return {i, end - i, text.mid(i, end - i).toString()};
    }
    return {};
}

bool SmtpCodes::isStatusCode(QStringView text)
{
    const CodeMatch m = findStatusCode(text);
    return m.position == 0 && m.length == text.size();
}

bool SmtpCodes::isReplyCode(QStringView text)
{
    const CodeMatch m = findReplyCode(text);
    return m.position == 0 && m.length == text.size();
}

namespace {

// "550 5.7.1", "550-5.7.1" or "550-'5.7.1": the status code the replying server paired with its
// reply code (a quote opened in between is the reporting MTA's).
bool followsReplyCode(QStringView text, qsizetype position)
{
    if (position >= 1
        && (text.at(position - 1) == QLatin1Char('\'') || text.at(position - 1) == QLatin1Char('"')))
        --position;
    if (position < 4
        || (text.at(position - 1) != QLatin1Char(' ') && text.at(position - 1) != QLatin1Char('-')))
        return false;
    const CodeMatch reply = SmtpCodes::findReplyCode(text.mid(position - 4, 3));
    return reply.found();
}

} // namespace

CodeMatch SmtpCodes::findPreferredStatusCode(QStringView text)
{
    CodeMatch generic;
    CodeMatch specific;
    for (qsizetype from = 0; from < text.size();) {
        const CodeMatch m = findStatusCode(text, from);
        if (!m.found())
            break;
        from = m.position + m.length;
        if (isGenericStatus(m.code)) {
            if (!generic.found())
                generic = m;
        } else if (followsReplyCode(text, m.position)) {
            return m;
        } else if (!specific.found()) {
            specific = m;
        }
    }
    return specific.found() ? specific : generic;
}

CodeMatch SmtpCodes::findReplyCodeOfClass(QStringView text, QChar klass, qsizetype from)
{
    while (from < text.size()) {
        const CodeMatch m = findReplyCode(text, from);
        if (!m.found() || m.code.front() == klass)
            return m;
        from = m.position + m.length;
    }
    return {};
}

bool SmtpCodes::isGenericStatus(QStringView code)
{
    return code.endsWith(QLatin1String(".0.0")) || code == QLatin1String("4.4.7");
}

bool SmtpCodes::isSpecificStatus(QStringView code)
{
    if (!isStatusCode(code) || code.front() == QLatin1Char('2'))
        return false;
    const qsizetype secondDot = code.indexOf(QLatin1Char('.'), 2);
    return code.at(2) != QLatin1Char('0') && !code.mid(secondDot + 1).contains(QLatin1Char('0'));
}

void SmtpCodes::settleCodes(RecipientResult &r)
{
    const QString &diagnostic = r.diagnostic;
    if (!diagnostic.isEmpty()) {
        const CodeMatch status = findPreferredStatusCode(diagnostic);
        const bool overrules = status.found()
            && (r.status.isEmpty() || isSpecificStatus(status.code)
                || (isGenericStatus(r.status) && !isGenericStatus(status.code)
                    && status.code.front() == r.status.front()));
        if (overrules)
            r.status = status.code;
        if (r.replyCode.isEmpty()) {
            const CodeMatch reply = r.status.isEmpty() ? findReplyCode(diagnostic)
                                                       : findReplyCodeOfClass(diagnostic, r.status.front());
            if (reply.found())
                r.replyCode = reply.code;
        }
    }
    if (!r.status.isEmpty() && !r.replyCode.isEmpty() && r.status.front() != r.replyCode.front()) {
        const CodeMatch reply = findReplyCodeOfClass(diagnostic, r.status.front());
        r.replyCode = reply.found() ? reply.code : QString();
    }
}

} // namespace bouncelens

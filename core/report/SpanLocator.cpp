#include "report/SpanLocator.h"

#include "classify/SmtpCodes.h"
#include "report/BounceMarkers.h"

namespace bouncelens {

namespace {

qsizetype skipSpaces(QStringView s, qsizetype i)
{
    while (i < s.size() && s.at(i).isSpace())
        ++i;
    return i;
}

// The code `code` as a whole code inside [from, to) of `text`.
qsizetype findCode(QStringView text, const QString &code, qsizetype from, qsizetype to, bool status)
{
    if (code.isEmpty())
        return -1;
    const QStringView scope = text.left(qMin(to, text.size()));
    qsizetype pos = from;
    while (pos < scope.size()) {
        const CodeMatch m
            = status ? SmtpCodes::findStatusCode(scope, pos) : SmtpCodes::findReplyCode(scope, pos);
        if (!m.found())
            return -1;
        if (m.code == code)
            return m.position;
        pos = m.position + 1;
    }
    return -1;
}

// Past the reply and status codes that open the server's words at `at` ("550 5.1.1 ",
// "554 554 5.7.1 ", "550-'5.7.1 ", "521-5.7.1 "), and the separators after them.
qsizetype skipCodes(QStringView text, qsizetype at, qsizetype end)
{
    auto isSeparator = [](QChar c) {
        return c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char(':') || c == QLatin1Char('\'')
            || c == QLatin1Char('"');
    };
    qsizetype pos = at;
    for (int round = 0; round < 4 && pos < end; ++round) {
        // Codes only: a token checked within a few characters, never a scan of the text.
        const QStringView token = text.mid(pos, qMin<qsizetype>(12, end - pos));
        const CodeMatch reply = SmtpCodes::findReplyCode(token.left(qMin<qsizetype>(4, token.size())));
        const CodeMatch status = SmtpCodes::findStatusCode(token);
        qsizetype next = pos;
        if (reply.position == 0)
            next = pos + reply.length;
        else if (status.position == 0)
            next = pos + status.length;
        else if (round > 0 || !isSeparator(text.at(pos)))
            break;
        while (next < end && isSeparator(text.at(next)))
            ++next;
        if (next == pos)
            break;
        pos = next;
    }
    return pos;
}

qsizetype lineStart(QStringView text, qsizetype pos)
{
    while (pos > 0 && text.at(pos - 1) != QLatin1Char('\n'))
        --pos;
    return pos;
}

qsizetype lineEnd(QStringView text, qsizetype pos, qsizetype limit)
{
    const qsizetype nl = text.left(limit).indexOf(QLatin1Char('\n'), pos);
    return nl < 0 ? limit : nl;
}

qsizetype indentOf(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == QLatin1Char(' ') || line.at(i) == QLatin1Char('\t')))
        ++i;
    return i;
}

// "550-" (a line of a multi-line reply that more lines follow) or "550 " with `code`.
bool opensReplyLine(QStringView line, QStringView code, bool continued)
{
    line = line.mid(indentOf(line));
    if (line.startsWith(QLatin1String("<<<")))
        line = line.mid(3).trimmed();
    return line.size() > 3 && line.startsWith(code)
        && (line.at(3) == QLatin1Char('-') || (!continued && line.at(3) == QLatin1Char(' ')));
}

// A line of an SMTP session transcript: the next command or reply, not more of this one.
bool isTranscriptLine(QStringView line)
{
    static const QLatin1String markers[]
        = {QLatin1String("In:"), QLatin1String("Out:"), QLatin1String(">>>"), QLatin1String("<<<")};
    for (const QLatin1String &m : markers)
        if (line.startsWith(m))
            return true;
    return false;
}

// Where the server's reply that holds the codes at `codeAt` ends, at most at `limit`: the end
// of the line, plus the lines that continue it: indented deeper than the code line (folded
// fields), or as deep when the code line is indented itself (Postfix wraps the reply at its
// indent), or the further lines of a multi-line reply ("550-5.1.1 ..." followed by
// "550 5.1.1 ..."). Lines the reporting MTA writes itself ("Giving up on ..." at the margin,
// Exim's next recipient at a shallower indent, the next command of a transcript) end it.
qsizetype replyEnd(QStringView text, qsizetype codeAt, qsizetype limit)
{
    const qsizetype first = lineStart(text, codeAt);
    qsizetype end = lineEnd(text, codeAt, limit);
    const QStringView codeLine = text.mid(first, end - first);
    const qsizetype indent = indentOf(codeLine);
    const QStringView code = text.mid(codeAt, 3);
    bool multiLine = SmtpCodes::isReplyCode(code) && opensReplyLine(codeLine, code, true);
    while (end < limit) {
        const qsizetype next = end + 1;
        const qsizetype nextEnd = lineEnd(text, next, limit);
        const QStringView line = text.mid(next, nextEnd - next);
        const qsizetype lineIndent = indentOf(line);
        if (lineIndent == line.size())
            break; // blank
        const bool indented = lineIndent > indent
            || (lineIndent > 0 && lineIndent == indent && !isTranscriptLine(line.mid(lineIndent)));
        const bool replyGoesOn = multiLine && opensReplyLine(line, code, false);
        if (!indented && !replyGoesOn)
            break;
        if (replyGoesOn)
            multiLine = opensReplyLine(line, code, true);
        end = nextEnd;
    }
    return end;
}

} // namespace

namespace {

// A text with every run of whitespace collapsed to one space, and where each of its characters
// stands in the original: whitespace-insensitive searches become plain searches on it.
struct Collapsed
{
    QString text;
    QList<qsizetype> at; // original index of text[i]

    static Collapsed of(QStringView s)
    {
        Collapsed c;
        c.text.reserve(s.size());
        c.at.reserve(s.size());
        bool space = false;
        for (qsizetype i = 0; i < s.size(); ++i) {
            if (s.at(i).isSpace()) {
                if (!space) {
                    c.text.append(QLatin1Char(' '));
                    c.at.append(i);
                }
                space = true;
                continue;
            }
            space = false;
            c.text.append(s.at(i));
            c.at.append(i);
        }
        return c;
    }

    // The collapsed index of the first character at or after original index `from`.
    [[nodiscard]] qsizetype indexAt(qsizetype from) const
    {
        return std::lower_bound(at.begin(), at.end(), from) - at.begin();
    }
};

// Knuth-Morris-Pratt: linear in both sizes whatever the texts repeat (a naive search is
// quadratic on "550 550 550 ..."). `work` is increased by the characters examined.
qsizetype findLinear(QStringView hay, QStringView needle, qsizetype from, qsizetype &work)
{
    const qsizetype m = needle.size();
    if (m == 0 || from < 0 || hay.size() - from < m)
        return -1;
    QList<qsizetype> fail(m, 0);
    for (qsizetype i = 1, k = 0; i < m; ++i) {
        while (k > 0 && needle.at(i) != needle.at(k))
            k = fail.at(k - 1);
        if (needle.at(i) == needle.at(k))
            ++k;
        fail[i] = k;
    }
    work += m;
    for (qsizetype i = from, k = 0; i < hay.size(); ++i) {
        while (k > 0 && hay.at(i) != needle.at(k))
            k = fail.at(k - 1);
        if (hay.at(i) == needle.at(k))
            ++k;
        if (k == m) {
            work += i - from;
            return i - m + 1;
        }
    }
    work += hay.size() - from;
    return -1;
}

qsizetype indexOfCollapsed(
    const Collapsed &hay, QStringView needle, qsizetype from, qsizetype &length, qsizetype &work)
{
    length = 0;
    const QString simple = needle.toString().simplified();
    if (simple.isEmpty())
        return -1;
    const qsizetype found = findLinear(hay.text, simple, hay.indexAt(from), work);
    if (found < 0)
        return -1;
    const qsizetype start = hay.at.at(found);
    length = hay.at.at(found + simple.size() - 1) + 1 - start;
    return start;
}

} // namespace

qsizetype SpanLocator::indexOfLoose(
    QStringView haystack, QStringView needle, qsizetype from, qsizetype &length)
{
    qsizetype work = 0;
    return indexOfCollapsed(
        Collapsed::of(haystack.left(qMin(haystack.size(), kSearchLimit))), needle, from, length, work);
}

const PhraseMatcher &SpanLocator::noticeMatcher()
{
    static const PhraseMatcher matcher(BounceMarkers::noticeStarts());
    return matcher;
}

Span SpanLocator::noticeSpan(const QString &text, qsizetype end)
{
    Span span;
    span.role = SpanRole::Notice;
    const QStringView scope = QStringView(text).left(qMin(end, kSearchLimit));
    // A notice opens a line ("Your message" inside a sentence is no notice): the first marker
    // that does, in one case-insensitive pass.
    qsizetype start = noticeMatcher().find(scope, 0, -1, true);
    if (start < 0) {
        // The first paragraph with letters in it.
        start = skipSpaces(scope, 0);
        while (start < scope.size()) {
            qsizetype paraEnd = scope.indexOf(QLatin1String("\n\n"), start);
            if (paraEnd < 0)
                paraEnd = scope.size();
            bool letters = false;
            for (qsizetype i = start; i < paraEnd && !letters; ++i)
                letters = scope.at(i).isLetter();
            if (letters)
                break;
            start = skipSpaces(scope, paraEnd);
        }
        if (start >= scope.size())
            return span;
    }
    qsizetype paraEnd = scope.indexOf(QLatin1String("\n\n"), start);
    if (paraEnd < 0)
        paraEnd = scope.size();
    // A long paragraph is cut at its first sentence end after 80 characters.
    if (paraEnd - start > 400) {
        const qsizetype dot = scope.indexOf(QLatin1String(". "), start + 80);
        paraEnd = dot > 0 && dot < start + 400 ? dot + 1 : start + 400;
    }
    while (paraEnd > start && scope.at(paraEnd - 1).isSpace())
        --paraEnd;
    span.start = start;
    span.length = paraEnd - start;
    return span;
}

QList<Span> SpanLocator::locate(
    const MessageAnalysis &analysis, qsizetype bounceTextEnd, qsizetype statusBlockStart)
{
    QList<Span> spans;
    const QString &text = analysis.displayText;
    const QStringView view(text);
    const qsizetype limit = qMin(text.size(), kSearchLimit);

    if (statusBlockStart > 0 || text.isEmpty()) {
        const Span notice = noticeSpan(text, qMin(bounceTextEnd, statusBlockStart));
        if (notice.length > 0)
            spans << notice;
    }

    // Searched once each: the lower-cased text (addresses are found case-insensitively) and the
    // whitespace-collapsed text (diagnostics are unfolded). Every search is charged to a budget
    // linear in the text, so that a report naming 100,000 recipients stays linear: past the
    // budget, the remaining recipients get no highlights.
    const QString lower = view.left(limit).toString().toLower();
    const Collapsed collapsed = Collapsed::of(view.left(limit));
    qsizetype work = 0;
    const qsizetype budget = 32 * (limit + 1024);
    // Many recipients come in the order the text names them: search on from the last one found.
    const bool ordered = analysis.recipients.size() > 16;
    qsizetype addressCursor = qMin(statusBlockStart, limit);
    qsizetype humanCursor = 0;
    qsizetype diagCursor = 0;
    auto findAddress = [&](const QString &needle, qsizetype from, qsizetype to) {
        const qsizetype end = qMin(to, limit);
        if (from >= end)
            return qsizetype(-1);
        work += end - from;
        return QStringView(lower).left(end).indexOf(needle, from);
    };

    for (int i = 0; i < analysis.recipients.size() && work < budget; ++i) {
        const RecipientResult &r = analysis.recipients.at(i);
        const QString address = r.address.toLower();

        // The recipient: first in the bounce's own words, else in the status block.
        qsizetype at = -1;
        if (!address.isEmpty()) {
            if (ordered)
                at = findAddress(address, humanCursor, bounceTextEnd);
            if (at < 0)
                at = findAddress(address, 0, bounceTextEnd);
            if (at < 0 && ordered)
                at = findAddress(address, addressCursor, limit);
            if (at < 0)
                at = findAddress(address, qMin(statusBlockStart, limit), limit);
            if (at < 0)
                at = findAddress(address, 0, limit);
        }
        if (at >= 0) {
            spans.append({SpanRole::Recipient, at, r.address.size(), i});
            if (at >= statusBlockStart)
                addressCursor = at + address.size();
            else if (at < bounceTextEnd)
                humanCursor = at + address.size();
        }

        // The server's text, and the codes inside it.
        qsizetype diagLength = 0;
        qsizetype diagAt = -1;
        if (!r.diagnostic.isEmpty()) {
            if (ordered)
                diagAt = indexOfCollapsed(collapsed, r.diagnostic, diagCursor, diagLength, work);
            if (diagAt < 0)
                diagAt = indexOfCollapsed(collapsed, r.diagnostic, 0, diagLength, work);
            if (diagAt >= bounceTextEnd && diagAt < statusBlockStart) {
                // Found only inside the returned original: look in the status block instead.
                qsizetype other = 0;
                const qsizetype inBlock
                    = indexOfCollapsed(collapsed, r.diagnostic, statusBlockStart, other, work);
                if (inBlock >= 0) {
                    diagAt = inBlock;
                    diagLength = other;
                }
            }
            if (diagAt >= 0)
                diagCursor = diagAt + diagLength;
        }
        qsizetype replyAt = -1;
        qsizetype statusAt = -1;
        if (diagAt >= 0) {
            const qsizetype diagEnd = diagAt + diagLength;
            replyAt = findCode(view, r.replyCode, diagAt, diagEnd, false);
            statusAt = findCode(view, r.status, diagAt, diagEnd, true);
            // The server's own words: after its reply and status codes when the diagnostic
            // holds them ("Remote host said: 550 5.1.1 <user@...>... User unknown"), to the end
            // of its reply; the whole diagnostic otherwise.
            qsizetype codeAt = -1;
            if (replyAt >= 0 && statusAt >= 0)
                codeAt = qMin(replyAt, statusAt);
            else
                codeAt = qMax(replyAt, statusAt);
            qsizetype wordsAt = diagAt;
            qsizetype wordsEnd = diagEnd;
            if (codeAt >= 0) {
                wordsAt = codeAt;
                wordsEnd = replyEnd(view, codeAt, diagEnd);
            }
            if (codeAt >= 0)
                wordsAt = skipCodes(view, wordsAt, wordsEnd);
            else if (skipSpaces(view, diagAt) == replyAt || skipSpaces(view, diagAt) == statusAt)
                wordsAt = skipCodes(view, diagAt, wordsEnd);
            while (wordsEnd > wordsAt && view.at(wordsEnd - 1).isSpace())
                --wordsEnd;
            // Codes with no words after them: show the diagnostic as a whole.
            if (wordsEnd <= wordsAt && codeAt >= 0) {
                wordsAt = diagAt;
                wordsEnd = diagEnd;
            }
            if (wordsEnd > wordsAt)
                spans.append({SpanRole::ServerText, wordsAt, wordsEnd - wordsAt, i});
        }
        if ((statusAt < 0 && !r.status.isEmpty()) || (replyAt < 0 && !r.replyCode.isEmpty()))
            work += 2 * limit; // the scans below, at worst
        if (statusAt < 0 && !r.status.isEmpty()) {
            // The Status: field of the delivery-status block, else anywhere near the recipient.
            statusAt = findCode(view, r.status, qMin(statusBlockStart, limit), limit, true);
            if (statusAt < 0)
                statusAt = findCode(view, r.status, qMax<qsizetype>(at, 0), limit, true);
            if (statusAt < 0)
                statusAt = findCode(view, r.status, 0, limit, true);
        }
        if (replyAt < 0 && !r.replyCode.isEmpty()) {
            replyAt = findCode(view, r.replyCode, qMax<qsizetype>(at, 0), limit, false);
            if (replyAt < 0)
                replyAt = findCode(view, r.replyCode, 0, limit, false);
        }
        if (replyAt >= 0)
            spans.append({SpanRole::ReplyCode, replyAt, r.replyCode.size(), i});
        if (statusAt >= 0)
            spans.append({SpanRole::StatusCode, statusAt, r.status.size(), i});
    }
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
        return a.start != b.start ? a.start < b.start : a.length > b.length;
    });
    return spans;
}

} // namespace bouncelens

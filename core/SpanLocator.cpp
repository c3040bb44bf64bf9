#include "SpanLocator.h"

#include "BounceMarkers.h"
#include "SmtpCodes.h"

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
        const CodeMatch m = status ? SmtpCodes::findStatusCode(scope, pos) : SmtpCodes::findReplyCode(scope, pos);
        if (!m.found())
            return -1;
        if (m.code == code)
            return m.position;
        pos = m.position + 1;
    }
    return -1;
}

} // namespace

qsizetype SpanLocator::indexOfLoose(QStringView haystack, QStringView needle, qsizetype from, qsizetype &length)
{
    needle = needle.trimmed();
    length = 0;
    if (needle.isEmpty())
        return -1;
    // Anchor on the needle's first word, then compare the rest whitespace-insensitively.
    qsizetype firstSpace = 0;
    while (firstSpace < needle.size() && !needle.at(firstSpace).isSpace())
        ++firstSpace;
    const QStringView firstWord = needle.left(firstSpace);
    const qsizetype limit = qMin(haystack.size(), kSearchLimit);
    const QStringView scope = haystack.left(limit);
    qsizetype at = scope.indexOf(firstWord, from, Qt::CaseSensitive);
    while (at >= 0) {
        qsizetype h = at;
        qsizetype n = 0;
        bool ok = true;
        while (n < needle.size()) {
            if (needle.at(n).isSpace()) {
                if (h >= limit || !haystack.at(h).isSpace()) {
                    ok = false;
                    break;
                }
                n = skipSpaces(needle, n);
                h = skipSpaces(haystack.left(limit), h);
                continue;
            }
            if (h >= limit || haystack.at(h) != needle.at(n)) {
                ok = false;
                break;
            }
            ++h;
            ++n;
        }
        if (ok) {
            length = h - at;
            return at;
        }
        at = scope.indexOf(firstWord, at + 1, Qt::CaseSensitive);
    }
    return -1;
}

Span SpanLocator::noticeSpan(const QString &text, qsizetype end)
{
    Span span;
    span.role = SpanRole::Notice;
    const QStringView scope = QStringView(text).left(qMin(end, kSearchLimit));
    qsizetype start = -1;
    for (const QString &marker : BounceMarkers::noticeStarts()) {
        const qsizetype at = scope.indexOf(marker, 0, Qt::CaseInsensitive);
        if (at >= 0 && (start < 0 || at < start))
            start = at;
    }
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

QList<Span> SpanLocator::locate(const MessageAnalysis &analysis, qsizetype bounceTextEnd, qsizetype statusBlockStart)
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

    for (int i = 0; i < analysis.recipients.size(); ++i) {
        const RecipientResult &r = analysis.recipients.at(i);

        // The recipient: first in the bounce's own words, else in the status block.
        qsizetype at = view.left(qMin(bounceTextEnd, limit)).indexOf(r.address, 0, Qt::CaseInsensitive);
        if (at < 0)
            at = view.left(limit).indexOf(r.address, qMin(statusBlockStart, limit), Qt::CaseInsensitive);
        if (at < 0)
            at = view.left(limit).indexOf(r.address, 0, Qt::CaseInsensitive);
        if (at >= 0)
            spans.append({SpanRole::Recipient, at, r.address.size(), i});

        // The server's text, and the codes inside it.
        qsizetype diagLength = 0;
        qsizetype diagAt = -1;
        if (!r.diagnostic.isEmpty()) {
            diagAt = indexOfLoose(view, r.diagnostic, 0, diagLength);
            if (diagAt >= bounceTextEnd && diagAt < statusBlockStart) {
                // Found only inside the returned original: look in the status block instead.
                qsizetype other = 0;
                const qsizetype inBlock = indexOfLoose(view, r.diagnostic, statusBlockStart, other);
                if (inBlock >= 0) {
                    diagAt = inBlock;
                    diagLength = other;
                }
            }
        }
        qsizetype replyAt = -1;
        qsizetype statusAt = -1;
        if (diagAt >= 0) {
            replyAt = findCode(view, r.replyCode, diagAt, diagAt + diagLength, false);
            statusAt = findCode(view, r.status, diagAt, diagAt + diagLength, true);
            // The server's words start after the codes that lead the diagnostic.
            qsizetype wordsAt = diagAt;
            for (int round = 0; round < 2; ++round) {
                const qsizetype s = skipSpaces(view, wordsAt);
                if (s == replyAt)
                    wordsAt = replyAt + r.replyCode.size();
                else if (s == statusAt)
                    wordsAt = statusAt + r.status.size();
                while (wordsAt < diagAt + diagLength
                       && (view.at(wordsAt).isSpace() || view.at(wordsAt) == QLatin1Char('-')
                           || view.at(wordsAt) == QLatin1Char(':')))
                    ++wordsAt;
            }
            const qsizetype wordsEnd = diagAt + diagLength;
            if (wordsEnd > wordsAt)
                spans.append({SpanRole::ServerText, wordsAt, wordsEnd - wordsAt, i});
        }
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

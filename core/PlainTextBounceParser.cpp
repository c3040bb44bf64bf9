#include "PlainTextBounceParser.h"

#include "BounceMarkers.h"
#include "DeliveryStatusParser.h"
#include "SmtpCodes.h"

#include <QHash>
#include <QSet>

namespace bouncelens {

namespace {

bool isAtomChar(QChar c)
{
    if (c.unicode() >= 0x80)
        return c.isLetterOrNumber(); // EAI local parts and IDN domains
    return c.isLetterOrNumber() || QStringLiteral("!#$%&'*+-/=?^_`{|}~.").contains(c);
}

bool isDomainChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.');
}

qsizetype lineStartOf(const QString &text, qsizetype pos)
{
    const qsizetype nl = text.lastIndexOf(QLatin1Char('\n'), pos > 0 ? pos - 1 : 0);
    return pos == 0 || nl < 0 ? 0 : nl + 1;
}

qsizetype lineEndOf(const QString &text, qsizetype pos)
{
    const qsizetype nl = text.indexOf(QLatin1Char('\n'), pos);
    return nl < 0 ? text.size() : nl;
}

QString lineAt(const QString &text, qsizetype pos)
{
    const qsizetype s = lineStartOf(text, pos);
    return text.mid(s, lineEndOf(text, pos) - s);
}

// Addresses that never are the bounced recipient.
bool isSystemAddress(const QString &address)
{
    const QString local = address.section(QLatin1Char('@'), 0, 0).toLower();
    static const QSet<QString> system = {
        QStringLiteral("mailer-daemon"), QStringLiteral("postmaster"), QStringLiteral("mail-daemon"),
        QStringLiteral("mailerdaemon"),  QStringLiteral("daemon"),     QStringLiteral("mailer"),
    };
    return system.contains(local);
}

// How sure we are that an address occurrence names a bounced recipient, from its line.
int recipientScore(const QString &text, const PlainTextBounceParser::AddressHit &hit)
{
    const qsizetype ls = lineStartOf(text, hit.position);
    const QString before = text.mid(ls, hit.position - ls).trimmed();
    const qsizetype le = lineEndOf(text, hit.position);
    QString after = text.mid(hit.position + hit.length, le - hit.position - hit.length).trimmed();
    const QString beforeLower = before.toLower();
    const QString afterLower = after.toLower();

    // The sender side of the transaction is never the recipient.
    for (const QString &senderCue : BounceMarkers::senderCues())
        if (beforeLower.endsWith(senderCue) || beforeLower.endsWith(senderCue + QLatin1Char('<')))
            return -1;

    int score = 1;
    // The address alone on its line, maybe in <> and followed by ':' (qmail, Exim, Postfix
    // text, Gmail): the classic recipient line.
    const QString bareBefore = QString(before).remove(QLatin1Char('<')).remove(QLatin1Char('"')).trimmed();
    QString bareAfter = QString(after);
    while (!bareAfter.isEmpty() && QStringLiteral(">:\"., ").contains(bareAfter.front()))
        bareAfter.remove(0, 1);
    if (bareBefore.isEmpty() && bareAfter.isEmpty())
        score += 4;
    else if (bareBefore.isEmpty() && (after.startsWith(QLatin1String(">:")) || after.startsWith(QLatin1Char(':'))))
        score += 3;
    else if (after.startsWith(QLatin1String("...")) || after.startsWith(QLatin1String(">...")))
        score += 3; // Sendmail "<user@example.jp>... User unknown"
    for (const QString &cue : BounceMarkers::recipientCues())
        if (beforeLower.endsWith(cue) || beforeLower.endsWith(cue + QLatin1Char('<'))
            || beforeLower.endsWith(cue + QLatin1Char(' ')))
            score += 3;
    return score;
}

// The server's text for one recipient: the lines around its codes, or the paragraph that follows
// the recipient line. Unfolded into one line.
QString diagnosticFor(const QString &text, qsizetype from, qsizetype to, qsizetype codeAt)
{
    qsizetype start;
    if (codeAt >= 0) {
        start = lineStartOf(text, codeAt);
    } else {
        start = lineEndOf(text, from) + 1;
    }
    if (start >= to)
        return {};
    // Until a blank line or the next recipient.
    qsizetype end = text.indexOf(QLatin1String("\n\n"), start);
    if (end < 0 || end > to)
        end = to;
    QString diagnostic = text.mid(start, qMin<qsizetype>(end - start, 2000)).simplified();
    // A paragraph that only repeats the notice markers tells nothing.
    return diagnostic;
}

// The codes and server text for the recipient whose line starts at `lineStart`; codes are
// searched up to `to` (the next recipient's line or the end of the bounce text).
// The remote server's reply ("<<< 550 ...") that a Sendmail transcript line answers: the
// nearest one above it within the same "While talking to" exchange, or -1.
qsizetype transcriptReplyAbove(const QString &text, qsizetype lineStart)
{
    qsizetype pos = lineStart;
    for (int lines = 0; pos > 0 && lines < 16; ++lines) {
        pos = lineStartOf(text, pos - 1);
        const QStringView line = QStringView(text).mid(pos, lineEndOf(text, pos) - pos).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("While talking to"), Qt::CaseInsensitive))
            return -1;
        if (line.startsWith(QLatin1String("<<<")))
            return pos;
    }
    return -1;
}

// Sendmail's "554 <user@example.jp>... Remote protocol error": the leading code is the local
// MTA's verdict; the remote server's own reply follows the "..." or stands on the "<<<" line
// above. Returns false when the recipient line has another shape.
bool describeSendmailLine(const QString &text, qsizetype position, qsizetype addressEnd, RecipientResult &r)
{
    const qsizetype ls = lineStartOf(text, position);
    const QStringView head = QStringView(text).mid(ls, position - ls).trimmed();
    if (head.size() < 4 || !SmtpCodes::isReplyCode(head.left(3)))
        return false;
    // "...", right after the address or its closing '>' (looked for there only: linear).
    const qsizetype near = QStringView(text).mid(addressEnd, 5).indexOf(QLatin1String("..."));
    const qsizetype le = lineEndOf(text, position);
    const qsizetype dots = addressEnd + near;
    if (near < 0 || near > 2 || dots > le)
        return false;
    QString rest = text.mid(dots + 3, le - dots - 3).simplified();
    if (!SmtpCodes::findReplyCode(rest).found()) {
        const qsizetype above = transcriptReplyAbove(text, ls);
        if (above < 0)
            return false;
        rest += QStringLiteral(": ") + lineAt(text, above).mid(3).simplified();
    }
    r.diagnostic = rest;
    if (const CodeMatch reply = SmtpCodes::findReplyCode(rest); reply.found())
        r.replyCode = reply.code;
    if (const CodeMatch status = SmtpCodes::findStatusCode(rest); status.found())
        r.status = status.code;
    return true;
}

void describe(const QString &text, qsizetype position, qsizetype length, qsizetype to, RecipientResult &r)
{
    if (describeSendmailLine(text, position, position + length, r))
        return;
    const QStringView scope = QStringView(text).left(to);
    const qsizetype scopeStart = lineStartOf(text, position);
    const CodeMatch status = SmtpCodes::findStatusCode(scope, scopeStart);
    const CodeMatch reply = SmtpCodes::findReplyCode(scope, scopeStart);
    if (status.found())
        r.status = status.code;
    if (reply.found())
        r.replyCode = reply.code;
    qsizetype codeAt = -1;
    if (reply.found() && status.found())
        codeAt = qMin(reply.position, status.position);
    else if (reply.found())
        codeAt = reply.position;
    else if (status.found())
        codeAt = status.position;
    r.diagnostic = diagnosticFor(text, position, to, codeAt);
    if (r.diagnostic.isEmpty())
        r.diagnostic = lineAt(text, position).simplified();
}

// The last line of a session transcript that carries the remote server's reply ("554 5.3.0
// unknown mailer error 255", "<<< 550 5.1.1 User unknown"), or -1.
qsizetype serverReplyLine(const QString &text, qsizetype end)
{
    qsizetype found = -1;
    for (qsizetype pos = 0; pos < end;) {
        const qsizetype le = qMin(lineEndOf(text, pos), end);
        QStringView line = QStringView(text).mid(pos, le - pos);
        if (line.startsWith(QLatin1String("<<<")))
            line = line.mid(3).trimmed();
        if (line.size() > 4 && (line.at(3) == QLatin1Char(' ') || line.at(3) == QLatin1Char('-'))
            && SmtpCodes::isReplyCode(line.left(3)))
            found = pos;
        pos = le + 1;
    }
    return found;
}

QString serverReply(const QString &text, qsizetype line)
{
    QString reply = lineAt(text, line).simplified();
    if (reply.startsWith(QLatin1String("<<<")))
        reply = reply.mid(3).trimmed();
    return reply;
}

bool hasCode(const QString &text)
{
    return SmtpCodes::findReplyCode(text).found() || SmtpCodes::findStatusCode(text).found();
}

// A recipient line without codes: the server's reply may stand next to another mention of the
// address ("<user@example.jp>: 550 unknown user" above a bare "<user@example.jp>"), or, when
// the bounce is about one recipient only, on a transcript line of its own.
void describeElsewhere(const QString &text, const QList<PlainTextBounceParser::AddressHit> &hits,
                       const QString &address, qsizetype end, bool onlyRecipient, RecipientResult &r)
{
    for (const PlainTextBounceParser::AddressHit &hit : hits) {
        if (DeliveryStatusParser::cleanAddress(hit.address).compare(address, Qt::CaseInsensitive) != 0
            || recipientScore(text, hit) <= 0)
            continue;
        const qsizetype le = lineEndOf(text, hit.position);
        RecipientResult other;
        describe(text, hit.position, hit.length, qMin(le, end), other);
        if (hasCode(lineAt(text, hit.position))) {
            r.status = other.status;
            r.replyCode = other.replyCode;
            r.diagnostic = other.diagnostic;
            return;
        }
    }
    if (!onlyRecipient)
        return;
    const qsizetype line = serverReplyLine(text, end);
    if (line >= 0)
        r.diagnostic = serverReply(text, line);
}

} // namespace

void PlainTextBounceParser::complete(const QString &text, QList<RecipientResult> &recipients)
{
    const qsizetype end = qMin(originalStart(text), qsizetype(1 << 20));
    const QList<AddressHit> hits = findAddresses(text, end);
    // Best line per recipient, as for plain-text bounces.
    QHash<QString, QList<qsizetype>> hitsByAddress; // lower-case address -> indexes into hits
    for (qsizetype h = 0; h < hits.size(); ++h)
        hitsByAddress[DeliveryStatusParser::cleanAddress(hits.at(h).address).toLower()] << h;
    QList<QPair<qsizetype, int>> found; // position, recipient index
    for (int i = 0; i < recipients.size(); ++i) {
        qsizetype best = -1;
        int bestScore = 0;
        for (const qsizetype h : hitsByAddress.value(recipients.at(i).address.toLower())) {
            const AddressHit &hit = hits.at(h);
            const int score = recipientScore(text, hit);
            if (score > bestScore) {
                bestScore = score;
                best = hit.position;
            }
        }
        if (best >= 0)
            found.append({best, i});
    }
    std::sort(found.begin(), found.end());
    for (qsizetype k = 0; k < found.size(); ++k) {
        RecipientResult &r = recipients[found.at(k).second];
        if (hasCode(r.diagnostic))
            continue;
        const qsizetype to = k + 1 < found.size() ? lineStartOf(text, found.at(k + 1).first) : end;
        RecipientResult fromText;
        describe(text, found.at(k).first, r.address.size(), to, fromText);
        if (hasCode(fromText.diagnostic))
            r.diagnostic = fromText.diagnostic;
    }
    // One recipient the text does not quote: the transcript's server reply is about it.
    if (recipients.size() == 1 && !hasCode(recipients.first().diagnostic)) {
        const qsizetype line = serverReplyLine(text, end);
        if (line >= 0)
            recipients.first().diagnostic = serverReply(text, line);
    }
}

QList<PlainTextBounceParser::AddressHit> PlainTextBounceParser::findAddresses(const QString &text, qsizetype end)
{
    QList<AddressHit> hits;
    if (end < 0 || end > text.size())
        end = text.size();
    qsizetype at = text.indexOf(QLatin1Char('@'));
    while (at >= 0 && at < end) {
        qsizetype s = at;
        while (s > 0 && isAtomChar(text.at(s - 1)) && at - s < 128)
            --s;
        qsizetype e = at + 1;
        while (e < text.size() && isDomainChar(text.at(e)) && e - at < 256)
            ++e;
        // Trim dots at both ends: "user@example.jp." ends a sentence.
        while (s < at && text.at(s) == QLatin1Char('.'))
            ++s;
        while (e > at + 1 && text.at(e - 1) == QLatin1Char('.'))
            --e;
        const QString domain = text.mid(at + 1, e - at - 1);
        if (s < at && domain.contains(QLatin1Char('.')) && !domain.startsWith(QLatin1Char('.'))
            && !domain.startsWith(QLatin1Char('-'))) {
            hits.append({text.mid(s, e - s), s, e - s});
        }
        at = text.indexOf(QLatin1Char('@'), qMax(e, at + 1));
    }
    return hits;
}

qsizetype PlainTextBounceParser::originalStart(const QString &text)
{
    qsizetype best = text.size();
    for (const QString &marker : BounceMarkers::originalMessageMarkers()) {
        const qsizetype at = text.indexOf(marker, 0, Qt::CaseInsensitive);
        if (at >= 0 && at < best)
            best = lineStartOf(text, at);
    }
    // The original's own header block, when no marker introduced it: a line starting with one
    // of the fields that open a message, followed by more header lines.
    qsizetype pos = 0;
    while (pos < best) {
        const qsizetype le = lineEndOf(text, pos);
        const QStringView line = QStringView(text).mid(pos, le - pos);
        if (line.startsWith(QLatin1String("Return-Path:"), Qt::CaseInsensitive)
            || line.startsWith(QLatin1String("Received: from"), Qt::CaseInsensitive)) {
            const qsizetype next = le + 1;
            const qsizetype nle = lineEndOf(text, next);
            const QStringView nextLine = QStringView(text).mid(next, nle - next);
            const qsizetype colon = nextLine.indexOf(QLatin1Char(':'));
            const bool headerish = !nextLine.isEmpty()
                && (nextLine.front().isSpace() || (colon > 0 && !nextLine.left(colon).contains(QLatin1Char(' '))));
            if (headerish) {
                best = pos;
                break;
            }
        }
        pos = le + 1;
    }
    return best;
}

PlainTextBounceParser::Result PlainTextBounceParser::parse(const Input &input)
{
    Result result;
    const QString &text = input.text;
    const qsizetype end = originalStart(text);
    result.bounceTextEnd = end;

    const QString bounceFrom = input.bounceFrom.toLower();
    const QString originalFrom = input.originalFrom.toLower();
    const QList<AddressHit> hits = findAddresses(text, end);

    // Best occurrence per address, keeping the order of first appearance.
    struct Candidate
    {
        QString address;
        qsizetype position;
        qsizetype length;
        int score;
    };
    QList<Candidate> candidates;
    for (const AddressHit &hit : hits) {
        const QString address = DeliveryStatusParser::cleanAddress(hit.address);
        const QString lower = address.toLower();
        if (lower == bounceFrom || lower == originalFrom || isSystemAddress(lower))
            continue;
        const int score = recipientScore(text, hit);
        auto it = std::find_if(candidates.begin(), candidates.end(),
                               [&](const Candidate &c) { return c.address.compare(address, Qt::CaseInsensitive) == 0; });
        if (it == candidates.end()) {
            candidates.append({address, hit.position, hit.length, score});
        } else if (it->score >= 0 && (score < 0 || score > it->score)) {
            // A sender cue anywhere marks the address as the sender for good.
            it->score = score;
            if (score > 0) {
                it->position = hit.position;
                it->length = hit.length;
            }
        }
    }
    int bestScore = 0;
    for (const Candidate &c : std::as_const(candidates))
        bestScore = qMax(bestScore, c.score);
    // Keep the addresses that look like recipients as much as the best one does.
    QList<Candidate> chosen;
    for (const Candidate &c : std::as_const(candidates))
        if (c.score > 0 && (c.score == bestScore || (bestScore >= 4 && c.score >= 4)))
            chosen << c;
    std::sort(chosen.begin(), chosen.end(), [](const Candidate &a, const Candidate &b) { return a.position < b.position; });

    for (qsizetype i = 0; i < chosen.size(); ++i) {
        const Candidate &c = chosen.at(i);
        const qsizetype to = i + 1 < chosen.size() ? lineStartOf(text, chosen.at(i + 1).position) : end;
        RecipientResult r;
        r.address = c.address;
        r.action = QStringLiteral("failed");
        describe(text, c.position, c.length, to, r);
        // Bounded so that hostile texts naming thousands of addresses stay linear.
        if (!hasCode(r.diagnostic) && chosen.size() <= 64)
            describeElsewhere(text, hits, c.address, end, chosen.size() == 1, r);
        result.recipients << r;
    }

    // Nothing in the bounce text names a recipient: the returned original's To is the last
    // resort (some carriers only say "could not be delivered").
    // Exim names the failed recipients in a header when its text only gives local parts or
    // pipe/file targets ("save to ...").
    QStringList fallback = input.failedRecipients;
    if (fallback.isEmpty() && !input.originalTo.isEmpty())
        fallback << input.originalTo.section(QLatin1Char(','), 0, 0);
    if (result.recipients.isEmpty()) {
        const QStringView scope = QStringView(text).left(end);
        const CodeMatch s = SmtpCodes::findStatusCode(scope);
        const CodeMatch rc = SmtpCodes::findReplyCode(scope);
        const qsizetype codeAt = rc.found() ? rc.position : s.position;
        for (const QString &address : std::as_const(fallback)) {
            RecipientResult r;
            r.address = DeliveryStatusParser::cleanAddress(address);
            r.action = QStringLiteral("failed");
            if (s.found())
                r.status = s.code;
            if (rc.found())
                r.replyCode = rc.code;
            if (codeAt >= 0)
                r.diagnostic = diagnosticFor(text, 0, end, codeAt);
            if (!r.address.isEmpty())
                result.recipients << r;
        }
    }
    return result;
}

} // namespace bouncelens

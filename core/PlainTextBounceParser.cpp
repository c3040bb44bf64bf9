#include "PlainTextBounceParser.h"

#include "BounceMarkers.h"
#include "DeliveryStatusParser.h"
#include "SmtpCodes.h"

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

} // namespace

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
        const QStringView scope = QStringView(text).left(to);
        const qsizetype scopeStart = lineStartOf(text, c.position);
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
        r.diagnostic = diagnosticFor(text, c.position, to, codeAt);
        if (r.diagnostic.isEmpty())
            r.diagnostic = lineAt(text, c.position).simplified();
        result.recipients << r;
    }

    // Nothing in the bounce text names a recipient: the returned original's To is the last
    // resort (some carriers only say "could not be delivered").
    if (result.recipients.isEmpty() && !input.originalTo.isEmpty()) {
        RecipientResult r;
        r.address = DeliveryStatusParser::cleanAddress(input.originalTo.section(QLatin1Char(','), 0, 0));
        r.action = QStringLiteral("failed");
        const QStringView scope = QStringView(text).left(end);
        if (const CodeMatch s = SmtpCodes::findStatusCode(scope); s.found())
            r.status = s.code;
        if (const CodeMatch rc = SmtpCodes::findReplyCode(scope); rc.found())
            r.replyCode = rc.code;
        if (!r.address.isEmpty())
            result.recipients << r;
    }
    return result;
}

} // namespace bouncelens

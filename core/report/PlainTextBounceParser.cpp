#include "report/PlainTextBounceParser.h"

#include "classify/PhraseMatcher.h"
#include "classify/SmtpCodes.h"
#include "report/BounceMarkers.h"
#include "report/DeliveryStatusParser.h"
#include "report/ServerText.h"
#include "report/TextLines.h"

#include <QHash>
#include <QSet>

namespace bouncelens {

namespace {

using namespace textlines;
using servertext::diagnosticFor;
using servertext::wordsOnAddressLine;

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

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// Where the domain that starts at `from` (right after the '@') ends. Letters outside ASCII are
// part of an internationalised domain only inside a label that has them from its start
// ("例え.jp", "example.日本"): once the domain has a dot and its last label is an ASCII
// top-level name, a non-ASCII letter begins the sentence that follows ("user@example.jp您好").
qsizetype domainEnd(const QString &text, qsizetype from, qsizetype max)
{
    qsizetype e = from;
    qsizetype labelStart = from;
    bool sawDot = false;
    bool asciiLabel = true; // the current label has ASCII letters only so far
    while (e < text.size() && e - from < max) {
        const QChar c = text.at(e);
        if (!isDomainChar(c))
            break;
        if (c == QLatin1Char('.')) {
            sawDot = true;
            labelStart = e + 1;
            asciiLabel = true;
        } else if (c.unicode() >= 0x80) {
            if (sawDot && e > labelStart && asciiLabel)
                break;
            asciiLabel = false;
        } else if (!isAsciiLetter(c)) {
            asciiLabel = false;
        }
        ++e;
    }
    return e;
}

// Where the markers of the returned original are looked for.
constexpr qsizetype kOriginalMarkerScope = 256 * 1024;

// Addresses that never are the bounced recipient.
bool isSystemAddress(const QString &address)
{
    const QString local = address.section(QLatin1Char('@'), 0, 0).toLower();
    static const QSet<QString> system = {
        QStringLiteral("mailer-daemon"),
        QStringLiteral("postmaster"),
        QStringLiteral("mail-daemon"),
        QStringLiteral("mailerdaemon"),
        QStringLiteral("daemon"),
        QStringLiteral("mailer"),
    };
    if (system.contains(local))
        return true;
    // A mailing list's command and owner addresses ("list-ctl@", "list-request@", "owner-list@"):
    // where the notice sends people for help, never the bounced recipient.
    return local.endsWith(QLatin1String("-ctl")) || local.endsWith(QLatin1String("-request"))
        || local.startsWith(QLatin1String("owner-"));
}

// Lines that introduce the list of failed recipients ("The following addresses had permanent
// fatal errors", "did not reach the following recipient(s):"), lower case.
const QStringList &listIntroductions()
{
    static const QStringList intros = {
        QStringLiteral("following recipient"), QStringLiteral("following address"),
        QStringLiteral("following e-mail address"), QStringLiteral("following email address"),
        QStringLiteral("following mail address"), QStringLiteral("these recipients"),
        QStringLiteral("following destination"),
        QStringLiteral("undeliverable to the following"), // GroupWise
    };
    return intros;
}

// "<user@example.jp>:", "  user@example.jp", "\"user@example.jp\"": a line that starts with an
// address (its first word holds an '@').
bool opensWithAddress(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size()
        && (line.at(i).isSpace() || line.at(i) == QLatin1Char('<') || line.at(i) == QLatin1Char('"')))
        ++i;
    for (const qsizetype start = i; i < line.size() && !line.at(i).isSpace() && i - start < 256; ++i)
        if (line.at(i) == QLatin1Char('@'))
            return i > start;
    return false;
}

// What the scoring of address occurrences needs to know about the whole text, computed once:
// the ranges that hold the list of failed recipients (the paragraph after each introduction,
// or the rest of the introduction's own paragraph when the list follows it directly).
struct ScoreContext
{
    QList<QPair<qsizetype, qsizetype>> lists; // [start, end), sorted, disjoint

    static ScoreContext build(const QString &text, qsizetype end)
    {
        ScoreContext ctx;
        end = qMin(end, text.size());
        // Introductions stand near the top of a bounce: the first 64 KiB are lower-cased once and
        // searched case-sensitively (the list they open may run far beyond).
        const QString lower = text.left(qMin(end, qsizetype(64 * 1024))).toLower();
        QList<qsizetype> starts;
        for (const QString &intro : listIntroductions())
            for (qsizetype at = lower.indexOf(intro); at >= 0; at = lower.indexOf(intro, at + intro.size()))
                starts << at;
        std::sort(starts.begin(), starts.end());
        qsizetype covered = 0; // regions never overlap: every line is scanned at most once
        for (const qsizetype at : std::as_const(starts)) {
            qsizetype pos = lineEndOf(text, at) + 1;
            if (pos < covered)
                continue;
            const qsizetype regionStart = pos;
            // The rest of the introduction's paragraph, the blank lines, the next paragraph, and
            // every further paragraph that opens with an address (one paragraph per recipient).
            int gaps = 0;
            bool inBlank = false;
            while (pos < end) {
                const qsizetype le = qMin(lineEndOf(text, pos), end);
                const QStringView line = QStringView(text).mid(pos, le - pos);
                const bool blank = isBlankLine(line);
                if (blank && !inBlank)
                    ++gaps;
                if (!blank && inBlank && gaps >= 2 && !opensWithAddress(line))
                    break;
                inBlank = blank;
                pos = le + 1;
            }
            pos = qMin(pos, end);
            if (pos > regionStart)
                ctx.lists.append({regionStart, pos});
            covered = pos;
        }
        return ctx;
    }

    [[nodiscard]] bool inList(qsizetype position) const
    {
        auto it = std::upper_bound(lists.begin(), lists.end(), position,
            [](qsizetype p, const QPair<qsizetype, qsizetype> &r) { return p < r.first; });
        return it != lists.begin() && position < std::prev(it)->second;
    }
};

// The text before an address, without the brackets and quotes that open the address.
QString cueText(const QString &before)
{
    QString b = before;
    while (!b.isEmpty()
        && (b.back() == QLatin1Char('<') || b.back() == QLatin1Char('"') || b.back() == QLatin1Char('\'')
            || b.back() == QLatin1Char('[') || b.back().isSpace()))
        b.chop(1);
    return b;
}

// `cue` ends `before` (already cleaned by cueText); a cue without a colon also matches when the
// text adds one ("Could not be delivered to: <user@example.jp>").
bool endsWithCue(const QString &before, const QString &cue)
{
    if (before.endsWith(cue))
        return true;
    return !cue.endsWith(QLatin1Char(':')) && before.endsWith(QLatin1Char(':'))
        && QStringView(before).chopped(1).trimmed().endsWith(cue);
}

// A line that says delivery failed, or quotes a reply or status code.
bool saysFailure(const QString &line)
{
    static const PhraseMatcher failure(QStringList {QStringLiteral("could not"), QStringLiteral("couldn't"),
        QStringLiteral("failed"), QStringLiteral("failure"), QStringLiteral("unable"),
        QStringLiteral("undeliver"), QStringLiteral("not delivered"), QStringLiteral("rejected"),
        QStringLiteral("unknown"), QStringLiteral("does not exist"), QStringLiteral("doesn't exist"),
        QStringLiteral("no such"), QStringLiteral("is full"), QStringLiteral("quota"),
        QStringLiteral("refused"), QStringLiteral("denied"), QStringLiteral("invalid"),
        QStringLiteral("not found"), QStringLiteral("bounced"), QStringLiteral("届きません"),
        QStringLiteral("存在しません"), QStringLiteral("配信できません"), QStringLiteral("送信できません")});
    return failure.containsAny(line) || SmtpCodes::findReplyCode(line).found()
        || SmtpCodes::findStatusCode(line).found();
}

// The words right before the address say delivery to it failed ("could not be delivered to").
bool followsRecipientCue(const QString &text, const PlainTextBounceParser::AddressHit &hit)
{
    const qsizetype from = qMax<qsizetype>(lineStartOf(text, hit.position), hit.position - 200);
    const QString before = cueText(text.mid(from, hit.position - from).trimmed().toLower());
    for (const QString &cue : BounceMarkers::recipientCues())
        if (cue.contains(QLatin1Char(' ')) && endsWithCue(before, cue))
            return true;
    return false;
}

// How sure we are that an address occurrence names a bounced recipient, from its line.
// `listed` tells whether it opens a line of the list of failed recipients the text introduces.
int recipientScore(const QString &text, const PlainTextBounceParser::AddressHit &hit,
    const ScoreContext *ctx = nullptr, bool *listed = nullptr)
{
    if (listed)
        *listed = false;
    // Only the words near the address matter: bounded so that a huge line stays linear.
    constexpr qsizetype kNear = 200;
    const qsizetype lookBack = qMax<qsizetype>(0, hit.position - kNear);
    const qsizetype nlBefore
        = QStringView(text).mid(lookBack, hit.position - lookBack).lastIndexOf(QLatin1Char('\n'));
    const qsizetype ls = nlBefore < 0 ? lookBack : lookBack + nlBefore + 1;
    const QString before = text.mid(ls, hit.position - ls).trimmed();
    const qsizetype afterStart = hit.position + hit.length;
    const qsizetype nl = QStringView(text).mid(afterStart, kNear).indexOf(QLatin1Char('\n'));
    const qsizetype le = nl < 0 ? qMin(text.size(), afterStart + kNear) : afterStart + nl;
    QString after = text.mid(afterStart, le - afterStart).trimmed();
    const QString beforeLower = cueText(before.toLower());

    // The sender side of the transaction is never the recipient.
    for (const QString &senderCue : BounceMarkers::senderCues())
        if (endsWithCue(beforeLower, senderCue))
            return -1;

    // "A message sent by\n\n  <sender@example.org>\n\ncould not be delivered" (Exim): a sender
    // cue ending the previous non-blank line, the address alone on its own.
    if (before.isEmpty() || before == QLatin1String("<")) {
        qsizetype end = lineStartOf(text, hit.position) - 1;
        for (int lines = 0; end > 0 && lines < 3; ++lines) {
            const qsizetype start = lineStartOf(text, end);
            const QString previous
                = cueText(text.mid(start, qMin<qsizetype>(end - start, 400)).trimmed().toLower());
            if (!previous.isEmpty()) {
                for (const QString &senderCue : BounceMarkers::senderCues())
                    if (senderCue.contains(QLatin1Char(' ')) && endsWithCue(previous, senderCue))
                        return -1;
                break;
            }
            end = start - 1;
        }
    }

    int score = 1;
    // The address alone on its line, maybe in <> and followed by ':' (qmail, Exim, Postfix
    // text, Gmail): the classic recipient line.
    const QString bareBefore = QString(before).remove(QLatin1Char('<')).remove(QLatin1Char('"')).trimmed();
    QString bareAfter = QString(after);
    while (!bareAfter.isEmpty() && QStringLiteral(">:\"., ").contains(bareAfter.front()))
        bareAfter.remove(0, 1);
    if (bareBefore.isEmpty() && bareAfter.isEmpty())
        score += 4;
    else if (bareBefore.isEmpty()
        && (after.startsWith(QLatin1String(">:")) || after.startsWith(QLatin1Char(':'))))
        score += 3;
    else if (after.startsWith(QLatin1String("...")) || after.startsWith(QLatin1String(">...")))
        score += 3; // Sendmail "<user@example.jp>... User unknown"
    for (const QString &cue : BounceMarkers::recipientCues())
        if (endsWithCue(beforeLower, cue))
            score += 3;
    if (listed && ctx && bareBefore.isEmpty() && ctx->inList(hit.position))
        *listed = true;
    return score;
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
    QString rest = text.mid(dots + 3, qMin(le - dots - 3, kMaxDiagnosticChars)).simplified();
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

CodeMatch firstErrorReply(QStringView scope, qsizetype from)
{
    const CodeMatch four = SmtpCodes::findReplyCodeOfClass(scope, QLatin1Char('4'), from);
    const CodeMatch five = SmtpCodes::findReplyCodeOfClass(
        scope.left(four.found() ? four.position : scope.size()), QLatin1Char('5'), from);
    return five.found() ? five : four;
}

CodeMatch firstErrorStatus(QStringView scope, qsizetype from)
{
    while (from < scope.size()) {
        const CodeMatch m = SmtpCodes::findStatusCode(scope, from);
        if (!m.found() || m.code.front() != QLatin1Char('2'))
            return m;
        from = m.position + m.length;
    }
    return {};
}

// Exchange lists the attempts under "Diagnostic information for administrators", one "Remote
// Server [at host] returned '...'" line each: the reply code and status come from the last one
// together. The start of the last such line in [from, to) when there are several, else `from`.
qsizetype lastAttemptLine(const QString &text, qsizetype from, qsizetype to)
{
    static const PhraseMatcher attempt(
        QStringList {QStringLiteral("remote server returned '"), QStringLiteral(") returned '")});
    qsizetype last = -1;
    int attempts = 0;
    for (qsizetype at = attempt.find(text, from, to); at >= 0;
         at = attempt.find(text, lineEndOf(text, at), to)) {
        ++attempts;
        last = lineStartOf(text, at);
    }
    return attempts > 1 ? last : from;
}

void describe(const QString &text, qsizetype position, qsizetype length, qsizetype to, RecipientResult &r)
{
    if (describeSendmailLine(text, position, position + length, r))
        return;
    const QStringView scope = QStringView(text).left(to);
    const qsizetype scopeStart = lastAttemptLine(text, lineStartOf(text, position), to);
    // In a session transcript the accepted commands come first ("250 2.1.5 Ok" after RCPT):
    // the failure is the first reply of an error class; success codes only when there is none.
    CodeMatch status = firstErrorStatus(scope, scopeStart);
    CodeMatch reply = firstErrorReply(scope, scopeStart);
    if (!status.found() && !reply.found()) {
        status = SmtpCodes::findStatusCode(scope, scopeStart);
        reply = SmtpCodes::findReplyCode(scope, scopeStart);
    }
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
    if (codeAt < 0)
        r.diagnostic = wordsOnAddressLine(text, position, position + length, to);
    if (r.diagnostic.isEmpty())
        r.diagnostic = diagnosticFor(text, position, to, codeAt);
    if (r.diagnostic.isEmpty())
        r.diagnostic = servertext::addressLineDiagnostic(text, position, position + length);
}

// A line of a delivery-status block written into the text ("Final-Recipient: rfc822; ...").
bool isDeliveryStatusField(const QString &text, qsizetype position)
{
    const qsizetype ls = lineStartOf(text, position);
    if (position - ls > 64)
        return false;
    const QStringView line = QStringView(text).mid(ls, position - ls);
    static const QLatin1String fields[] = {QLatin1String("Final-Recipient:"),
        QLatin1String("Original-Recipient:"), QLatin1String("X-Actual-Recipient:")};
    for (const QLatin1String &field : fields)
        if (line.startsWith(field, Qt::CaseInsensitive))
            return true;
    return false;
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
    const QList<qsizetype> &ownHits, const ScoreContext &context, qsizetype end, bool onlyRecipient,
    RecipientResult &r)
{
    // Each line once, and a few lines at most: a text repeating the address stays linear.
    qsizetype examinedUpTo = -1;
    int lines = 0;
    for (const qsizetype h : ownHits) {
        const PlainTextBounceParser::AddressHit &hit = hits.at(h);
        if (hit.position < examinedUpTo || recipientScore(text, hit, &context) <= 0)
            continue;
        if (++lines > 32)
            break;
        const qsizetype le = lineEndOf(text, hit.position);
        examinedUpTo = le;
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

// "(generated from alias@example.jp) retry timeout exceeded" -> "retry timeout exceeded": the
// note Exim and Postfix write under an expanded address, when the diagnostic starts with it.
QString withoutAliasNote(const QString &diagnostic)
{
    for (const QLatin1String note : {QLatin1String("(generated from"),
             QLatin1String("(ultimately generated from"), QLatin1String("(expanded from")}) {
        if (!diagnostic.startsWith(note, Qt::CaseInsensitive))
            continue;
        const qsizetype close = diagnostic.indexOf(QLatin1Char(')'));
        if (close < 0)
            return diagnostic;
        QString rest = diagnostic.mid(close + 1).trimmed();
        if (rest.startsWith(QLatin1Char(':')))
            rest = rest.mid(1).trimmed();
        return rest.isEmpty() ? diagnostic : rest;
    }
    return diagnostic;
}

// The receiving server the text names for the recipient whose part is [from, to), or, when the
// bounce is about one recipient only, anywhere in its text (Sendmail's transcript names it in
// "... while talking to mx.example.jp.:" above the recipient's lines). Bounded: the wordings
// stand near the recipient, and a hostile text must not be scanned whole per recipient.
QString remoteHostFor(const QString &text, qsizetype from, qsizetype to, qsizetype end, bool onlyRecipient)
{
    constexpr qsizetype kScope = 64 * 1024;
    QString host = servertext::remoteHostIn(QStringView(text).mid(from, qMin(to - from, kScope)));
    if (host.isEmpty() && onlyRecipient)
        host = servertext::remoteHostIn(QStringView(text).left(qMin(end, kScope)));
    return host;
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
    // A delivery-status field pasted into the text ("Final-Recipient: rfc822; ...") names the
    // recipient, but the server's words seldom stand next to it: such lines come last.
    QList<QPair<qsizetype, int>> found; // position, recipient index
    QList<QPair<qsizetype, int>> fieldFound; // the same, on delivery-status field lines
    for (int i = 0; i < recipients.size(); ++i) {
        qsizetype best = -1;
        qsizetype bestField = -1;
        int bestScore = 0;
        int bestFieldScore = 0;
        for (const qsizetype h : hitsByAddress.value(recipients.at(i).address.toLower())) {
            const AddressHit &hit = hits.at(h);
            const int score = recipientScore(text, hit);
            if (isDeliveryStatusField(text, hit.position)) {
                if (score > bestFieldScore) {
                    bestFieldScore = score;
                    bestField = hit.position;
                }
            } else if (score > bestScore) {
                bestScore = score;
                best = hit.position;
            }
        }
        if (best >= 0)
            found.append({best, i});
        if (bestField >= 0)
            fieldFound.append({bestField, i});
    }
    std::sort(found.begin(), found.end());
    std::sort(fieldFound.begin(), fieldFound.end());
    for (qsizetype k = 0; k < found.size(); ++k) {
        RecipientResult &r = recipients[found.at(k).second];
        // A generic Status ("4.4.7 expired", "5.0.0") may stand for a specific reply the text
        // quotes (Exchange lists every attempt under "Diagnostic information").
        const bool generic = SmtpCodes::isGenericStatus(r.status);
        if (hasCode(r.diagnostic) && !generic)
            continue;
        const qsizetype to = k + 1 < found.size() ? lineStartOf(text, found.at(k + 1).first) : end;
        RecipientResult fromText;
        describe(text, found.at(k).first, r.address.size(), to, fromText);
        if (!hasCode(r.diagnostic)) {
            if (hasCode(fromText.diagnostic))
                r.diagnostic = fromText.diagnostic;
            continue;
        }
        const CodeMatch specific = SmtpCodes::findPreferredStatusCode(fromText.diagnostic);
        if (specific.found() && SmtpCodes::isSpecificStatus(specific.code)
            && specific.code.front() == r.status.front() && !r.diagnostic.contains(specific.code))
            r.diagnostic = fromText.diagnostic;
    }
    // One recipient the text does not quote: the transcript's server reply is about it.
    if (recipients.size() == 1 && !hasCode(recipients.first().diagnostic)) {
        const qsizetype line = serverReplyLine(text, end);
        if (line >= 0)
            recipients.first().diagnostic = serverReply(text, line);
    }
    for (qsizetype k = 0; k < fieldFound.size(); ++k) {
        RecipientResult &r = recipients[fieldFound.at(k).second];
        if (hasCode(r.diagnostic))
            continue;
        const qsizetype to = k + 1 < fieldFound.size() ? lineStartOf(text, fieldFound.at(k + 1).first) : end;
        RecipientResult fromText;
        describe(text, fieldFound.at(k).first, r.address.size(), to, fromText);
        if (hasCode(fromText.diagnostic))
            r.diagnostic = fromText.diagnostic;
    }
}

QList<PlainTextBounceParser::AddressHit> PlainTextBounceParser::findAddresses(
    const QString &text, qsizetype end)
{
    QList<AddressHit> hits;
    if (end < 0 || end > text.size())
        end = text.size();
    qsizetype at = text.indexOf(QLatin1Char('@'));
    while (at >= 0 && at < end) {
        qsizetype s = at;
        while (s > 0 && isAtomChar(text.at(s - 1)) && at - s < 128)
            --s;
        qsizetype e = domainEnd(text, at + 1, 255);
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
    // The earliest marker (in one pass over the text, case-insensitively), within the first
    // 256 KiB: the original follows the bounce's own words, which are never that long.
    static const PhraseMatcher markers(BounceMarkers::originalMessageMarkers());
    qsizetype best = text.size();
    if (const qsizetype at = markers.find(text, 0, kOriginalMarkerScope); at >= 0)
        best = lineStartOf(text, at);
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
                && (nextLine.front().isSpace()
                    || (colon > 0 && !nextLine.left(colon).contains(QLatin1Char(' '))));
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
    const QString bounceTo = input.bounceTo.toLower();
    const QString originalFrom = input.originalFrom.toLower();
    const QList<AddressHit> hits = findAddresses(text, end);
    const ScoreContext context = ScoreContext::build(text, end);

    // Best occurrence per address, keeping the order of first appearance.
    struct Candidate
    {
        QString address;
        qsizetype position;
        qsizetype length;
        int score;
        bool listed;
    };
    QList<Candidate> candidates;
    QHash<QString, qsizetype> candidateIndex; // lower-case address -> index into candidates
    QHash<QString, QList<qsizetype>> hitsByAddress; // lower-case address -> first indexes into hits
    for (qsizetype h = 0; h < hits.size(); ++h) {
        const AddressHit &hit = hits.at(h);
        const QString address = DeliveryStatusParser::cleanAddress(hit.address);
        const QString lower = address.toLower();
        // Enough occurrences for describeElsewhere (which looks at 32 lines at most).
        if (QList<qsizetype> &own = hitsByAddress[lower]; own.size() < 64)
            own << h;
        // The bounce's own sender is never the recipient, nor the original's sender.
        if (lower == bounceFrom || lower == originalFrom)
            continue;
        // Postmaster and list-command addresses are where a notice sends people for help; they
        // are recipients only when a sentence says delivery to them failed.
        if (isSystemAddress(lower) && !followsRecipientCue(text, hit))
            continue;
        bool listed = false;
        int score = recipientScore(text, hit, &context, &listed);
        // The bounce's addressee is the original's sender: a recipient only when the text
        // names nobody else.
        if (lower == bounceTo && score > 1) {
            score = 1;
            listed = false;
        }
        const auto known = candidateIndex.constFind(lower);
        if (known == candidateIndex.cend()) {
            candidateIndex.insert(lower, candidates.size());
            candidates.append({address, hit.position, hit.length, score, listed});
            continue;
        }
        Candidate &c = candidates[known.value()];
        c.listed = c.listed || (listed && c.score >= 0);
        if (c.score >= 0 && (score < 0 || score > c.score)) {
            // A sender cue anywhere marks the address as the sender for good.
            c.score = score;
            if (score > 0) {
                c.position = hit.position;
                c.length = hit.length;
            }
        }
    }
    int bestScore = 0;
    bool anyListed = false;
    for (const Candidate &c : std::as_const(candidates)) {
        bestScore = qMax(bestScore, c.score);
        anyListed = anyListed || (c.listed && c.score > 0);
    }
    result.bestScore = bestScore;
    QHash<qsizetype, QString> expandedFrom; // candidate position -> the alias it was expanded from
    // When the bounce lists its failed recipients, the list decides. Otherwise keep the
    // addresses that look like recipients as much as the best one does.
    QList<Candidate> chosen;
    for (const Candidate &c : std::as_const(candidates))
        if (c.score > 0
            && (anyListed ? c.listed : (c.score == bestScore || (bestScore >= 4 && c.score >= 4))))
            chosen << c;
    // The bounce's addressee (the original's sender) only when nobody else is named.
    if (std::any_of(chosen.cbegin(), chosen.cend(),
            [&](const Candidate &c) { return c.address.toLower() != bounceTo; }))
        chosen.removeIf([&](const Candidate &c) { return c.address.toLower() == bounceTo; });
    // Addresses named without any recipient cue: the ones whose line says something failed
    // (or quotes a code) are the recipients; the others are bystanders (gateways, forwards).
    if (bestScore == 1 && !anyListed && chosen.size() > 1 && chosen.size() <= 1024) {
        QList<Candidate> failing;
        for (const Candidate &c : std::as_const(chosen))
            if (saysFailure(lineAt(text, c.position)))
                failing << c;
        if (!failing.isEmpty())
            chosen = failing;
    }
    std::sort(chosen.begin(), chosen.end(),
        [](const Candidate &a, const Candidate &b) { return a.position < b.position; });

    // Postfix's "<final@host> (expanded from <alias@example.net>)" and Exim's "(generated from
    // alias@example.net)" below the address: the alias is the address the sender used, the
    // other what it became.
    // Bounded: a hostile text naming thousands of aliases stays linear.
    for (qsizetype i = 0; i < qMin<qsizetype>(chosen.size(), 256); ++i) {
        const qsizetype after = chosen.at(i).position + chosen.at(i).length;
        QString rest = text.mid(after, 300);
        while (!rest.isEmpty() && (rest.front() == QLatin1Char('>') || rest.front().isSpace()))
            rest.remove(0, 1);
        if (!rest.startsWith(QLatin1String("(expanded from"), Qt::CaseInsensitive)
            && !rest.startsWith(QLatin1String("(generated from"), Qt::CaseInsensitive)
            && !rest.startsWith(QLatin1String("(ultimately generated from"), Qt::CaseInsensitive))
            continue;
        const QList<AddressHit> alias
            = findAddresses(rest.left(qMax<qsizetype>(0, rest.indexOf(QLatin1Char(')')))));
        if (alias.size() != 1)
            continue;
        const QString original = DeliveryStatusParser::cleanAddress(alias.first().address);
        if (original.compare(chosen.at(i).address, Qt::CaseInsensitive) == 0)
            continue;
        chosen.removeIf(
            [&](const Candidate &c) { return c.address.compare(original, Qt::CaseInsensitive) == 0; });
        // removeIf may have moved entry i; find it again by position.
        for (qsizetype k = 0; k < chosen.size(); ++k)
            if (chosen.at(k).position + chosen.at(k).length == after) {
                expandedFrom.insert(chosen.at(k).position, original);
                break;
            }
    }

    // "Original address: a" over "Recipient address: b" (Sendmail-style and many gateways): one
    // recipient, the address the sender used and the one it became.
    QHash<qsizetype, QString> finalOf; // index into chosen -> final recipient
    for (qsizetype i = 0; i + 1 < qMin<qsizetype>(chosen.size(), 256); ++i) {
        const QString line = lineAt(text, chosen.at(i).position).trimmed().toLower();
        const qsizetype nextLine = lineEndOf(text, chosen.at(i).position) + 1;
        if (line.startsWith(QLatin1String("original address:"))
            && lineStartOf(text, chosen.at(i + 1).position) == nextLine) {
            finalOf.insert(i, chosen.at(i + 1).address);
            chosen.removeAt(i + 1);
        }
    }

    for (qsizetype i = 0; i < chosen.size(); ++i) {
        const Candidate &c = chosen.at(i);
        const qsizetype to = i + 1 < chosen.size() ? lineStartOf(text, chosen.at(i + 1).position) : end;
        RecipientResult r;
        r.address = c.address;
        if (const QString final = finalOf.value(i); final.compare(c.address, Qt::CaseInsensitive) != 0)
            r.finalRecipient = final;
        if (const QString alias = expandedFrom.value(c.position); !alias.isEmpty()) {
            r.finalRecipient = c.address;
            r.address = alias;
        }
        r.action = QStringLiteral("failed");
        describe(text, c.position, c.length, to, r);
        // The alias note under the address is the bounce's own words, not the server's.
        if (!r.finalRecipient.isEmpty())
            r.diagnostic = withoutAliasNote(r.diagnostic);
        // Bounded so that hostile texts naming thousands of addresses stay linear.
        if (!hasCode(r.diagnostic) && chosen.size() <= 64)
            describeElsewhere(
                text, hits, hitsByAddress.value(c.address.toLower()), context, end, chosen.size() == 1, r);
        r.remoteMta = remoteHostFor(text, lineStartOf(text, c.position), to, end, chosen.size() == 1);
        result.recipients << r;
    }

    // Nothing in the bounce text names a recipient. Exim names the failed recipients in a header
    // when its text only gives local parts or pipe/file targets ("save to ..."): that is the
    // report's own word. Otherwise the returned original's To is a guess (some carriers only say
    // "could not be delivered"), taken only when it names one address and the original is not
    // list mail (the To of list mail is the list, which did not fail).
    QStringList fallback = input.failedRecipients;
    bool guess = false;
    if (fallback.isEmpty() && !input.originalIsListMail) {
        const QList<AddressHit> to = findAddresses(input.originalTo);
        if (to.size() == 1) {
            const QString address = DeliveryStatusParser::cleanAddress(to.first().address);
            const QString lower = address.toLower();
            if (lower != bounceFrom && lower != bounceTo && lower != originalFrom) {
                fallback << address;
                guess = true;
            }
        }
    }
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
            r.addressGuessed = guess;
            if (fallback.size() == 1)
                r.remoteMta = remoteHostFor(text, 0, end, end, true);
            if (!r.address.isEmpty()) {
                result.recipients << r;
                result.fromFallback = true;
                result.guessed = guess;
            }
        }
    }
    return result;
}

} // namespace bouncelens

#include "report/ServerText.h"

#include "classify/PhraseMatcher.h"
#include "classify/SmtpCodes.h"
#include "report/TextLines.h"

#include <QRegularExpression>

namespace bouncelens::servertext {

namespace {

using namespace textlines;

// The line holding the address at `position` is a sentence about it ("You are not a member of
// this mailing list <list@example.org>."): words before the address, a full stop ending it.
bool isSentenceNaming(const QString &text, qsizetype position)
{
    const qsizetype ls = lineStartOf(text, position);
    if (position - ls > 400)
        return false;
    const QStringView before = QStringView(text).mid(ls, position - ls).trimmed();
    const QStringView line = QStringView(text).mid(ls, lineEndOf(text, position) - ls).trimmed();
    return before.contains(QLatin1Char(' ')) && line.endsWith(QLatin1Char('.'));
}

// Only blanks, '<' and '"' stand before the address on its line: the address opens it.
bool opensLine(const QString &text, qsizetype position)
{
    for (qsizetype i = lineStartOf(text, position); i < position; ++i) {
        const QChar c = text.at(i);
        if (!c.isSpace() && c != QLatin1Char('<') && c != QLatin1Char('"'))
            return false;
    }
    return true;
}

// The lines of `region` that are the server's (`transcript`: it starts on a "<<<" line): without
// the transcript's markers ("<<<" opens a line of the server's reply, ">>>" a command of the
// reporting MTA, after which the server's words about this failure are over), and up to qmail's
// closing "Giving up on 192.0.2.1.".
QString serverLines(QStringView region, bool transcript)
{
    QString kept;
    kept.reserve(region.size());
    qsizetype pos = 0;
    while (pos < region.size()) {
        qsizetype le = region.indexOf(QLatin1Char('\n'), pos);
        if (le < 0)
            le = region.size();
        QStringView line = region.mid(pos, le - pos);
        const QStringView trimmed = line.trimmed();
        const bool marked = trimmed.startsWith(QLatin1String("<<<"));
        // A reply that opens with "<<<" is on "<<<" lines only: what follows is the reporting
        // MTA's echo of it ("550 5.1.1 <user@example.jp>... User unknown", Sendmail).
        const bool closes = trimmed.startsWith(QLatin1String(">>>"))
            || trimmed.startsWith(QLatin1String("Giving up on "), Qt::CaseInsensitive)
            || (transcript && !marked);
        if (closes && !kept.trimmed().isEmpty())
            break;
        if (kept.trimmed().isEmpty() && !trimmed.isEmpty())
            transcript = transcript || marked;
        if (trimmed.startsWith(QLatin1String(">>>")))
            line = {};
        else if (trimmed.startsWith(QLatin1String("<<<")))
            line = trimmed.mid(3);
        kept += line;
        kept += QLatin1Char('\n');
        pos = le + 1;
    }
    return kept;
}

// A line that introduces the server's text on the lines after it ("The response was:",
// "Technical details of temporary failure:", "The remote server said:"): its start, or -1.
qsizetype serverTextIntroduction(const QString &text, qsizetype from, qsizetype to)
{
    static const QStringList words
        = {QStringLiteral("response"), QStringLiteral("reply"), QStringLiteral("said"),
            QStringLiteral("technical details"), QStringLiteral("returned"), QStringLiteral("error was")};
    for (qsizetype pos = from; pos < to;) {
        const qsizetype le = qMin(lineEndOf(text, pos), to);
        const QStringView line = QStringView(text).mid(pos, le - pos).trimmed();
        if (line.size() <= 80 && line.endsWith(QLatin1Char(':')))
            for (const QString &word : words)
                if (line.contains(word, Qt::CaseInsensitive))
                    return pos;
        pos = le + 1;
    }
    return -1;
}

// "Reason: connection timed out", "理由: 接続がタイムアウトしました": the notice's label before the
// server's words.
QString withoutReasonLabel(const QString &diagnostic)
{
    static const QStringList labels = {QStringLiteral("reason"), QStringLiteral("last error"),
        QStringLiteral("error"), QStringLiteral("diagnostic"), QStringLiteral("details"),
        QStringLiteral("理由"), QStringLiteral("原因"), QStringLiteral("エラー"),
        QStringLiteral("エラー内容"), QStringLiteral("詳細")};
    for (const QString &label : labels) {
        if (!diagnostic.startsWith(label, Qt::CaseInsensitive) || diagnostic.size() <= label.size())
            continue;
        const QChar colon = diagnostic.at(label.size());
        if (colon != QLatin1Char(':') && colon != QChar(0xFF1A))
            continue;
        const QString rest = diagnostic.mid(label.size() + 1).trimmed();
        return rest.isEmpty() ? diagnostic : rest;
    }
    return diagnostic;
}

// Where the server's words that a labelled line opens ("Last error: 421 ...", "Remote Server
// returned '550 ...'") end: they go on only on lines indented deeper than the labelled one, folded
// lines (below), or lines opening with a reply code or a "<<<" marker; a line of the notice's own
// ("You will receive a new notice ...") ends them.
constexpr qsizetype kFoldedLineLength = 70;

qsizetype endOfLabelledReply(const QString &text, qsizetype start, qsizetype end)
{
    const auto indentOf = [](QStringView line) {
        qsizetype i = 0;
        while (i < line.size() && (line.at(i) == QLatin1Char(' ') || line.at(i) == QLatin1Char('\t')))
            ++i;
        return i;
    };
    const qsizetype ls = lineStartOf(text, start);
    const qsizetype indent = indentOf(QStringView(text).mid(ls, lineEndOf(text, ls) - ls));
    qsizetype previousLength = lineEndOf(text, ls) - ls;
    qsizetype pos = lineEndOf(text, start) + 1;
    while (pos < end) {
        const QStringView line = QStringView(text).mid(pos, qMin(lineEndOf(text, pos), end) - pos);
        const QStringView trimmed = line.trimmed();
        // In an indented block (Exim, Postfix) the reply is folded at the block's indent, up to
        // Exim's next "host ..."; at the left margin only a line as long as MTAs fold at
        // (Postfix: 80 columns) goes on at the same indent.
        const bool sameIndent = indentOf(line) == indent;
        const bool folded = sameIndent
            && (indent > 0 ? !trimmed.startsWith(QLatin1String("host "), Qt::CaseInsensitive)
                           : previousLength >= kFoldedLineLength);
        const bool continues = indentOf(line) > indent || folded || trimmed.startsWith(QLatin1String("<<<"))
            || (trimmed.size() >= 3 && SmtpCodes::isReplyCode(trimmed.left(3)));
        if (!continues || trimmed.isEmpty())
            return pos;
        previousLength = line.size();
        pos = lineEndOf(text, pos) + 1;
    }
    return end;
}

// Where the first "\n\n" in [from, to) starts, or `to`.
qsizetype blankLineBefore(const QString &text, qsizetype from, qsizetype to)
{
    const qsizetype at
        = QStringView(text).mid(from, qMax<qsizetype>(0, to - from)).indexOf(QLatin1String("\n\n"));
    return at < 0 ? to : from + at;
}

} // namespace

QString diagnosticFor(const QString &text, qsizetype from, qsizetype to, qsizetype codeAt)
{
    qsizetype start;
    QChar closingQuote;
    bool labelled = false; // the code follows a label on its line
    bool transcript = false; // ... the "<<<" of a session transcript
    if (codeAt >= 0) {
        start = lineStartOf(text, codeAt);
        // What introduces the code on its line is the reporting MTA's: a transcript marker, words
        // ending in a colon ("Reason:", "Remote host said:", "<user@example.jp>: host
        // mx.example.jp[192.0.2.1] said:"), or an opening quote ("returned '550 ...'").
        const QStringView intro = QStringView(text).mid(start, codeAt - start).trimmed();
        // Sentences before the colon are the notice's own account, kept with the reply ("We
        // recommend ... The other server returned: 554 ...").
        const bool sentences = intro.contains(QLatin1String(". "));
        // A delivery-status block pasted into the text ("Status: 4.4.1" over "Diagnostic-Code:
        // X-Postfix; ...") is read as it stands: the words are in the fields below.
        const bool field = intro.compare(QLatin1String("Status:"), Qt::CaseInsensitive) == 0
            || intro.compare(QLatin1String("Diagnostic-Code:"), Qt::CaseInsensitive) == 0;
        // A reply opens a line as "550 text", "550-text" or "550" alone; "ERROR_CODE :550," is a
        // report's own field list, kept whole.
        const QChar afterCode = codeAt + 3 < text.size() ? text.at(codeAt + 3) : QLatin1Char('\n');
        const bool replyLike = text.at(codeAt + 1) == QLatin1Char('.') || afterCode == QLatin1Char(' ')
            || afterCode == QLatin1Char('-') || afterCode == QLatin1Char('\n')
            || afterCode == QLatin1Char('\r');
        if (intro == QLatin1String("<<<")
            || (intro.endsWith(QLatin1Char(':')) && !sentences && !field && replyLike)) {
            transcript = intro == QLatin1String("<<<");
            labelled = !transcript;
            start = codeAt;
            // "(reason: 451 4.4.1 Deferred)", Sendmail's list of failed recipients.
            if (intro.count(QLatin1Char('(')) > intro.count(QLatin1Char(')')))
                closingQuote = QLatin1Char(')');
        } else if (intro.endsWith(QLatin1Char('\'')) || intro.endsWith(QLatin1Char('"'))) {
            labelled = true;
            start = codeAt;
            closingQuote = intro.back();
        }
    } else if (const qsizetype intro = serverTextIntroduction(text, lineEndOf(text, from) + 1, to);
               intro >= 0) {
        start = lineEndOf(text, intro) + 1;
    } else if (isSentenceNaming(text, from)) {
        start = lineStartOf(text, from);
    } else {
        start = lineEndOf(text, from) + 1;
    }
    if (start >= to)
        return {};
    // Until a blank line or the next recipient.
    // Looked for before `to` only: a text without blank lines stays linear over its recipients.
    qsizetype end = blankLineBefore(text, start, to);
    if (labelled)
        end = endOfLabelledReply(text, start, end);
    QString diagnostic
        = serverLines(QStringView(text).mid(start, qMin<qsizetype>(end - start, 2000)), transcript)
              .simplified();
    if (!closingQuote.isNull() && diagnostic.endsWith(closingQuote))
        diagnostic.chop(1);
    // Without codes, a paragraph that only introduces the next one ("because:", Domino) stands
    // for the paragraph it introduces.
    if (codeAt < 0 && diagnostic.endsWith(QLatin1Char(':')) && end < to) {
        qsizetype next = end;
        while (next < to && text.at(next).isSpace())
            ++next;
        const qsizetype nextEnd = blankLineBefore(text, next, to);
        if (next < nextEnd)
            return text.mid(next, qMin<qsizetype>(nextEnd - next, 2000)).simplified();
    }
    return codeAt < 0 ? withoutReasonLabel(diagnostic) : diagnostic;
}

QString wordsOnAddressLine(const QString &text, qsizetype position, qsizetype addressEnd, qsizetype to)
{
    const qsizetype le = lineEndOf(text, addressEnd);
    QStringView rest = QStringView(text).mid(addressEnd, qMin(le - addressEnd, kMaxDiagnosticChars));
    if (rest.startsWith(QLatin1Char('>')))
        rest = rest.mid(1);
    if (rest.startsWith(QLatin1String("...")))
        return rest.mid(3).toString().simplified();
    const QStringView after = rest.trimmed();
    if (after.isEmpty() || after == QLatin1String(":"))
        return {};
    // "<user@example.jp>: delivery temporarily suspended: connect to\n    mx.example.jp[...]":
    // the words after the colon, and the indented lines that continue them.
    if (after.startsWith(QLatin1Char(':')) && opensLine(text, position)) {
        QString words = after.mid(1).toString();
        qsizetype next = le + 1;
        while (next < to && next < text.size() && text.at(next).isSpace()
            && text.at(next) != QLatin1Char('\n') && words.size() < kMaxDiagnosticChars) {
            const qsizetype nextEnd = qMin(lineEndOf(text, next), to);
            const QStringView line = QStringView(text).mid(next, nextEnd - next);
            if (isBlankLine(line))
                break;
            words += QLatin1Char(' ') + line.toString();
            next = nextEnd + 1;
        }
        return words.simplified();
    }
    const qsizetype next = le + 1;
    const bool endsParagraph
        = next >= text.size() || isBlankLine(QStringView(text).mid(next, lineEndOf(text, next) - next));
    // A line further down that introduces the server's text ("The response was:") has it.
    if (!endsParagraph || serverTextIntroduction(text, next, to) >= 0)
        return {};
    return lineAt(text, position).simplified();
}

QString remoteHostIn(QStringView scope)
{
    static const QList<QRegularExpression> wordings = [] {
        // A host name has a dot; a trailing dot (Sendmail, Gmail) is not part of what is shown.
        const QString host
            = QStringLiteral("([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*"
                             "[A-Za-z0-9])?)+)\\.?");
        const QString ipv4 = QStringLiteral("(\\d{1,3}(?:\\.\\d{1,3}){3})");
        const QString ip = QStringLiteral("(?:IPv6:)?[0-9A-Fa-f:.]+");
        const auto options = QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption;
        QList<QRegularExpression> list;
        for (const QString &pattern : {
                 QStringLiteral("\\bhost\\s+%1\\s*\\[%2\\]").arg(host, ip), // Exim, Postfix
                 QStringLiteral("\\bconnect to\\s+%1\\[%2\\]").arg(host, ip), // Postfix
                 QStringLiteral("^\\s*<[^<>\\s]+@[^<>\\s]+>:\\s*%1\\s+\\[%2\\]:").arg(host, ip), // Courier
                 QStringLiteral("\\bwhile talking to\\s+%1:").arg(host), // Sendmail
                 QStringLiteral("\\b(?:timed out with|refused by)\\s+%1(?:\\s|$)").arg(host), // Sendmail
                 QStringLiteral("^\\s*%1 does not like (?:recipient|sender)").arg(ipv4), // qmail
                 QStringLiteral("\\b(?:Giving up on|Connected to)\\s+%1").arg(ipv4), // qmail
                 QStringLiteral("\\bRemote Server at\\s+%1\\s+\\(%2\\)").arg(host, ip), // Exchange
                 QStringLiteral("^\\s*Receiving server:\\s*%1\\s+\\(%2\\)").arg(host, ip), // Exchange
                 QStringLiteral("\\[%1\\s+%2(?::|\\])").arg(host, ipv4), // Gmail
             })
            list << QRegularExpression(pattern, options);
        return list;
    }();
    QString found;
    for (const QRegularExpression &wording : wordings) {
        for (auto it = wording.globalMatch(scope); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (found.isEmpty())
                found = name;
            else if (found.compare(name, Qt::CaseInsensitive) != 0)
                return {}; // two servers: which one refused is not for us to guess
        }
    }
    return found;
}

QString addressLineDiagnostic(const QString &text, qsizetype position, qsizetype addressEnd)
{
    const QString line = lineAt(text, position).simplified();
    const qsizetype ls = lineStartOf(text, position);
    QStringView label = QStringView(text).mid(ls, position - ls).trimmed();
    while (label.endsWith(QLatin1Char('<')) || label.endsWith(QLatin1Char('"')))
        label = label.chopped(1).trimmed();
    QStringView after = QStringView(text).mid(addressEnd, lineEndOf(text, addressEnd) - addressEnd).trimmed();
    while (after.startsWith(QLatin1Char('>')) || after.startsWith(QLatin1Char('"')))
        after = after.mid(1).trimmed();
    const bool labelOnly = after.isEmpty() && !label.isEmpty() && label.size() <= 24
        && (label.endsWith(QLatin1Char(':')) || label.endsWith(QChar(0xFF1A)));
    if (!labelOnly)
        return line;
    // The sentence of the notice that gives a cause, in the text shortly above the address.
    static const PhraseMatcher causes(QStringList {QStringLiteral("because"), QStringLiteral("due to"),
        QStringLiteral("ため"), QStringLiteral("により"), QStringLiteral("原因")});
    const qsizetype from = qMax<qsizetype>(0, ls - 4096);
    const QStringView above = QStringView(text).mid(from, ls - from);
    const qsizetype at = causes.find(above);
    if (at < 0)
        return line;
    const auto fullStop = [&](qsizetype i) {
        return above.at(i) == QChar(0x3002)
            || (above.at(i) == QLatin1Char('.') && (i + 1 == above.size() || above.at(i + 1).isSpace()));
    };
    qsizetype start = at;
    while (start > 0 && above.at(start - 1) != QLatin1Char('\n') && !fullStop(start - 1))
        --start;
    qsizetype end = at;
    while (end < above.size() && above.at(end) != QLatin1Char('\n') && !fullStop(end))
        ++end;
    if (end < above.size() && above.at(end) != QLatin1Char('\n'))
        ++end; // the full stop
    return above.mid(start, end - start).toString().simplified();
}

} // namespace bouncelens::servertext

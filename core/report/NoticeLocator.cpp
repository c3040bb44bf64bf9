#include "report/NoticeLocator.h"

#include "report/NoticePhrases.h"

#include <QHash>

#include <algorithm>

namespace bouncelens {

namespace {

// A notice is a few sentences: at most this many per paragraph, this long in all.
constexpr int kMaxSentences = 3;
constexpr qsizetype kComfortableLength = 240;
constexpr qsizetype kMaxLength = 400;
// Paragraphs of the notice after the first ("THIS IS A WARNING ONLY." then "Delivery ... has
// been delayed:"), and how far back a sentence start is looked for.
constexpr int kMaxParagraphs = 3;
constexpr qsizetype kMaxBackScan = 300;

// Kana, CJK ideographs, full-width forms: scripts written without spaces between words.
bool isCjk(QChar c)
{
    return c.unicode() >= 0x2E80;
}

QChar foldChar(QChar c)
{
    switch (c.unicode()) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x00B4: // ´
    case 0x0060: // `
        return QLatin1Char('\'');
    default: return c.toLower(); // simple case mapping: one code unit stays one code unit
    }
}

// The window of the text as the phrases are written: lower case, straight apostrophes, every run
// of whitespace one space (none between two CJK characters, where a line break is no word
// break), and where each character stands in the original.
struct Folded
{
    QString text;
    QList<qsizetype> at;

    static Folded of(QStringView s)
    {
        Folded f;
        f.text.reserve(s.size());
        f.at.reserve(s.size());
        qsizetype i = 0;
        while (i < s.size()) {
            if (!s.at(i).isSpace()) {
                f.text.append(foldChar(s.at(i)));
                f.at.append(i);
                ++i;
                continue;
            }
            const qsizetype spaceAt = i;
            while (i < s.size() && s.at(i).isSpace())
                ++i;
            const bool joinCjk = !f.text.isEmpty() && isCjk(f.text.back()) && i < s.size() && isCjk(s.at(i));
            if (!joinCjk && !f.text.isEmpty()) {
                f.text.append(QLatin1Char(' '));
                f.at.append(spaceAt);
            }
        }
        return f;
    }

    // The folded index of the first character at or after original index `pos`.
    [[nodiscard]] qsizetype indexAt(qsizetype pos) const
    {
        return std::lower_bound(at.begin(), at.end(), pos) - at.begin();
    }
};

struct Hit
{
    qsizetype at = -1; // original index
    NoticeKind kind = NoticeKind::None;
    [[nodiscard]] bool found() const { return at >= 0; }
};

// The notice phrases bucketed by their first character, longest first, so that "could not be
// delivered for more than" (a delay) wins over "could not be delivered" at the same place.
class PhraseIndex
{
public:
    static const PhraseIndex &instance()
    {
        static const PhraseIndex index;
        return index;
    }

    // The first phrase of a kind that fits `kind` in folded [from, to), starting at a word.
    [[nodiscard]] Hit find(const Folded &f, qsizetype from, qsizetype to, MessageKind kind) const
    {
        const QStringView text(f.text);
        to = qMin(to, text.size());
        for (qsizetype i = qMax<qsizetype>(from, 0); i < to; ++i) {
            const auto bucket = m_buckets.constFind(text.at(i).unicode());
            if (bucket == m_buckets.cend())
                continue;
            if (i > 0 && text.at(i).isLetter() && !isCjk(text.at(i)) && text.at(i - 1).isLetter()
                && !isCjk(text.at(i - 1)))
                continue; // inside a word
            for (const int p : *bucket) {
                const NoticePhrases::Phrase &phrase = m_phrases.at(p);
                if (NoticeLocator::fits(phrase.kind, kind) && text.mid(i).startsWith(phrase.text))
                    return {f.at.at(i), phrase.kind};
            }
        }
        return {};
    }

    [[nodiscard]] bool opensWithIntroduction(const Folded &f, qsizetype from) const
    {
        const QStringView text = QStringView(f.text).mid(from);
        return std::any_of(m_intros.cbegin(), m_intros.cend(),
            [&text](const QString &intro) { return text.startsWith(intro); });
    }

private:
    PhraseIndex()
        : m_phrases(NoticePhrases::notices())
        , m_intros(NoticePhrases::introductions())
    {
        std::stable_sort(m_phrases.begin(), m_phrases.end(),
            [](const NoticePhrases::Phrase &a, const NoticePhrases::Phrase &b) {
                return a.text.size() > b.text.size();
            });
        for (qsizetype p = 0; p < m_phrases.size(); ++p)
            if (!m_phrases.at(p).text.isEmpty())
                m_buckets[m_phrases.at(p).text.front().unicode()].append(int(p));
    }

    QList<NoticePhrases::Phrase> m_phrases;
    QStringList m_intros;
    QHash<char16_t, QList<int>> m_buckets;
};

// Lines and paragraphs of the original text, never past `limit`.
struct Lines
{
    QStringView text;
    qsizetype limit;

    [[nodiscard]] qsizetype startOf(qsizetype pos) const
    {
        while (pos > 0 && text.at(pos - 1) != QLatin1Char('\n'))
            --pos;
        return pos;
    }

    [[nodiscard]] qsizetype endOf(qsizetype pos) const
    {
        const qsizetype nl = text.left(limit).indexOf(QLatin1Char('\n'), pos);
        return nl < 0 ? limit : nl;
    }

    [[nodiscard]] QStringView line(qsizetype start) const { return text.mid(start, endOf(start) - start); }

    // A blank line, or one of rules and frames only ("-----", "#####"): it separates paragraphs.
    [[nodiscard]] static bool isBreak(QStringView line)
    {
        return std::none_of(line.begin(), line.end(), [](QChar c) { return c.isLetterOrNumber(); });
    }

    // A line of per-recipient details: it opens with an address ("  user@example.jp",
    // "<user@example.jp>: host ...") or with the server's reply code ("550 5.1.1 ...").
    [[nodiscard]] static bool isDetail(QStringView line)
    {
        qsizetype i = 0;
        while (i < line.size() && (line.at(i).isSpace() || QStringView(u"<>\"'*-•(").contains(line.at(i))))
            ++i;
        qsizetype end = i;
        while (end < line.size() && !line.at(end).isSpace())
            ++end;
        const QStringView token = line.mid(i, end - i);
        if (token.contains(QLatin1Char('@')))
            return true;
        return token.size() >= 3 && (token.at(0) == QLatin1Char('4') || token.at(0) == QLatin1Char('5'))
            && token.at(1).isDigit() && token.at(2).isDigit()
            && (token.size() == 3 || !token.at(3).isDigit());
    }

    // A line of "label: value" ("Reason: ...", "Addressed To: ...", "Error: ..."): a field of the
    // report, not a sentence of the notice. A line that ends with its colon introduces a list.
    [[nodiscard]] static bool isField(QStringView line)
    {
        line = line.trimmed();
        qsizetype colon = -1;
        for (qsizetype i = 0; i < qMin<qsizetype>(line.size(), 48) && colon < 0; ++i)
            if (line.at(i) == QLatin1Char(':') || line.at(i) == u'：')
                colon = i;
        if (colon <= 0 || colon + 1 >= line.size() || !line.at(0).isLetter())
            return false;
        const QStringView label = line.left(colon);
        return !label.contains(QLatin1Char('@')) && label.count(QLatin1Char(' ')) < 5;
    }

    // A heading framed by rules ("----- The following addresses had permanent fatal errors -----",
    // "** Message not delivered **"): a paragraph of its own.
    [[nodiscard]] static bool isFramed(QStringView line)
    {
        line = line.trimmed();
        return line.size() > 2 && QStringView(u"-=#*").contains(line.back())
            && line.at(line.size() - 2) == line.back();
    }

    // Where the paragraph holding `pos` starts (a few lines back at most).
    [[nodiscard]] qsizetype paragraphStart(qsizetype pos) const
    {
        qsizetype start = startOf(pos);
        for (int lines = 0; start > 0 && lines < 30; ++lines) {
            const qsizetype previous = startOf(start - 1);
            const QStringView before = text.mid(previous, start - 1 - previous);
            if (isBreak(before) || isDetail(before) || isFramed(before) || isFramed(line(start)))
                break;
            start = previous;
        }
        return start;
    }

    // Where the paragraph holding `pos` ends: before a break line, a detail line or `limit`.
    [[nodiscard]] qsizetype paragraphEnd(qsizetype pos) const
    {
        qsizetype end = endOf(pos);
        for (int lines = 0; end < limit && lines < 30; ++lines) {
            const QStringView next = line(end + 1);
            if (isBreak(next) || isDetail(next) || isField(next) || isFramed(next)
                || isFramed(line(startOf(end))))
                break;
            end = endOf(end + 1);
        }
        return end;
    }

    // The first paragraph start at or after `pos` (past break lines), or `limit`.
    [[nodiscard]] qsizetype nextParagraph(qsizetype pos) const
    {
        while (pos < limit && isBreak(line(pos)))
            pos = endOf(pos) + 1;
        return qMin(pos, limit);
    }
};

bool endsSentence(QStringView text, qsizetype i, qsizetype end)
{
    const QChar c = text.at(i);
    if (c == u'。' || c == u'！' || c == u'？')
        return true;
    const bool atEnd = i + 1 >= end;
    if (c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?'))
        return atEnd || text.at(i + 1).isSpace();
    // "... failed:" at the end of a line introduces the list of recipients: the notice ends.
    return c == QLatin1Char(':') && (atEnd || text.at(i + 1) == QLatin1Char('\n'));
}

// Where the sentence holding `pos` starts, not before `floor`. A line break ends a sentence too
// unless the line before runs on (ends with a letter or a comma: a wrapped sentence).
qsizetype sentenceStart(QStringView text, qsizetype pos, qsizetype floor)
{
    const qsizetype stop = qMax(floor, pos - kMaxBackScan);
    for (qsizetype i = pos - 1; i >= stop; --i) {
        if (endsSentence(text, i, pos))
            return i + 1;
        if (text.at(i) != QLatin1Char('\n'))
            continue;
        qsizetype last = i;
        while (last > stop && text.at(last - 1).isSpace())
            --last;
        const QChar c = last > 0 ? text.at(last - 1) : QChar();
        if (!(c.isLetter() || c == QLatin1Char(',') || c == u'、' || c == QLatin1Char(';')))
            return i + 1;
    }
    return stop;
}

// Past the sentence that goes on at `pos`, at most `end`.
qsizetype sentenceEnd(QStringView text, qsizetype pos, qsizetype end)
{
    for (qsizetype i = pos; i < end; ++i)
        if (endsSentence(text, i, end))
            return i + 1;
    return end;
}

bool isDecoration(QChar c)
{
    return c.isSpace() || QStringView(u"#*=-_~>|").contains(c);
}

// [start, end) without the spaces, rules and frame characters around it.
Span trimmed(QStringView text, qsizetype start, qsizetype end)
{
    while (start < end && isDecoration(text.at(start)))
        ++start;
    while (end > start && isDecoration(text.at(end - 1)))
        --end;
    if (end - start > kMaxLength) {
        // One endless sentence: cut at a word boundary.
        const qsizetype space = text.mid(start, kMaxLength).lastIndexOf(QLatin1Char(' '));
        end = start + (space > kMaxLength / 2 ? space : kMaxLength);
    }
    Span span;
    span.role = SpanRole::Notice;
    span.start = start;
    span.length = end - start;
    return span;
}

// The notice paragraph around `hit`: from the start of its sentence (or of its paragraph when
// only an introduction stands before it) to the end of a few sentences.
Span noticeAround(const Lines &lines, const Folded &folded, qsizetype hit)
{
    const QStringView text = lines.text;
    const qsizetype paraStart = lines.paragraphStart(hit);
    const qsizetype paraEnd = lines.paragraphEnd(hit);
    qsizetype start = sentenceStart(text, hit, paraStart);
    qsizetype lead = paraStart;
    while (lead < start && isDecoration(text.at(lead)))
        ++lead;
    if (lead < start && PhraseIndex::instance().opensWithIntroduction(folded, folded.indexAt(lead)))
        start = lead; // "Hi. This is the qmail-send program at ... I'm afraid I wasn't able to ..."
    qsizetype end = sentenceEnd(text, hit, paraEnd);
    for (int sentences = 1; sentences < kMaxSentences && end < paraEnd && text.at(end - 1) != QLatin1Char(':')
         && end - start < kComfortableLength;
         ++sentences) {
        const qsizetype next = sentenceEnd(text, end, paraEnd);
        if (next - start > kMaxLength)
            break;
        end = next;
    }
    return trimmed(text, start, end);
}

// Where the notice must end: before the first line that holds a reply or status code (the
// server's words). Lines that open with an address end a paragraph (Lines::isDetail); an
// address inside a sentence ("Your message to <user@example.jp> was undeliverable.") is part
// of the notice. The server-text spans do not bound it: where a bounce gives no reply, its own
// sentence is the diagnostic.
qsizetype detailsStart(const Lines &lines, const QList<Span> &details, qsizetype limit)
{
    for (const Span &s : details) {
        if (s.start >= limit)
            break;
        if (s.role == SpanRole::ReplyCode || s.role == SpanRole::StatusCode)
            limit = qMin(limit, lines.startOf(s.start));
    }
    return limit;
}

// A quoted header field of the returned message ("Subject: Undeliverable Mail"): its words are
// the original's, not the notice.
bool isQuotedField(QStringView line)
{
    static const QStringList fields = {QStringLiteral("subject:"), QStringLiteral("to:"),
        QStringLiteral("from:"), QStringLiteral("cc:"), QStringLiteral("date:"), QStringLiteral("sent:"),
        QStringLiteral("件名:"), QStringLiteral("件名："), QStringLiteral("宛先:"), QStringLiteral("宛先：")};
    line = line.trimmed();
    return std::any_of(fields.cbegin(), fields.cend(),
        [&line](const QString &field) { return line.startsWith(field, Qt::CaseInsensitive); });
}

} // namespace

bool NoticeLocator::fits(NoticeKind notice, MessageKind kind)
{
    switch (kind) {
    case MessageKind::Bounce:
    case MessageKind::Delay:
        return notice == NoticeKind::NotDelivered || notice == NoticeKind::Delayed
            || notice == NoticeKind::Warning;
    case MessageKind::AutoReply: return notice == NoticeKind::AutoReply;
    case MessageKind::Feedback: return notice == NoticeKind::Feedback;
    case MessageKind::Delivered: return notice == NoticeKind::Delivered;
    case MessageKind::NotBounce: break;
    }
    return false;
}

NoticeResult NoticeLocator::locate(
    QStringView text, qsizetype end, const QList<Span> &details, MessageKind kind)
{
    NoticeResult result;
    Lines lines {text, std::min({end, text.size(), kWindow})};
    if (lines.limit <= 0 || kind == MessageKind::NotBounce)
        return result;
    // An auto-reply's or a feedback report's "server text" is its own first words: only the
    // details of a delivery report bound the notice.
    if (kind != MessageKind::AutoReply && kind != MessageKind::Feedback)
        lines.limit = detailsStart(lines, details, lines.limit);
    const Folded folded = Folded::of(text.left(lines.limit));
    const PhraseIndex &index = PhraseIndex::instance();

    // The first hit outside the original's quoted header fields and the per-recipient lines.
    auto misplaced = [&lines](const Hit &h) {
        const QStringView line = lines.line(lines.startOf(h.at));
        return isQuotedField(line) || Lines::isDetail(line);
    };
    Hit hit = index.find(folded, 0, folded.text.size(), kind);
    while (hit.found() && misplaced(hit))
        hit = index.find(folded, folded.indexAt(lines.endOf(hit.at)), folded.text.size(), kind);
    NoticeKind firstFailure = NoticeKind::None;
    qsizetype length = 0;
    for (int paragraphs = 0; hit.found() && paragraphs < kMaxParagraphs && length < kComfortableLength;
         ++paragraphs) {
        const Span span = noticeAround(lines, folded, hit.at);
        if (span.length <= 0)
            break;
        result.spans << span;
        length += span.length;
        if (result.kind == NoticeKind::None)
            result.kind = hit.kind;
        if (firstFailure == NoticeKind::None
            && (hit.kind == NoticeKind::NotDelivered || hit.kind == NoticeKind::Delayed))
            firstFailure = hit.kind;
        // The next paragraph belongs to the notice when it says the same kind of thing at once
        // (a warning, then "Delivery to the following recipient has been delayed:").
        const qsizetype next = lines.nextParagraph(lines.paragraphEnd(hit.at) + 1);
        if (next >= lines.limit || Lines::isDetail(lines.line(next)) || Lines::isField(lines.line(next)))
            break;
        const qsizetype nextEnd = sentenceEnd(text, next, lines.paragraphEnd(next));
        hit = index.find(folded, folded.indexAt(next), folded.indexAt(nextEnd), kind);
    }
    if (!result.found())
        return result;
    // "THIS IS A WARNING ONLY" before "could not be delivered for more than 4 hours": the notice
    // is about the delay; a delay report's "could not be delivered (yet)" is a delay too.
    if (firstFailure != NoticeKind::None)
        result.kind = firstFailure;
    if (kind == MessageKind::Delay && result.kind == NoticeKind::NotDelivered)
        result.kind = NoticeKind::Delayed;

    // The introduction line that opens the text ("This is the mail system at host X."), when the
    // notice does not already hold it.
    const qsizetype first = lines.nextParagraph(0);
    if (first < result.spans.first().start && index.opensWithIntroduction(folded, folded.indexAt(first))) {
        const qsizetype introEnd = qMin(lines.paragraphEnd(first), result.spans.first().start);
        qsizetype end = sentenceEnd(text, first, introEnd);
        if (end - first < 16) // "Hi." opens "Hi. This is the qmail-send program at ..."
            end = sentenceEnd(text, end, introEnd);
        const Span intro = trimmed(text, first, end);
        if (intro.length > 0 && intro.start + intro.length <= result.spans.first().start)
            result.spans.prepend(intro);
    }
    return result;
}

} // namespace bouncelens

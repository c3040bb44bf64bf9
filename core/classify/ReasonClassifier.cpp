#include "classify/ReasonClassifier.h"

#include "classify/ReasonRules.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

namespace bouncelens {

namespace {

// Texts longer than this are only read up to here: real diagnostics are a few KB, and a cap keeps
// a multi-megabyte diagnostic from costing a scan over megabytes.
constexpr qsizetype kMaxScan = 64 * 1024;

// How far after a recipient's address in the bounce text its transcript may start.
constexpr qsizetype kTranscriptWindow = 16 * 1024;

// Only this prefix of a diagnostic is searched for host names.
constexpr qsizetype kHostScan = 4096;

// ---------------------------------------------------------------------------------------------
// One automaton for every fixed string the classifier looks for (Aho-Corasick over UTF-16 code
// units): a text is scanned once, left to right, and yields every occurrence of every pattern.
// ---------------------------------------------------------------------------------------------

class Automaton
{
public:
    // The id of `pattern` (lower case, non-empty); the same string always gets the same id.
    int add(const QString &pattern)
    {
        Q_ASSERT(!pattern.isEmpty());
        const auto it = m_ids.constFind(pattern);
        if (it != m_ids.constEnd())
            return *it;
        const int id = int(m_lengths.size());
        m_ids.insert(pattern, id);
        m_lengths.push_back(int(pattern.size()));
        int node = 0;
        for (const QChar c : pattern) {
            auto &next = m_trie[size_t(node)].next;
            const auto found = next.find(c.unicode());
            if (found != next.end()) {
                node = found->second;
            } else {
                m_trie.emplace_back();
                const int child = int(m_trie.size() - 1);
                m_trie[size_t(node)].next.emplace(c.unicode(), child);
                node = child;
            }
        }
        m_trie[size_t(node)].pattern = id;
        return id;
    }

    // Computes the failure links and flattens the trie; no add() after this.
    void build()
    {
        const size_t n = m_trie.size();
        m_fail.assign(n, 0);
        m_out.assign(n, -1);
        m_pattern.assign(n, -1);
        m_edgeBegin.assign(n + 1, 0);
        m_root.assign(0x10000, 0);
        for (size_t v = 0; v < n; ++v) {
            m_pattern[v] = m_trie[v].pattern;
            m_edgeBegin[v + 1] = m_edgeBegin[v] + int(m_trie[v].next.size());
            for (const auto &[c, child] : m_trie[v].next) {
                m_edgeChar.push_back(c);
                m_edgeTo.push_back(child);
            }
        }
        for (const auto &[c, child] : m_trie[0].next)
            m_root[c] = child;
        // Breadth first: a node's failure link is known before its children's.
        std::vector<int> queue;
        queue.reserve(n);
        for (const auto &[c, child] : m_trie[0].next)
            queue.push_back(child);
        for (size_t q = 0; q < queue.size(); ++q) {
            const int v = queue[q];
            for (const auto &[c, child] : m_trie[size_t(v)].next) {
                int f = m_fail[size_t(v)];
                m_fail[size_t(child)] = step(f, c);
                const int fc = m_fail[size_t(child)];
                m_out[size_t(child)] = m_pattern[size_t(fc)] >= 0 ? fc : m_out[size_t(fc)];
                queue.push_back(child);
            }
        }
        m_trie.clear();
        m_trie.shrink_to_fit();
    }

    [[nodiscard]] int count() const { return int(m_lengths.size()); }
    [[nodiscard]] int length(int id) const { return m_lengths[size_t(id)]; }

    // Calls report(pattern, start) for every occurrence, in the order of their ends.
    template<typename Emit> void scan(QStringView text, Emit &&report) const
    {
        int state = 0;
        const char16_t *data = text.utf16();
        const qsizetype n = text.size();
        for (qsizetype i = 0; i < n; ++i) {
            state = step(state, data[i]);
            if (state == 0)
                continue;
            int node = m_pattern[size_t(state)] >= 0 ? state : m_out[size_t(state)];
            for (; node > 0; node = m_out[size_t(node)]) {
                const int id = m_pattern[size_t(node)];
                report(id, i + 1 - m_lengths[size_t(id)]);
            }
        }
    }

private:
    // The next state from `state` on `c`, following failure links (the goto function).
    [[nodiscard]] int step(int state, char16_t c) const
    {
        while (state != 0) {
            const int b = m_edgeBegin[size_t(state)];
            const int e = m_edgeBegin[size_t(state) + 1];
            for (int k = b; k < e; ++k) {
                if (m_edgeChar[size_t(k)] == c)
                    return m_edgeTo[size_t(k)];
                if (m_edgeChar[size_t(k)] > c)
                    break;
            }
            state = m_fail[size_t(state)];
        }
        return m_root[c];
    }

    struct BuildNode
    {
        std::map<char16_t, int> next;
        int pattern = -1;
    };

    QHash<QString, int> m_ids;
    std::vector<int> m_lengths;
    std::vector<BuildNode> m_trie = std::vector<BuildNode>(1);
    // Flattened trie: node v's edges are [m_edgeBegin[v], m_edgeBegin[v+1]), sorted by character.
    std::vector<int> m_edgeBegin;
    std::vector<char16_t> m_edgeChar;
    std::vector<int> m_edgeTo;
    std::vector<int> m_fail;
    std::vector<int> m_out; // the nearest node on the failure chain that ends a pattern, -1
    std::vector<int> m_pattern; // the pattern that ends at the node, -1
    std::vector<int> m_root; // the root's goto function, one entry per code unit
};

// ---------------------------------------------------------------------------------------------
// The rule tables, compiled once: phrases become lists of pattern ids.
// ---------------------------------------------------------------------------------------------

enum class Command { Unknown, Connect, Helo, Mail, Rcpt, Data };

struct Phrase
{
    std::vector<int> pieces; // pattern ids, to be found in this order
};

struct Group
{
    QString reason;
    QString name;
    std::vector<Phrase> phrases;
};

struct HostRule
{
    QString reason;
    QString status;
    QString reply;
    int group = -1; // the rule's phrase as a one-phrase group, -1 when the code alone decides
    QString rule; // evidence rule name, "reason/host:name"
};

struct HostSuffix
{
    QString suffix; // as written: ".mail.aol.com" or "cox.net"
    QString dotted; // with a leading dot
    QString bare; // without a leading dot
    int pattern = -1; // searched for in diagnostics (dotted suffixes of two or more dots)
};

struct HostClass
{
    QString name;
    std::vector<HostSuffix> suffixes;
};

struct CommandMarker
{
    int pattern;
    Command command;
};

struct Tables
{
    Automaton automaton;
    std::vector<Group> groups; // every group; a text's verdicts are memoised per group id
    std::vector<int> explicitGroups;
    std::vector<int> noticeGroups;
    int gmailNotice = -1;
    std::vector<int> gmailStateGroups;
    QHash<QString, QString> bounceCategories;
    QHash<QString, int> byReason;
    int notRejected = -1;
    int vacation = -1;
    QHash<QString, QString> statusReason;
    std::vector<HostClass> hostClasses;
    QHash<QString, std::vector<HostRule>> hostRules; // by host class name, in table order
    std::vector<CommandMarker> commandMarkers;
    int failure4 = -1; // "<<< 4": a 4xx reply in a transcript
    int failure5 = -1; // "<<< 5"
    int sent = -1; // ">>> ": a command in a transcript
};

Phrase compile(Automaton &automaton, const char *text)
{
    Phrase p;
    const QString s = QString::fromUtf8(text);
    for (const QString &piece : s.split(QStringLiteral("{}"), Qt::SkipEmptyParts))
        p.pieces.push_back(automaton.add(piece));
    return p;
}

int addGroup(Tables &t, const char *reason, const char *name, std::initializer_list<const char *> phrases)
{
    Group g {QString::fromLatin1(reason), QString::fromLatin1(name), {}};
    for (const char *p : phrases)
        if (Phrase phrase = compile(t.automaton, p); !phrase.pieces.empty())
            g.phrases.push_back(std::move(phrase));
    t.groups.push_back(std::move(g));
    return int(t.groups.size() - 1);
}

int addList(Tables &t, const char *reason, const char *name, std::span<const char *const> list)
{
    Group g {QString::fromLatin1(reason), QString::fromLatin1(name), {}};
    for (const char *p : list)
        if (Phrase phrase = compile(t.automaton, p); !phrase.pieces.empty())
            g.phrases.push_back(std::move(phrase));
    t.groups.push_back(std::move(g));
    return int(t.groups.size() - 1);
}

// Postfix "(in reply to X command)" and Exim "after X" say it outright.
const struct
{
    const char *text;
    Command command;
} kCommandMarkers[] = {
    {"in reply to rcpt to command", Command::Rcpt},
    {"in reply to end of data command", Command::Data},
    {"in reply to data command", Command::Data},
    {"in reply to mail from command", Command::Mail},
    {"in reply to helo command", Command::Helo},
    {"in reply to ehlo command", Command::Helo},
    {"after rcpt to", Command::Rcpt},
    {"after end of data", Command::Data},
    {"after data", Command::Data},
    {"after mail from", Command::Mail},
    {"after helo", Command::Helo},
    {"after ehlo", Command::Helo},
    {"after initial connection", Command::Connect},
    {"but my name was rejected", Command::Helo},
    {"but sender was rejected", Command::Mail},
    {"after rcpt command", Command::Rcpt},
    {"after data command", Command::Data},
    {"after mail command", Command::Mail},
    {"did not like our rcpt to", Command::Rcpt},
    {"did not like our data", Command::Data},
    {"did not like our mail from", Command::Mail},
    {"smtp:rcpt", Command::Rcpt},
    {"smtp:data", Command::Data},
};

const Tables &tables()
{
    static const Tables t = [] {
        Tables t;
        for (const rules::PhraseGroup &g : rules::explicitPhrases())
            t.explicitGroups.push_back(addGroup(t, g.reason, g.name, g.phrases));
        for (const rules::PhraseGroup &g : rules::noticePhrases())
            t.noticeGroups.push_back(addGroup(t, g.reason, g.name, g.phrases));
        for (const rules::PhraseGroup &g : rules::gmailStates()) {
            const int id = addGroup(t, g.reason, g.name, g.phrases);
            if (t.gmailNotice < 0)
                t.gmailNotice = id;
            else
                t.gmailStateGroups.push_back(id);
        }
        for (const rules::StatusRule &c : rules::bounceCategories())
            t.bounceCategories.insert(QString::fromLatin1(c.status), QString::fromLatin1(c.reason));
        for (const rules::PhraseGroup &g : rules::reasonPhrases())
            t.byReason.insert(QString::fromLatin1(g.reason), addGroup(t, g.reason, g.name, g.phrases));
        t.notRejected = addList(t, "rejected", "rejected/not", rules::notRejectedPhrases());
        t.vacation = addList(t, "vacation", "vacation/phrase", rules::vacationPhrases());
        for (const rules::StatusRule &s : rules::statusRules())
            t.statusReason.insert(QString::fromLatin1(s.status), QString::fromLatin1(s.reason));
        for (const rules::HostClass &h : rules::hostClasses()) {
            HostClass c {QString::fromLatin1(h.name), {}};
            for (const char *s : h.suffixes) {
                HostSuffix x;
                x.suffix = QString::fromLatin1(s);
                x.dotted = x.suffix.startsWith(QLatin1Char('.')) ? x.suffix : QLatin1Char('.') + x.suffix;
                x.bare = x.dotted.mid(1);
                if (x.suffix.startsWith(QLatin1Char('.')) && x.suffix.count(QLatin1Char('.')) >= 2)
                    x.pattern = t.automaton.add(x.suffix);
                c.suffixes.push_back(std::move(x));
            }
            t.hostClasses.push_back(std::move(c));
        }
        for (const rules::HostRule &r : rules::hostRules()) {
            HostRule h {QString::fromLatin1(r.reason), QString::fromLatin1(r.status),
                QString::fromLatin1(r.reply), -1,
                QString::fromLatin1(r.reason) + QStringLiteral("/host:") + QString::fromLatin1(r.host)};
            if (r.phrase[0])
                h.group = addGroup(t, r.reason, r.host, {r.phrase});
            t.hostRules[QString::fromLatin1(r.host)].push_back(std::move(h));
        }
        for (const auto &m : kCommandMarkers)
            t.commandMarkers.push_back({t.automaton.add(QString::fromLatin1(m.text)), m.command});
        t.failure4 = t.automaton.add(QStringLiteral("<<< 4"));
        t.failure5 = t.automaton.add(QStringLiteral("<<< 5"));
        t.sent = t.automaton.add(QStringLiteral(">>> "));
        t.automaton.build();
        return t;
    }();
    return t;
}

// ---------------------------------------------------------------------------------------------
// A text prepared for matching.
// ---------------------------------------------------------------------------------------------

// Where a phrase occurs, in the original (not normalised) text.
struct Hit
{
    qsizetype start = 0;
    qsizetype length = 0;
};

// A text prepared for matching: lower case, whitespace runs folded to one space (so a phrase
// still matches across folded lines), with a map back to the original positions; scanned once
// by the automaton. Group verdicts are memoised, so asking again costs nothing.
class ScanText
{
public:
    ScanText() = default;
    ScanText(const QString &original, QLatin1StringView field)
        : m_original(original)
        , m_field(field)
    {
        const qsizetype n = qMin(original.size(), kMaxScan);
        if (n == 0)
            return;
        m_norm.resize(n);
        m_pos.resize(size_t(n));
        char16_t *out = reinterpret_cast<char16_t *>(m_norm.data());
        const char16_t *in = reinterpret_cast<const char16_t *>(original.constData());
        qsizetype k = 0;
        bool lastSpace = true; // drop leading whitespace
        for (qsizetype i = 0; i < n; ++i) {
            char16_t c = in[i];
            if (c < 0x80) {
                if (c == u' ' || (c >= u'\t' && c <= u'\r')) {
                    if (!lastSpace) {
                        out[k] = u' ';
                        m_pos[size_t(k++)] = i;
                    }
                    lastSpace = true;
                    continue;
                }
                if (c >= u'A' && c <= u'Z')
                    c = char16_t(c + 32);
            } else {
                const QChar q(c);
                if (q.isSpace()) {
                    if (!lastSpace) {
                        out[k] = u' ';
                        m_pos[size_t(k++)] = i;
                    }
                    lastSpace = true;
                    continue;
                }
                // QChar::toLower is a 1:1 mapping, so positions stay aligned.
                c = q.toLower().unicode();
            }
            out[k] = c;
            m_pos[size_t(k++)] = i;
            lastSpace = false;
        }
        m_norm.truncate(k);
        m_pos.resize(size_t(k));
        if (k == 0)
            return;

        const Tables &t = tables();
        m_first.assign(size_t(t.automaton.count()), -1);
        t.automaton.scan(m_norm, [this](int id, qsizetype start) {
            if (m_first[size_t(id)] < 0)
                m_first[size_t(id)] = int(start);
            m_occurrences.push_back({id, int(start)});
        });
        m_memo.assign(t.groups.size(), Unknown);
        m_memoHit.resize(t.groups.size());
    }

    [[nodiscard]] bool isEmpty() const { return m_norm.isEmpty(); }
    [[nodiscard]] const QString &norm() const { return m_norm; }
    [[nodiscard]] QString field() const { return m_field; }
    [[nodiscard]] qsizetype originalPos(qsizetype normPos) const { return m_pos[size_t(normPos)]; }

    // The start of the first occurrence of a pattern, -1 when none.
    [[nodiscard]] qsizetype first(int pattern) const
    {
        return m_first.empty() ? -1 : m_first[size_t(pattern)];
    }

    // The start of the first occurrence at or after `from`, -1 when none.
    [[nodiscard]] qsizetype firstFrom(int pattern, qsizetype from) const
    {
        const qsizetype f = first(pattern);
        if (f < 0 || f >= from)
            return f;
        const auto [b, e] = occurrences(pattern);
        const auto it = std::lower_bound(b, e, from);
        return it == e ? -1 : *it;
    }

    // The start of the last occurrence that starts at or before `at`, -1 when none.
    [[nodiscard]] qsizetype lastUpTo(int pattern, qsizetype at) const
    {
        const qsizetype f = first(pattern);
        if (f < 0 || f > at)
            return -1;
        const auto [b, e] = occurrences(pattern);
        const auto it = std::upper_bound(b, e, at);
        return *(it - 1);
    }

    // The pieces must occur in order; the earliest occurrence of each piece after the previous
    // one is taken, which finds a match whenever one exists (no backtracking needed).
    [[nodiscard]] std::optional<Hit> find(const Phrase &phrase) const
    {
        const Automaton &a = tables().automaton;
        qsizetype from = 0;
        qsizetype start = -1;
        for (const int piece : phrase.pieces) {
            const qsizetype at = firstFrom(piece, from);
            if (at < 0)
                return std::nullopt;
            if (start < 0)
                start = at;
            from = at + a.length(piece);
        }
        if (start < 0)
            return std::nullopt;
        const qsizetype begin = m_pos[size_t(start)];
        const qsizetype end = m_pos[size_t(from - 1)] + 1;
        return Hit {begin, end - begin};
    }

    // The first phrase of a group (in the group's order) that occurs, memoised.
    [[nodiscard]] std::optional<Hit> group(int id) const
    {
        if (m_norm.isEmpty())
            return std::nullopt;
        auto &state = m_memo[size_t(id)];
        if (state == Unknown) {
            state = Absent;
            for (const Phrase &p : tables().groups[size_t(id)].phrases) {
                if (const auto hit = find(p)) {
                    m_memoHit[size_t(id)] = *hit;
                    state = Present;
                    break;
                }
            }
        }
        if (state == Absent)
            return std::nullopt;
        return m_memoHit[size_t(id)];
    }

    [[nodiscard]] QString text(const Hit &hit) const
    {
        // Evidence stays short; a prefix of the matched text still occurs in the input.
        return m_original.mid(hit.start, qMin(hit.length, qsizetype(200)));
    }

private:
    using Iter = std::vector<int>::const_iterator;

    // The starts of all occurrences of a pattern, ascending (built on first use).
    [[nodiscard]] std::pair<Iter, Iter> occurrences(int pattern) const
    {
        if (m_offsets.empty()) {
            // Counting sort by pattern; occurrences of one pattern already come in start order.
            const size_t count = m_first.size();
            m_offsets.assign(count + 1, 0);
            for (const auto &o : m_occurrences)
                ++m_offsets[size_t(o.first) + 1];
            for (size_t i = 0; i < count; ++i)
                m_offsets[i + 1] += m_offsets[i];
            m_starts.resize(m_occurrences.size());
            std::vector<int> fill(m_offsets.begin(), m_offsets.end() - 1);
            for (const auto &o : m_occurrences)
                m_starts[size_t(fill[size_t(o.first)]++)] = o.second;
        }
        return {m_starts.cbegin() + m_offsets[size_t(pattern)],
            m_starts.cbegin() + m_offsets[size_t(pattern) + 1]};
    }

    enum Memo : signed char { Unknown, Absent, Present };

    QString m_original;
    QLatin1StringView m_field;
    QString m_norm;
    std::vector<qsizetype> m_pos;
    std::vector<int> m_first; // per pattern
    std::vector<std::pair<int, int>> m_occurrences; // (pattern, start), in order of their ends
    mutable std::vector<int> m_offsets; // per pattern, into m_starts
    mutable std::vector<int> m_starts;
    mutable std::vector<Memo> m_memo; // per group
    mutable std::vector<Hit> m_memoHit;
};

// ---------------------------------------------------------------------------------------------
// Codes found in the text when the report gives none.
// ---------------------------------------------------------------------------------------------

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

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

// ---------------------------------------------------------------------------------------------
// The SMTP command the error answered, as the bounce tells it.
// ---------------------------------------------------------------------------------------------

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

// In a Sendmail-style transcript (">>> CMD" / "<<< reply") the failing command is the last one
// sent before the first 4xx/5xx reply after `from` (where the recipient's part begins), when
// that reply comes before `until`.
Command commandInTranscript(const ScanText &text, qsizetype from = 0, qsizetype until = -1)
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

// The bounce's own text, indexed once per message and shared by all its recipients.
// Per-recipient fields of the delivery-status block that the parser does not keep.
struct DsnFields
{
    QString diagnosticType; // "smtp", "x-unix", "x-postfix" ... (lower case)
    QString bounceCategory; // X-PowerMTA-BounceCategory (lower case)
};

class BodyIndex final : public ClassificationIndex
{
public:
    BodyIndex(const QString &text, const QString &deliveryStatus)
        : m_source(text)
        , m_status(deliveryStatus)
        , m_body(text, QLatin1StringView("body"))
    { }

    [[nodiscard]] bool isFor(const QString &text, const QString &deliveryStatus) const
    {
        return text.constData() == m_source.constData() && text.size() == m_source.size()
            && deliveryStatus.constData() == m_status.constData() && deliveryStatus.size() == m_status.size();
    }

    // The delivery-status fields of a recipient (built on first use, one pass over the block).
    [[nodiscard]] DsnFields dsnFields(const QString &lowerAddress) const
    {
        if (!m_fieldsBuilt) {
            m_fieldsBuilt = true;
            buildFields();
        }
        return m_fields.value(lowerAddress);
    }

    [[nodiscard]] const ScanText &body() const { return m_body; }

    // The command for a recipient: a bounce that lists several recipients gives their
    // transcripts one after the other, and the one after the recipient's address is theirs.
    [[nodiscard]] Command command(const QString &lowerAddress) const
    {
        if (m_body.isEmpty())
            return Command::Unknown;
        if (!lowerAddress.isEmpty()) {
            const qsizetype at = addressAt(lowerAddress);
            if (at >= 0)
                if (const Command c = commandInTranscript(m_body, at, at + kTranscriptWindow);
                    c != Command::Unknown)
                    return c;
        }
        if (!m_command)
            m_command = commandIn(m_body);
        return *m_command;
    }

private:
    static bool isAddressChar(QChar c)
    {
        if (c.unicode() >= 0x80)
            return c.isLetterOrNumber();
        const char a = char(c.unicode());
        return (a >= 'a' && a <= 'z') || (a >= '0' && a <= '9') || (a >= 'A' && a <= 'Z')
            || std::strchr("!#$%&'*+-/=?^_`{|}~.@", a) != nullptr;
    }

    void remember(QStringView token, qsizetype at) const
    {
        while (!token.isEmpty() && (token.front() == u'.' || token.front() == u'\''))
            token = token.mid(1), ++at;
        while (!token.isEmpty() && (token.back() == u'.' || token.back() == u'\''))
            token.chop(1);
        if (token.isEmpty())
            return;
        const QString key = token.toString();
        if (!m_addresses.contains(key))
            m_addresses.insert(key, at);
    }

    // The first position of each address-like token of the text (built on first use, one pass).
    [[nodiscard]] qsizetype addressAt(const QString &lowerAddress) const
    {
        if (!m_addressesBuilt) {
            m_addressesBuilt = true;
            const QString &norm = m_body.norm();
            const qsizetype n = norm.size();
            qsizetype covered = 0; // tokens end here or before: each character is read once
            for (qsizetype i = norm.indexOf(QLatin1Char('@')); i >= 0 && i < n;
                 i = norm.indexOf(QLatin1Char('@'), i + 1)) {
                if (i < covered)
                    continue;
                qsizetype b = i;
                while (b > 0 && isAddressChar(norm.at(b - 1)))
                    --b;
                qsizetype e = i + 1;
                while (e < n && isAddressChar(norm.at(e)))
                    ++e;
                covered = e;
                const QStringView token = QStringView(norm).mid(b, e - b);
                remember(token, b);
                // "to=user@example.com", "rfc822/user@...": the address after a separator too.
                const qsizetype at = i - b;
                for (qsizetype k = at - 1; k >= 0; --k) {
                    const QChar c = token.at(k);
                    if (c == u'=' || c == u'/' || c == u':') {
                        remember(token.mid(k + 1), b + k + 1);
                        break;
                    }
                }
            }
        }
        return m_addresses.value(lowerAddress, -1);
    }

    void buildFields() const
    {
        const QStringView text = QStringView(m_status).left(kMaxScan);
        QStringList addresses;
        DsnFields fields;
        const auto flush = [&] {
            for (const QString &a : std::as_const(addresses))
                if (!m_fields.contains(a))
                    m_fields.insert(a, fields);
            addresses.clear();
            fields = {};
        };
        qsizetype from = 0;
        while (from <= text.size()) {
            qsizetype end = text.indexOf(u'\n', from);
            if (end < 0)
                end = text.size();
            const QStringView line = text.mid(from, end - from).trimmed();
            from = end + 1;
            if (line.isEmpty()) {
                flush();
                continue;
            }
            const qsizetype colon = line.indexOf(u':');
            if (colon <= 0)
                continue;
            const QStringView name = line.left(colon).trimmed();
            const QStringView value = line.mid(colon + 1).trimmed();
            const qsizetype semi = value.indexOf(u';');
            if (name.compare(u"final-recipient", Qt::CaseInsensitive) == 0
                || name.compare(u"original-recipient", Qt::CaseInsensitive) == 0) {
                QStringView a = (semi >= 0 ? value.mid(semi + 1) : value).trimmed();
                if (a.startsWith(u'<') && a.endsWith(u'>'))
                    a = a.mid(1, a.size() - 2);
                if (!a.isEmpty())
                    addresses << a.toString().toLower();
            } else if (name.compare(u"diagnostic-code", Qt::CaseInsensitive) == 0 && semi > 0) {
                fields.diagnosticType = value.left(semi).trimmed().toString().toLower();
            } else if (name.compare(u"x-powermta-bouncecategory", Qt::CaseInsensitive) == 0) {
                fields.bounceCategory = value.toString().toLower();
            }
        }
        flush();
    }

    QString m_source;
    QString m_status;
    ScanText m_body;
    mutable bool m_fieldsBuilt = false;
    mutable QHash<QString, DsnFields> m_fields;
    mutable std::optional<Command> m_command;
    mutable bool m_addressesBuilt = false;
    mutable QHash<QString, qsizetype> m_addresses;
};

const BodyIndex &bodyIndexOf(const ClassificationContext &context)
{
    auto *index = dynamic_cast<BodyIndex *>(context.index.get());
    if (!index || !index->isFor(context.bounceText, context.deliveryStatus)) {
        context.index = std::make_shared<BodyIndex>(context.bounceText, context.deliveryStatus);
        index = static_cast<BodyIndex *>(context.index.get());
    }
    return *index;
}

// ---------------------------------------------------------------------------------------------
// One classification pass over one text.
// ---------------------------------------------------------------------------------------------

struct Facts
{
    QString status; // as written, else found in the diagnostic
    QString reply;
    QString statusReason; // what the status code alone says
    QString action;
    Command command = Command::Unknown;
    QString hostClass;
    QString diagnosticType; // from the delivery-status block: "x-unix" ...
    MessageKind kind = MessageKind::Bounce;
};

// How firmly a verdict stands: a phrase, a specific status code, or only a fallback (the code's
// class, the action). Only fallbacks let the bounce's body text speak.
enum class Strength { Fallback, Status, Phrase };

struct Verdict
{
    QString reason;
    Evidence evidence;
    Strength strength = Strength::Fallback;
};

class Pass
{
public:
    Pass(const Facts &facts, const ScanText &text)
        : m_facts(facts)
        , m_text(text)
    { }

    // The first phrase of group `id` found in the text, as evidence.
    [[nodiscard]] std::optional<Evidence> match(int id) const
    {
        if (const auto hit = m_text.group(id))
            return Evidence {tables().groups[size_t(id)].name, m_text.text(*hit), m_text.field()};
        return std::nullopt;
    }

    // Whether group `id` occurs, without building evidence.
    [[nodiscard]] bool occurs(int id) const { return m_text.group(id).has_value(); }

    [[nodiscard]] int groupOf(const QString &reason) const { return tables().byReason.value(reason, -1); }

    [[nodiscard]] std::optional<Evidence> phrase(const QString &reason) const
    {
        const int id = groupOf(reason);
        if (id < 0 || m_text.isEmpty())
            return std::nullopt;
        if (reason == QLatin1String("rejected") && occurs(tables().notRejected))
            return std::nullopt;
        return match(id);
    }

    [[nodiscard]] bool has(const QString &reason) const
    {
        const int id = groupOf(reason);
        if (id < 0 || m_text.isEmpty())
            return false;
        if (reason == QLatin1String("rejected") && occurs(tables().notRejected))
            return false;
        return occurs(id);
    }

    [[nodiscard]] Verdict byStatus(const QString &reason, Strength strength = Strength::Status) const
    {
        return {
            reason, {reason + QStringLiteral("/status"), m_facts.status, QStringLiteral("status")}, strength};
    }

    [[nodiscard]] std::optional<Verdict> byPhrase(const QString &reason) const
    {
        if (auto e = phrase(reason))
            return Verdict {reason, *e, Strength::Phrase};
        return std::nullopt;
    }

    // Status code or phrase, whichever speaks.
    [[nodiscard]] std::optional<Verdict> byStatusOrPhrase(const QString &reason) const
    {
        if (m_facts.statusReason == reason)
            return byStatus(reason);
        return byPhrase(reason);
    }

    [[nodiscard]] std::optional<Verdict> explicitPhrase() const
    {
        if (m_text.isEmpty())
            return std::nullopt;
        for (const int id : tables().explicitGroups)
            if (auto e = match(id))
                return Verdict {tables().groups[size_t(id)].reason, *e, Strength::Phrase};
        return std::nullopt;
    }

    // Rules that hold only for the receiving host's class.
    [[nodiscard]] std::optional<Verdict> hostRule() const
    {
        if (m_facts.hostClass.isEmpty())
            return std::nullopt;
        const auto rules = tables().hostRules.constFind(m_facts.hostClass);
        if (rules == tables().hostRules.constEnd())
            return std::nullopt;
        for (const HostRule &r : *rules) {
            if (!r.status.isEmpty() && !m_facts.status.startsWith(r.status))
                continue;
            if (!r.reply.isEmpty() && m_facts.reply != r.reply)
                continue;
            if (r.group < 0) {
                // A code alone decides (Microsoft's numbered statuses).
                if (!m_facts.status.isEmpty() && m_facts.status.size() == r.status.size())
                    return Verdict {
                        r.reason, {r.rule, m_facts.status, QStringLiteral("status")}, Strength::Status};
                continue;
            }
            if (const auto hit = m_text.group(r.group))
                return Verdict {r.reason, {r.rule, m_text.text(*hit), m_text.field()}, Strength::Phrase};
        }
        return std::nullopt;
    }

    [[nodiscard]] std::optional<Verdict> probes() const;
    [[nodiscard]] std::optional<Verdict> anotherOne() const;

private:
    [[nodiscard]] bool beforeData() const
    {
        const Command c = m_facts.command;
        return c == Command::Connect || c == Command::Helo || c == Command::Mail || c == Command::Rcpt;
    }

    const Facts &m_facts;
    const ScanText &m_text;
};

// The reasons that a status code or the text can prove, in the order Sisimai tries them: the
// specific ones (mailbox full, size) before the broad ones (rejected, blocked).
std::optional<Verdict> Pass::probes() const
{
    const QString &sr = m_facts.statusReason;
    if (auto v = byStatusOrPhrase(QStringLiteral("mailboxfull")))
        return v;
    if (auto v = byStatusOrPhrase(QStringLiteral("emailtoolarge")))
        return v;
    if (m_facts.reply == QLatin1String("525"))
        return Verdict {QStringLiteral("suspend"),
            {QStringLiteral("suspend/reply-code"), m_facts.reply, QStringLiteral("reply-code")},
            Strength::Status};
    if (auto v = byPhrase(QStringLiteral("suspend")))
        return v;
    if (auto v = byPhrase(QStringLiteral("hasmoved")))
        return v;
    if (m_facts.command != Command::Connect && m_facts.command != Command::Helo)
        if (auto v = byPhrase(QStringLiteral("norelaying")))
            return v;
    if (auto v = byStatusOrPhrase(QStringLiteral("authfailure")))
        return v;

    // User unknown: the status code says so unless the text names another cause; without the
    // code, only a rejection at RCPT proves that the user does not exist.
    if (sr == QLatin1String("userunknown")) {
        static const QString others[]
            = {QStringLiteral("norelaying"), QStringLiteral("blocked"), QStringLiteral("mailboxfull"),
                QStringLiteral("hasmoved"), QStringLiteral("rejected"), QStringLiteral("notaccept")};
        bool other = false;
        for (const QString &r : others)
            other = other || has(r);
        if (!other)
            return byStatus(sr);
    } else if (m_facts.command == Command::Rcpt) {
        if (auto v = byPhrase(QStringLiteral("userunknown")))
            return v;
    }

    // Filtered: "user unknown" after DATA (or without a command) is the recipient's filter, as
    // the mailbox was accepted at RCPT.
    if (sr == QLatin1String("filtered")) {
        if (auto v = byPhrase(QStringLiteral("userunknown")))
            return Verdict {sr, v->evidence, Strength::Phrase};
        if (auto v = byPhrase(sr))
            return v;
    } else if (!beforeData()) {
        if (auto v = byPhrase(QStringLiteral("filtered")))
            return v;
        if (auto v = byPhrase(QStringLiteral("userunknown")))
            return Verdict {QStringLiteral("filtered"), v->evidence, Strength::Phrase};
    }

    if (auto v = byStatusOrPhrase(QStringLiteral("requireptr")))
        return v;
    if (auto v = byPhrase(QStringLiteral("notcompliantrfc")))
        return v;
    if (auto v = byPhrase(QStringLiteral("badreputation")))
        return v;
    // Content error unless the spam probe would hold (a 5.6.x spam verdict is spam).
    const bool spam = sr == QLatin1String("spamdetected")
        || (!m_facts.status.isEmpty() && !beforeData() && has(QStringLiteral("spamdetected")));
    if (!spam)
        if (auto v = byStatusOrPhrase(QStringLiteral("contenterror")))
            return v;

    // Rejected: the sender was refused. The text only counts at MAIL FROM, at DATA, or when the
    // status code says nothing specific.
    if (sr == QLatin1String("rejected"))
        return byStatus(sr);
    const bool vague
        = sr.isEmpty() || sr == QLatin1String("securityerror") || sr == QLatin1String("systemerror");
    if (m_facts.command == Command::Mail
        || (m_facts.command == Command::Data && sr != QLatin1String("userunknown")) || vague)
        if (auto v = byPhrase(QStringLiteral("rejected")))
            return v;

    if (sr == QLatin1String("hostunknown")) {
        if (!has(QStringLiteral("networkerror")))
            return byStatus(sr);
    } else if (auto v = byPhrase(QStringLiteral("hostunknown"))) {
        return v;
    }

    if (sr == QLatin1String("spamdetected"))
        return byStatus(sr);
    if (!m_facts.status.isEmpty() && !beforeData())
        if (auto v = byPhrase(QStringLiteral("spamdetected")))
            return v;
    if (auto v = byStatusOrPhrase(QStringLiteral("ratelimited")))
        return v;
    if (auto v = byStatusOrPhrase(QStringLiteral("blocked")))
        return v;
    return std::nullopt;
}

// When the status code is vague (or absent), the text decides among the remaining reasons; then
// the code's class, the reply code and the action.
std::optional<Verdict> Pass::anotherOne() const
{
    const QString &sr = m_facts.statusReason;
    static const QStringList retry = {QString(), QStringLiteral("undefined"), QStringLiteral("onhold"),
        QStringLiteral("systemerror"), QStringLiteral("securityerror"), QStringLiteral("expired"),
        QStringLiteral("networkerror"), QStringLiteral("hostunknown"), QStringLiteral("userunknown")};
    if (!retry.contains(sr))
        return byStatus(sr);

    static const QStringList order = {
        QStringLiteral("mailboxfull"),
        QStringLiteral("authfailure"),
        QStringLiteral("badreputation"),
        QStringLiteral("ratelimited"),
        QStringLiteral("spamdetected"),
        QStringLiteral("virusdetected"),
        QStringLiteral("policyviolation"),
        QStringLiteral("norelaying"),
        QStringLiteral("systemerror"),
        QStringLiteral("networkerror"),
        QStringLiteral("suspend"),
        QStringLiteral("contenterror"),
        QStringLiteral("systemfull"),
        QStringLiteral("notaccept"),
        QStringLiteral("expired"),
        QStringLiteral("failedstarttls"),
        QStringLiteral("securityerror"),
        QStringLiteral("suppressed"),
        QStringLiteral("mailererror"),
        QStringLiteral("onhold"),
    };
    for (const QString &reason : order)
        if (auto v = byPhrase(reason))
            return v;
    if (!sr.isEmpty())
        return byStatus(sr, Strength::Fallback);

    const QString subject = m_facts.status.left(3);
    if (subject == QLatin1String("5.6") || subject == QLatin1String("4.6"))
        return byStatus(QStringLiteral("contenterror"), Strength::Fallback);
    if (subject == QLatin1String("5.7") || subject == QLatin1String("4.7"))
        return byStatus(QStringLiteral("securityerror"), Strength::Fallback);
    // "Diagnostic-Code: X-Unix; ..." (Postfix's local delivery, pipes): the local mailer failed.
    if (m_facts.diagnosticType == QLatin1String("x-unix")
        || m_facts.diagnosticType == QLatin1String("x-postfix")) {
        const bool hasStatus = !m_facts.status.isEmpty();
        return Verdict {QStringLiteral("mailererror"),
            {QStringLiteral("mailererror/diagnostic-type"),
                hasStatus ? m_facts.status : m_facts.diagnosticType, QStringLiteral("status")},
            Strength::Fallback};
    }

    // 50x / 40x: the server did not understand the command.
    const int reply = m_facts.reply.toInt();
    if ((reply > 400 && reply < 408) || (reply > 500 && reply < 508))
        return Verdict {QStringLiteral("syntaxerror"),
            {QStringLiteral("syntaxerror/reply-code"), m_facts.reply, QStringLiteral("reply-code")},
            Strength::Fallback};
    // Refused before any envelope was sent: the connecting host itself was refused.
    if (m_facts.command == Command::Helo || m_facts.command == Command::Connect) {
        const bool hasStatus = !m_facts.status.isEmpty();
        return Verdict {QStringLiteral("blocked"),
            {QStringLiteral("blocked/command"), hasStatus ? m_facts.status : m_facts.reply,
                hasStatus ? QStringLiteral("status") : QStringLiteral("reply-code")},
            Strength::Fallback};
    }
    if (m_facts.action == QLatin1String("delayed"))
        return Verdict {QStringLiteral("expired"),
            {QStringLiteral("expired/action"), m_facts.action, QStringLiteral("action")}, Strength::Fallback};
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Host class of the receiving side.
// ---------------------------------------------------------------------------------------------

QString hostClassOf(
    const RecipientResult &r, const ClassificationContext &context, const ScanText &diagnostic)
{
    const auto &classes = tables().hostClasses;
    // 1. The recipient's domain: mail to a domain that one of these services hosts.
    const qsizetype at = r.address.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString domain = QStringView(r.address).mid(at + 1).trimmed().toString().toLower();
        if (!domain.isEmpty()) {
            const QString dotted = QLatin1Char('.') + domain;
            for (const HostClass &c : classes)
                for (const HostSuffix &s : c.suffixes)
                    if (s.suffix.endsWith(dotted) || s.suffix == domain || s.suffix == dotted)
                        return c.name;
        }
    }
    // 2. The remote MTA, then 3. the reporting MTA.
    for (const QString *host : {&r.remoteMta, &context.reportingMta}) {
        const QString h = host->section(QLatin1Char(' '), 0, 0).toLower().trimmed();
        if (h.isEmpty())
            continue;
        for (const HostClass &c : classes)
            for (const HostSuffix &s : c.suffixes)
                if (h == s.bare || h.endsWith(s.dotted))
                    return c.name;
    }
    // 4. Host names written in the diagnostic (only dotted suffixes, which cannot be a bare domain).
    if (!diagnostic.isEmpty())
        for (const HostClass &c : classes)
            for (const HostSuffix &s : c.suffixes)
                if (s.pattern >= 0)
                    if (const qsizetype f = diagnostic.first(s.pattern);
                        f >= 0 && diagnostic.originalPos(f) + s.suffix.size() <= kHostScan)
                        return c.name;
    return {};
}

// ---------------------------------------------------------------------------------------------
// Host-specific decisions that depend on the command (NTT DOCOMO).
// ---------------------------------------------------------------------------------------------

std::optional<Verdict> docomoByCommand(const Facts &facts, const Pass &pass)
{
    if (facts.hostClass != QLatin1String("nttdocomo"))
        return std::nullopt;
    const auto unknown = pass.phrase(QStringLiteral("userunknown"));
    if (!unknown)
        return std::nullopt;
    // DOCOMO answers "Unknown user" for users that do not exist (at RCPT, 5.1.1) and for its
    // reception filters (5.2.0); a bare 5.0.0 after DATA is the sender being refused.
    QString reason;
    if (facts.status == QLatin1String("5.1.1") || facts.command == Command::Rcpt)
        reason = QStringLiteral("userunknown");
    else if (facts.status == QLatin1String("5.2.0"))
        reason = QStringLiteral("filtered");
    else if (facts.command == Command::Data)
        reason = QStringLiteral("rejected");
    else
        return std::nullopt;
    return Verdict {reason, {reason + QStringLiteral("/host:nttdocomo"), unknown->matched, unknown->field},
        Strength::Phrase};
}

// The whole decision over one text. Returns nothing when no rule applies.
// Gmail's notice ends the server's reply with "(state N).", the stage that failed; a specific
// status code in the reply still wins (Sisimai's Lhost::Gmail).
std::optional<Verdict> gmailState(const Facts &facts, const Pass &pass, const ScanText &text)
{
    const Tables &t = tables();
    if (!text.group(t.gmailNotice))
        return std::nullopt;
    for (const int id : t.gmailStateGroups) {
        const auto hit = text.group(id);
        if (!hit)
            continue;
        const QString &s = facts.status;
        // A vague code (5.7.1 "delivery not authorized" is securityerror) says less than the state.
        const QString &sr = facts.statusReason;
        const bool specific = s.size() == 5 && s.at(2) >= QLatin1Char('1') && s.at(2) <= QLatin1Char('7')
            && s.at(4) >= QLatin1Char('1') && s.at(4) <= QLatin1Char('9') && !sr.isEmpty()
            && sr != QLatin1String("securityerror") && sr != QLatin1String("systemerror");
        if (specific)
            return pass.byStatus(facts.statusReason, Strength::Phrase);
        const Group &g = t.groups[size_t(id)];
        return Verdict {g.reason, {g.name, text.text(*hit), text.field()}, Strength::Phrase};
    }
    return std::nullopt;
}

std::optional<Verdict> decide(const Facts &facts, const ScanText &text)
{
    const Pass pass(facts, text);
    if (auto v = gmailState(facts, pass, text))
        return v;
    if (auto v = pass.explicitPhrase())
        return v;
    if (auto v = docomoByCommand(facts, pass))
        return v;
    if (auto v = pass.hostRule())
        return v;
    if (auto v = pass.probes())
        return v;
    return pass.anotherOne();
}

bool isPermanent(const Facts &facts)
{
    const QString code = !facts.status.isEmpty() ? facts.status : facts.reply;
    if (code.startsWith(QLatin1Char('5')))
        return true;
    if (facts.action == QLatin1String("delayed") || facts.kind == MessageKind::Delay)
        return false;
    // A report that says "failed" has given up, even when the last reply was a 4xx.
    if (facts.action == QLatin1String("failed"))
        return true;
    if (code.startsWith(QLatin1Char('4')))
        return false;
    return facts.kind == MessageKind::Bounce;
}

void setKindVerdict(RecipientResult &r, const char *reason, MessageKind kind)
{
    r.reason = QString::fromLatin1(reason);
    r.permanent = false;
    r.hardBounce = false;
    r.evidence = {r.reason + QStringLiteral("/kind"), toString(kind), QStringLiteral("kind")};
}

} // namespace

bool ReasonClassifier::isHardBounce(const QString &reason, const QString &status, const QString &replyCode)
{
    if (reason == QLatin1String("userunknown") || reason == QLatin1String("hostunknown")
        || reason == QLatin1String("hasmoved"))
        return true;
    if (reason != QLatin1String("notaccept"))
        return false;
    // A destination that accepts no mail is a hard bounce unless it said so temporarily.
    const QString code = !status.isEmpty() ? status : replyCode;
    return !code.startsWith(QLatin1Char('4'));
}

void ReasonClassifier::classify(RecipientResult &r, const ClassificationContext &context)
{
    r.evidence = {};
    switch (context.kind) {
    case MessageKind::Feedback: setKindVerdict(r, "feedback", context.kind); return;
    case MessageKind::AutoReply: setKindVerdict(r, "vacation", context.kind); return;
    case MessageKind::Delivered: setKindVerdict(r, "delivered", context.kind); return;
    default: break;
    }

    Facts facts;
    facts.kind = context.kind;
    facts.action = r.action.toLower();
    facts.status = r.status;
    // A success code on a failed recipient is a transcript line that was picked up by mistake:
    // the failure's own code (if any) is in the diagnostic.
    const bool failedAction
        = facts.action == QLatin1String("failed") || facts.action == QLatin1String("delayed");
    if (facts.status.isEmpty() || (facts.status.startsWith(QLatin1String("2.")) && failedAction))
        facts.status = statusInText(r.diagnostic);
    facts.reply = r.replyCode.isEmpty() ? replyInText(r.diagnostic) : r.replyCode;

    if (facts.status.startsWith(QLatin1String("2.")) || facts.action == QLatin1String("delivered")
        || facts.action == QLatin1String("relayed") || facts.action == QLatin1String("expanded")) {
        r.reason = QStringLiteral("delivered");
        r.permanent = false;
        r.hardBounce = false;
        r.evidence = facts.status.startsWith(QLatin1String("2."))
            ? Evidence {QStringLiteral("delivered/status"), facts.status, QStringLiteral("status")}
            : Evidence {QStringLiteral("delivered/action"), r.action, QStringLiteral("action")};
        return;
    }

    const ScanText diagnostic(r.diagnostic, QLatin1StringView("diagnostic"));
    const BodyIndex &index = bodyIndexOf(context);
    const ScanText &body = index.body();
    facts.statusReason = tables().statusReason.value(facts.status);
    facts.hostClass = hostClassOf(r, context, diagnostic);
    const QString address = r.address.toLower();
    facts.command = commandIn(diagnostic);
    if (facts.command == Command::Unknown)
        facts.command = index.command(address);
    const DsnFields dsn = index.dsnFields(address);
    facts.diagnosticType = dsn.diagnosticType;

    std::optional<Verdict> verdict;
    // What the sending MTA says outright decides first: PowerMTA's bounce category, then the
    // notices of the bounce text (the sending side knows why it gave up).
    if (const auto it = tables().bounceCategories.constFind(dsn.bounceCategory);
        it != tables().bounceCategories.constEnd())
        verdict = Verdict {*it,
            {*it + QStringLiteral("/bounce-category"), dsn.bounceCategory, QStringLiteral("status")},
            Strength::Phrase};
    if (!verdict && !body.isEmpty()) {
        for (const int id : tables().noticeGroups) {
            if (const auto hit = body.group(id)) {
                const Group &g = tables().groups[size_t(id)];
                verdict = Verdict {g.reason, {g.name, body.text(*hit), body.field()}, Strength::Phrase};
                break;
            }
        }
    }

    // The diagnostic first; the bounce's own text when the diagnostic proves nothing by phrase
    // (plain-text bounces often carry the server's words only in the body).
    if (!verdict)
        verdict = decide(facts, diagnostic);
    if ((!verdict || verdict->strength == Strength::Fallback) && !body.isEmpty()) {
        if (auto v = decide(facts, body); v && v->strength == Strength::Phrase)
            verdict = v;
    }

    if (!verdict && facts.action == QLatin1String("delayed"))
        verdict = Verdict {QStringLiteral("expired"),
            {QStringLiteral("expired/action"), r.action, QStringLiteral("action")}, Strength::Fallback};
    if (!verdict && facts.kind == MessageKind::Delay)
        verdict = Verdict {QStringLiteral("expired"),
            {QStringLiteral("expired/kind"), toString(facts.kind), QStringLiteral("kind")},
            Strength::Fallback};
    if (!verdict) {
        const Pass pass(facts, diagnostic);
        if (auto e = pass.match(tables().vacation))
            verdict = Verdict {QStringLiteral("vacation"), *e, Strength::Phrase};
    }
    if (!verdict && !diagnostic.isEmpty()) {
        // Something was said, but nothing we know: the reason is on hold, not unknown.
        verdict = Verdict {QStringLiteral("onhold"),
            {QStringLiteral("onhold/unmatched"), r.diagnostic.trimmed().left(80),
                QStringLiteral("diagnostic")},
            Strength::Fallback};
    }
    if (!verdict) {
        verdict = Verdict {QStringLiteral("undefined"),
            {QStringLiteral("undefined/no-evidence"), r.action, QStringLiteral("action")},
            Strength::Fallback};
    }

    r.reason = verdict->reason;
    r.evidence = verdict->evidence;
    r.permanent = isPermanent(facts);
    r.hardBounce = isHardBounce(r.reason, facts.status, facts.reply);
}

} // namespace bouncelens

#include "classify/ScanText.h"

#include <algorithm>

namespace bouncelens::classification {

ScanText::ScanText(const QString &original, QLatin1StringView field)
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

std::optional<Hit> ScanText::find(const Phrase &phrase) const
{
    const PatternAutomaton &a = tables().automaton;
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

std::optional<Hit> ScanText::group(int id) const
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

std::pair<ScanText::Iter, ScanText::Iter> ScanText::occurrences(int pattern) const
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
    return {
        m_starts.cbegin() + m_offsets[size_t(pattern)], m_starts.cbegin() + m_offsets[size_t(pattern) + 1]};
}

} // namespace bouncelens::classification

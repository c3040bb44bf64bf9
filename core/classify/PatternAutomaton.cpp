#include "classify/PatternAutomaton.h"

namespace bouncelens::classification {

int PatternAutomaton::add(const QString &pattern)
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

void PatternAutomaton::build()
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

} // namespace bouncelens::classification

#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <map>
#include <vector>

namespace bouncelens::classification {

// One automaton for every fixed string the classifier looks for (Aho-Corasick over UTF-16 code
// units): a text is scanned once, left to right, and yields every occurrence of every pattern.
// Patterns are added first, then build() is called once; scanning is const and thread-safe.
class PatternAutomaton
{
public:
    // The id of `pattern` (lower case, non-empty); the same string always gets the same id.
    int add(const QString &pattern);

    // Computes the failure links and flattens the trie; no add() after this.
    void build();

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

} // namespace bouncelens::classification

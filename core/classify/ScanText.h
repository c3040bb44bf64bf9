#pragma once

#include "classify/CompiledRules.h"

#include <QLatin1StringView>
#include <QString>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace bouncelens::classification {

// Texts longer than this are only read up to here: real diagnostics are a few KB, and a cap keeps
// a multi-megabyte diagnostic from costing a scan over megabytes.
constexpr qsizetype kMaxScan = 64 * 1024;

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
    // Normalises and scans at most kMaxScan characters of `original`.
    ScanText(const QString &original, QLatin1StringView field);

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
    [[nodiscard]] std::optional<Hit> find(const Phrase &phrase) const;

    // The first phrase of a group (in the group's order) that occurs, memoised.
    [[nodiscard]] std::optional<Hit> group(int id) const;

    [[nodiscard]] QString text(const Hit &hit) const
    {
        // Evidence stays short; a prefix of the matched text still occurs in the input.
        return m_original.mid(hit.start, qMin(hit.length, qsizetype(200)));
    }

private:
    using Iter = std::vector<int>::const_iterator;

    // The starts of all occurrences of a pattern, ascending (built on first use).
    [[nodiscard]] std::pair<Iter, Iter> occurrences(int pattern) const;

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

} // namespace bouncelens::classification

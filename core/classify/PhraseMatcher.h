#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>

namespace bouncelens {

// Finds any of a fixed list of phrases in a text, ASCII case-insensitively, in one left-to-right
// pass: the phrases are bucketed by their first (folded) character, so each text position checks
// only the phrases that can start there. Linear in the text times the longest phrase; no
// patterns, no backtracking. Build once (static) and share.
class PhraseMatcher
{
public:
    explicit PhraseMatcher(const QStringList &phrases)
    {
        for (qsizetype i = 0; i < phrases.size(); ++i) {
            QString folded = phrases.at(i);
            for (QChar &c : folded)
                c = fold(c);
            if (folded.isEmpty())
                continue;
            m_phrases.append(folded);
            const char16_t first = folded.front().unicode();
            if (first < 128)
                m_ascii[first].append(int(m_phrases.size() - 1));
            else
                m_other.append(int(m_phrases.size() - 1));
        }
    }

    // The first position in [from, to) where a phrase starts (the whole phrase may run past
    // `to`, within the text), or -1. With `atLineStart`, only where the phrase opens a line
    // (after spaces or tabs at most).
    [[nodiscard]] qsizetype find(
        QStringView text, qsizetype from = 0, qsizetype to = -1, bool atLineStart = false) const
    {
        if (to < 0 || to > text.size())
            to = text.size();
        for (qsizetype at = qMax<qsizetype>(from, 0); at < to; ++at) {
            const char16_t c = fold(text.at(at)).unicode();
            const QList<int> &candidates = c < 128 ? m_ascii[c] : m_other;
            for (const int p : candidates) {
                if (matchesAt(text, at, m_phrases.at(p))) {
                    if (!atLineStart || opensLine(text, at))
                        return at;
                    break;
                }
            }
        }
        return -1;
    }

    [[nodiscard]] bool containsAny(QStringView text) const { return find(text) >= 0; }

private:
    static QChar fold(QChar c)
    {
        return c.unicode() >= 'A' && c.unicode() <= 'Z' ? QChar(c.unicode() + 32) : c;
    }

    static bool matchesAt(QStringView text, qsizetype at, const QString &phrase)
    {
        if (text.size() - at < phrase.size())
            return false;
        for (qsizetype k = 0; k < phrase.size(); ++k)
            if (fold(text.at(at + k)) != phrase.at(k))
                return false;
        return true;
    }

    static bool opensLine(QStringView text, qsizetype at)
    {
        qsizetype ls = at;
        while (ls > 0 && (text.at(ls - 1) == QLatin1Char(' ') || text.at(ls - 1) == QLatin1Char('\t')))
            --ls;
        return ls == 0 || text.at(ls - 1) == QLatin1Char('\n');
    }

    QList<QString> m_phrases;
    std::array<QList<int>, 128> m_ascii;
    QList<int> m_other;
};

} // namespace bouncelens

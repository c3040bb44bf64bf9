#pragma once

#include "analysis/AnalysisResult.h"

#include <QList>
#include <QMap>
#include <QString>

namespace bouncelens {

// One bar of a summary: a key ("userunknown", "example.jp", "2026-11-24") and its count.
struct SummaryCount
{
    QString key;
    qint64 count = 0;

    friend bool operator==(const SummaryCount &, const SummaryCount &) = default;
};

// The aggregate of a batch of analysed messages, counted from the same MessageAnalysis values
// `explain` writes, so that its numbers agree exactly with `explain --format json` over the same
// inputs:
//   messages      every message explain writes a line for, unreadable ones included
//   unreadable    lines with "error" set (they name no recipients)
//   kinds         "kind" of the readable messages -> count (sums to messages - unreadable)
//   recipients    every element of every "recipients" array
//   byReason      "reason" -> count (sums to recipients)
//   byDomain      the recipient's domain (after the last @, lower case; "(none)" without one)
//   hardBounces   "hard_bounce": true
//   softBounces   recipients of a bounce or delay that are not hard bounces
//   permanent / temporary   recipients of a bounce or delay with "permanent" true / false
//   byDay         the bounce's own Date header ("date"), as the day it names (yyyy-MM-dd, in the
//                 header's own time zone, so the result does not depend on where it is counted)
//                 -> readable messages; "unknown" when there is no readable date
class BounceSummary
{
public:
    qint64 messages = 0;
    qint64 unreadable = 0;
    qint64 recipients = 0;
    qint64 hardBounces = 0;
    qint64 softBounces = 0;
    qint64 permanent = 0;
    qint64 temporary = 0;
    QMap<QString, qint64> kinds;
    QMap<QString, qint64> byReason;
    QMap<QString, qint64> byDomain;
    QMap<QString, qint64> byDay;

    void add(const MessageAnalysis &message);
    void merge(const BounceSummary &other);
    [[nodiscard]] bool isEmpty() const { return messages == 0; }

    // Largest first, ties by key.
    [[nodiscard]] static QList<SummaryCount> sorted(const QMap<QString, qint64> &counts);
    // The `limit` most frequent domains, then "other" for the rest (when there is a rest).
    [[nodiscard]] QList<SummaryCount> topDomains(int limit = 20) const;
    // Every day from the first to the last dated one, days without bounces included (0), in
    // order; "unknown" is left out.
    [[nodiscard]] QList<SummaryCount> timeline() const;

    [[nodiscard]] static QString domainOf(const QString &address);
    // "yyyy-MM-dd" of a message's Date header, "" when it has none that can be read.
    [[nodiscard]] static QString dayOf(const MessageAnalysis &message);

    static inline const QString kOtherDomains = QStringLiteral("other");
    static inline const QString kNoDomain = QStringLiteral("(none)");
    static inline const QString kUnknownDay = QStringLiteral("unknown");
};

} // namespace bouncelens

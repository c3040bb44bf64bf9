#include "export/BounceSummary.h"

#include "message/MailDate.h"

#include <QDateTime>

#include <algorithm>

namespace bouncelens {

QString BounceSummary::domainOf(const QString &address)
{
    const QString a = address.trimmed();
    const qsizetype at = a.lastIndexOf(QLatin1Char('@'));
    const QString domain = at < 0 ? QString() : a.mid(at + 1).toLower();
    return domain.isEmpty() ? kNoDomain : domain;
}

QString BounceSummary::dayOf(const MessageAnalysis &message)
{
    // The day the bounce's Date names, in that header's own zone (MailDate keeps the offset), so
    // the count does not depend on the machine's time zone.
    const QDateTime when = MailDate::parse(message.date);
    return when.isValid() ? when.date().toString(Qt::ISODate) : QString();
}

void BounceSummary::add(const MessageAnalysis &a)
{
    ++messages;
    if (!a.ok()) {
        ++unreadable; // explain writes an empty recipient list for it
        return;
    }
    ++kinds[toString(a.kind)];
    const QString day = dayOf(a);
    ++byDay[day.isEmpty() ? kUnknownDay : day];
    const bool failure = a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay;
    for (const RecipientResult &r : a.recipients) {
        ++recipients;
        ++byReason[r.reason];
        ++byDomain[domainOf(r.address)];
        hardBounces += r.hardBounce ? 1 : 0;
        if (failure) {
            softBounces += r.hardBounce ? 0 : 1;
            (r.permanent ? permanent : temporary) += 1;
        }
    }
}

void BounceSummary::merge(const BounceSummary &o)
{
    messages += o.messages;
    unreadable += o.unreadable;
    recipients += o.recipients;
    hardBounces += o.hardBounces;
    softBounces += o.softBounces;
    permanent += o.permanent;
    temporary += o.temporary;
    for (auto [mine, theirs] : {std::pair {&kinds, &o.kinds}, std::pair {&byReason, &o.byReason},
             std::pair {&byDomain, &o.byDomain}, std::pair {&byDay, &o.byDay}})
        for (auto it = theirs->begin(); it != theirs->end(); ++it)
            (*mine)[it.key()] += it.value();
}

QList<SummaryCount> BounceSummary::sorted(const QMap<QString, qint64> &counts)
{
    QList<SummaryCount> list;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        list.append({it.key(), it.value()});
    std::stable_sort(list.begin(), list.end(),
        [](const SummaryCount &a, const SummaryCount &b) { return a.count > b.count; });
    return list;
}

QList<SummaryCount> BounceSummary::topDomains(int limit) const
{
    QList<SummaryCount> all = sorted(byDomain);
    if (all.size() <= limit)
        return all;
    qint64 rest = 0;
    for (qsizetype i = limit; i < all.size(); ++i)
        rest += all.at(i).count;
    all.resize(limit);
    all.append({kOtherDomains, rest});
    return all;
}

QList<SummaryCount> BounceSummary::timeline() const
{
    QList<SummaryCount> days;
    QDate first;
    QDate last;
    for (auto it = byDay.begin(); it != byDay.end(); ++it) {
        const QDate d = QDate::fromString(it.key(), Qt::ISODate);
        if (!d.isValid())
            continue;
        if (!first.isValid() || d < first)
            first = d;
        if (!last.isValid() || d > last)
            last = d;
    }
    if (!first.isValid())
        return days;
    // A stray date years away must not make ten thousand empty days: beyond a year, only the
    // days that have bounces are listed.
    const bool dense = first.daysTo(last) <= 366;
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        const QString key = d.toString(Qt::ISODate);
        const qint64 n = byDay.value(key);
        if (dense || n > 0)
            days.append({key, n});
        if (!dense) {
            // Jump straight to the next dated day.
            auto next = byDay.upperBound(key);
            while (next != byDay.end() && !QDate::fromString(next.key(), Qt::ISODate).isValid())
                ++next;
            if (next == byDay.end())
                break;
            d = QDate::fromString(next.key(), Qt::ISODate).addDays(-1);
        }
    }
    return days;
}

} // namespace bouncelens

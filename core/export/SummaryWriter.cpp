#include "export/SummaryWriter.h"

#include "explain/KnowledgeBase.h"
#include "export/CsvField.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace bouncelens {

namespace {

QJsonObject object(const QList<SummaryCount> &counts)
{
    QJsonObject o;
    for (const SummaryCount &c : counts)
        o.insert(c.key, c.count);
    return o;
}

} // namespace

QString SummaryWriter::reasonTitle(const QString &reason, Language language)
{
    const KnowledgeEntry *e = KnowledgeBase::builtIn().reason(reason);
    return e ? e->text(QStringLiteral("title"), languageCode(language)) : reason;
}

QString SummaryWriter::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("bounce"))
        return tr("Bounce");
    if (kind == QLatin1String("delay"))
        return tr("Delay");
    if (kind == QLatin1String("feedback"))
        return tr("Feedback report");
    if (kind == QLatin1String("autoreply"))
        return tr("Automatic reply");
    if (kind == QLatin1String("delivered"))
        return tr("Delivery report");
    if (kind == QLatin1String("not-bounce"))
        return tr("Not a bounce");
    return kind;
}

QString SummaryWriter::domainLabel(const QString &domain)
{
    if (domain == BounceSummary::kOtherDomains)
        return tr("Other domains");
    if (domain == BounceSummary::kNoDomain)
        return tr("(no domain)");
    return domain;
}

QString SummaryWriter::dayLabel(const QString &day)
{
    return day == BounceSummary::kUnknownDay ? tr("Date unknown") : day;
}

QByteArray SummaryWriter::json(const BounceSummary &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("messages"), s.messages);
    o.insert(QStringLiteral("unreadable"), s.unreadable);
    o.insert(QStringLiteral("recipients"), s.recipients);
    o.insert(QStringLiteral("hard_bounces"), s.hardBounces);
    o.insert(QStringLiteral("soft_bounces"), s.softBounces);
    o.insert(QStringLiteral("permanent"), s.permanent);
    o.insert(QStringLiteral("temporary"), s.temporary);
    o.insert(QStringLiteral("kinds"), object(BounceSummary::sorted(s.kinds)));
    o.insert(QStringLiteral("by_reason"), object(BounceSummary::sorted(s.byReason)));
    o.insert(QStringLiteral("by_domain"), object(s.topDomains()));
    o.insert(QStringLiteral("by_day"), object(BounceSummary::sorted(s.byDay)));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString SummaryWriter::text(const BounceSummary &s, Language language)
{
    const QLocale locale(language == Language::Japanese ? QLocale::Japanese : QLocale::English);
    QString out;
    QTextStream t(&out);
    auto row = [&](qint64 count, const QString &label) {
        t << QStringLiteral("%1  ").arg(locale.toString(count), 8) << label << '\n';
    };
    t << tr("BounceLens summary") << '\n' << '\n';
    row(s.messages, tr("messages"));
    if (s.unreadable > 0)
        row(s.unreadable, tr("could not be read"));
    for (const SummaryCount &c : BounceSummary::sorted(s.kinds))
        row(c.count, QStringLiteral("  ") + kindLabel(c.key));
    row(s.recipients, tr("recipients"));
    row(s.hardBounces, tr("hard bounces (the address is bad: do not mail it again)"));
    row(s.softBounces, tr("soft bounces (the address itself is fine)"));
    row(s.permanent, tr("permanent failures"));
    row(s.temporary, tr("temporary failures"));

    t << '\n' << tr("Recipients by reason") << '\n';
    for (const SummaryCount &c : BounceSummary::sorted(s.byReason))
        row(c.count, tr("%1 (%2)").arg(reasonTitle(c.key, language), c.key));
    t << '\n' << tr("Recipients by domain (top 20)") << '\n';
    for (const SummaryCount &c : s.topDomains())
        row(c.count, domainLabel(c.key));
    t << '\n' << tr("Messages per day") << '\n';
    for (auto it = s.byDay.begin(); it != s.byDay.end(); ++it)
        row(it.value(), dayLabel(it.key()));
    t.flush();
    return out;
}

QByteArray SummaryWriter::csv(const BounceSummary &s, Language language, bool withBom)
{
    QByteArray out = withBom ? QByteArrayLiteral("\xEF\xBB\xBF") : QByteArray();
    auto line = [&out](const char *section, const QString &key, const QString &label, qint64 count) {
        out += QByteArray(section) + ',' + csvField(key).toUtf8() + ',' + csvField(label).toUtf8() + ','
            + QByteArray::number(count) + "\r\n";
    };
    out += "section,key,label,count\r\n";
    line("total", QStringLiteral("messages"), tr("Messages"), s.messages);
    line("total", QStringLiteral("unreadable"), tr("Could not be read"), s.unreadable);
    line("total", QStringLiteral("recipients"), tr("Recipients"), s.recipients);
    line("total", QStringLiteral("hard_bounces"), tr("Hard bounces"), s.hardBounces);
    line("total", QStringLiteral("soft_bounces"), tr("Soft bounces"), s.softBounces);
    line("total", QStringLiteral("permanent"), tr("Permanent failures"), s.permanent);
    line("total", QStringLiteral("temporary"), tr("Temporary failures"), s.temporary);
    for (const SummaryCount &c : BounceSummary::sorted(s.kinds))
        line("kind", c.key, kindLabel(c.key), c.count);
    for (const SummaryCount &c : BounceSummary::sorted(s.byReason))
        line("reason", c.key, reasonTitle(c.key, language), c.count);
    for (const SummaryCount &c : s.topDomains())
        line("domain", c.key, domainLabel(c.key), c.count);
    for (auto it = s.byDay.begin(); it != s.byDay.end(); ++it)
        line("day", it.key(), dayLabel(it.key()), it.value());
    return out;
}

} // namespace bouncelens

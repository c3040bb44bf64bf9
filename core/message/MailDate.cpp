#include "message/MailDate.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace bouncelens {

namespace {

constexpr std::array<const char *, 12> kMonths
    = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

// Named zones in use in mail headers (RFC 5322 obs-zone plus JST, common in Japanese mail).
struct NamedZone
{
    const char *name;
    int minutes;
};
constexpr std::array<NamedZone, 12> kZones = {{{"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0}, {"est", -300},
    {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}}};
constexpr NamedZone kJst = {"jst", 540};

int monthOf(QStringView token)
{
    if (token.size() < 3)
        return 0;
    const QString lower = token.left(3).toString().toLower();
    for (size_t i = 0; i < kMonths.size(); ++i)
        if (lower == QLatin1String(kMonths[i]))
            return int(i) + 1;
    return 0;
}

bool allDigits(QStringView token)
{
    if (token.isEmpty())
        return false;
    for (const QChar c : token)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

// "+0900", "-0500", "+09:00"; minutes east of UTC, or nothing.
std::optional<int> numericZone(QStringView token)
{
    if (token.size() < 5 || (token.front() != QLatin1Char('+') && token.front() != QLatin1Char('-')))
        return std::nullopt;
    QString digits = token.mid(1).toString();
    digits.remove(QLatin1Char(':'));
    if (digits.size() != 4 || !allDigits(digits))
        return std::nullopt;
    const int minutes = digits.left(2).toInt() * 60 + digits.mid(2).toInt();
    return token.front() == QLatin1Char('-') ? -minutes : minutes;
}

std::optional<int> namedZone(QStringView token)
{
    const QString lower = token.toString().toLower();
    for (const NamedZone &z : kZones)
        if (lower == QLatin1String(z.name))
            return z.minutes;
    if (lower == QLatin1String(kJst.name))
        return kJst.minutes;
    return std::nullopt;
}

// "08:02:11", "08:02", "8.02.11" (seen from some Japanese gateways).
QTime timeOf(QStringView token)
{
    QString t = token.toString();
    t.replace(QLatin1Char('.'), QLatin1Char(':'));
    const QStringList parts = t.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3)
        return {};
    for (const QString &p : parts)
        if (!allDigits(p) || p.size() > 2)
            return {};
    return QTime(parts.at(0).toInt(), parts.at(1).toInt(), parts.size() == 3 ? parts.at(2).toInt() : 0);
}

} // namespace

QDateTime MailDate::parse(QStringView text)
{
    // Comments out, commas to spaces; what is left is a handful of tokens.
    QString cleaned;
    cleaned.reserve(text.size());
    int depth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            depth = qMax(0, depth - 1);
        else if (depth == 0)
            cleaned += c == QLatin1Char(',') ? QLatin1Char(' ') : c;
    }
    cleaned = cleaned.trimmed();
    if (cleaned.isEmpty() || cleaned.size() > 200)
        return {};
    if (cleaned.at(0).isDigit() && cleaned.contains(QLatin1Char('T'))) {
        const QDateTime iso = QDateTime::fromString(cleaned, Qt::ISODate);
        if (iso.isValid())
            return iso;
    }

    int day = 0;
    int month = 0;
    int year = -1;
    QTime time;
    std::optional<int> zone;
    const QList<QStringView> tokens = QStringView(cleaned).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QStringView token : tokens) {
        // A complete date: what follows is not part of it (a header pasted onto the same line).
        if (day > 0 && month > 0 && year >= 0 && time.isValid() && zone)
            break;
        if (const std::optional<int> offset = numericZone(token)) {
            zone = offset;
        } else if (token.contains(QLatin1Char(':'))
            || (token.contains(QLatin1Char('.')) && allDigits(token.left(1)))) {
            if (time.isValid() || !(time = timeOf(token)).isValid())
                return {};
        } else if (allDigits(token)) {
            const int value = token.toInt();
            // "029 Apr": some gateways pad the day to three digits.
            const bool dayWidth = token.size() <= 2 || (token.size() == 3 && token.at(0) == QLatin1Char('0'));
            if (dayWidth && day == 0 && (month == 0 || year < 0) && value >= 1 && value <= 31)
                day = value;
            else if (year < 0 && (token.size() == 4 || token.size() == 2 || token.size() == 3))
                year = token.size() == 4 ? value : (value < 50 ? 2000 + value : 1900 + value);
            else
                return {};
        } else if (const int m = monthOf(token); m > 0 && month == 0 && token.size() <= 9) {
            month = m;
        } else if (const std::optional<int> named = namedZone(token)) {
            zone = named;
        } else if (token.size() >= 3 && token.size() <= 9 && token.at(0).isLetter()) {
            continue; // a day name ("Mon", "Monday")
        } else {
            return {};
        }
    }
    const QDate date(year, month, day);
    if (year < 0 || !date.isValid() || !time.isValid())
        return {};
    // No zone given: RFC 5322 reads it as UTC ("-0000", the local time is unknown).
    return QDateTime(date, time, Qt::OffsetFromUTC, zone.value_or(0) * 60);
}

} // namespace bouncelens

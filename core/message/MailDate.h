#pragma once

#include <QDateTime>
#include <QStringView>

namespace bouncelens {

// Dates as mail writes them, to a real date-time (UTC offset applied), so that every date can be
// shown in one format and compared. Accepts RFC 5322 and its obsolete forms (optional day name,
// two-digit years, no seconds, named zones UT/GMT/Z, the US zones, JST, a zone missing),
// trailing comments ("(JST)"), asctime ("Mon Jan  1 00:00:00 2024", as in mbox "From " lines)
// and ISO 8601. Anything else gives an invalid QDateTime. Linear in the text, no regex.
class MailDate
{
public:
    [[nodiscard]] static QDateTime parse(QStringView text);
};

} // namespace bouncelens

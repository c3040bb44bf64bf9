#include "analysis/DisplayHeader.h"

namespace bouncelens {

Span DisplayHeader::prepend(MessageAnalysis &analysis, const Fields &fields)
{
    QString block;
    Span subject;
    subject.role = SpanRole::Notice;
    // The field names are the message's own (RFC 5322), not words of the interface.
    auto add = [&block](const char *name, const QString &value) {
        const QString line = value.simplified().left(kMaxValue);
        if (line.isEmpty())
            return Span {SpanRole::Notice, 0, 0, -1};
        block += QLatin1String(name) + QLatin1String(": ");
        const Span at {SpanRole::Notice, block.size(), line.size(), -1};
        block += line + QLatin1Char('\n');
        return at;
    };
    add("From", fields.from);
    add("To", fields.to);
    add("Date", fields.date);
    subject = add("Subject", fields.subject);
    if (block.isEmpty())
        return subject;
    block += QLatin1Char('\n');
    analysis.displayText.prepend(block);
    for (Span &span : analysis.spans)
        span.start += block.size();
    return subject;
}

} // namespace bouncelens

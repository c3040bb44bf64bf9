#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace bouncelens {

// The parts of a returned message that matter to the analysis, pulled out of its MIME structure
// with vmime. Only this class (and VmimePlatform) include vmime headers.
struct ExtractedMessage
{
    QByteArray header; // the raw top-level header block
    QList<QString> humanTexts; // human-readable parts, decoded, in order (not the original's)
    QByteArray deliveryStatus; // message/delivery-status or message/global-delivery-status
    bool globalDeliveryStatus = false; // RFC 6533: addresses and text may be UTF-8
    QByteArray feedbackReport; // message/feedback-report (RFC 5965)
    QByteArray originalHeader; // the returned original's header (message/rfc822 or text/rfc822-headers)
    QByteArray originalBody; // the returned original's body, when it came whole (capped)
    QByteArray reportType; // multipart/report's report-type parameter, lower case
    bool nestingTruncated = false; // the message nested deeper than the limit; inner parts skipped
};

struct ExtractorLimits
{
    int maxNestingDepth = 40; // multipart levels parsed; deeper ones are cut off
    qsizetype maxTextPartBytes = 4 << 20; // human text kept per part
};

class MimeExtractor
{
public:
    explicit MimeExtractor(ExtractorLimits limits = {})
        : m_limits(limits)
    { }

    // `message` has LF line endings. Throws std::exception only for failures vmime reports;
    // BounceAnalyzer turns those into a readable error.
    [[nodiscard]] ExtractedMessage extract(const QByteArray &message) const;

    // Cuts the message at the first multipart nested deeper than maxDepth, so that vmime (which
    // recurses, and slows down quadratically with depth) only sees a bounded tree. Returns true
    // when something was cut.
    [[nodiscard]] static bool limitNesting(QByteArray &message, int maxDepth);

private:
    ExtractorLimits m_limits;
};

// Plain text from HTML: tags dropped, block ends turned into line breaks, common entities
// decoded. Linear time; enough for bounces that come as HTML only.
[[nodiscard]] QString htmlToText(const QString &html);

} // namespace bouncelens

#pragma once

#include <QByteArray>
#include <QString>

namespace bouncelens {

// Turns the bytes of mail text into Unicode. Bounces often carry bodies whose charset is
// undeclared, wrongly declared ("us-ascii" over UTF-8 or Shift_JIS) or unknown, and header
// encoded words that split one character across several words; vmime alone gets several of
// these wrong (see DESIGN.md), so this class owns all charset decisions of the core. It decides
// the order; the parts are message/CharsetLabels (label -> converter), CharsetDecoders (the
// per-encoding decoders), CharsetSniffer (detection) and EncodedWords (RFC 2047 parsing).
class TextDecoder
{
public:
    // Decodes `bytes` declared as `declaredCharset` (may be empty). When the declaration is
    // missing, says us-ascii while 8-bit bytes are present, is unknown, or does not decode
    // cleanly, the charset is sniffed: ISO-2022-JP (escape sequences), UTF-8 (valid
    // sequences), Shift_JIS / EUC-JP (byte statistics), else windows-1252. Never throws.
    [[nodiscard]] static QString decode(const QByteArray &bytes, const QByteArray &declaredCharset = {});

    // The charset `decode` would use for these bytes when nothing is declared.
    [[nodiscard]] static QByteArray sniffCharset(const QByteArray &bytes);

    // Decodes an unfolded header value: RFC 2047 encoded words (B and Q), adjacent words of one
    // charset joined before conversion (a character may be split across words), whitespace
    // between adjacent encoded words dropped, raw 8-bit bytes sniffed like a body.
    [[nodiscard]] static QString decodeHeader(const QByteArray &rawValue);

    // Converts with a known charset name; returns false (and leaves `out` empty) when the
    // charset is unknown to the converter or the bytes are invalid in it.
    [[nodiscard]] static bool convert(const QByteArray &bytes, const QByteArray &charset, QString &out);
};

} // namespace bouncelens

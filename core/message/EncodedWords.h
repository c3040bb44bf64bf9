#pragma once

#include <QByteArray>
#include <QByteArrayView>

// RFC 2047 encoded words ("=?charset?B|Q?text?="): parsing and the B and Q transfer decodings.
// Part of TextDecoder::decodeHeader, which joins the words and converts their charset.
namespace bouncelens::rfc2047 {

struct EncodedWord
{
    QByteArray label; // normalized charset label
    QByteArray bytes; // decoded payload
    qsizetype end = 0; // index just past "?="
};

// Parses "=?charset?B|Q?text?=" starting at `start` (which points at "=?"). Every scan stops at
// the next '?', so repeated attempts over hostile input stay linear overall.
// Fails (false) on anything malformed, which the caller then keeps as literal text.
[[nodiscard]] bool parseEncodedWord(QByteArrayView s, qsizetype start, EncodedWord &word);

// Only spaces, tabs, CR and LF (RFC 2047 6.2: such gaps between encoded words are not shown).
[[nodiscard]] bool isAllLinearWhitespace(QByteArrayView s);

} // namespace bouncelens::rfc2047

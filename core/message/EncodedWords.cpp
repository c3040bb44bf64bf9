#include "message/EncodedWords.h"

#include "message/CharsetLabels.h"

namespace bouncelens::rfc2047 {

using charset::isLinearWhitespace;
using charset::normalizeLabel;

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

// Strict alphabet, optional padding (many mailers drop it), whitespace ignored.
bool decodeBase64(QByteArrayView text, QByteArray &out)
{
    out.clear();
    out.reserve(text.size() * 3 / 4 + 3);
    unsigned accumulator = 0;
    int bits = 0;
    qsizetype symbols = 0;
    qsizetype padding = 0;
    for (const char c : text) {
        if (isLinearWhitespace(c))
            continue;
        if (c == '=') {
            ++padding;
            continue;
        }
        const int v = base64Value(c);
        if (v < 0 || padding > 0) // data after padding is malformed
            return false;
        ++symbols;
        accumulator = (accumulator << 6) | unsigned(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((accumulator >> bits) & 0xFF));
        }
    }
    if (symbols % 4 == 1 || padding > 2)
        return false;
    return true;
}

QByteArray decodeQ(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = text[i];
        if (c == '_') {
            out.append(' ');
        } else if (c == '=' && i + 2 < n && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out.append(char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            out.append(c); // a stray '=' is kept rather than rejecting the whole word
        }
    }
    return out;
}

} // namespace

bool parseEncodedWord(QByteArrayView s, qsizetype start, EncodedWord &word)
{
    constexpr qsizetype kMaxCharsetLength = 64;
    const qsizetype n = s.size();
    qsizetype p = start + 2;
    const qsizetype charsetBegin = p;
    while (p < n && s[p] != '?' && p - charsetBegin <= kMaxCharsetLength) {
        const auto c = static_cast<unsigned char>(s[p]);
        if (c <= 0x20 || c >= 0x7f)
            return false;
        ++p;
    }
    if (p >= n || s[p] != '?' || p == charsetBegin)
        return false;
    word.label = normalizeLabel(s.sliced(charsetBegin, p - charsetBegin));
    if (word.label.isEmpty())
        return false;
    ++p;
    if (p + 1 >= n || s[p + 1] != '?')
        return false;
    const char encoding = s[p];
    p += 2;
    const qsizetype textBegin = p;
    while (p < n && s[p] != '?')
        ++p;
    if (p + 1 >= n || s[p + 1] != '=')
        return false;
    const QByteArrayView text = s.sliced(textBegin, p - textBegin);
    if (encoding == 'B' || encoding == 'b') {
        if (!decodeBase64(text, word.bytes))
            return false;
    } else if (encoding == 'Q' || encoding == 'q') {
        word.bytes = decodeQ(text);
    } else {
        return false;
    }
    word.end = p + 2;
    return true;
}

bool isAllLinearWhitespace(QByteArrayView s)
{
    for (const char c : s) {
        if (!isLinearWhitespace(c))
            return false;
    }
    return true;
}

} // namespace bouncelens::rfc2047

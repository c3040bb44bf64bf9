#include "message/CharsetSniffer.h"

#include "message/CharsetDecoders.h"
#include "message/CharsetLabels.h"

namespace bouncelens::charset {

namespace {

// Byte statistics of a double-byte Japanese encoding, used to choose between Shift_JIS and
// EUC-JP and to reject Latin-1 text that happens to be structurally valid Shift_JIS (an accented
// letter followed by an ASCII letter is a valid lead/trail pair).
struct CjkScan
{
    qsizetype doubleByte = 0;
    qsizetype strong = 0; // hiragana / katakana: present in almost any Japanese sentence
    qsizetype evidence = 0; // double-byte chars that do not look like "accent + ASCII letter"
    qsizetype halfWidth = 0; // half-width katakana: legal but rare in mail
    qsizetype userDefined = 0; // private-use rows: legal but a sign of the wrong encoding
    qsizetype errors = 0;
    bool truncatedTail = false;

    // UTF-8 read as Shift_JIS interleaves half-width kana (continuation bytes 0xA0-0xBF), which
    // the score punishes; Latin-1 read as Shift_JIS has no evidence at all.
    [[nodiscard]] bool plausible() const { return (strong > 0 || evidence > 0) && score() > 0; }
    [[nodiscard]] qsizetype score() const { return strong * 4 + evidence - halfWidth * 2 - userDefined * 4; }
};

CjkScan scanShiftJis(QByteArrayView s)
{
    CjkScan scan;
    const qsizetype n = s.size();
    bool previousDoubleByte = false;
    qsizetype i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            previousDoubleByte = false;
            ++i;
            continue;
        }
        if (b >= 0xA1 && b <= 0xDF) {
            ++scan.halfWidth;
            previousDoubleByte = false;
            ++i;
            continue;
        }
        if ((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC)) {
            if (i + 1 >= n) {
                scan.truncatedTail = true;
                break;
            }
            const auto t = static_cast<unsigned char>(s[i + 1]);
            if ((t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFC)) {
                ++scan.doubleByte;
                if ((b == 0x82 && t >= 0x9F && t <= 0xF1) || (b == 0x83 && t >= 0x40 && t <= 0x96))
                    ++scan.strong;
                if (b >= 0xF0 && b <= 0xF9)
                    ++scan.userDefined;
                if (t >= 0x80 || previousDoubleByte)
                    ++scan.evidence;
                previousDoubleByte = true;
                i += 2;
                continue;
            }
        }
        ++scan.errors;
        previousDoubleByte = false;
        ++i;
    }
    return scan;
}

CjkScan scanEucJp(QByteArrayView s)
{
    CjkScan scan;
    const qsizetype n = s.size();
    const auto inRange = [](unsigned char c) { return c >= 0xA1 && c <= 0xFE; };
    qsizetype i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        const qsizetype need = b == 0x8F ? 3 : 2;
        if (b == 0x8E || b == 0x8F || inRange(b)) {
            if (i + need > n) {
                scan.truncatedTail = true;
                break;
            }
            const auto t = static_cast<unsigned char>(s[i + 1]);
            if (b == 0x8E && t >= 0xA1 && t <= 0xDF) {
                ++scan.halfWidth;
                i += 2;
                continue;
            }
            if (b == 0x8F && inRange(t) && inRange(static_cast<unsigned char>(s[i + 2]))) {
                ++scan.doubleByte; // JIS X 0212
                ++scan.evidence;
                i += 3;
                continue;
            }
            if (inRange(b) && inRange(t)) {
                ++scan.doubleByte;
                ++scan.evidence; // both bytes are 8-bit, unlike accented Latin followed by ASCII
                if ((b == 0xA4 && t <= 0xF3) || (b == 0xA5 && t <= 0xF6))
                    ++scan.strong;
                if (b >= 0xF5)
                    ++scan.userDefined;
                i += 2;
                continue;
            }
        }
        ++scan.errors;
        ++i;
    }
    return scan;
}

// Lets "mostly" valid input keep its encoding: bounces quote the original message truncated at
// an arbitrary byte, or with one damaged byte, and windows-1252 mojibake for the whole body is
// worse than one U+FFFD.
bool mostlyUtf8(const Utf8Scan &s)
{
    const qsizetype errors = s.errors + (s.truncatedTail ? 1 : 0);
    return s.multibyte >= 2 && errors * 2 <= s.multibyte;
}

bool mostlyJapanese(const CjkScan &s)
{
    if (s.strong < 2)
        return false;
    if (s.errors == 0)
        return true; // at most a truncated final character
    return (s.errors + (s.truncatedTail ? 1 : 0)) * 8 <= s.doubleByte;
}

} // namespace

bool hasHighBitOrEscape(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\x1b')
            return true;
    }
    return false;
}

bool isSevenBit(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

bool hasIso2022JpEscape(QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i + 2 < n; ++i) {
        if (bytes[i] != '\x1b')
            continue;
        const char a = bytes[i + 1];
        const char b = bytes[i + 2];
        if (a == '$' && (b == 'B' || b == '@'))
            return true;
        if (a == '(' && (b == 'J' || b == 'I'))
            return true;
        if (a == '$' && b == '(' && i + 3 < n && bytes[i + 3] == 'D')
            return true;
    }
    return false;
}

Sniffed sniff(QByteArrayView bytes)
{
    if (hasIso2022JpEscape(bytes))
        return {QByteArrayLiteral("ISO-2022-JP"), {}, false};
    if (isSevenBit(bytes))
        return {QByteArrayLiteral("US-ASCII"), {}, false};

    const Utf8Scan utf8 = scanUtf8(bytes);
    // A truncated final sequence after real multi-byte text is still UTF-8: that structure is
    // far too regular to arise by chance from Shift_JIS or Latin-1.
    if (utf8.errors == 0 && (!utf8.truncatedTail || utf8.multibyte >= 1))
        return {QByteArrayLiteral("UTF-8"), {}, false};

    const CjkScan sjis = scanShiftJis(bytes);
    const CjkScan euc = scanEucJp(bytes);
    Sniffed sjisResult {QByteArrayLiteral("SHIFT_JIS"), {}, false};
    Sniffed eucResult {QByteArrayLiteral("EUC-JP"), {}, false};
    if (sjis.errors == 0 && !sjis.truncatedTail && sjis.plausible())
        sjisResult.decoded = iconvDecode(QByteArrayLiteral("CP932"), bytes, Mode::Strict, sjisResult.text);
    if (euc.errors == 0 && !euc.truncatedTail && euc.plausible()) {
        eucResult.decoded = decodeWithPlan(resolve(QByteArrayLiteral("euc-jp")), bytes, eucResult.text);
    }
    // Ties go to Shift_JIS, which is far more common than EUC-JP in mail.
    if (sjisResult.decoded && (!eucResult.decoded || sjis.score() >= euc.score()))
        return sjisResult;
    if (eucResult.decoded)
        return eucResult;

    if (mostlyUtf8(utf8))
        return {QByteArrayLiteral("UTF-8"), {}, false};
    const bool sjisMostly = mostlyJapanese(sjis);
    const bool eucMostly = mostlyJapanese(euc);
    if (sjisMostly && (!eucMostly || sjis.score() >= euc.score()))
        return {QByteArrayLiteral("SHIFT_JIS"), {}, false};
    if (eucMostly)
        return {QByteArrayLiteral("EUC-JP"), {}, false};
    return {QByteArrayLiteral("WINDOWS-1252"), {}, false};
}

} // namespace bouncelens::charset

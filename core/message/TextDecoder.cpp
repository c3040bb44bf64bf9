#include "message/TextDecoder.h"

#include <QByteArrayView>

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <string_view>
#include <vector>

namespace bouncelens {

namespace {

// ---------------------------------------------------------------------------------------------
// Charset labels
// ---------------------------------------------------------------------------------------------

// How a resolved charset is decoded. UTF-8 and windows-1252 are done in-process: UTF-8 needs a
// validator for sniffing anyway, and glibc's WINDOWS-1252 rejects the five bytes WHATWG maps to
// C1 controls (0x81, 0x8D, 0x8F, 0x90, 0x9D), which would make Latin-1 mail "invalid".
enum class Kind { Unknown, Utf8, Windows1252, Iso2022Jp, Iconv };

struct Plan
{
    Kind kind = Kind::Unknown;
    // glibc converters tried in order; later ones are supersets or fallbacks of earlier ones.
    std::vector<QByteArray> converters;
};

struct Alias
{
    std::string_view label;
    Kind kind;
    std::string_view converters; // comma-separated, only for Kind::Iconv
};

// Labels seen in real mail mapped to the converter that decodes what senders actually emit
// (largely WHATWG practice: Latin-1 and ASCII labels mean windows-1252, Korean and simplified
// Chinese labels mean the Microsoft supersets, Shift_JIS means CP932).
constexpr std::array kAliases {
    Alias {"utf-8", Kind::Utf8, {}},
    Alias {"utf8", Kind::Utf8, {}},
    Alias {"unicode-1-1-utf-8", Kind::Utf8, {}},
    Alias {"x-unicode20utf8", Kind::Utf8, {}},

    Alias {"us-ascii", Kind::Windows1252, {}},
    Alias {"ascii", Kind::Windows1252, {}},
    Alias {"us", Kind::Windows1252, {}},
    Alias {"ansi_x3.4-1968", Kind::Windows1252, {}},
    Alias {"ansi_x3.4-1986", Kind::Windows1252, {}},
    Alias {"iso646-us", Kind::Windows1252, {}},
    Alias {"iso-ir-6", Kind::Windows1252, {}},
    Alias {"cp367", Kind::Windows1252, {}},
    Alias {"ibm367", Kind::Windows1252, {}},
    Alias {"csascii", Kind::Windows1252, {}},
    Alias {"iso-8859-1", Kind::Windows1252, {}},
    Alias {"iso8859-1", Kind::Windows1252, {}},
    Alias {"iso_8859-1", Kind::Windows1252, {}},
    Alias {"iso_8859-1:1987", Kind::Windows1252, {}},
    Alias {"iso88591", Kind::Windows1252, {}},
    Alias {"latin1", Kind::Windows1252, {}},
    Alias {"latin-1", Kind::Windows1252, {}},
    Alias {"l1", Kind::Windows1252, {}},
    Alias {"iso-ir-100", Kind::Windows1252, {}},
    Alias {"cp819", Kind::Windows1252, {}},
    Alias {"ibm819", Kind::Windows1252, {}},
    Alias {"csisolatin1", Kind::Windows1252, {}},
    Alias {"windows-1252", Kind::Windows1252, {}},
    Alias {"cp1252", Kind::Windows1252, {}},
    Alias {"x-cp1252", Kind::Windows1252, {}},
    Alias {"ms-ansi", Kind::Windows1252, {}},

    Alias {"shift_jis", Kind::Iconv, "CP932"},
    Alias {"shift-jis", Kind::Iconv, "CP932"},
    Alias {"shiftjis", Kind::Iconv, "CP932"},
    Alias {"sjis", Kind::Iconv, "CP932"},
    Alias {"x-sjis", Kind::Iconv, "CP932"},
    Alias {"x-shift_jis", Kind::Iconv, "CP932"},
    Alias {"ms_kanji", Kind::Iconv, "CP932"},
    Alias {"csshiftjis", Kind::Iconv, "CP932"},
    Alias {"windows-31j", Kind::Iconv, "CP932"},
    Alias {"cswindows31j", Kind::Iconv, "CP932"},
    Alias {"cp932", Kind::Iconv, "CP932"},
    Alias {"ms932", Kind::Iconv, "CP932"},
    Alias {"x-ms-cp932", Kind::Iconv, "CP932"},

    Alias {"euc-jp", Kind::Iconv, "EUC-JP-MS,EUC-JP"},
    Alias {"eucjp", Kind::Iconv, "EUC-JP-MS,EUC-JP"},
    Alias {"euc_jp", Kind::Iconv, "EUC-JP-MS,EUC-JP"},
    Alias {"x-euc-jp", Kind::Iconv, "EUC-JP-MS,EUC-JP"},
    Alias {"x-euc", Kind::Iconv, "EUC-JP-MS,EUC-JP"},
    Alias {"cseucpkdfmtjapanese", Kind::Iconv, "EUC-JP-MS,EUC-JP"},
    Alias {"euc-jp-ms", Kind::Iconv, "EUC-JP-MS,EUC-JP"},

    Alias {"iso-2022-jp", Kind::Iso2022Jp, {}},
    Alias {"iso-2022-jp-1", Kind::Iso2022Jp, {}},
    Alias {"iso-2022-jp-2", Kind::Iso2022Jp, {}},
    Alias {"iso-2022-jp-3", Kind::Iso2022Jp, {}},
    Alias {"csiso2022jp", Kind::Iso2022Jp, {}},
    Alias {"csiso2022jp2", Kind::Iso2022Jp, {}},
    Alias {"iso2022jp", Kind::Iso2022Jp, {}},
    Alias {"jis", Kind::Iso2022Jp, {}},
    Alias {"cp50220", Kind::Iso2022Jp, {}},
    Alias {"cp50221", Kind::Iso2022Jp, {}},
    Alias {"cp50222", Kind::Iso2022Jp, {}},

    Alias {"ks_c_5601-1987", Kind::Iconv, "CP949"},
    Alias {"ks_c_5601-1989", Kind::Iconv, "CP949"},
    Alias {"ks_c_5601", Kind::Iconv, "CP949"},
    Alias {"ksc5601", Kind::Iconv, "CP949"},
    Alias {"ksc_5601", Kind::Iconv, "CP949"},
    Alias {"csksc56011987", Kind::Iconv, "CP949"},
    Alias {"iso-ir-149", Kind::Iconv, "CP949"},
    Alias {"korean", Kind::Iconv, "CP949"},
    Alias {"euc-kr", Kind::Iconv, "CP949"},
    Alias {"euckr", Kind::Iconv, "CP949"},
    Alias {"cseuckr", Kind::Iconv, "CP949"},
    Alias {"windows-949", Kind::Iconv, "CP949"},
    Alias {"cp949", Kind::Iconv, "CP949"},
    Alias {"uhc", Kind::Iconv, "CP949"},

    Alias {"gb2312", Kind::Iconv, "GBK,GB18030"},
    Alias {"gb_2312", Kind::Iconv, "GBK,GB18030"},
    Alias {"gb_2312-80", Kind::Iconv, "GBK,GB18030"},
    Alias {"csgb2312", Kind::Iconv, "GBK,GB18030"},
    Alias {"iso-ir-58", Kind::Iconv, "GBK,GB18030"},
    Alias {"chinese", Kind::Iconv, "GBK,GB18030"},
    Alias {"euc-cn", Kind::Iconv, "GBK,GB18030"},
    Alias {"x-euc-cn", Kind::Iconv, "GBK,GB18030"},
    Alias {"gbk", Kind::Iconv, "GBK,GB18030"},
    Alias {"x-gbk", Kind::Iconv, "GBK,GB18030"},
    Alias {"cp936", Kind::Iconv, "GBK,GB18030"},
    Alias {"ms936", Kind::Iconv, "GBK,GB18030"},
    Alias {"windows-936", Kind::Iconv, "GBK,GB18030"},
    Alias {"gb18030", Kind::Iconv, "GB18030"},

    Alias {"big5", Kind::Iconv, "CP950,BIG5-HKSCS"},
    Alias {"big-5", Kind::Iconv, "CP950,BIG5-HKSCS"},
    Alias {"cn-big5", Kind::Iconv, "CP950,BIG5-HKSCS"},
    Alias {"csbig5", Kind::Iconv, "CP950,BIG5-HKSCS"},
    Alias {"x-x-big5", Kind::Iconv, "CP950,BIG5-HKSCS"},
    Alias {"cp950", Kind::Iconv, "CP950,BIG5-HKSCS"},
    Alias {"big5-hkscs", Kind::Iconv, "BIG5-HKSCS"},

    Alias {"iso-8859-9", Kind::Iconv, "WINDOWS-1254"},
    Alias {"iso8859-9", Kind::Iconv, "WINDOWS-1254"},
    Alias {"latin5", Kind::Iconv, "WINDOWS-1254"},
    Alias {"l5", Kind::Iconv, "WINDOWS-1254"},
    Alias {"tis-620", Kind::Iconv, "WINDOWS-874"},
    Alias {"iso-8859-11", Kind::Iconv, "WINDOWS-874"},
    Alias {"dos-874", Kind::Iconv, "WINDOWS-874"},
};

constexpr bool isLinearWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Lower-cased label without quotes, surrounding whitespace or an RFC 2231 "*language" suffix.
QByteArray normalizeLabel(QByteArrayView raw)
{
    qsizetype begin = 0;
    qsizetype end = raw.size();
    const auto isJunk = [](char c) { return isLinearWhitespace(c) || c == '"' || c == '\''; };
    while (begin < end && isJunk(raw[begin]))
        ++begin;
    while (end > begin && isJunk(raw[end - 1]))
        --end;
    QByteArrayView label = raw.sliced(begin, end - begin);
    if (const qsizetype star = label.indexOf('*'); star >= 0)
        label = label.first(star);
    return label.toByteArray().toLower();
}

// Only plain charset names go to iconv_open: "//IGNORE" or "//TRANSLIT" suffixes from a
// hostile header would silently turn strict conversion lenient.
bool isPlausibleCharsetName(const QByteArray &label)
{
    if (label.isEmpty() || label.size() > 40)
        return false;
    for (const char c : label) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
            || c == ':' || c == '+' || c == '(' || c == ')';
        if (!ok)
            return false;
    }
    return true;
}

Plan resolve(const QByteArray &label)
{
    Plan plan;
    const std::string_view key(label.constData(), std::size_t(label.size()));
    for (const Alias &alias : kAliases) {
        if (alias.label != key)
            continue;
        plan.kind = alias.kind;
        std::string_view rest = alias.converters;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            const std::string_view one = rest.substr(0, comma);
            plan.converters.emplace_back(one.data(), qsizetype(one.size()));
            rest = comma == std::string_view::npos ? std::string_view {} : rest.substr(comma + 1);
        }
        return plan;
    }
    if (isPlausibleCharsetName(label)) {
        plan.kind = Kind::Iconv;
        plan.converters.push_back(label.toUpper());
    }
    return plan;
}

bool isAsciiLabel(const QByteArray &label)
{
    static constexpr std::array<std::string_view, 11> kAscii {"us-ascii", "ascii", "us", "ansi_x3.4-1968",
        "ansi_x3.4-1986", "iso646-us", "iso-ir-6", "csascii", "cp367", "ibm367", "iso_646.irv:1991"};
    const std::string_view key(label.constData(), std::size_t(label.size()));
    for (const std::string_view a : kAscii) {
        if (a == key)
            return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Byte-level helpers
// ---------------------------------------------------------------------------------------------

constexpr char kUtf8Replacement[] = "\xEF\xBF\xBD";

// windows-1252 0x80..0x9F per the WHATWG index; the five undefined bytes map to the C1 control of
// the same value so that this mapping is total (it is the last-resort decoder).
constexpr std::array<char16_t, 32> kCp1252High {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020,
    0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C,
    0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString decodeWindows1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *dst++ = QChar(b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : char16_t(b));
    }
    return out;
}

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

// ESC $ B, ESC $ @, ESC ( J, ESC ( I and ESC $ ( D only occur in ISO-2022-JP text; a bare ESC
// (terminal colour codes pasted into mail) is not evidence.
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

struct Utf8Scan
{
    qsizetype multibyte = 0; // complete, valid sequences of 2..4 bytes
    qsizetype errors = 0; // maximal invalid subparts (each would become one U+FFFD)
    bool truncatedTail = false; // input ends inside an otherwise valid sequence
    qsizetype tailStart = 0; // where that incomplete sequence begins
};

Utf8Scan scanUtf8(QByteArrayView s)
{
    Utf8Scan scan;
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        int need = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            lo = b == 0xE0 ? 0xA0 : 0x80; // overlong
            hi = b == 0xED ? 0x9F : 0xBF; // surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            lo = b == 0xF0 ? 0x90 : 0x80; // overlong
            hi = b == 0xF4 ? 0x8F : 0xBF; // > U+10FFFF
        } else {
            ++scan.errors;
            ++i;
            continue;
        }
        int k = 1;
        for (; k <= need && i + k < n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            const bool ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
            if (!ok)
                break;
        }
        if (k > need) {
            ++scan.multibyte;
            i += need + 1;
        } else if (i + k >= n) {
            scan.truncatedTail = true;
            scan.tailStart = i;
            i = n;
        } else {
            ++scan.errors;
            i += k;
        }
    }
    return scan;
}

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

// ---------------------------------------------------------------------------------------------
// iconv
// ---------------------------------------------------------------------------------------------

// A few converters per thread: decodeHeader converts once per encoded-word group, and
// iconv_open has to look the module up each time. thread_local keeps this lock-free.
class IconvCache
{
public:
    IconvCache() = default;
    IconvCache(const IconvCache &) = delete;
    IconvCache &operator=(const IconvCache &) = delete;
    ~IconvCache()
    {
        for (const Entry &e : m_entries) {
            if (e.cd != invalid())
                iconv_close(e.cd);
        }
    }

    static iconv_t invalid() { return reinterpret_cast<iconv_t>(-1); }

    // Returns invalid() when glibc has no such converter; failures are cached too, so that a
    // header full of words in one bogus charset costs one lookup.
    iconv_t get(const QByteArray &name)
    {
        for (const Entry &e : m_entries) {
            if (e.name == name)
                return e.cd;
        }
        iconv_t cd = iconv_open("UTF-8", name.constData());
        if (m_entries.size() >= kCapacity) {
            if (m_entries.front().cd != invalid())
                iconv_close(m_entries.front().cd);
            m_entries.erase(m_entries.begin());
        }
        m_entries.push_back({name, cd});
        return cd;
    }

private:
    static constexpr std::size_t kCapacity = 8;
    struct Entry
    {
        QByteArray name;
        iconv_t cd;
    };
    std::vector<Entry> m_entries;
};

IconvCache &iconvCache()
{
    thread_local IconvCache cache;
    return cache;
}

enum class Mode { Strict, Lenient };

// Converts to UTF-8. Strict: any invalid or incomplete sequence fails. Lenient: each invalid
// byte becomes U+FFFD (stateful converters keep their shift state), a truncated tail one U+FFFD.
bool iconvToUtf8(iconv_t cd, QByteArrayView in, Mode mode, QByteArray &out)
{
    out.clear();
    iconv(cd, nullptr, nullptr, nullptr, nullptr); // the cached handle may hold shift state
    // glibc takes a non-const input pointer but does not write through it.
    char *inPtr = const_cast<char *>(in.data());
    std::size_t inLeft = std::size_t(in.size());
    std::array<char, 16384> buffer {};
    for (;;) {
        char *outPtr = buffer.data();
        std::size_t outLeft = buffer.size();
        // Once the input is consumed, a call without input flushes pending shift state.
        const bool flushCall = inLeft == 0;
        const std::size_t rc = flushCall ? iconv(cd, nullptr, nullptr, &outPtr, &outLeft)
                                         : iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
        const int err = rc == std::size_t(-1) ? errno : 0;
        out.append(buffer.data(), outPtr - buffer.data());
        if (rc != std::size_t(-1)) {
            if (flushCall)
                return true;
            continue; // success means all input was consumed; flush next
        }
        if (err == E2BIG)
            continue;
        if (mode == Mode::Strict) {
            out.clear();
            return false;
        }
        out.append(kUtf8Replacement);
        if (flushCall)
            return true;
        if (err == EILSEQ) {
            ++inPtr;
            --inLeft;
        } else {
            inLeft = 0; // EINVAL: incomplete tail; anything else: give up on the rest
        }
    }
}

bool iconvDecode(const QByteArray &converter, QByteArrayView bytes, Mode mode, QString &out)
{
    iconv_t cd = iconvCache().get(converter);
    if (cd == IconvCache::invalid())
        return false;
    QByteArray utf8;
    if (!iconvToUtf8(cd, bytes, mode, utf8))
        return false;
    out = QString::fromUtf8(utf8);
    return true;
}

// Rewrites ISO-2022-JP as CP932 bytes (the CP50221 approach). Outlook and friends label mail
// ISO-2022-JP but use NEC and IBM extension rows (circled digits, "(株)", roman numerals) that
// glibc's ISO-2022-JP-* converters reject; in CP932 they are defined. Also accepts JIS X 0201
// katakana via ESC ( I or SO/SI. Fails on anything CP932 cannot express (e.g. JIS X 0212).
bool iso2022JpToCp932(QByteArrayView in, QByteArray &out)
{
    enum class Set { Ascii, Kana, Kanji } set = Set::Ascii;
    bool shiftOut = false;
    out.clear();
    out.reserve(in.size());
    const qsizetype n = in.size();
    qsizetype i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(in[i]);
        if (b == 0x1b) {
            if (i + 2 >= n)
                return false;
            const char a = in[i + 1];
            const char c = in[i + 2];
            if (a == '(' && (c == 'B' || c == 'J'))
                set = Set::Ascii;
            else if (a == '(' && c == 'I')
                set = Set::Kana;
            else if (a == '$' && (c == 'B' || c == '@'))
                set = Set::Kanji;
            else if (!(a == '&' && c == '@')) // ESC & @ only announces JIS X 0208-1990
                return false;
            i += 3;
            continue;
        }
        if (b == 0x0e || b == 0x0f) {
            shiftOut = b == 0x0e;
            ++i;
            continue;
        }
        if (b >= 0x80)
            return false;
        if (b < 0x21 || b == 0x7f || set == Set::Ascii) {
            // Controls and space pass through in every set: mailers routinely forget ESC ( B
            // before a line break.
            if (b >= 0x21 && b != 0x7f && shiftOut) {
                if (b > 0x5f)
                    return false;
                out.append(char(b + 0x80));
            } else {
                out.append(char(b));
            }
            ++i;
            continue;
        }
        if (set == Set::Kana || shiftOut) {
            if (b > 0x5f)
                return false;
            out.append(char(b + 0x80));
            ++i;
            continue;
        }
        if (i + 1 >= n)
            return false;
        const auto t = static_cast<unsigned char>(in[i + 1]);
        if (t < 0x21 || t > 0x7e || b > 0x7e)
            return false;
        unsigned lead = ((b - 0x21u) >> 1) + 0x81u;
        if (lead > 0x9f)
            lead += 0x40;
        const unsigned trail = (b & 1u) ? t + 0x1fu + (t >= 0x60 ? 1u : 0u) : t + 0x7eu;
        out.append(char(lead));
        out.append(char(trail));
        i += 2;
    }
    return true;
}

bool decodeIso2022Jp(QByteArrayView bytes, Mode mode, QString &out)
{
    // ISO-2022-JP-2 is a superset of ISO-2022-JP and -1 and adds ESC $ ( D, ESC ( I.
    if (iconvDecode(QByteArrayLiteral("ISO-2022-JP-2"), bytes, Mode::Strict, out))
        return true;
    QByteArray cp932;
    if (iso2022JpToCp932(bytes, cp932) && iconvDecode(QByteArrayLiteral("CP932"), cp932, Mode::Strict, out)) {
        return true;
    }
    // JIS X 0213 designations (ESC $ ( O / Q / P) exist only in ISO-2022-JP-3.
    if (iconvDecode(QByteArrayLiteral("ISO-2022-JP-3"), bytes, Mode::Strict, out))
        return true;
    out.clear();
    if (mode == Mode::Lenient)
        return iconvDecode(QByteArrayLiteral("ISO-2022-JP-2"), bytes, Mode::Lenient, out);
    return false;
}

bool decodeWithPlan(const Plan &plan, QByteArrayView bytes, QString &out)
{
    switch (plan.kind) {
    case Kind::Unknown: return false;
    case Kind::Utf8: {
        const Utf8Scan scan = scanUtf8(bytes);
        if (scan.errors != 0 || scan.truncatedTail)
            return false;
        out = QString::fromUtf8(bytes);
        return true;
    }
    case Kind::Windows1252: out = decodeWindows1252(bytes); return true;
    case Kind::Iso2022Jp: return decodeIso2022Jp(bytes, Mode::Strict, out);
    case Kind::Iconv:
        for (const QByteArray &converter : plan.converters) {
            if (iconvDecode(converter, bytes, Mode::Strict, out))
                return true;
        }
        out.clear();
        return false;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Sniffing
// ---------------------------------------------------------------------------------------------

struct Sniffed
{
    QByteArray name;
    QString text; // filled when sniffing already had to decode strictly
    bool decoded = false;
};

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

// Best effort in the sniffed charset when strict decoding failed.
QString decodeLossy(QByteArrayView bytes, const QByteArray &sniffedName)
{
    QString out;
    if (sniffedName == "UTF-8") {
        // Qt emits one U+FFFD per byte of a truncated final sequence; one is the honest count.
        const Utf8Scan scan = scanUtf8(bytes);
        if (scan.truncatedTail) {
            out = QString::fromUtf8(bytes.first(scan.tailStart));
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out = QString::fromUtf8(bytes);
        }
    } else if (sniffedName == "ISO-2022-JP") {
        decodeIso2022Jp(bytes, Mode::Lenient, out);
    } else if (sniffedName == "SHIFT_JIS") {
        iconvDecode(QByteArrayLiteral("CP932"), bytes, Mode::Lenient, out);
    } else if (sniffedName == "EUC-JP") {
        if (!iconvDecode(QByteArrayLiteral("EUC-JP-MS"), bytes, Mode::Lenient, out))
            iconvDecode(QByteArrayLiteral("EUC-JP"), bytes, Mode::Lenient, out);
    }
    if (out.isEmpty())
        out = decodeWindows1252(bytes);
    return out;
}

// ---------------------------------------------------------------------------------------------
// RFC 2047
// ---------------------------------------------------------------------------------------------

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

struct EncodedWord
{
    QByteArray label; // normalized charset label
    QByteArray bytes; // decoded payload
    qsizetype end = 0; // index just past "?="
};

// Parses "=?charset?B|Q?text?=" starting at `start` (which points at "=?"). Every scan stops at
// the next '?', so repeated attempts over hostile input stay linear overall.
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

} // namespace

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

bool TextDecoder::convert(const QByteArray &bytes, const QByteArray &charset, QString &out)
{
    out.clear();
    return decodeWithPlan(resolve(normalizeLabel(charset)), bytes, out);
}

QByteArray TextDecoder::sniffCharset(const QByteArray &bytes)
{
    return sniff(bytes).name;
}

QString TextDecoder::decode(const QByteArray &bytes, const QByteArray &declaredCharset)
{
    if (bytes.isEmpty())
        return {};

    const QByteArray label = normalizeLabel(declaredCharset);
    if (!label.isEmpty()) {
        const Plan plan = resolve(label);
        // "us-ascii" is the default label many MTAs stamp on anything; 8-bit bytes or escapes
        // under it mean the real charset was lost. ISO-2022-JP escapes under a Latin-1 label are
        // likewise never intended.
        bool distrust = false;
        if (isAsciiLabel(label))
            distrust = hasHighBitOrEscape(bytes);
        else if (plan.kind == Kind::Windows1252)
            distrust = hasIso2022JpEscape(bytes);
        QString out;
        if (!distrust && decodeWithPlan(plan, bytes, out) && !out.isEmpty())
            return out;
    }

    Sniffed sniffed = sniff(bytes);
    if (sniffed.decoded && !sniffed.text.isEmpty())
        return sniffed.text;
    QString out;
    if (convert(bytes, sniffed.name, out) && !out.isEmpty())
        return out;
    return decodeLossy(bytes, sniffed.name);
}

QString TextDecoder::decodeHeader(const QByteArray &rawValue)
{
    const QByteArrayView raw(rawValue);
    const qsizetype n = raw.size();
    QString result;
    result.reserve(n);

    // Consecutive encoded words of one charset, collected as bytes because a multi-byte
    // character (or an ISO-2022-JP shift sequence) may straddle two words.
    QByteArray runLabel;
    QByteArray runBytes;
    bool haveRun = false;

    const auto flushRun = [&] {
        if (haveRun)
            result += TextDecoder::decode(runBytes, runLabel);
        haveRun = false;
        runBytes.clear();
    };
    const auto appendLiteral = [&](QByteArrayView literal) {
        if (literal.isEmpty())
            return;
        // Raw 8-bit (or raw ISO-2022-JP, common in old Japanese mail) outside encoded words.
        if (!isSevenBit(literal) || hasIso2022JpEscape(literal))
            result += TextDecoder::decode(literal.toByteArray());
        else
            result += QString::fromLatin1(literal);
    };

    qsizetype literalStart = 0;
    qsizetype i = 0;
    EncodedWord word;
    while (i + 1 < n) {
        if (raw[i] != '=' || raw[i + 1] != '?') {
            ++i;
            continue;
        }
        if (!parseEncodedWord(raw, i, word)) {
            i += 2; // left as literal text
            continue;
        }
        const QByteArrayView between = raw.sliced(literalStart, i - literalStart);
        // RFC 2047 6.2: whitespace between adjacent encoded words is not displayed.
        if (!(haveRun && isAllLinearWhitespace(between))) {
            flushRun();
            appendLiteral(between);
        }
        if (haveRun && word.label == runLabel) {
            runBytes += word.bytes;
        } else {
            flushRun();
            runLabel = word.label;
            runBytes = word.bytes;
            haveRun = true;
        }
        i = word.end;
        literalStart = word.end;
    }
    flushRun();
    appendLiteral(raw.sliced(literalStart));
    return result;
}

} // namespace bouncelens

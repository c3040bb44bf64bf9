#include "message/CharsetDecoders.h"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <vector>

namespace bouncelens::charset {

namespace {

constexpr char kUtf8Replacement[] = "\xEF\xBF\xBD";

// windows-1252 0x80..0x9F per the WHATWG index; the five undefined bytes map to the C1 control of
// the same value so that this mapping is total (it is the last-resort decoder).
constexpr std::array<char16_t, 32> kCp1252High {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020,
    0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C,
    0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

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

} // namespace

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

} // namespace bouncelens::charset

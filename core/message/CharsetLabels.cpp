#include "message/CharsetLabels.h"

#include <array>
#include <cstddef>
#include <string_view>

namespace bouncelens::charset {

namespace {

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

} // namespace

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

} // namespace bouncelens::charset

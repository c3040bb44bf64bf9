#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

// Which decoder a charset label in mail means. Part of TextDecoder (message/TextDecoder.h is the
// interface the rest of the core uses): labels as senders write them ("latin1", "x-sjis",
// "\"UTF-8\"", "us-ascii*en") are normalised and mapped to the converter that decodes what
// senders actually emit.
namespace bouncelens::charset {

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

constexpr bool isLinearWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Lower-cased label without quotes, surrounding whitespace or an RFC 2231 "*language" suffix.
[[nodiscard]] QByteArray normalizeLabel(QByteArrayView raw);

// The plan for a normalised label: a known alias, else the label itself as an iconv converter
// when it is a plain charset name, else Kind::Unknown.
[[nodiscard]] Plan resolve(const QByteArray &label);

// "us-ascii" and its aliases: the label many MTAs stamp on anything.
[[nodiscard]] bool isAsciiLabel(const QByteArray &label);

} // namespace bouncelens::charset

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Charset detection for text whose declaration is missing or not to be trusted. Part of
// TextDecoder (message/TextDecoder.h is the interface the rest of the core uses). The order of
// evidence: ISO-2022-JP escape sequences, pure 7-bit, valid UTF-8, Shift_JIS / EUC-JP byte
// statistics confirmed by a strict decode, then "mostly" UTF-8 or Japanese (truncated or
// damaged quotes), else windows-1252.
namespace bouncelens::charset {

// Any byte >= 0x80, or ESC.
[[nodiscard]] bool hasHighBitOrEscape(QByteArrayView bytes);
// No byte >= 0x80.
[[nodiscard]] bool isSevenBit(QByteArrayView bytes);
// ESC $ B, ESC $ @, ESC ( J, ESC ( I and ESC $ ( D only occur in ISO-2022-JP text; a bare ESC
// (terminal colour codes pasted into mail) is not evidence.
[[nodiscard]] bool hasIso2022JpEscape(QByteArrayView bytes);

struct Sniffed
{
    QByteArray name;
    QString text; // filled when sniffing already had to decode strictly
    bool decoded = false;
};

// The charset these bytes are in: "ISO-2022-JP", "US-ASCII", "UTF-8", "SHIFT_JIS", "EUC-JP" or
// "WINDOWS-1252". When a Japanese guess was confirmed by decoding, the text comes with it.
[[nodiscard]] Sniffed sniff(QByteArrayView bytes);

} // namespace bouncelens::charset

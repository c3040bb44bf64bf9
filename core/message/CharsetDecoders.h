#pragma once

#include "message/CharsetLabels.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// The per-encoding decoders behind TextDecoder (message/TextDecoder.h is the interface the rest
// of the core uses): windows-1252 and UTF-8 in-process, everything else through glibc's iconv,
// ISO-2022-JP with a CP932 fallback for the vendor extension rows senders use. Strict decoding
// fails on any invalid byte (so that the caller can try another charset); lenient decoding puts
// U+FFFD in place of what cannot be read. None of them throws.
namespace bouncelens::charset {

enum class Mode { Strict, Lenient };

// windows-1252 per the WHATWG index; total (every byte maps), hence the last-resort decoder.
[[nodiscard]] QString decodeWindows1252(QByteArrayView bytes);

// A UTF-8 validator, for decoding and for sniffing.
struct Utf8Scan
{
    qsizetype multibyte = 0; // complete, valid sequences of 2..4 bytes
    qsizetype errors = 0; // maximal invalid subparts (each would become one U+FFFD)
    bool truncatedTail = false; // input ends inside an otherwise valid sequence
    qsizetype tailStart = 0; // where that incomplete sequence begins
};
[[nodiscard]] Utf8Scan scanUtf8(QByteArrayView s);

// Decodes with one glibc converter (cached per thread) into `out`; false (`out` untouched) when
// glibc has no such converter or, in Mode::Strict, when the bytes are invalid in it.
bool iconvDecode(const QByteArray &converter, QByteArrayView bytes, Mode mode, QString &out);

// ISO-2022-JP and its -1, -2 and -3 variants, including the NEC/IBM rows of CP50221.
bool decodeIso2022Jp(QByteArrayView bytes, Mode mode, QString &out);

// Strict decoding as `plan` says; false (out empty) when the bytes are not valid in it.
[[nodiscard]] bool decodeWithPlan(const Plan &plan, QByteArrayView bytes, QString &out);

// Best effort in a sniffed charset (CharsetSniffer's names) when strict decoding failed; falls
// back to windows-1252, so the result is empty only for empty input.
[[nodiscard]] QString decodeLossy(QByteArrayView bytes, const QByteArray &sniffedName);

} // namespace bouncelens::charset

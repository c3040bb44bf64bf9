#include "message/TextDecoder.h"

#include "message/CharsetDecoders.h"
#include "message/CharsetLabels.h"
#include "message/CharsetSniffer.h"
#include "message/EncodedWords.h"

#include <QByteArrayView>

// The decision order: a declared charset is trusted unless the bytes contradict it, then the
// sniffer's guess, then a lossy decode. The charset knowledge lives in message/Charset*; the
// header encoded words in message/EncodedWords.
namespace bouncelens {

using namespace charset;
using rfc2047::EncodedWord;
using rfc2047::isAllLinearWhitespace;
using rfc2047::parseEncodedWord;

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

#include "message/TextDecoder.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

using bouncelens::TextDecoder;

namespace {

// Byte literals keep their exact length (embedded NULs included).
template<std::size_t N> QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, qsizetype(N - 1));
}

// Reference byte sequences for "こんにちは" in the Japanese encodings.
const char kHelloIso2022Jp[] = "\x1b$B$3$s$K$A$O\x1b(B";
const char kHelloShiftJis[] = "\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd";
const char kHelloEucJp[] = "\xa4\xb3\xa4\xf3\xa4\xcb\xa4\xc1\xa4\xcf";
const char kHelloUtf8[] = "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf";

QString hello()
{
    return QStringLiteral("こんにちは");
}

// Deterministic pseudo-random bytes for robustness checks.
QByteArray noise(qsizetype size, std::uint32_t seed)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        seed = seed * 1664525u + 1013904223u;
        out[i] = char(seed >> 24);
    }
    return out;
}

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void sniffCharset_data();
    void sniffCharset();
    void convert_data();
    void convert();
    void decodeHeader_data();
    void decodeHeader();
    void neverEmpty_data();
    void neverEmpty();
    void hostileHeaders_data();
    void hostileHeaders();
    void concurrentUse();
};

void TestTextDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray("utf-8") << QString();
    QTest::newRow("declared utf-8") << bytes("caf\xc3\xa9") << QByteArray("UTF-8") << QStringLiteral("café");
    QTest::newRow("declared utf8 alias, quoted and padded")
        << bytes("caf\xc3\xa9") << QByteArray(" \"utf8\" ") << QStringLiteral("café");
    QTest::newRow("undeclared utf-8") << bytes(kHelloUtf8) << QByteArray() << hello();
    QTest::newRow("us-ascii over utf-8") << bytes("Gr\xc3\xbc\xc3\x9f"
                                                  "e")
                                         << QByteArray("us-ascii") << QStringLiteral("Grüße");
    QTest::newRow("ascii over shift_jis") << bytes(kHelloShiftJis) << QByteArray("ASCII") << hello();
    QTest::newRow("us-ascii over iso-2022-jp") << bytes(kHelloIso2022Jp) << QByteArray("us-ascii") << hello();
    QTest::newRow("pure us-ascii") << bytes("hello") << QByteArray("US-ASCII") << QStringLiteral("hello");
    QTest::newRow("iso-2022-jp declared") << bytes(kHelloIso2022Jp) << QByteArray("iso-2022-jp") << hello();
    QTest::newRow("iso-2022-jp undeclared") << bytes(kHelloIso2022Jp) << QByteArray() << hello();
    QTest::newRow("iso-2022-jp mislabelled latin1")
        << bytes(kHelloIso2022Jp) << QByteArray("iso-8859-1") << hello();
    QTest::newRow("iso-2022-jp with NEC circled digit")
        << bytes("\x1b$B-!$3\x1b(B") << QByteArray("ISO-2022-JP") << QStringLiteral("①こ");
    QTest::newRow("iso-2022-jp half-width kana")
        << bytes("\x1b(I12\x1b(B") << QByteArray("csISO2022JP") << QStringLiteral("ｱｲ");
    QTest::newRow("shift_jis declared") << bytes(kHelloShiftJis) << QByteArray("Shift_JIS") << hello();
    QTest::newRow("shift_jis undeclared") << bytes(kHelloShiftJis) << QByteArray() << hello();
    QTest::newRow("windows-31j extension")
        << bytes("\x87\x40") << QByteArray("windows-31j") << QStringLiteral("①");
    QTest::newRow("shift_jis katakana undeclared")
        << bytes("\x83J\x83^\x83J\x83i") << QByteArray() << QStringLiteral("カタカナ");
    QTest::newRow("shift_jis kanji only undeclared")
        << bytes("\x8a\xbf\x8e\x9a") << QByteArray() << QStringLiteral("漢字");
    QTest::newRow("euc-jp declared") << bytes(kHelloEucJp) << QByteArray("EUC-JP") << hello();
    QTest::newRow("euc-jp undeclared") << bytes(kHelloEucJp) << QByteArray() << hello();
    QTest::newRow("euc-jp kanji only undeclared")
        << bytes("\xb4\xc1\xbb\xfa") << QByteArray() << QStringLiteral("漢字");
    QTest::newRow("windows-1252 undeclared") << bytes("caf\xe9") << QByteArray() << QStringLiteral("café");
    QTest::newRow("windows-1252 smart quotes")
        << bytes("\x93quoted\x94") << QByteArray() << QStringLiteral("“quoted”");
    // Structurally valid Shift_JIS ("\x92h" is a kanji) but Latin text: must not be sniffed
    // as Japanese.
    QTest::newRow("latin apostrophes are not shift_jis") << bytes("l\x92homme d\x92"
                                                                  "abord")
                                                         << QByteArray() << QStringLiteral("l’homme d’abord");
    QTest::newRow("latin accent before letter is not shift_jis")
        << bytes("Caf\xe9s") << QByteArray() << QStringLiteral("Cafés");
    QTest::newRow("latin1 label means windows-1252") << bytes("\x80"
                                                              "5")
                                                     << QByteArray("ISO-8859-1") << QStringLiteral("€5");
    QTest::newRow("unknown charset sniffs shift_jis")
        << bytes(kHelloShiftJis) << QByteArray("x-bogus-charset") << hello();
    QTest::newRow("unknown charset sniffs utf-8")
        << bytes(kHelloUtf8) << QByteArray("unknown-8bit") << hello();
    QTest::newRow("iconv suffix in label is not honoured")
        << bytes("caf\xe9") << QByteArray("utf-8//IGNORE") << QStringLiteral("café");
    QTest::newRow("declared utf-8 but latin1")
        << bytes("caf\xe9") << QByteArray("utf-8") << QStringLiteral("café");
    QTest::newRow("declared euc-jp but shift_jis")
        << bytes(kHelloShiftJis) << QByteArray("euc-jp") << hello();
    // The UTF-8 bytes of this text happen to be valid CP932 too; a declaration that decodes
    // cleanly is trusted, like every mail client does.
    QTest::newRow("valid declaration wins over sniffing")
        << bytes(kHelloUtf8) << QByteArray("shift_jis")
        << QStringLiteral("\u7E3A\u8599\uFF53\u7E3A\uFF6B\u7E3A\uFF61\u7E3A\uFF6F");
    QTest::newRow("truncated utf-8 mid-text error") << bytes(
        "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa"
        "a") << QByteArray("utf-8") << QStringLiteral("\u65E5\u672C\uFFFD\uFFFDa");
    QTest::newRow("truncated utf-8") << bytes("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa") << QByteArray()
                                     << QStringLiteral("日本\uFFFD");
    QTest::newRow("utf-8 with one bad byte")
        << bytes("\xe3\x81\x93\xe3\x82\x93\xff\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf") << QByteArray("utf-8")
        << QStringLiteral("こん\uFFFDにちは");
    QTest::newRow("truncated shift_jis") << bytes("\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd\x82")
                                         << QByteArray() << QStringLiteral("こんにちは\uFFFD");
    QTest::newRow("gb2312 as gbk") << bytes("\xd6\xd0\xce\xc4") << QByteArray("gb2312")
                                   << QStringLiteral("中文");
    QTest::newRow("ks_c_5601-1987 as cp949")
        << bytes("\xbe\xc8\xb3\xe7") << QByteArray("ks_c_5601-1987") << QStringLiteral("안녕");
    QTest::newRow("embedded nul") << bytes("a\0b") << QByteArray("utf-8") << QString::fromUtf16(u"a\0b", 3);
    QTest::newRow("binary garbage") << bytes("\xff\xfe\xfd") << QByteArray() << QStringLiteral("ÿþý");
}

void TestTextDecoder::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, charset);
    QFETCH(QString, expected);
    QCOMPARE(TextDecoder::decode(input, charset), expected);
}

void TestTextDecoder::sniffCharset_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray("US-ASCII");
    QTest::newRow("ascii") << bytes("hello\r\n") << QByteArray("US-ASCII");
    QTest::newRow("terminal escape is not iso-2022-jp")
        << bytes("\x1b[31mred\x1b[0m") << QByteArray("US-ASCII");
    QTest::newRow("iso-2022-jp ESC $ B") << bytes(kHelloIso2022Jp) << QByteArray("ISO-2022-JP");
    QTest::newRow("iso-2022-jp ESC $ @") << bytes("\x1b$@$3\x1b(B") << QByteArray("ISO-2022-JP");
    QTest::newRow("iso-2022-jp ESC ( J") << bytes("a\x1b(Jb\x1b(B") << QByteArray("ISO-2022-JP");
    QTest::newRow("iso-2022-jp ESC $ ( D") << bytes("\x1b$(D+!\x1b(B") << QByteArray("ISO-2022-JP");
    QTest::newRow("utf-8") << bytes(kHelloUtf8) << QByteArray("UTF-8");
    QTest::newRow("utf-8 latin") << bytes("caf\xc3\xa9") << QByteArray("UTF-8");
    QTest::newRow("truncated utf-8") << bytes("\xe6\x97\xa5\xe6\x9c") << QByteArray("UTF-8");
    QTest::newRow("shift_jis") << bytes(kHelloShiftJis) << QByteArray("SHIFT_JIS");
    QTest::newRow("shift_jis kanji") << bytes("\x8a\xbf\x8e\x9a") << QByteArray("SHIFT_JIS");
    // EUC-JP hiragana is also structurally valid CP932 (half-width kana + user-defined area);
    // the hiragana score must win.
    QTest::newRow("euc-jp") << bytes(kHelloEucJp) << QByteArray("EUC-JP");
    QTest::newRow("euc-jp kanji") << bytes("\xb4\xc1\xbb\xfa") << QByteArray("EUC-JP");
    QTest::newRow("euc-jp katakana") << bytes("\xa5\xab\xa5\xbf\xa5\xab\xa5\xca") << QByteArray("EUC-JP");
    QTest::newRow("latin1 café") << bytes("caf\xe9") << QByteArray("WINDOWS-1252");
    QTest::newRow("windows-1252 quotes") << bytes("\x93quoted\x94") << QByteArray("WINDOWS-1252");
    QTest::newRow("latin1 apostrophes") << bytes("l\x92homme d\x92"
                                                 "abord")
                                        << QByteArray("WINDOWS-1252");
    QTest::newRow("binary") << bytes("\xff\xfe\xfd\x00\x01") << QByteArray("WINDOWS-1252");
}

void TestTextDecoder::sniffCharset()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(TextDecoder::sniffCharset(input), expected);
}

void TestTextDecoder::convert_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utf-8") << bytes("caf\xc3\xa9") << QByteArray("utf-8") << true << QStringLiteral("café");
    QTest::newRow("utf-8 invalid") << bytes("caf\xe9") << QByteArray("UTF-8") << false << QString();
    QTest::newRow("utf-8 overlong") << bytes("\xc0\xaf") << QByteArray("UTF-8") << false << QString();
    QTest::newRow("utf-8 surrogate") << bytes("\xed\xa0\x80") << QByteArray("UTF-8") << false << QString();
    QTest::newRow("utf-8 truncated") << bytes("\xe3\x81") << QByteArray("UTF-8") << false << QString();
    QTest::newRow("unknown charset") << bytes("abc") << QByteArray("x-no-such-charset") << false << QString();
    QTest::newRow("empty charset") << bytes("abc") << QByteArray() << false << QString();
    QTest::newRow("iconv suffix rejected")
        << bytes("abc") << QByteArray("UTF-8//IGNORE") << false << QString();
    QTest::newRow("empty input, known charset")
        << QByteArray() << QByteArray("shift_jis") << true << QString();
    QTest::newRow("windows-1252 undefined byte is C1")
        << bytes("\x81") << QByteArray("windows-1252") << true << QString(QChar(0x81));
    QTest::newRow("latin1 euro") << bytes("\x80") << QByteArray("latin1") << true << QStringLiteral("€");
    QTest::newRow("us-ascii with 8-bit is windows-1252")
        << bytes("\xe9") << QByteArray("us-ascii") << true << QStringLiteral("é");
    QTest::newRow("shift_jis truncated") << bytes("\x82") << QByteArray("shift_jis") << false << QString();
    QTest::newRow("shift_jis quoted label")
        << bytes(kHelloShiftJis) << QByteArray("'SJIS'") << true << hello();
    QTest::newRow("ms_kanji") << bytes(kHelloShiftJis) << QByteArray("MS_Kanji") << true << hello();
    QTest::newRow("cp932 wave dash") << bytes("\x81\x60") << QByteArray("cp932") << true
                                     << QStringLiteral("～");
    QTest::newRow("euc-jp-ms wave dash")
        << bytes("\xa1\xc1") << QByteArray("euc-jp") << true << QStringLiteral("～");
    QTest::newRow("euc-jp invalid") << bytes(kHelloShiftJis) << QByteArray("euc-jp") << false << QString();
    QTest::newRow("iso-2022-jp") << bytes(kHelloIso2022Jp) << QByteArray("ISO-2022-JP") << true << hello();
    QTest::newRow("iso-2022-jp NEC row 13")
        << bytes("\x1b$B-!-\"\x1b(B") << QByteArray("iso-2022-jp") << true << QStringLiteral("①②");
    QTest::newRow("iso-2022-jp JIS X 0212")
        << bytes("\x1b$(D+!\x1b(B") << QByteArray("iso-2022-jp-2") << true << QStringLiteral("á");
    QTest::newRow("iso-2022-jp JIS X 0201 roman")
        << bytes("\x1b(J\\\x1b(B") << QByteArray("iso-2022-jp") << true << QStringLiteral("¥");
    QTest::newRow("iso-2022-jp 8-bit is invalid")
        << bytes("\x1b$B$3\x1b(B\xe9") << QByteArray("iso-2022-jp") << false << QString();
    QTest::newRow("utf-16le passes to iconv")
        << bytes("h\0i\0") << QByteArray("UTF-16LE") << true << QStringLiteral("hi");
}

void TestTextDecoder::convert()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, charset);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    QString out = QStringLiteral("stale");
    QCOMPARE(TextDecoder::convert(input, charset, out), ok);
    QCOMPARE(out, expected);
}

void TestTextDecoder::decodeHeader_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("plain") << QByteArray("Delivery Status Notification (Failure)")
                           << QStringLiteral("Delivery Status Notification (Failure)");
    QTest::newRow("B utf-8") << QByteArray("=?UTF-8?B?5pel5pys6Kqe?=") << QStringLiteral("日本語");
    QTest::newRow("B without padding") << QByteArray("=?utf-8?b?Y2Fmw6k?=") << QStringLiteral("café");
    QTest::newRow("Q with underscores")
        << QByteArray("=?ISO-8859-1?Q?caf=E9_au_lait?=") << QStringLiteral("café au lait");
    QTest::newRow("Q lower-case hex") << QByteArray("=?utf-8?q?caf=c3=a9?=") << QStringLiteral("café");
    QTest::newRow("iso-2022-jp in one word")
        << QByteArray("=?ISO-2022-JP?B?GyRCJDMkcxsoQg==?=") << QStringLiteral("こん");
    // "\x1b$B$3$" + "s$K$A$O\x1b(B": the two bytes of "ん" ('$' 's') straddle the words.
    QTest::newRow("iso-2022-jp character split across words")
        << QByteArray("=?ISO-2022-JP?B?GyRCJDMk?= =?ISO-2022-JP?B?cyRLJEEkTxsoQg==?=") << hello();
    QTest::newRow("split words, folded, label case differs")
        << QByteArray("=?ISO-2022-JP?B?GyRCJDMk?=\r\n =?iso-2022-jp?B?cyRLJEEkTxsoQg==?=") << hello();
    // "\xe6\x97\xa5\xe6" + "\x9c\xac\xe8\xaa\x9e"
    QTest::newRow("utf-8 character split across B words")
        << QByteArray("=?UTF-8?B?5pel5g==?= =?UTF-8?B?nKzoqp4=?=") << QStringLiteral("日本語");
    QTest::newRow("utf-8 character split across Q words")
        << QByteArray("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=") << QStringLiteral("café");
    // RFC 2047 section 8 examples.
    QTest::newRow("rfc2047 a") << QByteArray("(=?ISO-8859-1?Q?a?=)") << QStringLiteral("(a)");
    QTest::newRow("rfc2047 a b") << QByteArray("(=?ISO-8859-1?Q?a?= b)") << QStringLiteral("(a b)");
    QTest::newRow("rfc2047 ab") << QByteArray("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)")
                                << QStringLiteral("(ab)");
    QTest::newRow("rfc2047 ab two spaces")
        << QByteArray("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)") << QStringLiteral("(ab)");
    QTest::newRow("rfc2047 ab folded")
        << QByteArray("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)") << QStringLiteral("(ab)");
    QTest::newRow("rfc2047 a_b") << QByteArray("(=?ISO-8859-1?Q?a_b?=)") << QStringLiteral("(a b)");
    QTest::newRow("rfc2047 different charsets")
        << QByteArray("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)") << QStringLiteral("(a b)");
    QTest::newRow("mixed literal and encoded") << QByteArray("Undeliverable: =?UTF-8?Q?R=C3=A9union?= demain")
                                               << QStringLiteral("Undeliverable: Réunion demain");
    QTest::newRow("literal between words is kept")
        << QByteArray("=?UTF-8?Q?a?= x =?UTF-8?Q?b?=") << QStringLiteral("a x b");
    QTest::newRow("adjacent words without space")
        << QByteArray("=?UTF-8?Q?a?==?UTF-8?Q?b?=") << QStringLiteral("ab");
    QTest::newRow("trailing whitespace kept") << QByteArray("=?UTF-8?Q?a?= ") << QStringLiteral("a ");
    QTest::newRow("empty encoded text") << QByteArray("x =?UTF-8?Q?"
                                                      "?= y") // split: "??=" is a trigraph
                                        << QStringLiteral("x  y");
    QTest::newRow("language suffix") << QByteArray("=?UTF-8*en?Q?hi?=") << QStringLiteral("hi");
    QTest::newRow("malformed base64") << QByteArray("=?UTF-8?B?!!!!?=") << QStringLiteral("=?UTF-8?B?!!!!?=");
    QTest::newRow("malformed base64 length")
        << QByteArray("=?UTF-8?B?QUJDR?=") << QStringLiteral("=?UTF-8?B?QUJDR?=");
    QTest::newRow("missing terminator") << QByteArray("=?UTF-8?Q?abc") << QStringLiteral("=?UTF-8?Q?abc");
    QTest::newRow("unknown encoding") << QByteArray("=?UTF-8?X?abc?=") << QStringLiteral("=?UTF-8?X?abc?=");
    QTest::newRow("empty charset") << QByteArray("=??Q?abc?=") << QStringLiteral("=??Q?abc?=");
    QTest::newRow("malformed then valid keeps whitespace")
        << QByteArray("=?UTF-8?B?!!!!?= =?UTF-8?Q?ok?=") << QStringLiteral("=?UTF-8?B?!!!!?= ok");
    QTest::newRow("lone opener") << QByteArray("a =? b ?= c") << QStringLiteral("a =? b ?= c");
    QTest::newRow("opener before valid word") << QByteArray("=?=?UTF-8?Q?x?=") << QStringLiteral("=?x");
    QTest::newRow("raw utf-8 literal")
        << QByteArray("Caf\xc3\xa9 =?UTF-8?Q?ok?=") << QStringLiteral("Café ok");
    QTest::newRow("raw latin1 literal") << QByteArray("caf\xe9") << QStringLiteral("café");
    QTest::newRow("raw iso-2022-jp literal")
        << QByteArray("Re: \x1b$B$3$s\x1b(B") << QStringLiteral("Re: こん");
    QTest::newRow("unknown charset in word is sniffed")
        << QByteArray("=?x-unknown?Q?caf=C3=A9?=") << QStringLiteral("café");
    QTest::newRow("us-ascii word with 8-bit is sniffed")
        << QByteArray("=?us-ascii?Q?caf=C3=A9?=") << QStringLiteral("café");
}

void TestTextDecoder::decodeHeader()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    QCOMPARE(TextDecoder::decodeHeader(raw), expected);
}

void TestTextDecoder::neverEmpty_data()
{
    QTest::addColumn<QByteArray>("charset");
    for (const char *cs : {"", "utf-8", "us-ascii", "iso-2022-jp", "shift_jis", "euc-jp", "windows-1252",
             "gb2312", "x-bogus"}) {
        QTest::newRow(*cs ? cs : "(none)") << QByteArray(cs);
    }
}

void TestTextDecoder::neverEmpty()
{
    QFETCH(QByteArray, charset);
    const QList<QByteArray> inputs {
        bytes("\x1b$B\x1b(B"), // nothing but shift sequences
        bytes("\xef\xbb\xbf"), // UTF-8 BOM only
        bytes("\x1b$B$3\xff\xfe\x1b(B"), // ISO-2022-JP broken by 8-bit bytes
        bytes("\x1b$B$"), // truncated inside a character
        bytes("\0"),
        noise(1, 1),
        noise(17, 2),
        noise(4096, 3),
        noise(65536, 4),
    };
    for (const QByteArray &input : inputs) {
        const QString decoded = TextDecoder::decode(input, charset);
        QVERIFY2(!decoded.isEmpty(), input.left(32).toHex().constData());
    }
}

void TestTextDecoder::hostileHeaders_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");

    QTest::newRow("openers") << QByteArray("=?").repeated(500000)
                             << QString::fromLatin1(QByteArray("=?").repeated(500000));
    QTest::newRow("unterminated words") << QByteArray("=?a?q?").repeated(200000)
                                        << QString::fromLatin1(QByteArray("=?a?q?").repeated(200000));
    QTest::newRow("long charset") << QByteArray("=?") + QByteArray(1000000, 'a')
            + "?Q?x?=" << QString::fromLatin1(QByteArray("=?") + QByteArray(1000000, 'a') + "?Q?x?=");
    QTest::newRow("many words") << QByteArray("=?UTF-8?Q?x?= ").repeated(100000)
                                << QString(100000, u'x') + u' ';
    QTest::newRow("alternating unknown charsets")
        << QByteArray("=?x-bogus?Q?x?= =?y-bogus?Q?y?= ").repeated(50000)
        << QStringLiteral("xy").repeated(50000) + u' ';
    QTest::newRow("huge raw 8-bit") << QByteArray("caf\xe9 ").repeated(200000)
                                    << QStringLiteral("café ").repeated(200000);
}

void TestTextDecoder::hostileHeaders()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    QElapsedTimer timer;
    timer.start();
    const QString decoded = TextDecoder::decodeHeader(raw);
    // Generous bound: only catches super-linear behaviour, not slow machines.
    QVERIFY2(timer.elapsed() < 5000, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(decoded, expected);
}

void TestTextDecoder::concurrentUse()
{
    struct Case
    {
        QByteArray input;
        QByteArray charset;
        QString expected;
    };
    const std::vector<Case> cases {
        {bytes(kHelloIso2022Jp), "iso-2022-jp", hello()},
        {bytes(kHelloShiftJis), "", hello()},
        {bytes(kHelloEucJp), "euc-jp", hello()},
        {bytes("\xd6\xd0\xce\xc4"), "gb2312", QStringLiteral("中文")},
        {bytes("\xbe\xc8\xb3\xe7"), "ks_c_5601-1987", QStringLiteral("안녕")},
        {bytes("\x1b$B-!\x1b(B"), "iso-2022-jp", QStringLiteral("①")},
    };
    const QByteArray header("=?ISO-2022-JP?B?GyRCJDMk?= =?ISO-2022-JP?B?cyRLJEEkTxsoQg==?=");
    std::atomic<int> failures {0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 300; ++round) {
                const Case &c = cases[std::size_t(round + t) % cases.size()];
                if (TextDecoder::decode(c.input, c.charset) != c.expected)
                    ++failures;
                if (TextDecoder::decodeHeader(header) != hello())
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

QTEST_APPLESS_MAIN(TestTextDecoder)

#include "tst_textdecoder.moc"

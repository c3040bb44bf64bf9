#pragma once
// Small helpers shared by several test executables.
#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QtTest>

namespace bouncelens::testing {

// The shared labelled corpus: BOUNCELENS_CORPUS from the environment, else the build's default
// (../shared/corpus beside the source tree). Every test finds it this way.
inline QString corpusDir()
{
    if (const QByteArray env = qgetenv("BOUNCELENS_CORPUS"); !env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStringLiteral(BOUNCELENS_CORPUS);
}

// A file under tests/fixtures, by its path relative to there ("core/userunknown.eml").
inline QString fixturePath(const QString &relative)
{
    return QStringLiteral(BOUNCELENS_FIXTURES "/") + relative;
}

// The bytes of a fixture; a missing fixture is a broken checkout, not a test result: it stops here.
inline QByteArray readFixture(const QString &relative)
{
    QFile f(fixturePath(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return f.readAll();
}

// Whether the tests run in continuous integration (CI=true, as GitHub, GitLab and .ci/run set it).
inline bool underCi()
{
    const QByteArray ci = qgetenv("CI").toLower();
    return ci == "true" || ci == "1";
}

// Whether the corpus is there (its labels.json is readable).
inline bool corpusAvailable()
{
    return QFile::exists(corpusDir() + QStringLiteral("/labels.json"));
}

} // namespace bouncelens::testing

// For test functions that read the corpus: skips when it is absent, but fails under CI, where a
// missing corpus must never pass for "nothing to check".
#define BOUNCELENS_REQUIRE_CORPUS()                                                                          \
    do {                                                                                                     \
        if (!bouncelens::testing::corpusAvailable()) {                                                       \
            const QString corpusMessage = QStringLiteral("The shared corpus is not at %1 (no labels.json); " \
                                                         "set BOUNCELENS_CORPUS.")                           \
                                              .arg(bouncelens::testing::corpusDir());                        \
            if (bouncelens::testing::underCi())                                                              \
                QFAIL(qPrintable(corpusMessage));                                                            \
            QSKIP(qPrintable(corpusMessage));                                                                \
        }                                                                                                    \
    } while (false)

namespace bouncelens::testing {

// How much slower than a plain Release build this run is, to scale time bounds with:
// BOUNCELENS_SLOWDOWN (set by .ci/sanitizers.sh; the older BOUNCELENS_HOSTILE_SLOWDOWN also
// counts), else 1.
inline double slowdown()
{
    for (const char *name : {"BOUNCELENS_SLOWDOWN", "BOUNCELENS_HOSTILE_SLOWDOWN"})
        if (const double factor = qEnvironmentVariable(name).toDouble(); factor > 0)
            return factor;
    return 1.0;
}

// A time bound in milliseconds, scaled by slowdown().
inline int scaledMs(int ms)
{
    return int(ms * slowdown());
}

// Whether this build runs under AddressSanitizer: its shadow memory and its quarantine of freed
// blocks (256 MB by default) make peak-memory figures meaningless unless the quarantine is off.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

// Hiragana, katakana or kanji anywhere in the text.
inline bool hasJapaneseScript(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("[\\x{3040}-\\x{30FF}\\x{4E00}-\\x{9FFF}]"));
    return re.match(text).hasMatch();
}

// Four or more Latin words in a row: an English sentence (or most of one) left in Japanese text.
// Acronyms and names in Japanese text ("SPF、DKIM", "Microsoft 365", "null MX") stay below that.
inline QString englishRun(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){3,}"));
    return re.match(text).captured();
}

} // namespace bouncelens::testing

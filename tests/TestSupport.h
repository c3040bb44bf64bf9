#pragma once
// Small helpers shared by several test executables.
#include <QRegularExpression>
#include <QString>

namespace bouncelens::testing {

// The shared labelled corpus: BOUNCELENS_CORPUS from the environment, else the build's default.
inline QString corpusDir()
{
    if (const QByteArray env = qgetenv("BOUNCELENS_CORPUS"); !env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStringLiteral(BOUNCELENS_CORPUS);
}

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

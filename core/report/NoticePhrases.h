#pragma once

#include "analysis/AnalysisResult.h"

#include <QList>
#include <QString>

namespace bouncelens {

// The phrases that make a sentence the opening notice of a returned message: what it says
// happened (not delivered, delayed, only a warning, an automatic reply, a feedback report, a
// delivery report), in the languages bounces are written in. Data, not code: add a phrase to the
// list it belongs to. Phrases are lower case with single spaces and straight apostrophes; the
// text is folded the same way before matching (NoticeLocator), so line breaks, case and curly
// quotes do not matter. No patterns: plain substrings, matched in one linear pass.
namespace NoticePhrases {

struct Phrase
{
    NoticeKind kind = NoticeKind::NotDelivered;
    QString text;
};

// Sentences that say what the message is, in every language listed.
[[nodiscard]] const QList<Phrase> &notices();
// How an introduction line opens ("This is the mail system at host X."): it says who writes,
// not what happened, and is highlighted with the notice when it comes right before it.
[[nodiscard]] const QStringList &introductions();

} // namespace NoticePhrases

} // namespace bouncelens

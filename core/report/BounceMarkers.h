#pragma once

#include <QStringList>

namespace bouncelens {

// The fixed phrases that tell the structure of a bounce written for people: where the returned
// original starts, which words introduce the recipient or the sender, how the bounce's sender
// and subject look. Data, not code: add a phrase to the list it belongs to. All lists are
// matched case-insensitively as plain substrings (no patterns, so no backtracking).
namespace BounceMarkers {

// Lines that introduce the returned original message (its headers or its whole text).
[[nodiscard]] const QStringList &originalMessageMarkers();
// Words right before an address that make it the recipient ("RCPT TO:<", "Recipient address: ").
[[nodiscard]] const QStringList &recipientCues();
// Words right before an address that make it the sender (or a help desk), never the recipient
// ("MAIL FROM:<", "please contact <support@...>").
[[nodiscard]] const QStringList &senderCues();
// Local parts and display names of the accounts that send bounces.
[[nodiscard]] const QStringList &bounceSenders();
// Subjects of bounces, in the languages seen in the field.
[[nodiscard]] const QStringList &bounceSubjects();
// Opening sentences of bounce texts; the notice span starts at one when found.
[[nodiscard]] const QStringList &noticeStarts();
// Subjects of feedback (abuse) reports sent without a message/feedback-report part.
[[nodiscard]] const QStringList &feedbackSubjects();
// Subjects and headers of auto-replies (RFC 3834 and the common non-standard ones).
[[nodiscard]] const QStringList &autoReplySubjects();

} // namespace BounceMarkers

} // namespace bouncelens

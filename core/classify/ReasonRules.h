#pragma once

#include <initializer_list>
#include <span>

// The data that decides a bounce reason: fixed phrases, status codes and receiving-host rules.
// The classifier (ReasonClassifier.cpp) owns the order in which these tables are consulted;
// adding a phrase here never needs new code.
//
// Phrase syntax: UTF-8, lower case, matched case-insensitively as a plain substring of the text
// (whitespace runs in the text count as one space). "{}" marks a gap: the pieces around it must
// occur in this order, with anything between them ("mailbox {}full"). There are no other
// metacharacters, so matching is a bounded left-to-right scan and can never backtrack.

namespace bouncelens::rules {

// Fixed phrases that point to one reason.
struct PhraseGroup
{
    const char *reason; // Sisimai 5.6 reason name
    const char *name; // rule name shown as evidence, e.g. "userunknown/phrase"
    std::initializer_list<const char *> phrases;
};

// An enhanced status code (exact, e.g. "5.1.1") and the reason it stands for on its own.
struct StatusRule
{
    const char *status;
    const char *reason;
};

// A class of receiving hosts, recognised by the end of a host name (or a recipient domain).
struct HostClass
{
    const char *name;
    std::initializer_list<const char *> suffixes;
};

// A rule that only holds for one class of receiving hosts. Every condition given must hold:
// `status` is a prefix of the enhanced status code ("5.7.26", "5.7." ...), `reply` equals the
// reply code, `phrase` occurs in the text. Empty conditions are not checked.
struct HostRule
{
    const char *host;
    const char *reason;
    const char *status;
    const char *reply;
    const char *phrase;
};

// Phrases written by sending-side MTAs (Exim, Postfix, Sendmail, Gmail, ...) or by Japanese
// carriers that name the reason outright. They decide before status codes are looked at.
std::span<const PhraseGroup> explicitPhrases();

// Sending-MTA notices that decide even when the diagnostic names another reason.
std::span<const PhraseGroup> noticePhrases();

// Gmail's "(state N)." codes: the first group is Gmail's notice, which must be present; the
// others map state codes to reasons.
std::span<const PhraseGroup> gmailStates();

// PowerMTA bounce categories (X-PowerMTA-BounceCategory) and their reasons; `status` holds the
// category name.
std::span<const StatusRule> bounceCategories();

// Phrases per reason (what the receiving server said), consulted in the classifier's order.
std::span<const PhraseGroup> reasonPhrases();

// Phrases that look like "rejected" (sender rejected) but are about the recipient.
std::span<const char *const> notRejectedPhrases();

// Phrases of auto-replies (vacation messages) that reach us as a diagnostic.
std::span<const char *const> vacationPhrases();

// Enhanced status codes that decide a reason on their own.
std::span<const StatusRule> statusRules();

// Receiving-host classes and their rules.
std::span<const HostClass> hostClasses();
std::span<const HostRule> hostRules();

} // namespace bouncelens::rules

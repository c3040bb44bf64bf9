#pragma once
// The server's own words in a plain-text bounce, and the receiving server it names. These readers
// take the bounce's decoded text and positions from PlainTextBounceParser and return the text as
// written, only without what the reporting MTA put around it: the transcript markers ("<<<", the
// next command after ">>>", qmail's closing "Giving up on ..."), the introduction ending in a
// colon before a reply code ("Reason:", "Remote host said:", "host mx.example.jp[192.0.2.1]
// said:"), the quotes Exchange puts around a reply, and the address that opens a Postfix-style
// "<user@example.jp>: ..." line.
#include <QString>
#include <QStringView>

namespace bouncelens::servertext {

// The server's text for one recipient: the lines from the code at `codeAt` (or, without codes,
// the paragraph after the recipient line at `from`), up to a blank line or `to`, unfolded into one
// line. Empty when nothing stands there.
[[nodiscard]] QString diagnosticFor(const QString &text, qsizetype from, qsizetype to, qsizetype codeAt);

// The words next to an address that the text quotes without codes: Sendmail's
// "<user@example.jp>... Deferred: Connection timed out" gives the text after the dots, Postfix's
// "<user@example.jp>: connect to mx.example.jp[192.0.2.1]:25: Connection timed out" (maybe
// continued on indented lines) the text after the colon; a line ending its paragraph
// ("user@example.jp (user not found)", GroupWise) the whole line. Empty otherwise.
[[nodiscard]] QString wordsOnAddressLine(
    const QString &text, qsizetype position, qsizetype addressEnd, qsizetype to);

// What stands for the server's text when the recipient's line quotes nothing: the line itself
// ("user@example.jp (user not found)"), or, when it only labels the address ("送信先:
// user@example.jp", "Recipient: <user@example.jp>"), the notice's sentence above it that gives
// the cause ("...が応答しないため、...", "... because ...").
[[nodiscard]] QString addressLineDiagnostic(const QString &text, qsizetype position, qsizetype addressEnd);

// The receiving server that `scope` names in one of the wordings MTAs use for it: Exim's "host
// mx.example.jp [192.0.2.1]", Postfix's "host mx.example.jp[192.0.2.1] said:" and "connect to
// mx.example.jp[192.0.2.1]:25", Courier's "<user@example.jp>: mx.example.jp [192.0.2.1]:",
// Sendmail's "while talking to mx.example.jp.:" and "Connection timed out with mx.example.jp.",
// qmail's "192.0.2.1 does not like recipient." and "Giving up on 192.0.2.1.", Exchange's "Remote
// Server at mx.example.jp (192.0.2.1) returned" and "Receiving server: mx.example.jp (192.0.2.1)",
// Gmail's "[mx.example.jp. 192.0.2.1: timed out]". The host as written (without its address in
// brackets or a trailing dot); empty when none is named or two different ones are.
[[nodiscard]] QString remoteHostIn(QStringView scope);

} // namespace bouncelens::servertext

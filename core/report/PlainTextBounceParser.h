#pragma once

#include "analysis/AnalysisResult.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace bouncelens {

// Reads bounces written for people, without a delivery-status part: qmail, Exim, Sendmail
// transcripts, Exchange, Gmail, Yahoo, Japanese carriers, ... It finds where the bounce text
// ends and the returned original begins, the bounced recipients, and per recipient the reply
// code, the enhanced status code and the server's own text, only as written, and the receiving
// server where the text names it (report/ServerText.h).
class PlainTextBounceParser
{
public:
    struct Input
    {
        QString text; // the decoded human-readable text
        QString bounceFrom; // the bounce's own From address (never a recipient)
        QString bounceTo; // the bounce's own To address: the original's sender (never a recipient)
        QString originalFrom; // the returned message's sender, when known (never a recipient)
        QString originalTo; // the returned message's To: a guess when it names one address only
        bool originalIsListMail = false; // the original has List-* headers: its To is the list
        QStringList failedRecipients; // Exim's X-Failed-Recipients header, when present
    };

    struct Result
    {
        QList<RecipientResult> recipients;
        qsizetype bounceTextEnd = 0; // where the returned original starts in Input::text
        int bestScore = 0; // how clearly the text named its best recipient (1: barely)
        bool fromFallback = false; // the text named nobody: recipients from the headers
        bool guessed = false; // ... from the returned message's To (marked addressGuessed)
    };

    [[nodiscard]] static Result parse(const Input &input);

    // Completes recipients already known from a delivery-status report whose Diagnostic-Code
    // is missing or carries no code (OpenSMTPD, Sendmail's "X-Unix; 255", ...): the bounce
    // text usually quotes the server's reply next to the address, or, with one recipient, in
    // the session transcript.
    static void complete(const QString &text, QList<RecipientResult> &recipients);

    // Where the returned original (or its headers) starts in a bounce text, or text.size().
    [[nodiscard]] static qsizetype originalStart(const QString &text);

    // Every e-mail address in `text`, in order of first appearance, with its position.
    struct AddressHit
    {
        QString address;
        qsizetype position = 0;
        qsizetype length = 0;
    };
    [[nodiscard]] static QList<AddressHit> findAddresses(const QString &text, qsizetype end = -1);
};

} // namespace bouncelens

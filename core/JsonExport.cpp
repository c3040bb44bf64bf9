#include "JsonExport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bouncelens {

QJsonObject JsonExport::toJson(const MessageAnalysis &a, Language language)
{
    QJsonObject o;
    o.insert(QStringLiteral("source"), a.source);
    o.insert(QStringLiteral("message"), a.index);
    if (!a.ok()) {
        o.insert(QStringLiteral("kind"), QJsonValue::Null);
        o.insert(QStringLiteral("recipients"), QJsonArray());
        o.insert(QStringLiteral("error"), a.error);
        return o;
    }
    o.insert(QStringLiteral("kind"), toString(a.kind));
    o.insert(QStringLiteral("reporting_mta"), a.reportingMta);
    o.insert(QStringLiteral("arrival_date"), a.arrivalDate);
    o.insert(QStringLiteral("notice"), a.notice);
    QJsonObject original;
    original.insert(QStringLiteral("subject"), a.original.subject);
    original.insert(QStringLiteral("message_id"), a.original.messageId);
    original.insert(QStringLiteral("date"), a.original.date);
    original.insert(QStringLiteral("to"), a.original.to);
    o.insert(QStringLiteral("original"), original);
    QJsonArray recipients;
    for (const RecipientResult &r : a.recipients) {
        QJsonObject ro;
        ro.insert(QStringLiteral("address"), r.address);
        ro.insert(QStringLiteral("action"), r.action);
        ro.insert(QStringLiteral("status"), r.status);
        ro.insert(QStringLiteral("reply_code"), r.replyCode);
        ro.insert(QStringLiteral("diagnostic"), r.diagnostic);
        ro.insert(QStringLiteral("remote_mta"), r.remoteMta);
        ro.insert(QStringLiteral("reason"), r.reason);
        ro.insert(QStringLiteral("permanent"), r.permanent);
        ro.insert(QStringLiteral("hard_bounce"), r.hardBounce);
        if (!r.retryUntil.isEmpty())
            ro.insert(QStringLiteral("retry_until"), r.retryUntil);
        QJsonObject evidence;
        evidence.insert(QStringLiteral("rule"), r.evidence.rule);
        evidence.insert(QStringLiteral("matched"), r.evidence.matched);
        evidence.insert(QStringLiteral("field"), r.evidence.field);
        ro.insert(QStringLiteral("evidence"), evidence);
        const Explanation e = BounceExplainer::explain(a, r, language);
        QJsonObject eo;
        eo.insert(QStringLiteral("title"), e.title);
        eo.insert(QStringLiteral("cause"), e.cause);
        eo.insert(QStringLiteral("fix"), e.fix);
        eo.insert(QStringLiteral("customer"), e.customer);
        eo.insert(QStringLiteral("verdict"), e.verdict);
        eo.insert(QStringLiteral("who_acts"), e.whoActs);
        QJsonArray notes;
        for (const CodeNote &n : e.codeNotes)
            notes.append(QJsonObject{{QStringLiteral("code"), n.code},
                                     {QStringLiteral("title"), n.title},
                                     {QStringLiteral("text"), n.text}});
        eo.insert(QStringLiteral("code_notes"), notes);
        eo.insert(QStringLiteral("server_text"), e.serverText);
        eo.insert(QStringLiteral("server_quote"), e.serverQuote);
        eo.insert(QStringLiteral("server_gloss"), e.serverGloss);
        ro.insert(QStringLiteral("explanation"), eo);
        recipients.append(ro);
    }
    o.insert(QStringLiteral("recipients"), recipients);
    QJsonArray spans;
    for (const Span &s : a.spans) {
        QJsonObject so;
        so.insert(QStringLiteral("role"), toString(s.role));
        so.insert(QStringLiteral("start"), s.start);
        so.insert(QStringLiteral("length"), s.length);
        so.insert(QStringLiteral("recipient"), s.recipient);
        so.insert(QStringLiteral("text"), a.spanText(s));
        spans.append(so);
    }
    o.insert(QStringLiteral("spans"), spans);
    o.insert(QStringLiteral("error"), QJsonValue::Null);
    return o;
}

QByteArray JsonExport::toJsonLine(const MessageAnalysis &analysis, Language language)
{
    return QJsonDocument(toJson(analysis, language)).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace bouncelens

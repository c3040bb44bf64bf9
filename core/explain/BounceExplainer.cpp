#include "explain/BounceExplainer.h"

#include "explain/KnowledgeBase.h"

#include <QDateTime>
#include <QLocale>

namespace bouncelens {

QString languageCode(Language language)
{
    return language == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

Language languageFromCode(const QString &code)
{
    return code.startsWith(QLatin1String("ja"), Qt::CaseInsensitive) ? Language::Japanese : Language::English;
}

QString BounceExplainer::phrase(const QString &key, Language language)
{
    return KnowledgeBase::builtIn().phrase(key, languageCode(language));
}

namespace {

// RFC 5322 dates as bounces write them. Qt 6.4 rejects a leading day name ("Thu, ") and a
// trailing comment ("(GMT)"), which nearly every date has, so both are cut off first.
QDateTime parseDate(const QString &text)
{
    QString s = text;
    if (const qsizetype comma = s.indexOf(QLatin1Char(',')); comma >= 0 && comma <= 4)
        s = s.mid(comma + 1).trimmed();
    if (const qsizetype comment = s.indexOf(QLatin1Char('(')); comment > 0)
        s = s.left(comment).trimmed();
    QDateTime when = QDateTime::fromString(s, Qt::RFC2822Date);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    return when;
}

// Everything one composition needs, so the helpers below stay small.
struct Composer
{
    const KnowledgeBase &kb;
    const MessageAnalysis &message;
    const RecipientResult &recipient;
    QString lang;

    [[nodiscard]] QString phrase(const char *key) const { return kb.phrase(QString::fromLatin1(key), lang); }
    [[nodiscard]] QString text(const KnowledgeEntry *e, const char *field) const
    {
        return e ? e->text(QString::fromLatin1(field), lang) : QString();
    }
    [[nodiscard]] QString join(const QString &a, const QString &b) const
    {
        if (a.isEmpty() || b.isEmpty())
            return a + b;
        return a + phrase("sentence_separator") + b;
    }

    // The date a reader recognises the message by: the original's own date, else when the
    // reporting server received it, else the bounce's date.
    [[nodiscard]] QString date() const
    {
        for (const QString &raw : {message.original.date, message.arrivalDate, message.date}) {
            const QString s = raw.simplified();
            if (s.isEmpty())
                continue;
            QDateTime when = parseDate(s);
            return when.isValid() ? QLocale(lang).toString(when, phrase("date_format")) : s;
        }
        return phrase("fallback_date");
    }

    // "none" only when the original's headers are there and lack a subject; "unknown" when the
    // bounce did not include them, so the customer text never claims something it cannot know.
    [[nodiscard]] QString subject() const
    {
        const OriginalMessage &o = message.original;
        if (!o.subject.trimmed().isEmpty())
            return fillPlaceholders(
                phrase("subject_quoted"), {{QStringLiteral("subject"), o.subject.simplified()}});
        const bool haveHeaders
            = !o.messageId.isEmpty() || !o.date.isEmpty() || !o.from.isEmpty() || !o.to.isEmpty();
        return haveHeaders ? phrase("fallback_subject") : phrase("fallback_subject_unknown");
    }

    [[nodiscard]] QHash<QString, QString> values() const
    {
        const QString address = recipient.address.trimmed();
        return {{QStringLiteral("recipient"), address.isEmpty() ? phrase("fallback_recipient") : address},
            {QStringLiteral("date"), date()}, {QStringLiteral("subject"), subject()},
            {QStringLiteral("until"), recipient.retryUntil.simplified()}};
    }
    [[nodiscard]] QString fill(const QString &text) const { return fillPlaceholders(text, values()); }

    [[nodiscard]] CodeNote note(const QString &code, const KnowledgeEntry *e) const
    {
        CodeNote n {code, text(e, "title"), text(e, "what"), {}};
        n.line = fillPlaceholders(phrase("code_note"),
            {{QStringLiteral("code"), code}, {QStringLiteral("title"), n.title},
                {QStringLiteral("what"), n.text}});
        return n;
    }
};

bool isGeneric(const KnowledgeEntry *e)
{
    return !e || e->generic || e->kind == QLatin1String("class") || e->kind == QLatin1String("subject");
}

} // namespace

QHash<QString, QString> BounceExplainer::placeholders(
    const MessageAnalysis &message, const RecipientResult &recipient, Language language)
{
    return Composer {KnowledgeBase::builtIn(), message, recipient, languageCode(language)}.values();
}

Explanation BounceExplainer::explain(
    const MessageAnalysis &message, const RecipientResult &r, Language language)
{
    const KnowledgeBase &kb = KnowledgeBase::builtIn();
    const Composer c {kb, message, r, languageCode(language)};
    Explanation e;

    // Vendor codes are told apart by the words and hosts around them.
    const QString context
        = r.diagnostic + QLatin1Char(' ') + r.remoteMta + QLatin1Char(' ') + message.reportingMta;
    const KnowledgeEntry *reply = r.replyCode.isEmpty() ? nullptr : kb.replyCode(r.replyCode);
    const KnowledgeEntry *status = r.status.isEmpty() ? nullptr : kb.explainStatus(r.status, context);
    if (reply)
        e.codeNotes << c.note(r.replyCode, reply);
    if (status)
        e.codeNotes << c.note(r.status, status);
    // The most telling code: a specific status beats a specific reply code beats generic ones.
    const KnowledgeEntry *specific = !isGeneric(status) ? status : !isGeneric(reply) ? reply : nullptr;

    const KnowledgeEntry *reason = kb.reason(r.reason);
    if (!reason)
        reason = kb.reason(QStringLiteral("undefined"));
    if (!reason) { // only when the built-in data is broken; tests guard against it
        e.title = r.reason;
        e.cause = kb.error();
        return e;
    }
    const bool unclear = reason->key == QLatin1String("undefined");
    const bool informational = message.kind == MessageKind::Feedback || message.kind == MessageKind::AutoReply
        || message.kind == MessageKind::Delivered || reason->key == QLatin1String("delivered")
        || reason->key == QLatin1String("feedback") || reason->key == QLatin1String("vacation");
    const bool delayed
        = !informational && (message.kind == MessageKind::Delay || r.action == QLatin1String("delayed"));

    if (informational)
        e.verdict = c.phrase("verdict_none");
    else if (delayed)
        e.verdict = c.fill(r.retryUntil.trimmed().isEmpty() ? c.phrase("verdict_delayed")
                                                            : c.phrase("verdict_delayed_until"));
    else if (reason->key == QLatin1String("expired"))
        e.verdict = c.phrase("verdict_expired"); // final, yet sending again may well work
    else
        e.verdict = c.phrase(r.permanent ? "verdict_permanent" : "verdict_temporary");

    if (delayed) {
        // A delay is not a failure yet: say so first, then what is holding it up when known.
        e.title = c.phrase("delay_title");
        const bool telling
            = !unclear && reason->key != QLatin1String("expired") && reason->key != QLatin1String("onhold");
        e.cause = c.join(c.phrase("delay_what"), telling ? c.text(reason, "what") : QString());
        e.whoActs = kb.role(QStringLiteral("nobody"), c.lang);
        e.fix = c.phrase("delay_fix");
        e.customer = c.fill(c.phrase("delay_customer"));
    } else {
        e.title = c.text(reason, "title");
        e.cause = c.text(reason, "what");
        e.whoActs = c.text(reason, "who");
        e.fix = c.text(reason, "fix");
        e.customer = c.fill(c.text(reason, "customer"));
        // No reason could be named: say so, and give what the codes alone tell.
        const KnowledgeEntry *hint = specific ? specific : (status ? status : reply);
        if (unclear && hint) {
            e.cause = fillPlaceholders(
                c.phrase("unclear_with_codes"), {{QStringLiteral("meaning"), c.text(hint, "what")}});
            e.whoActs = c.text(hint, "who");
            e.fix = c.join(c.text(hint, "fix"), c.text(reason, "fix"));
        }
    }

    e.serverText = r.diagnostic.trimmed();
    if (!e.serverText.isEmpty()) {
        e.serverQuote = fillPlaceholders(c.phrase("server_said"), {{QStringLiteral("text"), e.serverText}});
        // The reason was read from these very words, so it glosses them best; a code's registry
        // meaning can contradict them (laposte's "421 4.2.1 Service refused" is no disabled
        // mailbox). Without a reason, the most specific code is all there is.
        const QString meaning = !unclear ? e.title : specific ? c.text(specific, "title") : QString();
        if (!meaning.isEmpty())
            e.serverGloss = fillPlaceholders(c.phrase("gloss"), {{QStringLiteral("meaning"), meaning}});
    }
    return e;
}

} // namespace bouncelens

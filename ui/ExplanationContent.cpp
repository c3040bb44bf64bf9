#include "ExplanationContent.h"

#include "ReasonLabels.h"
#include "explain/AddressSuggester.h"

namespace bouncelens {

namespace {

bool isFailure(MessageKind kind)
{
    return kind == MessageKind::Bounce || kind == MessageKind::Delay;
}

bool oneOf(const QString &value, std::initializer_list<const char *> names)
{
    for (const char *name : names)
        if (value == QLatin1String(name))
            return true;
    return false;
}

} // namespace

QString ExplanationContent::joinHeadline(const QString &title, const QString &verdict)
{
    return verdict.isEmpty() ? title : tr("%1 — %2", "headline: reason — verdict").arg(title, verdict);
}

RecipientExplanation ExplanationContent::forRecipient(
    const MessageAnalysis &message, qsizetype index, Language language)
{
    RecipientExplanation x;
    if (index < 0 || index >= message.recipients.size())
        return x;
    const RecipientResult &r = message.recipients.at(index);
    const Explanation e = BounceExplainer::explain(message, r, language);
    x.address = r.address;
    x.finalRecipient = r.finalRecipient;
    x.addressGuessed = r.addressGuessed;
    x.title = e.title;
    x.failure = isFailure(message.kind);
    x.permanent = r.permanent;
    x.hardBounce = r.hardBounce;
    x.verdict = x.failure ? ReasonLabels::verdict(r.permanent) : QString();
    x.headline = joinHeadline(x.title, x.failure ? ReasonLabels::verdictInSentence(r.permanent) : QString());
    x.cause = e.cause;
    x.fix = e.fix;
    x.customer = e.customer;
    const AddressSuggestion suggestion = AddressSuggester::suggest(r);
    x.suggestion = suggestion.address;
    x.suggestionNote = AddressSuggester::describe(suggestion, language);
    x.verdictText = e.verdict;
    // The explainer's knowledge base says who acts; the rough rule here only fills a gap.
    x.whoMustAct = e.whoActs.isEmpty() ? whoMustAct(message, r) : e.whoActs;
    x.evidence = evidence(r);
    if (r.addressGuessed)
        x.evidence += QLatin1Char('\n')
            + tr("The report names no recipient: the address is a guess from the returned message's To "
                 "field.");
    x.serverText = e.serverText.isEmpty() ? r.diagnostic : e.serverText;
    for (const CodeNote &note : e.codeNotes)
        x.codeNotes << note.line;
    x.serverGloss = e.serverGloss;
    QStringList codes;
    if (!r.replyCode.isEmpty())
        codes << r.replyCode;
    if (!r.status.isEmpty())
        codes << r.status;
    x.codes = codes.join(QStringLiteral(" / "));
    return x;
}

QString ExplanationContent::summary(const MessageAnalysis &m)
{
    if (!m.ok() && m.recipients.isEmpty())
        return tr("This message could not be read: %1").arg(m.error);
    QString text = ReasonLabels::kind(m.kind);
    if (!m.reportingMta.isEmpty())
        text = tr("%1 reported by %2").arg(text, m.reportingMta);
    if (m.recipients.size() > 1)
        text += tr(", %n recipients", nullptr, int(m.recipients.size()));
    if (!m.original.subject.isEmpty())
        text += QLatin1Char('\n') + tr("Original subject: %1").arg(m.original.subject);
    return text;
}

QString ExplanationContent::evidence(const RecipientResult &r)
{
    if (r.evidence.isEmpty())
        return tr("The message gives no specific clue; the reason is the general one for its codes.");
    QString where;
    const QString &field = r.evidence.field;
    if (field == QLatin1String("status"))
        where = tr("the status code");
    else if (field == QLatin1String("reply-code"))
        where = tr("the reply code");
    else if (field == QLatin1String("diagnostic"))
        where = tr("the receiving server's message");
    else if (field == QLatin1String("body"))
        where = tr("the text of the bounce");
    else if (field == QLatin1String("action"))
        where = tr("the delivery report's Action field");
    else
        where = field;
    return tr("Found \"%1\" in %2.").arg(r.evidence.matched, where);
}

QString ExplanationContent::whoMustAct(const MessageAnalysis &m, const RecipientResult &r)
{
    // A rough division of labour by reason; it names a role, never a person, so it cannot be
    // wrong in a way that matters more than the reason itself.
    if (m.kind == MessageKind::Delivered || m.kind == MessageKind::AutoReply)
        return tr("No one: nothing needs to be done.");
    if (m.kind == MessageKind::Feedback)
        return tr("You (the sender): stop mailing this recipient.");
    const QString &reason = r.reason;
    if (oneOf(reason, {"userunknown", "hostunknown", "hasmoved", "suspend", "notaccept", "suppressed"}))
        return tr("You (the sender): correct the address or remove it from your list.");
    if (oneOf(reason, {"mailboxfull"}))
        return tr("The recipient: they need to make room in their mailbox.");
    if (oneOf(reason, {"emailtoolarge", "contenterror", "virusdetected", "notcompliantrfc"}))
        return tr("You (the sender): change the message and send it again.");
    if (oneOf(reason,
            {"blocked", "badreputation", "requireptr", "authfailure", "failedstarttls", "securityerror",
                "norelaying", "spamdetected", "policyviolation", "ratelimited", "syntaxerror",
                "mailererror"}))
        return tr("The administrator of the sending mail server (your side).");
    if (oneOf(reason, {"filtered", "rejected", "systemerror", "systemfull", "onhold"}))
        return tr("The administrator of the receiving mail server (the recipient's side).");
    if (!r.permanent)
        return tr("No one yet: the sending mail server retries by itself. If it keeps failing, ask your mail "
                  "administrator.");
    return tr("Your mail administrator, with the server's message below.");
}

} // namespace bouncelens

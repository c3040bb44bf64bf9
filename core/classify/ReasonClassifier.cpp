#include "classify/ReasonClassifier.h"

#include "classify/CompiledRules.h"
#include "classify/MessageTextIndex.h"
#include "classify/ReasonDecision.h"
#include "classify/ScanText.h"
#include "classify/TranscriptScan.h"

#include <optional>

// The order of the whole classification of one recipient: the message kind, the delivered
// cases, the sending MTA's own verdict (PowerMTA category, notices), the diagnostic, then the
// bounce's own text, then the fallbacks. Each step's rules live in ReasonDecision.cpp.

namespace bouncelens {

using namespace classification;

namespace {

void setKindVerdict(RecipientResult &r, const char *reason, MessageKind kind)
{
    r.reason = QString::fromLatin1(reason);
    r.permanent = false;
    r.hardBounce = false;
    r.evidence = {r.reason + QStringLiteral("/kind"), toString(kind), QStringLiteral("kind")};
}

} // namespace

bool ReasonClassifier::isHardBounce(const QString &reason, const QString &status, const QString &replyCode)
{
    if (reason == QLatin1String("userunknown") || reason == QLatin1String("hostunknown")
        || reason == QLatin1String("hasmoved"))
        return true;
    if (reason != QLatin1String("notaccept"))
        return false;
    // A destination that accepts no mail is a hard bounce unless it said so temporarily.
    const QString code = !status.isEmpty() ? status : replyCode;
    return !code.startsWith(QLatin1Char('4'));
}

void ReasonClassifier::classify(RecipientResult &r, const ClassificationContext &context)
{
    r.evidence = {};
    switch (context.kind) {
    case MessageKind::Feedback: setKindVerdict(r, "feedback", context.kind); return;
    case MessageKind::AutoReply: setKindVerdict(r, "vacation", context.kind); return;
    case MessageKind::Delivered: setKindVerdict(r, "delivered", context.kind); return;
    default: break;
    }

    Facts facts;
    facts.kind = context.kind;
    facts.action = r.action.toLower();
    facts.status = r.status;
    // A success code on a failed recipient is a transcript line that was picked up by mistake:
    // the failure's own code (if any) is in the diagnostic.
    const bool failedAction
        = facts.action == QLatin1String("failed") || facts.action == QLatin1String("delayed");
    if (facts.status.isEmpty() || (facts.status.startsWith(QLatin1String("2.")) && failedAction))
        facts.status = statusInText(r.diagnostic);
    facts.reply = r.replyCode.isEmpty() ? replyInText(r.diagnostic) : r.replyCode;

    if (facts.status.startsWith(QLatin1String("2.")) || facts.action == QLatin1String("delivered")
        || facts.action == QLatin1String("relayed") || facts.action == QLatin1String("expanded")) {
        r.reason = QStringLiteral("delivered");
        r.permanent = false;
        r.hardBounce = false;
        r.evidence = facts.status.startsWith(QLatin1String("2."))
            ? Evidence {QStringLiteral("delivered/status"), facts.status, QStringLiteral("status")}
            : Evidence {QStringLiteral("delivered/action"), r.action, QStringLiteral("action")};
        return;
    }

    const ScanText diagnostic(r.diagnostic, QLatin1StringView("diagnostic"));
    const MessageTextIndex &index = messageTextIndexOf(context);
    const ScanText &body = index.body();
    facts.statusReason = tables().statusReason.value(facts.status);
    facts.hostClass = hostClassOf(r, context, diagnostic);
    const QString address = r.address.toLower();
    facts.command = commandIn(diagnostic);
    if (facts.command == Command::Unknown)
        facts.command = index.command(address);
    const DsnFields dsn = index.dsnFields(address);
    facts.diagnosticType = dsn.diagnosticType;

    std::optional<Verdict> verdict;
    // What the sending MTA says outright decides first: PowerMTA's bounce category, then the
    // notices of the bounce text (the sending side knows why it gave up).
    if (const auto it = tables().bounceCategories.constFind(dsn.bounceCategory);
        it != tables().bounceCategories.constEnd())
        verdict = Verdict {*it,
            {*it + QStringLiteral("/bounce-category"), dsn.bounceCategory, QStringLiteral("status")},
            Strength::Phrase};
    if (!verdict && !body.isEmpty()) {
        for (const int id : tables().noticeGroups) {
            if (const auto hit = body.group(id)) {
                const Group &g = tables().groups[size_t(id)];
                verdict = Verdict {g.reason, {g.name, body.text(*hit), body.field()}, Strength::Phrase};
                break;
            }
        }
    }

    // The diagnostic first; the bounce's own text when the diagnostic proves nothing by phrase
    // (plain-text bounces often carry the server's words only in the body).
    if (!verdict)
        verdict = decide(facts, diagnostic);
    if ((!verdict || verdict->strength == Strength::Fallback) && !body.isEmpty()) {
        if (auto v = decide(facts, body); v && v->strength == Strength::Phrase)
            verdict = v;
    }

    if (!verdict && facts.action == QLatin1String("delayed"))
        verdict = Verdict {QStringLiteral("expired"),
            {QStringLiteral("expired/action"), r.action, QStringLiteral("action")}, Strength::Fallback};
    if (!verdict && facts.kind == MessageKind::Delay)
        verdict = Verdict {QStringLiteral("expired"),
            {QStringLiteral("expired/kind"), toString(facts.kind), QStringLiteral("kind")},
            Strength::Fallback};
    if (!verdict)
        verdict = vacationVerdict(diagnostic);
    if (!verdict && !diagnostic.isEmpty()) {
        // Something was said, but nothing we know: the reason is on hold, not unknown.
        verdict = Verdict {QStringLiteral("onhold"),
            {QStringLiteral("onhold/unmatched"), r.diagnostic.trimmed().left(80),
                QStringLiteral("diagnostic")},
            Strength::Fallback};
    }
    if (!verdict) {
        verdict = Verdict {QStringLiteral("undefined"),
            {QStringLiteral("undefined/no-evidence"), r.action, QStringLiteral("action")},
            Strength::Fallback};
    }

    r.reason = verdict->reason;
    r.evidence = verdict->evidence;
    r.permanent = isPermanent(facts);
    // A message still being tried may yet be delivered: its address is not known to be bad.
    const bool stillTried
        = facts.kind == MessageKind::Delay || (facts.action == QLatin1String("delayed") && !r.permanent);
    r.hardBounce = !stillTried && isHardBounce(r.reason, facts.status, facts.reply);
}

} // namespace bouncelens

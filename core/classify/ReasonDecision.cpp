#include "classify/ReasonDecision.h"

#include <QStringList>

namespace bouncelens::classification {

namespace {

// Only this prefix of a diagnostic is searched for host names.
constexpr qsizetype kHostScan = 4096;

class Pass
{
public:
    Pass(const Facts &facts, const ScanText &text)
        : m_facts(facts)
        , m_text(text)
    { }

    // The first phrase of group `id` found in the text, as evidence.
    [[nodiscard]] std::optional<Evidence> match(int id) const
    {
        if (const auto hit = m_text.group(id))
            return Evidence {tables().groups[size_t(id)].name, m_text.text(*hit), m_text.field()};
        return std::nullopt;
    }

    // Whether group `id` occurs, without building evidence.
    [[nodiscard]] bool occurs(int id) const { return m_text.group(id).has_value(); }

    [[nodiscard]] int groupOf(const QString &reason) const { return tables().byReason.value(reason, -1); }

    [[nodiscard]] std::optional<Evidence> phrase(const QString &reason) const
    {
        const int id = groupOf(reason);
        if (id < 0 || m_text.isEmpty())
            return std::nullopt;
        if (reason == QLatin1String("rejected") && occurs(tables().notRejected))
            return std::nullopt;
        return match(id);
    }

    [[nodiscard]] bool has(const QString &reason) const
    {
        const int id = groupOf(reason);
        if (id < 0 || m_text.isEmpty())
            return false;
        if (reason == QLatin1String("rejected") && occurs(tables().notRejected))
            return false;
        return occurs(id);
    }

    [[nodiscard]] Verdict byStatus(const QString &reason, Strength strength = Strength::Status) const
    {
        return {
            reason, {reason + QStringLiteral("/status"), m_facts.status, QStringLiteral("status")}, strength};
    }

    [[nodiscard]] std::optional<Verdict> byPhrase(const QString &reason) const
    {
        if (auto e = phrase(reason))
            return Verdict {reason, *e, Strength::Phrase};
        return std::nullopt;
    }

    // Status code or phrase, whichever speaks.
    [[nodiscard]] std::optional<Verdict> byStatusOrPhrase(const QString &reason) const
    {
        if (m_facts.statusReason == reason)
            return byStatus(reason);
        return byPhrase(reason);
    }

    [[nodiscard]] std::optional<Verdict> explicitPhrase() const
    {
        if (m_text.isEmpty())
            return std::nullopt;
        for (const int id : tables().explicitGroups)
            if (auto e = match(id))
                return Verdict {tables().groups[size_t(id)].reason, *e, Strength::Phrase};
        return std::nullopt;
    }

    // Rules that hold only for the receiving host's class.
    [[nodiscard]] std::optional<Verdict> hostRule() const
    {
        if (m_facts.hostClass.isEmpty())
            return std::nullopt;
        const auto rules = tables().hostRules.constFind(m_facts.hostClass);
        if (rules == tables().hostRules.constEnd())
            return std::nullopt;
        for (const HostRule &r : *rules) {
            if (!r.status.isEmpty() && !m_facts.status.startsWith(r.status))
                continue;
            if (!r.reply.isEmpty() && m_facts.reply != r.reply)
                continue;
            if (r.group < 0) {
                // A code alone decides (Microsoft's numbered statuses).
                if (!m_facts.status.isEmpty() && m_facts.status.size() == r.status.size())
                    return Verdict {
                        r.reason, {r.rule, m_facts.status, QStringLiteral("status")}, Strength::Status};
                continue;
            }
            if (const auto hit = m_text.group(r.group))
                return Verdict {r.reason, {r.rule, m_text.text(*hit), m_text.field()}, Strength::Phrase};
        }
        return std::nullopt;
    }

    [[nodiscard]] std::optional<Verdict> probes() const;
    [[nodiscard]] std::optional<Verdict> anotherOne() const;

private:
    [[nodiscard]] bool beforeData() const
    {
        const Command c = m_facts.command;
        return c == Command::Connect || c == Command::Helo || c == Command::Mail || c == Command::Rcpt;
    }

    const Facts &m_facts;
    const ScanText &m_text;
};

// The reasons that a status code or the text can prove, in the order Sisimai tries them: the
// specific ones (mailbox full, size) before the broad ones (rejected, blocked).
std::optional<Verdict> Pass::probes() const
{
    const QString &sr = m_facts.statusReason;
    if (auto v = byStatusOrPhrase(QStringLiteral("mailboxfull")))
        return v;
    if (auto v = byStatusOrPhrase(QStringLiteral("emailtoolarge")))
        return v;
    if (m_facts.reply == QLatin1String("525"))
        return Verdict {QStringLiteral("suspend"),
            {QStringLiteral("suspend/reply-code"), m_facts.reply, QStringLiteral("reply-code")},
            Strength::Status};
    if (auto v = byPhrase(QStringLiteral("suspend")))
        return v;
    if (auto v = byPhrase(QStringLiteral("hasmoved")))
        return v;
    if (m_facts.command != Command::Connect && m_facts.command != Command::Helo)
        if (auto v = byPhrase(QStringLiteral("norelaying")))
            return v;
    if (auto v = byStatusOrPhrase(QStringLiteral("authfailure")))
        return v;

    // User unknown: the status code says so unless the text names another cause; without the
    // code, only a rejection at RCPT proves that the user does not exist.
    if (sr == QLatin1String("userunknown")) {
        static const QString others[]
            = {QStringLiteral("norelaying"), QStringLiteral("blocked"), QStringLiteral("mailboxfull"),
                QStringLiteral("hasmoved"), QStringLiteral("rejected"), QStringLiteral("notaccept")};
        bool other = false;
        for (const QString &r : others)
            other = other || has(r);
        if (!other)
            return byStatus(sr);
    } else if (m_facts.command == Command::Rcpt) {
        if (auto v = byPhrase(QStringLiteral("userunknown")))
            return v;
    }

    // Filtered: "user unknown" after DATA (or without a command) is the recipient's filter, as
    // the mailbox was accepted at RCPT.
    if (sr == QLatin1String("filtered")) {
        if (auto v = byPhrase(QStringLiteral("userunknown")))
            return Verdict {sr, v->evidence, Strength::Phrase};
        if (auto v = byPhrase(sr))
            return v;
    } else if (!beforeData()) {
        if (auto v = byPhrase(QStringLiteral("filtered")))
            return v;
        if (auto v = byPhrase(QStringLiteral("userunknown")))
            return Verdict {QStringLiteral("filtered"), v->evidence, Strength::Phrase};
    }

    if (auto v = byStatusOrPhrase(QStringLiteral("requireptr")))
        return v;
    if (auto v = byPhrase(QStringLiteral("notcompliantrfc")))
        return v;
    if (auto v = byPhrase(QStringLiteral("badreputation")))
        return v;
    // Content error unless the spam probe would hold (a 5.6.x spam verdict is spam).
    const bool spam = sr == QLatin1String("spamdetected")
        || (!m_facts.status.isEmpty() && !beforeData() && has(QStringLiteral("spamdetected")));
    if (!spam)
        if (auto v = byStatusOrPhrase(QStringLiteral("contenterror")))
            return v;

    // Rejected: the sender was refused. The text only counts at MAIL FROM, at DATA, or when the
    // status code says nothing specific.
    if (sr == QLatin1String("rejected"))
        return byStatus(sr);
    const bool vague
        = sr.isEmpty() || sr == QLatin1String("securityerror") || sr == QLatin1String("systemerror");
    if (m_facts.command == Command::Mail
        || (m_facts.command == Command::Data && sr != QLatin1String("userunknown")) || vague)
        if (auto v = byPhrase(QStringLiteral("rejected")))
            return v;

    if (sr == QLatin1String("hostunknown")) {
        if (!has(QStringLiteral("networkerror")))
            return byStatus(sr);
    } else if (auto v = byPhrase(QStringLiteral("hostunknown"))) {
        // "Host not found, try again" with a temporary code is a DNS failure, not a missing domain.
        if (!(m_facts.status.startsWith(QLatin1Char('4')) && has(QStringLiteral("networkerror"))))
            return v;
    }

    if (sr == QLatin1String("spamdetected"))
        return byStatus(sr);
    if (!m_facts.status.isEmpty() && !beforeData())
        if (auto v = byPhrase(QStringLiteral("spamdetected")))
            return v;
    if (auto v = byStatusOrPhrase(QStringLiteral("ratelimited")))
        return v;
    if (auto v = byStatusOrPhrase(QStringLiteral("blocked")))
        return v;
    return std::nullopt;
}

// When the status code is vague (or absent), the text decides among the remaining reasons; then
// the code's class, the reply code and the action.
std::optional<Verdict> Pass::anotherOne() const
{
    const QString &sr = m_facts.statusReason;
    static const QStringList retry = {QString(), QStringLiteral("undefined"), QStringLiteral("onhold"),
        QStringLiteral("systemerror"), QStringLiteral("securityerror"), QStringLiteral("expired"),
        QStringLiteral("networkerror"), QStringLiteral("hostunknown"), QStringLiteral("userunknown")};
    if (!retry.contains(sr))
        return byStatus(sr);

    static const QStringList order = {
        QStringLiteral("mailboxfull"),
        QStringLiteral("authfailure"),
        QStringLiteral("badreputation"),
        QStringLiteral("ratelimited"),
        QStringLiteral("spamdetected"),
        QStringLiteral("virusdetected"),
        QStringLiteral("policyviolation"),
        QStringLiteral("norelaying"),
        QStringLiteral("systemerror"),
        QStringLiteral("networkerror"),
        QStringLiteral("suspend"),
        QStringLiteral("contenterror"),
        QStringLiteral("systemfull"),
        QStringLiteral("notaccept"),
        QStringLiteral("expired"),
        QStringLiteral("failedstarttls"),
        QStringLiteral("securityerror"),
        QStringLiteral("suppressed"),
        QStringLiteral("mailererror"),
        QStringLiteral("onhold"),
    };
    for (const QString &reason : order)
        if (auto v = byPhrase(reason))
            return v;
    if (!sr.isEmpty())
        return byStatus(sr, Strength::Fallback);

    const QString subject = m_facts.status.left(3);
    if (subject == QLatin1String("5.6") || subject == QLatin1String("4.6"))
        return byStatus(QStringLiteral("contenterror"), Strength::Fallback);
    if (subject == QLatin1String("5.7") || subject == QLatin1String("4.7"))
        return byStatus(QStringLiteral("securityerror"), Strength::Fallback);
    // "Diagnostic-Code: X-Unix; ..." (Postfix's local delivery, pipes): the local mailer failed.
    if (m_facts.diagnosticType == QLatin1String("x-unix")
        || m_facts.diagnosticType == QLatin1String("x-postfix")) {
        const bool hasStatus = !m_facts.status.isEmpty();
        return Verdict {QStringLiteral("mailererror"),
            {QStringLiteral("mailererror/diagnostic-type"),
                hasStatus ? m_facts.status : m_facts.diagnosticType, QStringLiteral("status")},
            Strength::Fallback};
    }

    // 50x / 40x: the server did not understand the command.
    const int reply = m_facts.reply.toInt();
    if ((reply > 400 && reply < 408) || (reply > 500 && reply < 508))
        return Verdict {QStringLiteral("syntaxerror"),
            {QStringLiteral("syntaxerror/reply-code"), m_facts.reply, QStringLiteral("reply-code")},
            Strength::Fallback};
    // Refused before any envelope was sent: the connecting host itself was refused.
    if (m_facts.command == Command::Helo || m_facts.command == Command::Connect) {
        const bool hasStatus = !m_facts.status.isEmpty();
        return Verdict {QStringLiteral("blocked"),
            {QStringLiteral("blocked/command"), hasStatus ? m_facts.status : m_facts.reply,
                hasStatus ? QStringLiteral("status") : QStringLiteral("reply-code")},
            Strength::Fallback};
    }
    if (m_facts.action == QLatin1String("delayed"))
        return Verdict {QStringLiteral("expired"),
            {QStringLiteral("expired/action"), m_facts.action, QStringLiteral("action")}, Strength::Fallback};
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Host-specific decisions that depend on the command (NTT DOCOMO).
// ---------------------------------------------------------------------------------------------

std::optional<Verdict> docomoByCommand(const Facts &facts, const Pass &pass)
{
    if (facts.hostClass != QLatin1String("nttdocomo"))
        return std::nullopt;
    const auto unknown = pass.phrase(QStringLiteral("userunknown"));
    if (!unknown)
        return std::nullopt;
    // DOCOMO answers "Unknown user" for users that do not exist (at RCPT, 5.1.1) and for its
    // reception filters (5.2.0); a bare 5.0.0 after DATA is the sender being refused.
    QString reason;
    if (facts.status == QLatin1String("5.1.1") || facts.command == Command::Rcpt)
        reason = QStringLiteral("userunknown");
    else if (facts.status == QLatin1String("5.2.0"))
        reason = QStringLiteral("filtered");
    else if (facts.command == Command::Data)
        reason = QStringLiteral("rejected");
    else
        return std::nullopt;
    return Verdict {reason, {reason + QStringLiteral("/host:nttdocomo"), unknown->matched, unknown->field},
        Strength::Phrase};
}

// Gmail's notice ends the server's reply with "(state N).", the stage that failed; a specific
// status code in the reply still wins (Sisimai's Lhost::Gmail).
std::optional<Verdict> gmailState(const Facts &facts, const Pass &pass, const ScanText &text)
{
    const Tables &t = tables();
    if (!text.group(t.gmailNotice))
        return std::nullopt;
    for (const int id : t.gmailStateGroups) {
        const auto hit = text.group(id);
        if (!hit)
            continue;
        const QString &s = facts.status;
        // A vague code (5.7.1 "delivery not authorized" is securityerror) says less than the state.
        const QString &sr = facts.statusReason;
        const bool specific = s.size() == 5 && s.at(2) >= QLatin1Char('1') && s.at(2) <= QLatin1Char('7')
            && s.at(4) >= QLatin1Char('1') && s.at(4) <= QLatin1Char('9') && !sr.isEmpty()
            && sr != QLatin1String("securityerror") && sr != QLatin1String("systemerror");
        if (specific)
            return pass.byStatus(facts.statusReason, Strength::Phrase);
        const Group &g = t.groups[size_t(id)];
        return Verdict {g.reason, {g.name, text.text(*hit), text.field()}, Strength::Phrase};
    }
    return std::nullopt;
}

} // namespace

std::optional<Verdict> decide(const Facts &facts, const ScanText &text)
{
    const Pass pass(facts, text);
    if (auto v = gmailState(facts, pass, text))
        return v;
    if (auto v = pass.explicitPhrase())
        return v;
    if (auto v = docomoByCommand(facts, pass))
        return v;
    if (auto v = pass.hostRule())
        return v;
    if (auto v = pass.probes())
        return v;
    return pass.anotherOne();
}

std::optional<Verdict> vacationVerdict(const ScanText &text)
{
    const Facts none;
    if (auto e = Pass(none, text).match(tables().vacation))
        return Verdict {QStringLiteral("vacation"), *e, Strength::Phrase};
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Host class of the receiving side.
// ---------------------------------------------------------------------------------------------

QString hostClassOf(
    const RecipientResult &r, const ClassificationContext &context, const ScanText &diagnostic)
{
    const auto &classes = tables().hostClasses;
    // 1. The recipient's domain: mail to a domain that one of these services hosts.
    const qsizetype at = r.address.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString domain = QStringView(r.address).mid(at + 1).trimmed().toString().toLower();
        if (!domain.isEmpty()) {
            const QString dotted = QLatin1Char('.') + domain;
            for (const HostClass &c : classes)
                for (const HostSuffix &s : c.suffixes)
                    if (s.suffix.endsWith(dotted) || s.suffix == domain || s.suffix == dotted)
                        return c.name;
        }
    }
    // 2. The remote MTA, then 3. the reporting MTA.
    for (const QString *host : {&r.remoteMta, &context.reportingMta}) {
        const QString h = host->section(QLatin1Char(' '), 0, 0).toLower().trimmed();
        if (h.isEmpty())
            continue;
        for (const HostClass &c : classes)
            for (const HostSuffix &s : c.suffixes)
                if (h == s.bare || h.endsWith(s.dotted))
                    return c.name;
    }
    // 4. Host names written in the diagnostic (only dotted suffixes, which cannot be a bare domain).
    if (!diagnostic.isEmpty())
        for (const HostClass &c : classes)
            for (const HostSuffix &s : c.suffixes)
                if (s.pattern >= 0)
                    if (const qsizetype f = diagnostic.first(s.pattern);
                        f >= 0 && diagnostic.originalPos(f) + s.suffix.size() <= kHostScan)
                        return c.name;
    return {};
}

bool isPermanent(const Facts &facts)
{
    // A notice that delivery is still being tried has not failed, whatever it quotes.
    if (facts.kind == MessageKind::Delay)
        return false;
    const QString code = !facts.status.isEmpty() ? facts.status : facts.reply;
    if (code.startsWith(QLatin1Char('5')))
        return true;
    if (facts.action == QLatin1String("delayed"))
        return false;
    // A report that says "failed" has given up, even when the last reply was a 4xx.
    if (facts.action == QLatin1String("failed"))
        return true;
    if (code.startsWith(QLatin1Char('4')))
        return false;
    return facts.kind == MessageKind::Bounce;
}

} // namespace bouncelens::classification

#include "ReasonClassifier.h"

#include "ReasonRules.h"

#include <QHash>
#include <QList>

#include <optional>
#include <vector>

namespace bouncelens {

namespace {

// Texts longer than this are only read up to here: real diagnostics are a few KB, and a cap keeps
// a multi-megabyte diagnostic from costing hundreds of phrase scans over megabytes.
constexpr qsizetype kMaxScan = 64 * 1024;

// Where a phrase occurs, in the original (not normalised) text.
struct Hit
{
    qsizetype start = 0;
    qsizetype length = 0;
};

// A text prepared for matching: lower case, whitespace runs folded to one space (so a phrase
// still matches across folded lines), with a map back to the original positions.
class ScanText
{
public:
    ScanText() = default;
    ScanText(const QString &original, QString field)
        : m_original(original), m_field(std::move(field))
    {
        const qsizetype n = qMin(original.size(), kMaxScan);
        m_norm.reserve(n);
        m_pos.reserve(size_t(n));
        bool lastSpace = true; // drop leading whitespace
        for (qsizetype i = 0; i < n; ++i) {
            const QChar c = original.at(i);
            if (c.isSpace()) {
                if (!lastSpace) {
                    m_norm.append(QLatin1Char(' '));
                    m_pos.push_back(i);
                }
                lastSpace = true;
                continue;
            }
            // QChar::toLower is a 1:1 mapping, so positions stay aligned.
            m_norm.append(c.toLower());
            m_pos.push_back(i);
            lastSpace = false;
        }
    }

    [[nodiscard]] bool isEmpty() const { return m_norm.isEmpty(); }
    [[nodiscard]] const QString &norm() const { return m_norm; }
    [[nodiscard]] const QString &field() const { return m_field; }

    // The pieces must occur in order; the earliest occurrence of each piece after the previous
    // one is taken, which finds a match whenever one exists (no backtracking needed).
    [[nodiscard]] std::optional<Hit> find(const QStringList &pieces) const
    {
        qsizetype from = 0;
        qsizetype first = -1;
        for (const QString &piece : pieces) {
            const qsizetype at = m_norm.indexOf(piece, from);
            if (at < 0)
                return std::nullopt;
            if (first < 0)
                first = at;
            from = at + piece.size();
        }
        if (first < 0)
            return std::nullopt;
        const qsizetype start = m_pos[size_t(first)];
        const qsizetype end = m_pos[size_t(from - 1)] + 1;
        return Hit{start, end - start};
    }

    [[nodiscard]] QString text(const Hit &hit) const
    {
        // Evidence stays short; a prefix of the matched text still occurs in the input.
        return m_original.mid(hit.start, qMin(hit.length, qsizetype(200)));
    }

private:
    QString m_original;
    QString m_field;
    QString m_norm;
    std::vector<qsizetype> m_pos;
};

// The rule tables, converted once to QString pieces.
struct Phrase
{
    QStringList pieces;
};

struct Group
{
    QString reason;
    QString name;
    QList<Phrase> phrases;
};

struct HostRule
{
    QString host;
    QString reason;
    QString status;
    QString reply;
    Phrase phrase;
};

Phrase compile(const char *text)
{
    Phrase p;
    const QString s = QString::fromUtf8(text);
    for (const QString &piece : s.split(QStringLiteral("{}"), Qt::SkipEmptyParts))
        p.pieces << piece;
    return p;
}

QList<Group> compileGroups(std::span<const rules::PhraseGroup> source)
{
    QList<Group> groups;
    for (const rules::PhraseGroup &g : source) {
        Group out{QString::fromLatin1(g.reason), QString::fromLatin1(g.name), {}};
        for (const char *p : g.phrases)
            out.phrases << compile(p);
        groups << out;
    }
    return groups;
}

Group compileList(const char *reason, const char *name, std::span<const char *const> list)
{
    Group g{QString::fromLatin1(reason), QString::fromLatin1(name), {}};
    for (const char *p : list)
        g.phrases << compile(p);
    return g;
}

struct Tables
{
    QList<Group> explicitGroups;
    QHash<QString, Group> byReason;
    Group notRejected;
    Group vacation;
    QHash<QString, QString> statusReason;
    QList<QPair<QString, QStringList>> hostClasses;
    QList<HostRule> hostRules;
};

const Tables &tables()
{
    static const Tables t = [] {
        Tables t;
        t.explicitGroups = compileGroups(rules::explicitPhrases());
        for (const Group &g : compileGroups(rules::reasonPhrases()))
            t.byReason.insert(g.reason, g);
        t.notRejected = compileList("rejected", "rejected/not", rules::notRejectedPhrases());
        t.vacation = compileList("vacation", "vacation/phrase", rules::vacationPhrases());
        for (const rules::StatusRule &s : rules::statusRules())
            t.statusReason.insert(QString::fromLatin1(s.status), QString::fromLatin1(s.reason));
        for (const rules::HostClass &h : rules::hostClasses()) {
            QStringList suffixes;
            for (const char *s : h.suffixes)
                suffixes << QString::fromLatin1(s);
            t.hostClasses.append({QString::fromLatin1(h.name), suffixes});
        }
        for (const rules::HostRule &r : rules::hostRules()) {
            t.hostRules << HostRule{QString::fromLatin1(r.host), QString::fromLatin1(r.reason),
                                    QString::fromLatin1(r.status), QString::fromLatin1(r.reply),
                                    r.phrase[0] ? compile(r.phrase) : Phrase{}};
        }
        return t;
    }();
    return t;
}

// ---------------------------------------------------------------------------------------------
// Codes found in the text when the report gives none.
// ---------------------------------------------------------------------------------------------

bool isDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }

// The first enhanced status code of a failure (class 4 or 5) in the text: a bounded left-to-right scan.
QString statusInText(const QString &text)
{
    const qsizetype n = qMin(text.size(), qsizetype(4096));
    for (qsizetype i = 0; i + 4 < n; ++i) {
        const QChar c = text.at(i);
        // Class 2 codes in a transcript ("250 2.1.5 Ok") belong to the commands that worked.
        if (c != QLatin1Char('4') && c != QLatin1Char('5'))
            continue;
        if (i > 0 && (isDigit(text.at(i - 1)) || text.at(i - 1) == QLatin1Char('.')))
            continue;
        if (text.at(i + 1) != QLatin1Char('.'))
            continue;
        qsizetype j = i + 2;
        qsizetype digits = 0;
        while (j < n && isDigit(text.at(j)) && digits < 3) { ++j; ++digits; }
        if (digits == 0 || j >= n || text.at(j) != QLatin1Char('.'))
            continue;
        qsizetype k = j + 1;
        digits = 0;
        while (k < n && isDigit(text.at(k)) && digits < 3) { ++k; ++digits; }
        if (digits == 0 || (k < n && (isDigit(text.at(k)) || text.at(k) == QLatin1Char('.'))))
            continue;
        return text.mid(i, k - i);
    }
    return {};
}

// A reply code at the start of the diagnostic ("550 ...", "550-...").
QString replyInText(const QString &text)
{
    const QString t = text.left(64).trimmed();
    if (t.size() >= 3 && isDigit(t.at(0)) && isDigit(t.at(1)) && isDigit(t.at(2))
        && (t.at(0) == QLatin1Char('4') || t.at(0) == QLatin1Char('5'))
        && (t.size() == 3 || t.at(3) == QLatin1Char(' ') || t.at(3) == QLatin1Char('-')))
        return t.left(3);
    return {};
}

// ---------------------------------------------------------------------------------------------
// The SMTP command the error answered, as the bounce tells it.
// ---------------------------------------------------------------------------------------------

enum class Command { Unknown, Connect, Helo, Mail, Rcpt, Data };

struct CommandMarker
{
    const char *text;
    Command command;
};

// Postfix "(in reply to X command)" and Exim "after X" say it outright.
const CommandMarker kCommandMarkers[] = {
    {"in reply to rcpt to command", Command::Rcpt},
    {"in reply to end of data command", Command::Data},
    {"in reply to data command", Command::Data},
    {"in reply to mail from command", Command::Mail},
    {"in reply to helo command", Command::Helo},
    {"in reply to ehlo command", Command::Helo},
    {"after rcpt to", Command::Rcpt},
    {"after end of data", Command::Data},
    {"after data", Command::Data},
    {"after mail from", Command::Mail},
    {"after helo", Command::Helo},
    {"after ehlo", Command::Helo},
    {"after initial connection", Command::Connect},
    {"but my name was rejected", Command::Helo},
    {"but sender was rejected", Command::Mail},
    {"after rcpt command", Command::Rcpt},
    {"after data command", Command::Data},
    {"after mail command", Command::Mail},
    {"did not like our rcpt to", Command::Rcpt},
    {"did not like our data", Command::Data},
    {"did not like our mail from", Command::Mail},
    {"smtp:rcpt", Command::Rcpt},
    {"smtp:data", Command::Data},
};

Command commandOfWord(QStringView word)
{
    if (word.startsWith(u"rcpt"))
        return Command::Rcpt;
    if (word.startsWith(u"data"))
        return Command::Data;
    if (word.startsWith(u"mail"))
        return Command::Mail;
    if (word.startsWith(u"helo") || word.startsWith(u"ehlo"))
        return Command::Helo;
    return Command::Unknown;
}

// In a Sendmail-style transcript (">>> CMD" / "<<< reply") the failing command is the last one
// sent before the first 4xx/5xx reply after `from` (where the recipient's part begins).
Command commandInTranscript(const QString &norm, qsizetype from = 0)
{
    qsizetype failure = -1;
    for (const char *mark : {"<<< 4", "<<< 5"}) {
        const qsizetype at = norm.indexOf(QLatin1String(mark), from);
        if (at >= 0 && (failure < 0 || at < failure))
            failure = at;
    }
    if (failure < 0)
        return Command::Unknown;
    const qsizetype sent = norm.lastIndexOf(QLatin1String(">>> "), failure);
    if (sent < 0)
        return Command::Unknown;
    return commandOfWord(QStringView(norm).mid(sent + 4, 4));
}

// `address` anchors the search in a bounce that lists several recipients: their transcripts
// follow each other, and the one after the recipient's address is theirs.
Command commandIn(const ScanText &text, const QString &address = QString())
{
    if (text.isEmpty())
        return Command::Unknown;
    if (!address.isEmpty()) {
        const qsizetype at = text.norm().indexOf(address);
        if (at >= 0)
            if (const Command c = commandInTranscript(text.norm(), at); c != Command::Unknown)
                return c;
    }
    for (const CommandMarker &m : kCommandMarkers)
        if (text.norm().contains(QLatin1String(m.text)))
            return m.command;
    return commandInTranscript(text.norm());
}

// ---------------------------------------------------------------------------------------------
// One classification pass over one text.
// ---------------------------------------------------------------------------------------------

struct Facts
{
    QString status;       // as written, else found in the diagnostic
    QString reply;
    QString statusReason; // what the status code alone says
    QString action;
    Command command = Command::Unknown;
    QString hostClass;
    MessageKind kind = MessageKind::Bounce;
};

// How firmly a verdict stands: a phrase, a specific status code, or only a fallback (the code's
// class, the action). Only fallbacks let the bounce's body text speak.
enum class Strength { Fallback, Status, Phrase };

struct Verdict
{
    QString reason;
    Evidence evidence;
    Strength strength = Strength::Fallback;
};

class Pass
{
public:
    Pass(const Facts &facts, const ScanText &text) : m_facts(facts), m_text(text) {}

    // The first phrase of `group` found in the text, as evidence.
    [[nodiscard]] std::optional<Evidence> match(const Group &group) const
    {
        if (m_text.isEmpty())
            return std::nullopt;
        for (const Phrase &p : group.phrases)
            if (const auto hit = m_text.find(p.pieces))
                return Evidence{group.name, m_text.text(*hit), m_text.field()};
        return std::nullopt;
    }

    [[nodiscard]] std::optional<Evidence> phrase(const QString &reason) const
    {
        const auto it = tables().byReason.constFind(reason);
        if (it == tables().byReason.constEnd())
            return std::nullopt;
        if (reason == QLatin1String("rejected") && match(tables().notRejected))
            return std::nullopt;
        return match(*it);
    }

    [[nodiscard]] bool has(const QString &reason) const { return phrase(reason).has_value(); }

    [[nodiscard]] Verdict byStatus(const QString &reason, Strength strength = Strength::Status) const
    {
        return {reason, {reason + QStringLiteral("/status"), m_facts.status, QStringLiteral("status")}, strength};
    }

    [[nodiscard]] std::optional<Verdict> byPhrase(const QString &reason) const
    {
        if (auto e = phrase(reason))
            return Verdict{reason, *e, Strength::Phrase};
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
        for (const Group &g : tables().explicitGroups)
            if (auto e = match(g))
                return Verdict{g.reason, *e, Strength::Phrase};
        return std::nullopt;
    }

    // Rules that hold only for the receiving host's class.
    [[nodiscard]] std::optional<Verdict> hostRule() const
    {
        if (m_facts.hostClass.isEmpty())
            return std::nullopt;
        for (const HostRule &r : tables().hostRules) {
            if (r.host != m_facts.hostClass)
                continue;
            if (!r.status.isEmpty() && !m_facts.status.startsWith(r.status))
                continue;
            if (!r.reply.isEmpty() && m_facts.reply != r.reply)
                continue;
            const QString rule = r.reason + QStringLiteral("/host:") + r.host;
            if (r.phrase.pieces.isEmpty()) {
                // A code alone decides (Microsoft's numbered statuses).
                if (!m_facts.status.isEmpty() && m_facts.status.size() == r.status.size())
                    return Verdict{r.reason, {rule, m_facts.status, QStringLiteral("status")}, Strength::Status};
                continue;
            }
            if (m_text.isEmpty())
                continue;
            if (const auto hit = m_text.find(r.phrase.pieces))
                return Verdict{r.reason, {rule, m_text.text(*hit), m_text.field()}, Strength::Phrase};
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
        return Verdict{QStringLiteral("suspend"), {QStringLiteral("suspend/reply-code"), m_facts.reply, QStringLiteral("reply-code")}, Strength::Status};
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
        bool other = false;
        for (const char *r : {"norelaying", "blocked", "mailboxfull", "hasmoved", "rejected", "notaccept"})
            other = other || has(QString::fromLatin1(r));
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
            return Verdict{sr, v->evidence, Strength::Phrase};
        if (auto v = byPhrase(sr))
            return v;
    } else if (!beforeData()) {
        if (auto v = byPhrase(QStringLiteral("filtered")))
            return v;
        if (auto v = byPhrase(QStringLiteral("userunknown")))
            return Verdict{QStringLiteral("filtered"), v->evidence, Strength::Phrase};
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
    const bool vague = sr.isEmpty() || sr == QLatin1String("securityerror") || sr == QLatin1String("systemerror");
    if (m_facts.command == Command::Mail || (m_facts.command == Command::Data && sr != QLatin1String("userunknown")) || vague)
        if (auto v = byPhrase(QStringLiteral("rejected")))
            return v;

    if (sr == QLatin1String("hostunknown")) {
        if (!has(QStringLiteral("networkerror")))
            return byStatus(sr);
    } else if (auto v = byPhrase(QStringLiteral("hostunknown"))) {
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
                                      QStringLiteral("systemerror"), QStringLiteral("securityerror"),
                                      QStringLiteral("expired"), QStringLiteral("networkerror"),
                                      QStringLiteral("hostunknown"), QStringLiteral("userunknown")};
    if (!retry.contains(sr))
        return byStatus(sr);

    static const QStringList order = {
        QStringLiteral("mailboxfull"), QStringLiteral("authfailure"), QStringLiteral("badreputation"),
        QStringLiteral("ratelimited"), QStringLiteral("spamdetected"), QStringLiteral("virusdetected"),
        QStringLiteral("policyviolation"), QStringLiteral("norelaying"), QStringLiteral("systemerror"),
        QStringLiteral("networkerror"), QStringLiteral("suspend"), QStringLiteral("contenterror"),
        QStringLiteral("systemfull"), QStringLiteral("notaccept"), QStringLiteral("expired"),
        QStringLiteral("failedstarttls"), QStringLiteral("securityerror"), QStringLiteral("suppressed"),
        QStringLiteral("mailererror"), QStringLiteral("onhold"),
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

    // 50x / 40x: the server did not understand the command.
    const int reply = m_facts.reply.toInt();
    if ((reply > 400 && reply < 408) || (reply > 500 && reply < 508))
        return Verdict{QStringLiteral("syntaxerror"), {QStringLiteral("syntaxerror/reply-code"), m_facts.reply, QStringLiteral("reply-code")}, Strength::Fallback};
    // Refused before any envelope was sent: the connecting host itself was refused.
    if (m_facts.command == Command::Helo || m_facts.command == Command::Connect) {
        const bool hasStatus = !m_facts.status.isEmpty();
        return Verdict{QStringLiteral("blocked"),
                       {QStringLiteral("blocked/command"), hasStatus ? m_facts.status : m_facts.reply,
                        hasStatus ? QStringLiteral("status") : QStringLiteral("reply-code")},
                       Strength::Fallback};
    }
    if (m_facts.action == QLatin1String("delayed"))
        return Verdict{QStringLiteral("expired"), {QStringLiteral("expired/action"), m_facts.action, QStringLiteral("action")}, Strength::Fallback};
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Host class of the receiving side.
// ---------------------------------------------------------------------------------------------

bool hostEndsWith(const QString &host, const QString &suffix)
{
    if (host.isEmpty())
        return false;
    if (suffix.startsWith(QLatin1Char('.')))
        return host.endsWith(suffix) || host == suffix.mid(1);
    return host == suffix || host.endsWith(QLatin1Char('.') + suffix);
}

// The remote host named in the diagnostic ("host mx.example.jp[192.0.2.1] said", "[host.name]").
QString hostsInText(const QString &lower)
{
    return lower.left(4096);
}

QString hostClassOf(const RecipientResult &r, const ClassificationContext &context)
{
    const auto &classes = tables().hostClasses;
    // 1. The recipient's domain: mail to a domain that one of these services hosts.
    const QString domain = r.address.section(QLatin1Char('@'), -1).toLower().trimmed();
    if (r.address.contains(QLatin1Char('@')) && !domain.isEmpty())
        for (const auto &c : classes)
            for (const QString &s : c.second)
                if (s.endsWith(QLatin1Char('.') + domain) || s == domain || s == QLatin1Char('.') + domain)
                    return c.first;
    // 2. The remote MTA, then 3. the reporting MTA.
    for (const QString &host : {r.remoteMta, context.reportingMta}) {
        const QString h = host.section(QLatin1Char(' '), 0, 0).toLower().trimmed();
        for (const auto &c : classes)
            for (const QString &s : c.second)
                if (hostEndsWith(h, s))
                    return c.first;
    }
    // 4. Host names written in the diagnostic (only dotted suffixes, which cannot be a bare domain).
    const QString diag = hostsInText(r.diagnostic.toLower());
    for (const auto &c : classes)
        for (const QString &s : c.second)
            if (s.startsWith(QLatin1Char('.')) && s.count(QLatin1Char('.')) >= 2 && diag.contains(s))
                return c.first;
    return {};
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
    return Verdict{reason, {reason + QStringLiteral("/host:nttdocomo"), unknown->matched, unknown->field}, Strength::Phrase};
}

// The whole decision over one text. Returns nothing when no rule applies.
std::optional<Verdict> decide(const Facts &facts, const ScanText &text)
{
    const Pass pass(facts, text);
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

bool isPermanent(const Facts &facts)
{
    const QString code = !facts.status.isEmpty() ? facts.status : facts.reply;
    if (code.startsWith(QLatin1Char('5')))
        return true;
    if (facts.action == QLatin1String("delayed") || facts.kind == MessageKind::Delay)
        return false;
    // A report that says "failed" has given up, even when the last reply was a 4xx.
    if (facts.action == QLatin1String("failed"))
        return true;
    if (code.startsWith(QLatin1Char('4')))
        return false;
    return facts.kind == MessageKind::Bounce;
}

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
    case MessageKind::Feedback:
        setKindVerdict(r, "feedback", context.kind);
        return;
    case MessageKind::AutoReply:
        setKindVerdict(r, "vacation", context.kind);
        return;
    case MessageKind::Delivered:
        setKindVerdict(r, "delivered", context.kind);
        return;
    default:
        break;
    }

    Facts facts;
    facts.kind = context.kind;
    facts.action = r.action.toLower();
    facts.status = r.status;
    // A success code on a failed recipient is a transcript line that was picked up by mistake:
    // the failure's own code (if any) is in the diagnostic.
    const bool failedAction = facts.action == QLatin1String("failed") || facts.action == QLatin1String("delayed");
    if (facts.status.isEmpty() || (facts.status.startsWith(QLatin1String("2.")) && failedAction))
        facts.status = statusInText(r.diagnostic);
    facts.reply = r.replyCode.isEmpty() ? replyInText(r.diagnostic) : r.replyCode;
    facts.statusReason = tables().statusReason.value(facts.status);
    facts.hostClass = hostClassOf(r, context);

    if (facts.status.startsWith(QLatin1String("2.")) || facts.action == QLatin1String("delivered")
        || facts.action == QLatin1String("relayed") || facts.action == QLatin1String("expanded")) {
        r.reason = QStringLiteral("delivered");
        r.permanent = false;
        r.hardBounce = false;
        r.evidence = facts.status.startsWith(QLatin1String("2."))
            ? Evidence{QStringLiteral("delivered/status"), facts.status, QStringLiteral("status")}
            : Evidence{QStringLiteral("delivered/action"), r.action, QStringLiteral("action")};
        return;
    }

    const ScanText diagnostic(r.diagnostic, QStringLiteral("diagnostic"));
    const ScanText body(context.bounceText, QStringLiteral("body"));
    facts.command = commandIn(diagnostic);
    if (facts.command == Command::Unknown)
        facts.command = commandIn(body, r.address.toLower());

    // The diagnostic first; the bounce's own text when the diagnostic proves nothing by phrase
    // (plain-text bounces often carry the server's words only in the body).
    std::optional<Verdict> verdict = decide(facts, diagnostic);
    if ((!verdict || verdict->strength == Strength::Fallback) && !body.isEmpty()) {
        if (auto v = decide(facts, body); v && v->strength == Strength::Phrase)
            verdict = v;
    }

    if (!verdict && facts.action == QLatin1String("delayed"))
        verdict = Verdict{QStringLiteral("expired"), {QStringLiteral("expired/action"), r.action, QStringLiteral("action")}, Strength::Fallback};
    if (!verdict && facts.kind == MessageKind::Delay)
        verdict = Verdict{QStringLiteral("expired"), {QStringLiteral("expired/kind"), toString(facts.kind), QStringLiteral("kind")}, Strength::Fallback};
    if (!verdict) {
        const Pass pass(facts, diagnostic);
        if (auto e = pass.match(tables().vacation))
            verdict = Verdict{QStringLiteral("vacation"), *e, Strength::Phrase};
    }
    if (!verdict && !diagnostic.isEmpty()) {
        // Something was said, but nothing we know: the reason is on hold, not unknown.
        verdict = Verdict{QStringLiteral("onhold"), {QStringLiteral("onhold/unmatched"), r.diagnostic.trimmed().left(80), QStringLiteral("diagnostic")}, Strength::Fallback};
    }
    if (!verdict) {
        verdict = Verdict{QStringLiteral("undefined"), {QStringLiteral("undefined/no-evidence"), r.action, QStringLiteral("action")}, Strength::Fallback};
    }

    r.reason = verdict->reason;
    r.evidence = verdict->evidence;
    r.permanent = isPermanent(facts);
    r.hardBounce = isHardBounce(r.reason, facts.status, facts.reply);
}

} // namespace bouncelens

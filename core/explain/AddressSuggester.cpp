#include "explain/AddressSuggester.h"

#include "explain/KnowledgeBase.h"

#include <QFile>
#include <QSet>

#include <algorithm>
#include <vector>

namespace bouncelens {

namespace {

// Two-label endings under which the provider's own name is the label before them.
const QStringList kTwoLabelSuffixes = {QStringLiteral("co.jp"), QStringLiteral("ne.jp"),
    QStringLiteral("or.jp"), QStringLiteral("ac.jp"), QStringLiteral("co.uk")};

// The part of a known domain a person means by its name: "docomo" of docomo.ne.jp,
// "i.softbank" of i.softbank.jp.
QString nameOf(const QString &domain)
{
    for (const QString &suffix : kTwoLabelSuffixes)
        if (domain.endsWith(QLatin1Char('.') + suffix))
            return domain.left(domain.size() - suffix.size() - 1);
    const qsizetype dot = domain.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? domain : domain.left(dot);
}

QString lastLabel(const QString &domain)
{
    return domain.mid(domain.lastIndexOf(QLatin1Char('.')) + 1);
}

// What may follow a known name when only the ending was slipped: "jp", "co.jp", "jo", "cm".
bool looksLikeEnding(QStringView rest)
{
    if (rest.isEmpty() || rest.size() > 6 || rest.startsWith(u'.') || rest.endsWith(u'.'))
        return false;
    int dots = 0;
    for (const QChar c : rest) {
        if (c == u'.')
            ++dots;
        else if (c < u'a' || c > u'z')
            return false;
    }
    return dots <= 1;
}

// Full-width letters, digits and signs (NFKC), the ideographic full stop and whitespace of any
// width are what an input method slips into an address.
QString normalise(const QString &address)
{
    QString s = address;
    bool ascii = true;
    for (const QChar c : s)
        ascii = ascii && c.unicode() < 0x80;
    if (!ascii) {
        s = s.normalized(QString::NormalizationForm_KC);
        s.replace(QChar(0x3002), QLatin1Char('.')); // 。
    }
    s.removeIf([](QChar c) { return c.isSpace(); });
    return s;
}

LocalPartProblem localPartProblem(QStringView local)
{
    if (local.isEmpty() || local.startsWith(u'"'))
        return LocalPartProblem::None; // a quoted string may hold any dots
    if (local.contains(u".."))
        return LocalPartProblem::ConsecutiveDots;
    if (local.endsWith(u'.'))
        return LocalPartProblem::DotBeforeAt;
    if (local.startsWith(u'.'))
        return LocalPartProblem::LeadingDot;
    return LocalPartProblem::None;
}

// The one known domain within reach, or "" when none is or two are equally close.
QString closestDomain(const QString &domain, AddressSuggester::Failure failure, SuggestionKind &kind)
{
    const QStringList &known = AddressSuggester::knownDomains();
    int best = 3;
    QStringList bestDomains;
    for (const QString &k : known) {
        const qsizetype nameLength = nameOf(k).size();
        int reach = 0;
        if (failure == AddressSuggester::Failure::DomainFailed)
            reach = nameLength >= 8 ? 2 : nameLength >= 4 ? 1 : 0;
        else
            reach = nameLength >= 5 ? 1 : 0;
        if (reach == 0 || qAbs(k.size() - domain.size()) > reach)
            continue;
        const int d = AddressSuggester::editDistance(domain, k);
        if (d > reach || d > best)
            continue;
        if (d < best)
            bestDomains.clear();
        best = d;
        bestDomains << k;
    }
    if (bestDomains.size() == 1) {
        kind = SuggestionKind::DomainTypo;
        return bestDomains.first();
    }
    if (!bestDomains.isEmpty() || failure != AddressSuggester::Failure::DomainFailed)
        return {};

    // The right name with the wrong ending. Of several providers by that name (yahoo.com,
    // yahoo.co.jp), the one with the same last label is meant ("yahoo.jp" -> yahoo.co.jp).
    QStringList slips;
    for (const QString &k : known) {
        const QString name = nameOf(k);
        if (domain.size() > name.size() + 1 && domain.startsWith(name) && domain.at(name.size()) == u'.'
            && looksLikeEnding(QStringView(domain).mid(name.size() + 1)))
            slips << k;
    }
    if (slips.size() > 1) {
        QStringList sameEnding;
        for (const QString &k : std::as_const(slips))
            if (lastLabel(k) == lastLabel(domain))
                sameEnding << k;
        slips = sameEnding;
    }
    if (slips.size() != 1)
        return {};
    kind = SuggestionKind::TopLevelDomain;
    return slips.first();
}

} // namespace

const QStringList &AddressSuggester::knownDomains()
{
    static const QStringList domains = [] {
        QStringList list;
        QFile file(QStringLiteral(":/suggest/mail-domains.txt"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return list;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).section(QLatin1Char('#'), 0, 0).trimmed();
            if (!line.isEmpty())
                list << line.toLower();
        }
        return list;
    }();
    return domains;
}

int AddressSuggester::editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Three rows: the swap of two neighbours looks two rows back.
    std::vector<int> twoBack(size_t(m + 1)), previous(size_t(m + 1)), current(size_t(m + 1));
    for (qsizetype j = 0; j <= m; ++j)
        previous[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int d = std::min(
                {previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, previous[size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d = std::min(d, twoBack[size_t(j - 2)] + 1);
            current[size_t(j)] = d;
        }
        std::swap(twoBack, previous);
        std::swap(previous, current);
    }
    return previous[size_t(m)];
}

AddressSuggester::Failure AddressSuggester::failureOf(const RecipientResult &r)
{
    const bool failed = r.permanent || r.action == QLatin1String("failed");
    if (!failed)
        return Failure::Other;
    if (r.reason == QLatin1String("hostunknown") || r.reason == QLatin1String("notaccept"))
        return Failure::DomainFailed;
    if (r.reason == QLatin1String("userunknown"))
        return Failure::MailboxUnknown;
    return Failure::Other;
}

AddressSuggestion AddressSuggester::suggest(const RecipientResult &r)
{
    AddressSuggestion s = suggest(r.address, failureOf(r));
    // The server refused the address as written: a malformed local part is a likely cause.
    static const QSet<QString> refusals = {QStringLiteral("syntaxerror"), QStringLiteral("notcompliantrfc"),
        QStringLiteral("rejected"), QStringLiteral("undefined")};
    if (s.localPart == LocalPartProblem::None && (r.permanent || r.action == QLatin1String("failed"))
        && refusals.contains(r.reason)) {
        const QString address = normalise(r.address);
        s.localPart
            = localPartProblem(QStringView(address).left(qMax<qsizetype>(0, address.lastIndexOf(u'@'))));
    }
    return s;
}

AddressSuggestion AddressSuggester::suggest(const QString &address, Failure failure)
{
    AddressSuggestion s;
    if (failure == Failure::Other)
        return s;
    const QString cleaned = normalise(address);
    const qsizetype at = cleaned.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == cleaned.size() - 1)
        return s;
    const QString local = cleaned.left(at);
    const QString domain = cleaned.mid(at + 1).toLower();
    if (failure == Failure::MailboxUnknown)
        s.localPart = localPartProblem(local);
    s.typedDomain = domain;
    s.normalised = cleaned.compare(address.trimmed(), Qt::CaseInsensitive) != 0;

    QString target;
    if (!knownDomains().contains(domain))
        target = closestDomain(domain, failure, s.kind);
    if (target.isEmpty() && s.normalised) {
        s.kind = SuggestionKind::Normalised;
        target = domain;
    }
    if (target.isEmpty())
        return s;
    s.domain = target;
    s.address = local + QLatin1Char('@') + target;
    return s;
}

QString AddressSuggester::describe(const AddressSuggestion &s, Language language)
{
    const KnowledgeBase &kb = KnowledgeBase::builtIn();
    const QString lang = languageCode(language);
    const QHash<QString, QString> values = {{QStringLiteral("suggestion"), s.address},
        {QStringLiteral("typed"), s.typedDomain}, {QStringLiteral("domain"), s.domain}};
    QStringList parts;
    switch (s.kind) {
    case SuggestionKind::None: break;
    case SuggestionKind::Normalised:
        parts << fillPlaceholders(kb.phrase(QStringLiteral("suggestion_normalised"), lang), values);
        break;
    case SuggestionKind::DomainTypo:
        parts << fillPlaceholders(kb.phrase(QStringLiteral("suggestion_domain_typo"), lang), values);
        break;
    case SuggestionKind::TopLevelDomain:
        parts << fillPlaceholders(kb.phrase(QStringLiteral("suggestion_domain_ending"), lang), values);
        break;
    }
    if (s.normalised && s.kind != SuggestionKind::Normalised && s.kind != SuggestionKind::None)
        parts << kb.phrase(QStringLiteral("suggestion_also_normalised"), lang);
    switch (s.localPart) {
    case LocalPartProblem::None: break;
    case LocalPartProblem::ConsecutiveDots:
        parts << kb.phrase(QStringLiteral("localpart_consecutive_dots"), lang);
        break;
    case LocalPartProblem::DotBeforeAt:
        parts << kb.phrase(QStringLiteral("localpart_dot_before_at"), lang);
        break;
    case LocalPartProblem::LeadingDot:
        parts << kb.phrase(QStringLiteral("localpart_leading_dot"), lang);
        break;
    }
    return parts.join(kb.phrase(QStringLiteral("sentence_separator"), lang));
}

} // namespace bouncelens

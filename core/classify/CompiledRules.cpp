#include "classify/CompiledRules.h"

#include "classify/ReasonRules.h"

#include <span>

namespace bouncelens::classification {

namespace {

Phrase compile(PatternAutomaton &automaton, const char *text)
{
    Phrase p;
    const QString s = QString::fromUtf8(text);
    for (const QString &piece : s.split(QStringLiteral("{}"), Qt::SkipEmptyParts))
        p.pieces.push_back(automaton.add(piece));
    return p;
}

int addGroup(Tables &t, const char *reason, const char *name, std::initializer_list<const char *> phrases)
{
    Group g {QString::fromLatin1(reason), QString::fromLatin1(name), {}};
    for (const char *p : phrases)
        if (Phrase phrase = compile(t.automaton, p); !phrase.pieces.empty())
            g.phrases.push_back(std::move(phrase));
    t.groups.push_back(std::move(g));
    return int(t.groups.size() - 1);
}

int addList(Tables &t, const char *reason, const char *name, std::span<const char *const> list)
{
    Group g {QString::fromLatin1(reason), QString::fromLatin1(name), {}};
    for (const char *p : list)
        if (Phrase phrase = compile(t.automaton, p); !phrase.pieces.empty())
            g.phrases.push_back(std::move(phrase));
    t.groups.push_back(std::move(g));
    return int(t.groups.size() - 1);
}

// Postfix "(in reply to X command)" and Exim "after X" say it outright.
const struct
{
    const char *text;
    Command command;
} kCommandMarkers[] = {
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

} // namespace

const Tables &tables()
{
    static const Tables t = [] {
        Tables t;
        for (const rules::PhraseGroup &g : rules::explicitPhrases())
            t.explicitGroups.push_back(addGroup(t, g.reason, g.name, g.phrases));
        for (const rules::PhraseGroup &g : rules::noticePhrases())
            t.noticeGroups.push_back(addGroup(t, g.reason, g.name, g.phrases));
        for (const rules::PhraseGroup &g : rules::gmailStates()) {
            const int id = addGroup(t, g.reason, g.name, g.phrases);
            if (t.gmailNotice < 0)
                t.gmailNotice = id;
            else
                t.gmailStateGroups.push_back(id);
        }
        for (const rules::StatusRule &c : rules::bounceCategories())
            t.bounceCategories.insert(QString::fromLatin1(c.status), QString::fromLatin1(c.reason));
        for (const rules::PhraseGroup &g : rules::reasonPhrases())
            t.byReason.insert(QString::fromLatin1(g.reason), addGroup(t, g.reason, g.name, g.phrases));
        t.notRejected = addList(t, "rejected", "rejected/not", rules::notRejectedPhrases());
        t.vacation = addList(t, "vacation", "vacation/phrase", rules::vacationPhrases());
        for (const rules::StatusRule &s : rules::statusRules())
            t.statusReason.insert(QString::fromLatin1(s.status), QString::fromLatin1(s.reason));
        for (const rules::HostClass &h : rules::hostClasses()) {
            HostClass c {QString::fromLatin1(h.name), {}};
            for (const char *s : h.suffixes) {
                HostSuffix x;
                x.suffix = QString::fromLatin1(s);
                x.dotted = x.suffix.startsWith(QLatin1Char('.')) ? x.suffix : QLatin1Char('.') + x.suffix;
                x.bare = x.dotted.mid(1);
                if (x.suffix.startsWith(QLatin1Char('.')) && x.suffix.count(QLatin1Char('.')) >= 2)
                    x.pattern = t.automaton.add(x.suffix);
                c.suffixes.push_back(std::move(x));
            }
            t.hostClasses.push_back(std::move(c));
        }
        for (const rules::HostRule &r : rules::hostRules()) {
            HostRule h {QString::fromLatin1(r.reason), QString::fromLatin1(r.status),
                QString::fromLatin1(r.reply), -1,
                QString::fromLatin1(r.reason) + QStringLiteral("/host:") + QString::fromLatin1(r.host)};
            if (r.phrase[0])
                h.group = addGroup(t, r.reason, r.host, {r.phrase});
            t.hostRules[QString::fromLatin1(r.host)].push_back(std::move(h));
        }
        for (const auto &m : kCommandMarkers)
            t.commandMarkers.push_back({t.automaton.add(QString::fromLatin1(m.text)), m.command});
        t.failure4 = t.automaton.add(QStringLiteral("<<< 4"));
        t.failure5 = t.automaton.add(QStringLiteral("<<< 5"));
        t.sent = t.automaton.add(QStringLiteral(">>> "));
        t.automaton.build();
        return t;
    }();
    return t;
}

} // namespace bouncelens::classification

#pragma once

#include "classify/PatternAutomaton.h"

#include <QHash>
#include <QString>

#include <vector>

namespace bouncelens::classification {

// The rule tables of ReasonRules.cpp compiled once per process: every phrase becomes a list of
// pattern ids of one shared automaton, host classes and rules are grouped for lookup.

// The SMTP command a failure answered.
enum class Command { Unknown, Connect, Helo, Mail, Rcpt, Data };

struct Phrase
{
    std::vector<int> pieces; // pattern ids, to be found in this order
};

struct Group
{
    QString reason;
    QString name;
    std::vector<Phrase> phrases;
};

struct HostRule
{
    QString reason;
    QString status;
    QString reply;
    int group = -1; // the rule's phrase as a one-phrase group, -1 when the code alone decides
    QString rule; // evidence rule name, "reason/host:name"
};

struct HostSuffix
{
    QString suffix; // as written: ".mail.aol.com" or "cox.net"
    QString dotted; // with a leading dot
    QString bare; // without a leading dot
    int pattern = -1; // searched for in diagnostics (dotted suffixes of two or more dots)
};

struct HostClass
{
    QString name;
    std::vector<HostSuffix> suffixes;
};

struct CommandMarker
{
    int pattern;
    Command command;
};

struct Tables
{
    PatternAutomaton automaton;
    std::vector<Group> groups; // every group; a text's verdicts are memoised per group id
    std::vector<int> explicitGroups;
    std::vector<int> noticeGroups;
    int gmailNotice = -1;
    std::vector<int> gmailStateGroups;
    QHash<QString, QString> bounceCategories;
    QHash<QString, int> byReason;
    int notRejected = -1;
    int vacation = -1;
    QHash<QString, QString> statusReason;
    std::vector<HostClass> hostClasses;
    QHash<QString, std::vector<HostRule>> hostRules; // by host class name, in table order
    std::vector<CommandMarker> commandMarkers;
    int failure4 = -1; // "<<< 4": a 4xx reply in a transcript
    int failure5 = -1; // "<<< 5"
    int sent = -1; // ">>> ": a command in a transcript
};

// The compiled tables (built on first use, then shared read-only).
[[nodiscard]] const Tables &tables();

} // namespace bouncelens::classification

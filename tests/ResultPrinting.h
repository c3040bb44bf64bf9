#pragma once
// Readable forms of the analysis result types for QCOMPARE: one field per line, so a failing
// row that compares whole values shows which field differs. Specialisations of QTest::toString,
// the documented hook, rather than ADL overloads that would clash with bouncelens::toString().
#include "analysis/AnalysisResult.h"

#include <QtTest>

namespace bouncelens::testing {

inline QString quoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    out.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

inline QString describe(const Evidence &e)
{
    return QStringLiteral("{rule %1, matched %2, field %3}")
        .arg(quoted(e.rule), quoted(e.matched), quoted(e.field));
}

inline QString describe(const RecipientResult &r)
{
    const auto yesNo = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); };
    QStringList lines;
    lines << QStringLiteral("RecipientResult {") << QStringLiteral("  address: ") + quoted(r.address)
          << QStringLiteral("  finalRecipient: ") + quoted(r.finalRecipient)
          << QStringLiteral("  addressGuessed: ") + yesNo(r.addressGuessed)
          << QStringLiteral("  action: ") + quoted(r.action)
          << QStringLiteral("  status: ") + quoted(r.status)
          << QStringLiteral("  replyCode: ") + quoted(r.replyCode)
          << QStringLiteral("  diagnostic: ") + quoted(r.diagnostic)
          << QStringLiteral("  remoteMta: ") + quoted(r.remoteMta)
          << QStringLiteral("  lastAttempt: ") + quoted(r.lastAttempt)
          << QStringLiteral("  retryUntil: ") + quoted(r.retryUntil)
          << QStringLiteral("  reason: ") + quoted(r.reason)
          << QStringLiteral("  permanent: ") + yesNo(r.permanent)
          << QStringLiteral("  hardBounce: ") + yesNo(r.hardBounce)
          << QStringLiteral("  evidence: ") + describe(r.evidence) << QStringLiteral("}");
    return lines.join(QLatin1Char('\n'));
}

inline QString describe(const OriginalMessage &o)
{
    return QStringLiteral("OriginalMessage {subject %1, messageId %2, date %3, from %4, to %5}")
        .arg(quoted(o.subject), quoted(o.messageId), quoted(o.date), quoted(o.from), quoted(o.to));
}

inline QString describe(const MessageAnalysis &a)
{
    QStringList lines;
    lines << QStringLiteral("MessageAnalysis {")
          << QStringLiteral("  source: %1 #%2").arg(quoted(a.source)).arg(a.index)
          << QStringLiteral("  kind: ") + toString(a.kind) << QStringLiteral("  notice: ") + quoted(a.notice)
          << QStringLiteral("  noticeKind: ") + toString(a.noticeKind)
          << QStringLiteral("  subject: ") + quoted(a.subject) << QStringLiteral("  from: ") + quoted(a.from)
          << QStringLiteral("  original: ") + describe(a.original)
          << QStringLiteral("  spans: %1, displayText: %2 characters")
                 .arg(a.spans.size())
                 .arg(a.displayText.size())
          << QStringLiteral("  warnings: ") + a.warnings.join(QStringLiteral("; "))
          << QStringLiteral("  error: ") + quoted(a.error);
    for (const RecipientResult &r : a.recipients)
        lines << QStringLiteral("  ") + describe(r).replace(QLatin1Char('\n'), QLatin1String("\n  "));
    lines << QStringLiteral("}");
    return lines.join(QLatin1Char('\n'));
}

} // namespace bouncelens::testing

namespace QTest {

template<> inline char *toString(const bouncelens::RecipientResult &r)
{
    return qstrdup(bouncelens::testing::describe(r).toUtf8().constData());
}

template<> inline char *toString(const bouncelens::Evidence &e)
{
    return qstrdup(bouncelens::testing::describe(e).toUtf8().constData());
}

template<> inline char *toString(const bouncelens::OriginalMessage &o)
{
    return qstrdup(bouncelens::testing::describe(o).toUtf8().constData());
}

template<> inline char *toString(const bouncelens::MessageAnalysis &a)
{
    return qstrdup(bouncelens::testing::describe(a).toUtf8().constData());
}

} // namespace QTest

// Compares two recipient lists whole, one recipient per QCOMPARE: a whole list in one comparison
// would not fit Qt Test's message buffer, so a failing row would not show which field differs.
#define BOUNCELENS_COMPARE_RECIPIENTS(actual, expected)                                                      \
    do {                                                                                                     \
        QCOMPARE((actual).size(), (expected).size());                                                        \
        for (qsizetype recipientIndex = 0; recipientIndex < (expected).size(); ++recipientIndex)             \
            QCOMPARE((actual).at(recipientIndex), (expected).at(recipientIndex));                            \
    } while (false)

#pragma once

#include "explain/BounceExplainer.h"
#include "export/BounceSummary.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace bouncelens {

// The three renderings of a BounceSummary that `bouncelens summary` writes and the window
// exports. Numbers are the summary's own; labels are in `language` (reason titles from the
// knowledge base, the rest translated under the context "SummaryWriter").
//
// - json: one indented object {"messages", "unreadable", "recipients", "hard_bounces",
//   "soft_bounces", "permanent", "temporary", "kinds", "by_reason", "by_domain" (the 20 most
//   frequent domains, then "other"), "by_day"}; language-independent.
// - text: a report for people, counts first so that columns line up in any script.
// - csv: "section,key,label,count" rows (sections total, kind, reason, domain, day), CRLF line
//   ends (RFC 4180); `withBom` for spreadsheet programs (the window's export), without for
//   scripts (the command line).
class SummaryWriter
{
    Q_DECLARE_TR_FUNCTIONS(SummaryWriter)

public:
    [[nodiscard]] static QByteArray json(const BounceSummary &summary);
    [[nodiscard]] static QString text(const BounceSummary &summary, Language language);
    [[nodiscard]] static QByteArray csv(const BounceSummary &summary, Language language, bool withBom);

    // The plain-language title of a reason ("The address does not exist"), from the knowledge base.
    [[nodiscard]] static QString reasonTitle(const QString &reason, Language language);
    // A message kind ("bounce") as a short translated label.
    [[nodiscard]] static QString kindLabel(const QString &kind);
    // A domain key, with "other" and "(none)" translated.
    [[nodiscard]] static QString domainLabel(const QString &domain);
    // A day key ("2026-11-24"), with "unknown" translated.
    [[nodiscard]] static QString dayLabel(const QString &day);
};

} // namespace bouncelens

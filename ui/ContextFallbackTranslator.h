#pragma once

#include <QTranslator>

namespace bouncelens {

// Workaround for a lupdate limitation. Several core/ and app/ files translate through a
// file-local helper `QString tr(const char *)` that calls QCoreApplication::translate("CommandLine"
// or "MailboxFetcher", ...). lupdate cannot see through the helper and files those strings under
// the enclosing namespace or class instead ("bouncelens", "bouncelens::CommandLine",
// "bouncelens::CommandOptions"), so the run-time lookup misses them. When a lookup fails, this
// translator also tries those contexts. Harmless once the helpers are replaced by
// Q_DECLARE_TR_FUNCTIONS or explicit QCoreApplication::translate calls.
class ContextFallbackTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;

    [[nodiscard]] QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                                    int n = -1) const override
    {
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (!text.isNull() || !context)
            return text;
        const QByteArray qualified = QByteArrayLiteral("bouncelens::") + context;
        for (const char *alias : {qualified.constData(), "bouncelens", "bouncelens::CommandOptions"}) {
            text = QTranslator::translate(alias, sourceText, disambiguation, n);
            if (!text.isNull())
                return text;
        }
        return text;
    }
};

} // namespace bouncelens

#include "explain/ReplyComposer.h"

#include "explain/AddressSuggester.h"
#include "explain/KnowledgeBase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bouncelens {

namespace {

using Texts = QHash<QString, QString>; // language -> text

struct TemplateGroup
{
    QString id;
    QStringList reasons;
    Texts subject;
    Texts what;
    Texts todo;
};

struct Templates
{
    Texts layout;
    Texts note;
    Texts titleEnd;
    QList<TemplateGroup> groups;
    QString error;

    [[nodiscard]] const TemplateGroup *group(const QString &id) const
    {
        for (const TemplateGroup &g : groups)
            if (g.id == id)
                return &g;
        return nullptr;
    }
};

Texts readTexts(const QJsonValue &value)
{
    Texts texts;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        texts.insert(it.key(), it.value().toString());
    return texts;
}

QString pick(const Texts &texts, const QString &language)
{
    const QString text = texts.value(language);
    return text.isEmpty() ? texts.value(QStringLiteral("en")) : text;
}

const Templates &templates()
{
    static const Templates t = [] {
        Templates loaded;
        QFile file(QStringLiteral(":/knowledge/reply-templates.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            loaded.error = QStringLiteral("cannot read :/knowledge/reply-templates.json");
            return loaded;
        }
        QJsonParseError parseError;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            loaded.error = parseError.errorString();
        loaded.layout = readTexts(root.value(QStringLiteral("layout")));
        loaded.note = readTexts(root.value(QStringLiteral("note")));
        loaded.titleEnd = readTexts(root.value(QStringLiteral("title_end")));
        for (const QJsonValue &v : root.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject o = v.toObject();
            TemplateGroup g;
            g.id = o.value(QStringLiteral("id")).toString();
            for (const QJsonValue &r : o.value(QStringLiteral("reasons")).toArray())
                g.reasons << r.toString();
            g.subject = readTexts(o.value(QStringLiteral("subject")));
            g.what = readTexts(o.value(QStringLiteral("what")));
            g.todo = readTexts(o.value(QStringLiteral("todo")));
            loaded.groups << g;
        }
        return loaded;
    }();
    return t;
}

} // namespace

QString ReplyComposer::loadError()
{
    return templates().error;
}

QStringList ReplyComposer::groups()
{
    QStringList ids;
    for (const TemplateGroup &g : templates().groups)
        ids << g.id;
    return ids;
}

QString ReplyComposer::groupOf(const MessageAnalysis &message, const RecipientResult &r)
{
    const bool informational = message.kind == MessageKind::Feedback || message.kind == MessageKind::AutoReply
        || message.kind == MessageKind::Delivered;
    if (informational)
        return QStringLiteral("info");
    if (message.kind == MessageKind::Delay || r.action == QLatin1String("delayed"))
        return QStringLiteral("delay");
    for (const TemplateGroup &g : templates().groups)
        if (g.reasons.contains(r.reason))
            return g.id;
    return QStringLiteral("other");
}

ReplyDraft ReplyComposer::compose(const MessageAnalysis &message, const RecipientResult &r, Language language)
{
    const Templates &t = templates();
    const QString lang = languageCode(language);
    ReplyDraft draft;
    draft.group = groupOf(message, r);
    // "Name <address>" as the original's From header writes it: the address is what mailto wants.
    const QString from = message.original.from.trimmed();
    const qsizetype open = from.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = from.lastIndexOf(QLatin1Char('>'));
    draft.to = open >= 0 && close > open ? from.mid(open + 1, close - open - 1).trimmed() : from;
    const TemplateGroup *g = t.group(draft.group);
    if (!g)
        g = t.group(QStringLiteral("other"));
    if (!g)
        return draft; // only when the built-in data is broken; tests guard against it

    QHash<QString, QString> values = BounceExplainer::placeholders(message, r, language);
    QString title = BounceExplainer::explain(message, r, language).title.trimmed();
    const QString end = pick(t.titleEnd, lang);
    if (!title.isEmpty() && !title.endsWith(end) && !title.endsWith(QLatin1Char('.')))
        title += end;
    values.insert(QStringLiteral("title"), title);
    const QString suggestion = AddressSuggester::describe(AddressSuggester::suggest(r), language);
    values.insert(QStringLiteral("suggestion"), suggestion);
    values.insert(QStringLiteral("note"),
        suggestion.isEmpty() ? QString() : fillPlaceholders(pick(t.note, lang), values));
    values.insert(QStringLiteral("what"), fillPlaceholders(pick(g->what, lang), values));
    values.insert(QStringLiteral("todo"), fillPlaceholders(pick(g->todo, lang), values));

    draft.subject = fillPlaceholders(pick(g->subject, lang), values);
    draft.body = fillPlaceholders(pick(t.layout, lang), values);
    return draft;
}

QUrl ReplyComposer::mailto(const ReplyDraft &draft)
{
    QString body = draft.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
        .replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QByteArray query
        = "subject=" + QUrl::toPercentEncoding(draft.subject) + "&body=" + QUrl::toPercentEncoding(body);
    return QUrl::fromEncoded(
        "mailto:" + QUrl::toPercentEncoding(draft.to, "@!$'()*+,;=") + '?' + query, QUrl::StrictMode);
}

} // namespace bouncelens

#include "explain/KnowledgeBase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bouncelens {

QString KnowledgeEntry::text(const QString &field, const QString &language) const
{
    const auto byLanguage = texts.value(field);
    const QString value = byLanguage.value(language);
    return value.isEmpty() ? byLanguage.value(QStringLiteral("en")) : value;
}

bool KnowledgeEntry::hasText(const QString &field, const QString &language) const
{
    return !texts.value(field).value(language).trimmed().isEmpty();
}

QString fillPlaceholders(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), i);
        if (open < 0) {
            out += QStringView(text).mid(i);
            break;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), open + 1);
        const QString name = close < 0 ? QString() : text.mid(open + 1, close - open - 1);
        out += QStringView(text).mid(i, open - i);
        if (close >= 0 && values.contains(name)) {
            out += values.value(name);
            i = close + 1;
        } else {
            out += QLatin1Char('{');
            i = open + 1;
        }
    }
    return out;
}

namespace {

using Texts = QHash<QString, QString>; // language -> text

Texts readTexts(const QJsonValue &value)
{
    Texts texts;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        texts.insert(it.key(), it.value().toString());
    return texts;
}

QJsonObject readJson(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error += QStringLiteral("cannot read %1; ").arg(path);
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        error += QStringLiteral("%1: %2 at offset %3; ")
                     .arg(path, parseError.errorString())
                     .arg(parseError.offset);
    return doc.object();
}

// The fields written per entry in the data files; "who" and "duration" are resolved separately.
const QStringList kTextFields = {QStringLiteral("title"), QStringLiteral("what"), QStringLiteral("fix"),
    QStringLiteral("customer"), QStringLiteral("duration")};

KnowledgeEntry readEntry(const QJsonObject &o, KnowledgeEntry::Group group)
{
    KnowledgeEntry e;
    e.group = group;
    e.key = o.value(group == KnowledgeEntry::Group::Reason ? QStringLiteral("id") : QStringLiteral("code"))
                .toString();
    e.kind = o.value(QStringLiteral("kind")).toString();
    if (e.kind.isEmpty())
        e.kind = group == KnowledgeEntry::Group::Reason ? QStringLiteral("reason") : QStringLiteral("reply");
    e.official = o.value(QStringLiteral("official")).toString();
    e.vendor = o.value(QStringLiteral("vendor")).toString();
    e.reference = o.value(QStringLiteral("reference")).toString();
    e.generic = o.value(QStringLiteral("generic")).toBool();
    for (const QJsonValue &hint : o.value(QStringLiteral("hints")).toArray())
        e.hints << hint.toString();
    for (const QString &field : kTextFields)
        if (o.contains(field))
            e.texts.insert(field, readTexts(o.value(field)));
    return e;
}

} // namespace

QStringList KnowledgeBase::fields(KnowledgeEntry::Group group)
{
    if (group == KnowledgeEntry::Group::Notice)
        return {QStringLiteral("title"), QStringLiteral("meaning")};
    QStringList f = {QStringLiteral("title"), QStringLiteral("what"), QStringLiteral("duration"),
        QStringLiteral("who"), QStringLiteral("fix")};
    if (group == KnowledgeEntry::Group::Reason)
        f << QStringLiteral("customer");
    return f;
}

const KnowledgeBase &KnowledgeBase::builtIn()
{
    // A function-local static: loaded on first use, thread-safe, never changed afterwards.
    static const KnowledgeBase kb = load(QStringLiteral(":/knowledge"));
    return kb;
}

KnowledgeBase KnowledgeBase::load(const QString &directory)
{
    KnowledgeBase kb;
    const QJsonObject phrases = readJson(directory + QStringLiteral("/phrases.json"), kb.m_error);
    const QJsonObject reasons = readJson(directory + QStringLiteral("/reasons.json"), kb.m_error);
    const QJsonObject replies = readJson(directory + QStringLiteral("/reply-codes.json"), kb.m_error);
    const QJsonObject statuses = readJson(directory + QStringLiteral("/status-codes.json"), kb.m_error);
    const QJsonObject notices = readJson(directory + QStringLiteral("/notices.json"), kb.m_error);

    const QJsonObject phraseTable = phrases.value(QStringLiteral("phrases")).toObject();
    for (auto it = phraseTable.begin(); it != phraseTable.end(); ++it)
        kb.m_phrases.insert(it.key(), readTexts(it.value()));
    // The languages are the ones the data names itself in; adding one is adding its texts.
    kb.m_languages = kb.m_phrases.value(QStringLiteral("language_name")).keys();
    std::sort(kb.m_languages.begin(), kb.m_languages.end());
    const QJsonObject roleTable = phrases.value(QStringLiteral("roles")).toObject();
    for (auto it = roleTable.begin(); it != roleTable.end(); ++it)
        kb.m_roles.insert(it.key(), readTexts(it.value()));
    const QHash<QString, Texts> &roles = kb.m_roles;

    // "Who acts" is written as role names so the wording stays the same in every entry.
    auto resolveWho = [&](KnowledgeEntry &e, const QJsonObject &o) {
        Texts who;
        const QJsonArray names = o.value(QStringLiteral("who")).toArray();
        for (const QString &language : std::as_const(kb.m_languages)) {
            QStringList parts;
            for (const QJsonValue &name : names) {
                if (!roles.contains(name.toString()))
                    kb.m_error += QStringLiteral("%1: unknown role %2; ").arg(e.key, name.toString());
                parts << roles.value(name.toString()).value(language);
            }
            QString text = parts.join(kb.phrase(QStringLiteral("list_separator"), language));
            if (!text.isEmpty())
                text[0] = text.at(0).toUpper();
            who.insert(language, text);
        }
        e.texts.insert(QStringLiteral("who"), who);
    };

    for (const QJsonValue &v : reasons.value(QStringLiteral("entries")).toArray()) {
        KnowledgeEntry e = readEntry(v.toObject(), KnowledgeEntry::Group::Reason);
        resolveWho(e, v.toObject());
        kb.m_reasons << e;
    }

    // Reply codes: "temporary or permanent" is a property of the class (first digit).
    const QJsonObject replyClasses = replies.value(QStringLiteral("classes")).toObject();
    for (const QJsonValue &v : replies.value(QStringLiteral("entries")).toArray()) {
        KnowledgeEntry e = readEntry(v.toObject(), KnowledgeEntry::Group::ReplyCode);
        const QJsonObject klass = replyClasses.value(e.key.left(1)).toObject();
        e.texts.insert(QStringLiteral("duration"), readTexts(klass.value(QStringLiteral("duration"))));
        resolveWho(e, v.toObject());
        kb.m_replyCodes << e;
    }

    // Status codes: class entries carry their own verdict; vendor codes take their class's;
    // registry subjects and details ("X.1.1") stand for every class and say so.
    const Texts anyClass = readTexts(statuses.value(QStringLiteral("any_class_duration")));
    for (const QJsonValue &v : statuses.value(QStringLiteral("entries")).toArray()) {
        KnowledgeEntry e = readEntry(v.toObject(), KnowledgeEntry::Group::StatusCode);
        resolveWho(e, v.toObject());
        kb.m_statusCodes << e;
    }
    for (KnowledgeEntry &e : kb.m_statusCodes) {
        if (e.kind == QLatin1String("class"))
            continue;
        if (e.kind == QLatin1String("vendor")) {
            if (const KnowledgeEntry *klass = kb.statusEntry(e.key.left(1) + QStringLiteral(".XXX.YYY")))
                e.texts.insert(QStringLiteral("duration"), klass->texts.value(QStringLiteral("duration")));
        } else {
            e.texts.insert(QStringLiteral("duration"), anyClass);
        }
    }
    for (const QJsonValue &v : notices.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject o = v.toObject();
        KnowledgeEntry e;
        e.group = KnowledgeEntry::Group::Notice;
        e.key = o.value(QStringLiteral("id")).toString();
        e.kind = QStringLiteral("notice");
        for (const QString &field : fields(KnowledgeEntry::Group::Notice))
            e.texts.insert(field, readTexts(o.value(field)));
        kb.m_notices << e;
    }
    if (kb.m_languages.isEmpty())
        kb.m_error += QStringLiteral("no languages in %1/phrases.json; ").arg(directory);
    return kb;
}

const KnowledgeEntry *KnowledgeBase::reason(const QString &id) const
{
    for (const KnowledgeEntry &e : m_reasons)
        if (e.key == id)
            return &e;
    return nullptr;
}

const KnowledgeEntry *KnowledgeBase::notice(const QString &kind) const
{
    for (const KnowledgeEntry &e : m_notices)
        if (e.key == kind)
            return &e;
    return nullptr;
}

const KnowledgeEntry *KnowledgeBase::replyCode(const QString &code) const
{
    for (const KnowledgeEntry &e : m_replyCodes)
        if (e.key == code)
            return &e;
    return nullptr;
}

const KnowledgeEntry *KnowledgeBase::statusEntry(const QString &key) const
{
    for (const KnowledgeEntry &e : m_statusCodes)
        if (e.key == key)
            return &e;
    return nullptr;
}

const KnowledgeEntry *KnowledgeBase::explainStatus(const QString &code, const QString &context) const
{
    const QStringList parts = code.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return nullptr;
    // Vendors reuse registry numbers with other meanings (Microsoft's 5.1.10 is "recipient not
    // found", the registry's X.1.10 is "null MX"), so a vendor entry wins only on its evidence.
    const KnowledgeEntry *vendor = nullptr;
    for (const KnowledgeEntry &e : m_statusCodes) {
        if (e.kind != QLatin1String("vendor") || e.key != code)
            continue;
        vendor = &e;
        for (const QString &hint : e.hints)
            if (context.contains(hint, Qt::CaseInsensitive))
                return &e;
    }
    if (const KnowledgeEntry *detail = statusEntry(QStringLiteral("X.%1.%2").arg(parts.at(1), parts.at(2))))
        return detail;
    if (vendor)
        return vendor;
    if (const KnowledgeEntry *subject = statusEntry(QStringLiteral("X.%1.YYY").arg(parts.at(1))))
        return subject;
    return statusEntry(parts.at(0) + QStringLiteral(".XXX.YYY"));
}

QString KnowledgeBase::role(const QString &name, const QString &language) const
{
    const Texts texts = m_roles.value(name);
    const QString value = texts.value(language);
    return value.isEmpty() ? texts.value(QStringLiteral("en")) : value;
}

QString KnowledgeBase::phrase(const QString &key, const QString &language) const
{
    const Texts texts = m_phrases.value(key);
    const QString value = texts.value(language);
    return value.isEmpty() ? texts.value(QStringLiteral("en")) : value;
}

} // namespace bouncelens

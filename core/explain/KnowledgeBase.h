#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace bouncelens {

// One entry of the knowledge base: a bounce reason, an SMTP reply code, an enhanced status
// code or a kind of opening notice, with its texts in every language the data carries. Texts are keyed by
// field and then by language code ("en", "ja", ...), so a new language is new data, not new code.
struct KnowledgeEntry
{
    enum class Group { Reason, ReplyCode, StatusCode, Notice };

    Group group = Group::Reason;
    QString key; // "userunknown", "550", "5.XXX.YYY", "X.1.YYY", "X.1.1", "5.7.606", "delayed"
    QString kind; // reason, reply, class, subject, detail, vendor
    QString official; // the registry's own English title (status codes), as a reference
    QString vendor; // vendor entries: whose code this is ("Microsoft")
    QString reference; // where the code is defined ("RFC 3463", vendor documentation)
    QStringList hints; // vendor entries: words in the server text or host names that identify it
    bool generic = false; // says little on its own ("x.0.0", "554"): prefer a more specific entry
    QHash<QString, QHash<QString, QString>> texts; // field -> language -> text

    // The text of `field` in `language`, falling back to English, then to "".
    [[nodiscard]] QString text(const QString &field, const QString &language) const;
    [[nodiscard]] bool hasText(const QString &field, const QString &language) const;
};

// The bilingual knowledge base in resources/knowledge/*.json, compiled in as the Qt resource
// :/knowledge. Inheritance (class-level "temporary or permanent" texts, "who acts" role names)
// is resolved while loading, so every entry carries every field it shows.
class KnowledgeBase
{
public:
    // The fields every entry of a group carries (the completeness contract of the catalog).
    [[nodiscard]] static QStringList fields(KnowledgeEntry::Group group);

    // The knowledge base compiled into the program; loaded once, then shared read-only.
    [[nodiscard]] static const KnowledgeBase &builtIn();
    // Loads the JSON files of a directory (":/knowledge" or a path on disk).
    [[nodiscard]] static KnowledgeBase load(const QString &directory);

    [[nodiscard]] QString error() const { return m_error; } // "" when everything loaded
    [[nodiscard]] QStringList languages() const { return m_languages; }

    [[nodiscard]] const QList<KnowledgeEntry> &reasons() const { return m_reasons; }
    [[nodiscard]] const QList<KnowledgeEntry> &replyCodes() const { return m_replyCodes; }
    [[nodiscard]] const QList<KnowledgeEntry> &statusCodes() const { return m_statusCodes; }
    // The kinds of opening notice (notices.json), keyed by the JSON notice_kind ("not-delivered").
    [[nodiscard]] const QList<KnowledgeEntry> &notices() const { return m_notices; }
    [[nodiscard]] const KnowledgeEntry *notice(const QString &kind) const;

    [[nodiscard]] const KnowledgeEntry *reason(const QString &id) const;
    [[nodiscard]] const KnowledgeEntry *replyCode(const QString &code) const;
    // An entry by its key exactly as listed ("X.1.1", "5.XXX.YYY", "5.7.606").
    [[nodiscard]] const KnowledgeEntry *statusEntry(const QString &key) const;
    // The entry that best explains a status code as written ("5.1.10"): a vendor entry whose
    // hints occur in `context` (server text, host names), else the registry's detail, else a
    // vendor entry for a code the registry lacks, else the subject, else the class.
    [[nodiscard]] const KnowledgeEntry *explainStatus(const QString &code, const QString &context = {}) const;

    // A phrase of the composer (labels, verdicts, fallbacks) in `language`, English fallback.
    [[nodiscard]] QString phrase(const QString &key, const QString &language) const;
    [[nodiscard]] QStringList phraseKeys() const { return m_phrases.keys(); }
    // A "who acts" role ("sender", "recipient_admin", ...) in `language`, English fallback.
    [[nodiscard]] QString role(const QString &name, const QString &language) const;

private:
    QString m_error;
    QStringList m_languages;
    QList<KnowledgeEntry> m_reasons;
    QList<KnowledgeEntry> m_replyCodes;
    QList<KnowledgeEntry> m_statusCodes;
    QList<KnowledgeEntry> m_notices;
    QHash<QString, QHash<QString, QString>> m_phrases; // key -> language -> text
    QHash<QString, QHash<QString, QString>> m_roles; // role -> language -> text
};

// Fills "{name}" placeholders in one pass (values are not scanned again, so a subject that
// itself contains braces stays as written).
[[nodiscard]] QString fillPlaceholders(const QString &text, const QHash<QString, QString> &values);

} // namespace bouncelens

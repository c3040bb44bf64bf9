#pragma once

#include "LoadedMessage.h"

#include <QAbstractTableModel>
#include <QCollator>
#include <QDateTime>
#include <QHash>
#include <QStringMatcher>

#include <limits>
#include <vector>

namespace bouncelens {

// The bounce table: one row per recipient of every loaded message, and one row for a message
// that names no recipient (a non-bounce, an unreadable file), so that every input shows up.
// Messages are kept compact (LoadedMessage): what the table shows and where the message lives;
// fullMessage() brings one back whole for the views.
//
// Columns (BounceTableModel::Column), Qt::DisplayRole text / Qt::ToolTipRole:
//   Recipient   address                       / the server's message (diagnostic)
//   Reason      translated short reason name  / the reason's technical (Sisimai) name
//   ReplyCode   SMTP reply code as written, "" when none
//   Status      enhanced status code as written, "" when none
//   Type        "Permanent failure" / "Temporary failure" ("" for non-failures)
//   HardBounce  "Yes" / "No"                  / what a hard bounce means
//   Date        the bounce's date (MailDate), local time "yyyy-MM-dd HH:mm", "" when it cannot be
//               read / the Date header as written
//   Source      file name (and "#n" inside an mbox) / full path
// Roles, on every column of a row:
//   SortRole          what sorting compares (QDateTime for Date, bools as 0/1, text otherwise)
//   MessageIndexRole  index of the row's message in messages()
//   RecipientIndexRole index into that message's recipients, -1 for a row without one
//   ReasonRole        the technical reason name ("userunknown"), "" for a row without one
//   PermanentRole     bool, the failure is permanent
//   HardBounceRole    bool, the address must not be mailed again
//   FailureRole       bool, the row is a failed or delayed delivery (bounce or delay notice)
//   SearchTextRole    lower-case text the search box matches against (all columns + diagnostic)
// Texts are translated when asked for, so retranslate() only has to announce the change.
//
// Sorting and searching stay fast on 300,000 rows (BounceFilterProxy asks rowLessThan() and
// rowContainsAll() instead of the roles): when rows are appended, each gets its sort keys (date as
// milliseconds, reply and status codes as numbers, the address as a QCollatorSortKey, the source
// file name's collation key per message, the translated reason as its rank among the few distinct
// labels) and its shown date as text, so a comparison is a few integer or byte compares and a
// search a case-insensitive substring test on the strings the row already holds (no copy of the
// server's text, which would double the memory of the rows). The order is the one
// locale-aware comparison (QString::localeAwareCompare) of the shown text gives, except that codes and the
// "#n" of a message inside an mbox sort as numbers.
class BounceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Recipient, Reason, ReplyCode, Status, Type, HardBounce, Date, Source, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        MessageIndexRole,
        RecipientIndexRole,
        ReasonRole,
        PermanentRole,
        HardBounceRole,
        FailureRole,
        SearchTextRole,
    };

    explicit BounceTableModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Appends analysed messages as one insertion (the loader delivers them in batches).
    void appendMessages(const QList<LoadedMessage> &messages);
    void clear();
    // After a language switch: every header and cell text may have changed.
    void retranslate();

    [[nodiscard]] const QList<LoadedMessage> &messages() const { return m_messages; }
    // The message as kept: compact for messages read from files (LoadedMessage).
    [[nodiscard]] const LoadedMessage &messageAt(int messageIndex) const
    {
        return m_messages.at(messageIndex);
    }
    // The message whole, with its display text, spans and bytes: a compact one is read again from
    // where it lives and analysed again (the last few are cached, so moving between the
    // recipients of one message does not repeat the work). A message whose file has changed or
    // gone comes back with `error` set.
    [[nodiscard]] LoadedMessage fullMessage(int messageIndex) const;
    // The first row that shows this message (and recipient, when given), -1 when none.
    [[nodiscard]] int rowOf(int messageIndex, int recipient = -1) const;
    // Whether row LEFT sorts before row RIGHT on COLUMN (by the precomputed keys; ties: false).
    [[nodiscard]] bool rowLessThan(int column, int left, int right) const;
    // Whether every one of WORDS (case-insensitive matchers of words without spaces) occurs in
    // the row's search text, the text SearchTextRole gives (a word is matched within one field).
    [[nodiscard]] bool rowContainsAll(int row, const QList<QStringMatcher> &words) const;
    // Whether the row's technical reason name is REASON (a row without a recipient has "").
    [[nodiscard]] bool rowHasReason(int row, const QString &reason) const;
    // FailureRole && PermanentRole, and HardBounceRole, without a QVariant.
    [[nodiscard]] bool isPermanentFailure(int row) const;
    [[nodiscard]] bool isHardBounce(int row) const;

    // The distinct technical reason names present, sorted.
    [[nodiscard]] QStringList reasons() const;

    // The bounce's Date header as a date-time, invalid when it cannot be read.
    [[nodiscard]] static QDateTime parseDate(const QString &rfc2822);

private:
    static constexpr qint64 kNoDate = std::numeric_limits<qint64>::min();

    struct Row
    {
        int message = 0;
        int recipient = -1;
        qint64 date = kNoDate; // milliseconds since the epoch
        int label = 0; // index into m_labels: what the Reason column shows
        int replyCode = -1; // -1: none
        qint64 status = -1; // class*10^6 + subject*10^3 + detail; -1: none
        qint8 type = -1; // SortRole of Type and HardBounce: -1 none, 0 no, 1 yes
        qint8 hard = -1;
        bool permanentFailure = false;
        bool failure = false; // the message is a bounce or a delay notice
        char dateText[16] {}; // dateText(date) in Latin-1, for the search; unused when no date
    };
    // What the Reason column shows for a row: a reason's label, a message kind, or "unreadable".
    struct Label
    {
        QString key; // identity, independent of the language
        QString reason;
        MessageKind kind = MessageKind::NotBounce;
        bool unreadable = false;
        QString text; // translated
        int rank = 0; // position among the labels in collation order
    };
    struct MessageKeys
    {
        int name = 0; // index into m_nameKeys: messages of one file share it
        int index = 0; // analysis.index, the "#n" inside an mbox
    };

    [[nodiscard]] QVariant display(const Row &row, int column) const;
    // What the Date column shows for DATE (milliseconds since the epoch, or kNoDate).
    [[nodiscard]] static QString dateText(qint64 date);
    // What the Source column shows: the file name, and "#n" for a message inside an mbox.
    [[nodiscard]] static QString sourceText(const MessageAnalysis &a);
    [[nodiscard]] static QString labelText(const Label &label);
    [[nodiscard]] int labelOf(const MessageAnalysis &a, const RecipientResult *r);
    // Ranks and search texts of the labels and of the translated Type / Hard bounce texts.
    void refreshTranslatedKeys();

    QList<LoadedMessage> m_messages;
    QList<Row> m_rows;
    std::vector<QCollatorSortKey> m_recipientKeys; // per row
    std::vector<MessageKeys> m_messageKeys; // per message
    std::vector<QCollatorSortKey> m_nameKeys; // per distinct source file name
    QHash<QString, int> m_nameIds;
    QList<Label> m_labels;
    QString m_translated[4]; // "Permanent failure", "Temporary failure", "Yes", "No"
    // The default locale's collation, as QString::localeAwareCompare (what QSortFilterProxyModel
    // uses for locale-aware sorting, whatever its case sensitivity).
    QCollator m_collator;
    mutable QList<std::pair<int, LoadedMessage>> m_recentlyShown; // most recent first
    static constexpr qsizetype kRecentlyShown = 8;
};

} // namespace bouncelens

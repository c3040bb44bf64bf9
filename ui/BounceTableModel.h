#pragma once

#include "LoadedMessage.h"

#include <QAbstractTableModel>
#include <QDateTime>

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
    // The distinct technical reason names present, sorted.
    [[nodiscard]] QStringList reasons() const;

    // The bounce's Date header as a date-time, invalid when it cannot be read.
    [[nodiscard]] static QDateTime parseDate(const QString &rfc2822);

private:
    struct Row
    {
        int message = 0;
        int recipient = -1;
        QDateTime date;
    };

    [[nodiscard]] QVariant display(const Row &row, int column) const;

    QList<LoadedMessage> m_messages;
    QList<Row> m_rows;
    mutable QList<std::pair<int, LoadedMessage>> m_recentlyShown; // most recent first
    static constexpr qsizetype kRecentlyShown = 8;
};

} // namespace bouncelens

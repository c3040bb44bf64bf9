#include "BounceTableModel.h"

#include "ReasonLabels.h"

#include "analysis/BounceAnalyzer.h"
#include "message/MailDate.h"
#include "message/MboxReader.h"

#include <QSet>

namespace bouncelens {

BounceTableModel::BounceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int BounceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BounceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime BounceTableModel::parseDate(const QString &text)
{
    return MailDate::parse(text);
}

void BounceTableModel::appendMessages(const QList<LoadedMessage> &messages)
{
    if (messages.isEmpty())
        return;
    QList<Row> rows;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const MessageAnalysis &a = messages.at(i).analysis;
        const int message = int(m_messages.size() + i);
        const QDateTime date = parseDate(a.date.isEmpty() ? a.arrivalDate : a.date);
        if (a.recipients.isEmpty())
            rows.append({message, -1, date});
        for (qsizetype r = 0; r < a.recipients.size(); ++r)
            rows.append({message, int(r), date});
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_messages.append(messages);
    m_rows.append(rows);
    endInsertRows();
}

LoadedMessage BounceTableModel::fullMessage(int messageIndex) const
{
    const LoadedMessage &kept = m_messages.at(messageIndex);
    if (!kept.isCompact())
        return kept;
    for (qsizetype i = 0; i < m_recentlyShown.size(); ++i) {
        if (m_recentlyShown.at(i).first == messageIndex) {
            m_recentlyShown.move(i, 0);
            return m_recentlyShown.first().second;
        }
    }
    const RawMessage raw
        = MboxReader::readAt(kept.analysis.source, kept.offset, kept.length, kept.analysis.index);
    LoadedMessage full {BounceAnalyzer().analyze(raw), raw.bytes, kept.offset, kept.length};
    m_recentlyShown.prepend({messageIndex, full});
    if (m_recentlyShown.size() > kRecentlyShown)
        m_recentlyShown.removeLast();
    return full;
}

void BounceTableModel::clear()
{
    m_recentlyShown.clear();
    beginResetModel();
    m_messages.clear();
    m_rows.clear();
    endResetModel();
}

void BounceTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(
            index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

int BounceTableModel::rowOf(int messageIndex, int recipient) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).message == messageIndex && (recipient < 0 || m_rows.at(i).recipient == recipient))
            return int(i);
    return -1;
}

QStringList BounceTableModel::reasons() const
{
    QSet<QString> set;
    for (const LoadedMessage &m : m_messages)
        for (const RecipientResult &r : m.analysis.recipients)
            set.insert(r.reason);
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

QVariant BounceTableModel::display(const Row &row, int column) const
{
    const MessageAnalysis &a = m_messages.at(row.message).analysis;
    const RecipientResult *r = row.recipient >= 0 ? &a.recipients.at(row.recipient) : nullptr;
    const bool failure = a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay;
    switch (column) {
    case Recipient: return r ? r->address : QString();
    case Reason:
        if (!a.ok() && !r)
            return tr("Could not be read");
        return r ? ReasonLabels::reason(r->reason) : ReasonLabels::kind(a.kind);
    case ReplyCode: return r ? r->replyCode : QString();
    case Status: return r ? r->status : QString();
    case Type: return r && failure ? ReasonLabels::verdict(r->permanent) : QString();
    case HardBounce: return r ? (r->hardBounce ? tr("Yes") : tr("No")) : QString();
    case Date:
        // One format, the user's local time; the header as written is the tooltip.
        return row.date.isValid() ? row.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                  : QString();
    case Source: {
        // The last path element, without QFileInfo: sorting 300,000 rows asks for it millions of times.
        const QString name = a.source.mid(a.source.lastIndexOf(QLatin1Char('/')) + 1);
        return a.index > 0 || name.isEmpty()
            ? tr("%1 #%2").arg(name.isEmpty() ? a.source : name).arg(a.index + 1)
            : name;
    }
    default: break;
    }
    return {};
}

QVariant BounceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const MessageAnalysis &a = m_messages.at(row.message).analysis;
    const RecipientResult *r = row.recipient >= 0 ? &a.recipients.at(row.recipient) : nullptr;
    switch (role) {
    case Qt::DisplayRole: return display(row, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Recipient:
            return r && !r->diagnostic.isEmpty() ? r->diagnostic : (a.ok() ? QVariant() : a.error);
        case Reason: return r ? r->reason : (a.ok() ? QVariant() : a.error);
        case HardBounce:
            return tr("A hard bounce means the address itself is bad: remove it from your lists.");
        case Date: return a.date;
        case Source: return a.source;
        default: return {};
        }
    case SortRole:
        switch (index.column()) {
        case Date: return row.date;
        case HardBounce: return r ? int(r->hardBounce) : -1;
        case Type: return r ? int(r->permanent) : -1;
        default: return display(row, index.column());
        }
    case MessageIndexRole: return row.message;
    case RecipientIndexRole: return row.recipient;
    case ReasonRole: return r ? r->reason : QString();
    case PermanentRole: return r && r->permanent;
    case HardBounceRole: return r && r->hardBounce;
    case FailureRole: return r && (a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay);
    case SearchTextRole: {
        QStringList parts;
        for (int c = 0; c < ColumnCount; ++c)
            parts << display(row, c).toString();
        if (r)
            parts << r->reason << r->diagnostic << r->remoteMta;
        parts << a.source << a.original.subject;
        return parts.join(QLatin1Char('\n')).toLower();
    }
    default: break;
    }
    return {};
}

QVariant BounceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Recipient: return tr("Recipient");
        case Reason: return tr("Reason");
        case ReplyCode: return tr("Reply code");
        case Status: return tr("Status");
        case Type: return tr("Temporary/permanent");
        case HardBounce: return tr("Hard bounce");
        case Date: return tr("Date");
        case Source: return tr("Source");
        default: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ReplyCode:
            return tr("The SMTP reply code the server answered with (5xx permanent, 4xx temporary)");
        case Status: return tr("The enhanced status code (RFC 3463) given in the bounce");
        case HardBounce: return tr("Whether the address itself is bad and must not be mailed again");
        default: break;
        }
    }
    return {};
}

} // namespace bouncelens

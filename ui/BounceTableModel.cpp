#include "BounceTableModel.h"

#include "ReasonLabels.h"

#include "analysis/BounceAnalyzer.h"
#include "message/MailDate.h"
#include "message/MboxReader.h"

#include <QSet>

#include <algorithm>

namespace bouncelens {

namespace {

bool contains(const QStringMatcher &word, QStringView text)
{
    return word.indexIn(text) >= 0;
}

// "550" -> 550; -1 when empty, 0 when not a number.
int replyCodeKey(const QString &code)
{
    return code.isEmpty() ? -1 : code.toInt();
}

// "5.1.10" -> 5001010, so that 5.1.10 sorts after 5.1.9; -1 when empty.
qint64 statusKey(const QString &status)
{
    if (status.isEmpty())
        return -1;
    qint64 key = 0;
    int parts = 0;
    for (const QStringView part : QStringView(status).split(QLatin1Char('.'))) {
        if (++parts > 3)
            break;
        key = key * 1000 + std::min(part.toInt(), 999);
    }
    for (; parts < 3; ++parts)
        key *= 1000;
    return key;
}

template<typename T> int compareKeys(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

BounceTableModel::BounceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    refreshTranslatedKeys();
}

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

QString BounceTableModel::labelText(const Label &label)
{
    if (label.unreadable)
        return tr("Could not be read");
    return label.key.startsWith(QLatin1Char('r')) ? ReasonLabels::reason(label.reason)
                                                  : ReasonLabels::kind(label.kind);
}

int BounceTableModel::labelOf(const MessageAnalysis &a, const RecipientResult *r)
{
    Label label;
    if (r) {
        label.key = QLatin1Char('r') + r->reason;
        label.reason = r->reason;
    } else if (!a.ok()) {
        label.key = QStringLiteral("e");
        label.unreadable = true;
    } else {
        label.key = QLatin1Char('k') + QString::number(int(a.kind));
        label.kind = a.kind;
    }
    for (qsizetype i = 0; i < m_labels.size(); ++i)
        if (m_labels.at(i).key == label.key)
            return int(i);
    m_labels.append(label);
    refreshTranslatedKeys();
    return int(m_labels.size() - 1);
}

void BounceTableModel::refreshTranslatedKeys()
{
    QList<std::pair<QString, int>> texts;
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        m_labels[i].text = labelText(m_labels.at(i));
        texts.append({m_labels.at(i).text, int(i)});
    }
    std::stable_sort(texts.begin(), texts.end(),
        [this](const auto &a, const auto &b) { return m_collator.compare(a.first, b.first) < 0; });
    int rank = 0;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0 && m_collator.compare(texts.at(i - 1).first, texts.at(i).first) != 0)
            ++rank;
        m_labels[texts.at(i).second].rank = rank;
    }
    m_translated[0] = ReasonLabels::verdict(true);
    m_translated[1] = ReasonLabels::verdict(false);
    m_translated[2] = tr("Yes");
    m_translated[3] = tr("No");
}

void BounceTableModel::appendMessages(const QList<LoadedMessage> &messages)
{
    if (messages.isEmpty())
        return;
    QList<Row> rows;
    std::vector<QCollatorSortKey> recipientKeys;
    std::vector<MessageKeys> messageKeys;
    messageKeys.reserve(messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const MessageAnalysis &a = messages.at(i).analysis;
        const int message = int(m_messages.size() + i);
        const QDateTime parsed = parseDate(a.date.isEmpty() ? a.arrivalDate : a.date);
        const qint64 date = parsed.isValid() ? parsed.toMSecsSinceEpoch() : kNoDate;
        const bool failure = a.kind == MessageKind::Bounce || a.kind == MessageKind::Delay;
        const QString name = a.source.mid(a.source.lastIndexOf(QLatin1Char('/')) + 1);
        const QString &shownName = name.isEmpty() ? a.source : name;
        auto id = m_nameIds.constFind(shownName);
        if (id == m_nameIds.cend()) {
            id = m_nameIds.insert(shownName, int(m_nameKeys.size()));
            m_nameKeys.push_back(m_collator.sortKey(shownName));
        }
        messageKeys.push_back({*id, a.index});
        const QByteArray shownDate = dateText(date).toLatin1();
        for (qsizetype n = 0; n < std::max<qsizetype>(1, a.recipients.size()); ++n) {
            const RecipientResult *r = n < a.recipients.size() ? &a.recipients.at(n) : nullptr;
            Row row;
            row.message = message;
            row.recipient = r ? int(n) : -1;
            row.date = date;
            row.failure = failure;
            std::copy_n(shownDate.constData(), std::min<qsizetype>(shownDate.size(), 16), row.dateText);
            row.label = labelOf(a, r);
            if (r) {
                row.replyCode = replyCodeKey(r->replyCode);
                row.status = statusKey(r->status);
                row.type = qint8(r->permanent);
                row.hard = qint8(r->hardBounce);
                row.permanentFailure = failure && r->permanent;
            }
            recipientKeys.push_back(m_collator.sortKey(r ? r->address : QString()));
            rows.append(std::move(row));
        }
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_messages.append(messages);
    m_rows.append(rows);
    std::move(recipientKeys.begin(), recipientKeys.end(), std::back_inserter(m_recipientKeys));
    std::move(messageKeys.begin(), messageKeys.end(), std::back_inserter(m_messageKeys));
    endInsertRows();
}

bool BounceTableModel::rowLessThan(int column, int left, int right) const
{
    const Row &a = m_rows.at(left);
    const Row &b = m_rows.at(right);
    int c = 0;
    switch (column) {
    case Recipient: c = m_recipientKeys[size_t(left)].compare(m_recipientKeys[size_t(right)]); break;
    case Reason: c = compareKeys(m_labels.at(a.label).rank, m_labels.at(b.label).rank); break;
    case ReplyCode: c = compareKeys(a.replyCode, b.replyCode); break;
    case Status: c = compareKeys(a.status, b.status); break;
    case Type: c = compareKeys(a.type, b.type); break;
    case HardBounce: c = compareKeys(a.hard, b.hard); break;
    case Date: c = compareKeys(a.date, b.date); break;
    case Source: {
        const MessageKeys &l = m_messageKeys[size_t(a.message)];
        const MessageKeys &g = m_messageKeys[size_t(b.message)];
        c = l.name == g.name ? 0 : m_nameKeys[size_t(l.name)].compare(m_nameKeys[size_t(g.name)]);
        if (c == 0)
            c = compareKeys(l.index, g.index);
    } break;
    default: break;
    }
    return c < 0;
}

bool BounceTableModel::rowContainsAll(int row, const QList<QStringMatcher> &words) const
{
    const Row &w = m_rows.at(row);
    const MessageAnalysis &a = m_messages.at(w.message).analysis;
    const RecipientResult *r = w.recipient >= 0 ? &a.recipients.at(w.recipient) : nullptr;
    const QString &label = m_labels.at(w.label).text;
    for (const QStringMatcher &word : words) {
        if (contains(word, label) || contains(word, a.source) || contains(word, a.original.subject)
            || (w.date != kNoDate && contains(word, QString::fromLatin1(w.dateText, 16))))
            continue;
        if (r
            && (contains(word, r->address) || contains(word, r->replyCode) || contains(word, r->status)
                || contains(word, r->reason) || contains(word, r->diagnostic) || contains(word, r->remoteMta)
                || (w.failure && contains(word, m_translated[r->permanent ? 0 : 1]))
                || contains(word, m_translated[r->hardBounce ? 2 : 3])))
            continue;
        // The shown source adds " #n" to the file name (the path holds the name): only a word
        // without letters can match there.
        const QString pattern = word.pattern();
        if (std::none_of(pattern.cbegin(), pattern.cend(), [](QChar c) { return c.isLetter(); })
            && contains(word, sourceText(a)))
            continue;
        return false;
    }
    return true;
}

bool BounceTableModel::rowHasReason(int row, const QString &reason) const
{
    const Row &w = m_rows.at(row);
    return w.recipient >= 0 && m_labels.at(w.label).reason == reason;
}

bool BounceTableModel::isPermanentFailure(int row) const
{
    return m_rows.at(row).permanentFailure;
}

bool BounceTableModel::isHardBounce(int row) const
{
    return m_rows.at(row).hard == 1;
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
    m_recipientKeys.clear();
    m_messageKeys.clear();
    m_nameKeys.clear();
    m_nameIds.clear();
    m_labels.clear();
    endResetModel();
}

void BounceTableModel::retranslate()
{
    refreshTranslatedKeys();
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

QString BounceTableModel::dateText(qint64 date)
{
    // One format, the user's local time; the header as written is the tooltip.
    return date != kNoDate ? QDateTime::fromMSecsSinceEpoch(date).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                           : QString();
}

QString BounceTableModel::sourceText(const MessageAnalysis &a)
{
    // The last path element, without QFileInfo (cheap for many rows).
    const QString name = a.source.mid(a.source.lastIndexOf(QLatin1Char('/')) + 1);
    return a.index > 0 || name.isEmpty() ? tr("%1 #%2").arg(name.isEmpty() ? a.source : name).arg(a.index + 1)
                                         : name;
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
    case Date: return dateText(row.date);
    case Source: return sourceText(a);
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
        case Date:
            return row.date != kNoDate ? QDateTime::fromMSecsSinceEpoch(row.date, Qt::UTC) : QDateTime();
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

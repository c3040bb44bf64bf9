#include "FetchAccount.h"

#include <QUrl>

namespace bouncelens {

int FetchAccount::defaultPort(Protocol protocol, Security security)
{
    const bool implicitTls = security == Security::SslTls;
    if (protocol == Protocol::Pop3)
        return implicitTls ? 995 : 110;
    return implicitTls ? 993 : 143;
}

bool FetchAccount::isDefaultPort(int port)
{
    return port == 993 || port == 143 || port == 995 || port == 110;
}

QString FetchAccount::url() const
{
    QString scheme = protocol == Protocol::Pop3 ? QStringLiteral("pop3") : QStringLiteral("imap");
    if (security == Security::SslTls)
        scheme += QLatin1Char('s');
    const QString h = host.trimmed();
    const QString hostPart = h.contains(QLatin1Char(':')) ? QLatin1Char('[') + h + QLatin1Char(']') : h;
    return scheme + QStringLiteral("://") + hostPart + QLatin1Char(':') + QString::number(port);
}

QString FetchAccount::hostPort() const
{
    return host.trimmed().toLower() + QLatin1Char(':') + QString::number(port);
}

QString FetchAccount::id() const
{
    return user.trimmed() + QLatin1Char('@') + hostPort();
}

QDate FetchAccount::since() const
{
    return useSince ? QDate::currentDate().addDays(-sinceDays) : QDate();
}

FetchOptions FetchAccount::toOptions() const
{
    FetchOptions o;
    o.url = url();
    o.user = user.trimmed();
    o.folder = protocol == Protocol::Pop3 ? QStringLiteral("INBOX") : folder.trimmed();
    o.since = since();
    o.limit = limit;
    o.startTls = security == Security::StartTls;
    o.includeFeedback = includeFeedback;
    o.includeAutoReplies = includeAutoReplies;
    return o;
}

QString FetchAccount::hostPortOf(const QString &url)
{
    const QUrl u(url);
    const QString scheme = u.scheme().toLower();
    const bool pop3 = scheme.startsWith(QLatin1String("pop3"));
    const bool tls = scheme.endsWith(QLatin1Char('s'));
    const int port = u.port(
        defaultPort(pop3 ? Protocol::Pop3 : Protocol::Imap, tls ? Security::SslTls : Security::None));
    return u.host().toLower() + QLatin1Char(':') + QString::number(port);
}

QString FetchAccount::protocolKey(Protocol protocol)
{
    return protocol == Protocol::Pop3 ? QStringLiteral("pop3") : QStringLiteral("imap");
}

QString FetchAccount::securityKey(Security security)
{
    switch (security) {
    case Security::SslTls: return QStringLiteral("ssl");
    case Security::StartTls: return QStringLiteral("starttls");
    case Security::None: return QStringLiteral("none");
    }
    return QStringLiteral("ssl");
}

FetchAccount::Protocol FetchAccount::protocolFromKey(const QString &key)
{
    return key == QLatin1String("pop3") ? Protocol::Pop3 : Protocol::Imap;
}

FetchAccount::Security FetchAccount::securityFromKey(const QString &key)
{
    if (key == QLatin1String("starttls"))
        return Security::StartTls;
    if (key == QLatin1String("none"))
        return Security::None;
    return Security::SslTls; // also for anything unknown: the safe choice
}

} // namespace bouncelens

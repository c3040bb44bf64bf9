#include "classify/NoticeWording.h"

#include "classify/PhraseMatcher.h"
#include "classify/SmtpCodes.h"

namespace bouncelens {

namespace {

// Only the start of a notice is read: the wording that sets its tone comes first.
constexpr qsizetype kNoticeScan = 16 * 1024;

// clang-format off
// A delivery that is still being tried.
const QStringList &delayPhrases()
{
    static const QStringList phrases = {
        // Postfix, Sendmail, Gmail, Courier, MDaemon banners
        QStringLiteral("this is a warning only"), QStringLiteral("warning message only"),
        QStringLiteral("this is a warning message"), QStringLiteral("do not need to resend"),
        QStringLiteral("don't need to resend"), QStringLiteral("no need to resend"),
        // what has not happened yet
        QStringLiteral("not yet been delivered"), QStringLiteral("has not been delivered yet"),
        QStringLiteral("hasn't been delivered yet"), QStringLiteral("not delivered yet"),
        QStringLiteral("could not be delivered yet"), QStringLiteral("still undelivered after"),
        QStringLiteral("still being retried"), QStringLiteral("temporary problem delivering"),
        // what the server will go on doing
        QStringLiteral("will continue to attempt"), QStringLiteral("will continue to try"),
        QStringLiteral("will continue to be attempted"), QStringLiteral("delivery attempts will continue"),
        QStringLiteral("will keep trying"), QStringLiteral("will be retried"), QStringLiteral("will retry for"),
        QStringLiteral("will retry delivery"), QStringLiteral("will try again"), QStringLiteral("no action is required"),
        // the delay itself
        QStringLiteral("delivery is delayed"), QStringLiteral("delivery has been delayed"),
        QStringLiteral("delivery to the following recipient has been delayed"),
        QStringLiteral("message has been delayed"), QStringLiteral("has been delayed"),
        QStringLiteral("delivery delayed"), QStringLiteral("delayed delivery"),
        // Japanese: delay, retrying, not delivered yet
        QStringLiteral("遅延"), QStringLiteral("再送を試み"), QStringLiteral("再試行して"), QStringLiteral("再送しています"),
        QStringLiteral("配送を再試行"), QStringLiteral("配信を再試行"), QStringLiteral("まだ配送されていません"),
        QStringLiteral("まだ配信されていません"), QStringLiteral("まだ届いていません"), QStringLiteral("配信を継続"),
        QStringLiteral("配送を継続"),
        // German, French, Spanish, Portuguese, Italian
        QStringLiteral("noch nicht zugestellt"), QStringLiteral("zustellung verzögert"),
        QStringLiteral("pas encore été remis"), QStringLiteral("pas encore été distribué"), QStringLiteral("remise différée"),
        QStringLiteral("aún no se ha entregado"), QStringLiteral("entrega retrasada"),
        QStringLiteral("ainda não foi entregue"), QStringLiteral("entrega atrasada"),
        QStringLiteral("non è ancora stato consegnato"), QStringLiteral("consegna ritardata"),
    };
    return phrases;
}

// Subjects of delay notices.
const QStringList &delaySubjects()
{
    static const QStringList subjects = {
        QStringLiteral("(delay)"), QStringLiteral("delayed mail"), QStringLiteral("delivery delayed"),
        QStringLiteral("message delayed"), QStringLiteral("delivery delay"), QStringLiteral("warning: could not send"),
        QStringLiteral("warning: message"), QStringLiteral("delayed:"), QStringLiteral("still being retried"),
        QStringLiteral("遅延"), QStringLiteral("verzögert"), QStringLiteral("retardé"), QStringLiteral("retrasad"),
        QStringLiteral("atrasad"), QStringLiteral("ritardat"),
    };
    return subjects;
}

// The sending side gave up: the message will not be delivered.
const QStringList &gaveUpPhrases()
{
    static const QStringList phrases = {
        QStringLiteral("permanent error"), QStringLiteral("permanent fatal error"), QStringLiteral("permanent failure"),
        QStringLiteral("failed permanently"), QStringLiteral("permanently failed"),
        QStringLiteral("retry timeout exceeded"), QStringLiteral("retry time not reached for any host after a long failure"),
        QStringLiteral("message will be deleted from queue"), QStringLiteral("delivery time expired"),
        QStringLiteral("giving up"), QStringLiteral("gave up"), QStringLiteral("has been returned"),
        QStringLiteral("could not be delivered to one or more"), QStringLiteral("following address(es) failed"),
        QStringLiteral("delivery has failed"), QStringLiteral("delivery to the following recipient failed"),
        QStringLiteral("delivery to the following recipients failed"),
        QStringLiteral("too many retries"), QStringLiteral("maximum time in queue"),
        QStringLiteral("message expired"), QStringLiteral("has expired"), QStringLiteral("expired after"),
        QStringLiteral("配信できませんでした"), QStringLiteral("送信できませんでした"), QStringLiteral("配送できませんでした"),
        QStringLiteral("届けることができませんでした"), QStringLiteral("konnte nicht zugestellt werden"),
        QStringLiteral("n'a pas pu être remis"), QStringLiteral("no se pudo entregar"),
        QStringLiteral("não pôde ser entregue"), QStringLiteral("non è stato possibile consegnare"),
    };
    return phrases;
}

// Subjects of notices that the message was given up on.
const QStringList &gaveUpSubjects()
{
    static const QStringList subjects = {
        QStringLiteral("(failure)"), QStringLiteral("returned mail"), QStringLiteral("undeliverable"),
        QStringLiteral("undelivered mail returned"), QStringLiteral("delivery failed"), QStringLiteral("failure notice"),
        QStringLiteral("delivery status notification (failure)"), QStringLiteral("final failure"),
    };
    return subjects;
}

// A challenge/response system asking the sender to prove they are one.
const QStringList &challengePhrases()
{
    static const QStringList phrases = {
        QStringLiteral("please confirm your message"), QStringLiteral("requested your confirmation"),
        QStringLiteral("confirm that you sent"), QStringLiteral("confirm your e-mail address"),
        QStringLiteral("confirm your email address"), QStringLiteral("verify your e-mail address"),
        QStringLiteral("verify your email address"), QStringLiteral("verify that you are a real"),
        QStringLiteral("verify that you are a human"), QStringLiteral("prove that you are a human"),
        QStringLiteral("list of approved senders"), QStringLiteral("senders i have approved"),
        QStringLiteral("whitelist-based"), QStringLiteral("whitelist based"), QStringLiteral("whitelist request"),
        QStringLiteral("challenge/response"), QStringLiteral("challenge-response"), QStringLiteral("challenge response"),
        QStringLiteral("protecting my mailbox from spam"), QStringLiteral("protecting myself from spam"),
        QStringLiteral("protecting myself from junk mail"), QStringLiteral("guest list"), QStringLiteral("spam arrest"),
        QStringLiteral("sender verification request"), QStringLiteral("one-time confirmation"),
        QStringLiteral("one-time verification"), QStringLiteral("verify that you are a person"), QStringLiteral("送信者確認"), QStringLiteral("送信元の確認"),
    };
    return phrases;
}

const QStringList &challengeSubjects()
{
    static const QStringList subjects = {
        QStringLiteral("please confirm your message"), QStringLiteral("confirmation request"),
        QStringLiteral("verification required"), QStringLiteral("requires verification"),
        QStringLiteral("sender verification"), QStringLiteral("guest list"), QStringLiteral("whitelist"),
        QStringLiteral("please verify"),
    };
    return subjects;
}
// clang-format on

// Whitespace runs as one space, so that a phrase matches across wrapped lines.
QString folded(QStringView text)
{
    return text.left(kNoticeScan).toString().simplified();
}

bool delayWorded(QStringView subject, const QString &text)
{
    static const PhraseMatcher inText(delayPhrases());
    static const PhraseMatcher inSubject(delaySubjects());
    return inText.containsAny(text) || inSubject.containsAny(subject);
}

bool gaveUpWorded(QStringView subject, const QString &text)
{
    static const PhraseMatcher inText(gaveUpPhrases());
    static const PhraseMatcher inSubject(gaveUpSubjects());
    return inText.containsAny(text) || inSubject.containsAny(subject);
}

} // namespace

bool NoticeWording::isDelayWarning(QStringView subject, QStringView text)
{
    const QString t = folded(text);
    return delayWorded(subject, t) && !gaveUpWorded(subject, t);
}

bool NoticeWording::saysGaveUp(QStringView subject, QStringView text)
{
    return gaveUpWorded(subject, folded(text));
}

bool NoticeWording::isChallengeResponse(QStringView subject, QStringView text)
{
    static const PhraseMatcher inText(challengePhrases());
    static const PhraseMatcher inSubject(challengeSubjects());
    const QString t = folded(text);
    if (!inText.containsAny(t) && !inSubject.containsAny(subject))
        return false;
    // A server's rejection quotes its reply; a challenge asks a person and quotes none.
    for (qsizetype from = 0;;) {
        const CodeMatch reply = SmtpCodes::findReplyCode(t, from);
        if (!reply.found())
            break;
        if (reply.code.startsWith(QLatin1Char('4')) || reply.code.startsWith(QLatin1Char('5')))
            return false;
        from = reply.position + reply.length;
    }
    const CodeMatch status = SmtpCodes::findStatusCode(t);
    return !status.found() || status.code.startsWith(QLatin1Char('2'));
}

} // namespace bouncelens

#include "report/BounceMarkers.h"

// The tables below are laid out by hand, one phrase per line, for review.
// clang-format off
namespace bouncelens::BounceMarkers {

const QStringList &originalMessageMarkers()
{
    static const QStringList markers = {
        // Exim, Postfix (text), qmail, Yahoo, Courier, ...
        QStringLiteral("------ This is a copy of the message"),
        QStringLiteral("--- Below this line is a copy of the message"),
        QStringLiteral("----- Original message -----"),
        QStringLiteral("------ Original message ------"),
        QStringLiteral("-----Original Message-----"),
        QStringLiteral("--- Original message follows"),
        QStringLiteral("Original message follows"),
        QStringLiteral("----- Original message follows"),
        QStringLiteral("------- Returned Message --------"),
        QStringLiteral("----- Unsent message follows -----"),
        QStringLiteral("------ Returned message ------"),
        QStringLiteral("--- The header of the original message is following. ---"),
        QStringLiteral("The header of the original message is following"),
        QStringLiteral("----- Message header follows -----"),
        QStringLiteral("Original message headers:"),
        QStringLiteral("----- The following is the original message"),
        QStringLiteral("------ This is a copy of your message"),
        QStringLiteral("Your message reads (in part):"),
        QStringLiteral("--- Original message ---"),
        QStringLiteral("The original message was:"),
        QStringLiteral("Included is a copy of the message header"),
        QStringLiteral("Original message header follows"), // GroupWise, and others
        QStringLiteral("Content-Type: message/rfc822"),
        QStringLiteral("Original mail as follows:"), // fml
        QStringLiteral("Content-Type: text/rfc822-headers"),
        // Japanese carriers and ISPs
        QStringLiteral("------ 元のメッセージ"),
        QStringLiteral("元のメッセージ"),
    };
    return markers;
}

const QStringList &recipientCues()
{
    static const QStringList cues = {
        QStringLiteral("rcpt to:"),       QStringLiteral("rcpt to: "),
        QStringLiteral("recipient address:"), QStringLiteral("recipient:"),
        QStringLiteral("original-recipient: rfc822;"), QStringLiteral("final-recipient: rfc822;"),
        QStringLiteral("to:"),            QStringLiteral("delivery to"),
        QStringLiteral("delivered to"),   QStringLiteral("your message to"),
        QStringLiteral("message to"),     QStringLiteral("addressed to"),
        QStringLiteral("could not be delivered to"), QStringLiteral("following address"),
        QStringLiteral("failed recipient:"), QStringLiteral("invalid recipient:"),
        QStringLiteral("unknown user:"),  QStringLiteral("unknown user"),
        QStringLiteral("user unknown:"),  QStringLiteral("mailbox"),
        QStringLiteral("undeliverable to"), QStringLiteral("original address:"),
        QStringLiteral("delivering your mail to"), QStringLiteral("delivering your message to"),
        QStringLiteral("deliver your message to"), QStringLiteral("deliver your mail to"),
        QStringLiteral("宛先:"),            QStringLiteral("宛先："),
    };
    return cues;
}

const QStringList &senderCues()
{
    static const QStringList cues = {
        QStringLiteral("mail from:"), QStringLiteral("mail from: "), QStringLiteral("from:"),
        QStringLiteral("from: "),     QStringLiteral("return-path:"), QStringLiteral("sender:"),
        QStringLiteral("reply-to:"),  QStringLiteral("envelope-from"), QStringLiteral("errors-to:"),
        QStringLiteral("x-original-sender:"), QStringLiteral("smtp.mailfrom="), QStringLiteral("sender address:"),
        // Help desks the text points to ("please contact <support@example.jp>").
        QStringLiteral("contact"),
    };
    return cues;
}

const QStringList &bounceSenders()
{
    static const QStringList senders = {
        QStringLiteral("mailer-daemon"), QStringLiteral("postmaster"), QStringLiteral("mail delivery"),
        QStringLiteral("mail-daemon"),   QStringLiteral("mailerdaemon"), QStringLiteral("mail administrator"),
        QStringLiteral("bounce"),        QStringLiteral("mail system"),  QStringLiteral("microsoftexchange"),
        QStringLiteral("mdaemon"),       QStringLiteral("returned"),     QStringLiteral("delivery subsystem"),
        QStringLiteral("nobody@"),       QStringLiteral("daemon@"),      QStringLiteral("mailer@"),
    };
    return senders;
}

const QStringList &bounceSubjects()
{
    static const QStringList subjects = {
        QStringLiteral("undeliver"),  QStringLiteral("undelivered"),  QStringLiteral("delivery status"),
        QStringLiteral("delivery failure"), QStringLiteral("delivery has failed"), QStringLiteral("failure notice"),
        QStringLiteral("returned mail"), QStringLiteral("returned to sender"), QStringLiteral("mail delivery failed"),
        QStringLiteral("delivery notification"), QStringLiteral("could not be delivered"), QStringLiteral("not delivered"),
        QStringLiteral("delivery problem"), QStringLiteral("nondeliverable"), QStringLiteral("non-delivery"),
        QStringLiteral("delivery error"), QStringLiteral("mail system error"), QStringLiteral("rejected"),
        QStringLiteral("delayed mail"), QStringLiteral("delivery delayed"), QStringLiteral("warning: could not send"),
        QStringLiteral("message status"), QStringLiteral("failed delivery"), QStringLiteral("delivery report"),
        QStringLiteral("mail failure"), QStringLiteral("unable to deliver"), QStringLiteral("bounce"),
        QStringLiteral("error sending"), QStringLiteral("delivery final failure"),
        QStringLiteral("配信"), QStringLiteral("不達"), QStringLiteral("エラー"), QStringLiteral("届きません"),
        QStringLiteral("送信できません"), QStringLiteral("返送"),
    };
    return subjects;
}

const QStringList &noticeStarts()
{
    static const QStringList starts = {
        QStringLiteral("This is the mail system at host"),
        QStringLiteral("Hi. This is the qmail"),
        QStringLiteral("This message was created automatically by mail delivery software"),
        QStringLiteral("The original message was received at"),
        QStringLiteral("Delivery to the following recipient"),
        QStringLiteral("Sorry, we were unable to deliver your message"),
        QStringLiteral("Your message"),
        QStringLiteral("Delivery has failed to these recipients"),
        QStringLiteral("I'm sorry to have to inform you"),
        QStringLiteral("This is an automatically generated Delivery Status Notification"),
        QStringLiteral("Your message did not reach some or all of the intended recipients"),
        QStringLiteral("Message delivery has failed"),
        QStringLiteral("Your mail could not be delivered"),
        QStringLiteral("Unable to deliver message to"),
        QStringLiteral("This is an automatically generated message"),
        QStringLiteral("The following message to"),
        QStringLiteral("Delivery failed"),
        QStringLiteral("This is a delivery status notification"),
        QStringLiteral("This report relates to a message you sent"),
        QStringLiteral("This is an email abuse report"),
        QStringLiteral("Could not be delivered to:"),
    };
    return starts;
}

const QStringList &feedbackSubjects()
{
    static const QStringList subjects = {
        QStringLiteral("complaint about message from"), // Microsoft JMRP
    };
    return subjects;
}

const QStringList &autoReplySubjects()
{
    static const QStringList subjects = {
        QStringLiteral("auto reply"), QStringLiteral("auto-reply"), QStringLiteral("autoreply"),
        QStringLiteral("automatic reply"), QStringLiteral("out of office"), QStringLiteral("out of the office"),
        QStringLiteral("vacation"), QStringLiteral("autosvar"), QStringLiteral("abwesenheitsnotiz"),
        QStringLiteral("自動応答"), QStringLiteral("自動返信"), QStringLiteral("不在"),
        QStringLiteral("out-of-office"), QStringLiteral("automatische antwort"), QStringLiteral("automatisch antwoord"),
        QStringLiteral("réponse automatique"), QStringLiteral("reponse automatique"), QStringLiteral("absence du bureau"),
        QStringLiteral("respuesta automática"), QStringLiteral("respuesta automatica"), QStringLiteral("fuera de la oficina"),
        QStringLiteral("risposta automatica"), QStringLiteral("fuori ufficio"), QStringLiteral("resposta automática"),
        QStringLiteral("resposta automatica"), QStringLiteral("fora do escritório"), QStringLiteral("自动回复"),
        QStringLiteral("自動回覆"), QStringLiteral("automaattinen vastaus"),
        QStringLiteral("abwesend"), QStringLiteral("außer haus"), QStringLiteral("ausser haus"),
    };
    return subjects;
}

} // namespace bouncelens::BounceMarkers
// clang-format on

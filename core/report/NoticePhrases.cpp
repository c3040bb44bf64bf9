#include "report/NoticePhrases.h"

// The tables below are laid out by hand, grouped by language, for review.
// clang-format off
namespace bouncelens::NoticePhrases {

namespace {

Phrase notDelivered(const char16_t *text) { return {NoticeKind::NotDelivered, QString::fromUtf16(text)}; }
Phrase delayed(const char16_t *text) { return {NoticeKind::Delayed, QString::fromUtf16(text)}; }
Phrase warning(const char16_t *text) { return {NoticeKind::Warning, QString::fromUtf16(text)}; }
Phrase autoReply(const char16_t *text) { return {NoticeKind::AutoReply, QString::fromUtf16(text)}; }
Phrase feedback(const char16_t *text) { return {NoticeKind::Feedback, QString::fromUtf16(text)}; }
Phrase delivered(const char16_t *text) { return {NoticeKind::Delivered, QString::fromUtf16(text)}; }

} // namespace

const QList<Phrase> &notices()
{
    static const QList<Phrase> phrases = {
        // English: not delivered
        notDelivered(u"could not be delivered"),    notDelivered(u"couldn't be delivered"),
        notDelivered(u"cannot be delivered"),       notDelivered(u"can't be delivered"),
        notDelivered(u"can not be delivered"),      notDelivered(u"could not be sent"),
        notDelivered(u"was not delivered"),         notDelivered(u"wasn't delivered"),
        notDelivered(u"were not delivered"),        notDelivered(u"has not been delivered"),
        notDelivered(u"have not been delivered"),   notDelivered(u"not been delivered"),
        notDelivered(u"not be delivered"),          notDelivered(u"was not relayed"),
        notDelivered(u"was undeliverable"),         notDelivered(u"is undeliverable"),
        notDelivered(u"undeliverable mail"),        notDelivered(u"undeliverable message"),
        notDelivered(u"message undeliverable"),     notDelivered(u"undelivered mail"),
        notDelivered(u"unable to deliver"),         notDelivered(u"unable to be delivered"),
        notDelivered(u"wasn't able to deliver"),    notDelivered(u"was not able to deliver"),
        notDelivered(u"were unable to deliver"),    notDelivered(u"could not deliver"),
        notDelivered(u"couldn't deliver"),          notDelivered(u"failed to deliver"),
        notDelivered(u"failed to be delivered"),    notDelivered(u"error delivering"),
        notDelivered(u"error occurred while trying to deliver"),
        notDelivered(u"error occurred while delivering"),
        notDelivered(u"delivery has failed"),       notDelivered(u"delivery failed"),
        notDelivered(u"delivery failure"),          notDelivered(u"delivery to the following recipient failed"),
        notDelivered(u"delivery to the following recipients failed"),
        notDelivered(u"failed permanently"),        notDelivered(u"permanent fatal error"),
        notDelivered(u"this is a permanent error"), notDelivered(u"message delivery failed"),
        notDelivered(u"permanent delivery error"),
        notDelivered(u"mail delivery failed"),      notDelivered(u"did not reach"),
        notDelivered(u"didn't reach"),              notDelivered(u"did not receive this message"),
        notDelivered(u"was rejected"),              notDelivered(u"has been rejected"),
        notDelivered(u"were rejected"),             notDelivered(u"was blocked"),
        notDelivered(u"has been blocked"),          notDelivered(u"was returned"),
        notDelivered(u"is being returned"),         notDelivered(u"returned to you"),
        notDelivered(u"non-delivery report"),       notDelivered(u"nondelivery report"),
        notDelivered(u"non delivery report"),       notDelivered(u"could not be forwarded"),
        notDelivered(u"delivery to these recipients or groups failed"),
        notDelivered(u"delivery has failed to these recipients"),
        notDelivered(u"you do not have permission to send"),
        notDelivered(u"not a member of this mailing list"),
        notDelivered(u"message not delivered"),     notDelivered(u"problem delivering your message"),
        notDelivered(u"had delivery problems"),     notDelivered(u"rejected your message"),
        notDelivered(u"error has occurred while attempting to deliver"),
        notDelivered(u"error occurred while attempting to deliver"),
        notDelivered(u"your message could not be"), notDelivered(u"not able to be delivered"),
        notDelivered(u"was aborted"),               notDelivered(u"automatically rejected"),
        notDelivered(u"undeliverable to"),          notDelivered(u"not have permission to post"),
        // German
        notDelivered(u"konnte nicht zugestellt werden"), notDelivered(u"nicht zugestellt werden"),
        notDelivered(u"wurde nicht zugestellt"),    notDelivered(u"konnte nicht ausgeliefert werden"),
        notDelivered(u"nicht ausgeliefert"),        notDelivered(u"zustellung fehlgeschlagen"),
        notDelivered(u"zustellung ist fehlgeschlagen"), notDelivered(u"unzustellbar"),
        notDelivered(u"fehler bei der zustellung"), notDelivered(u"konnte nicht übermittelt werden"),
        notDelivered(u"nicht übermittelt werden"),
        // French
        notDelivered(u"n'a pas pu être remis"),     notDelivered(u"n'a pas pu être délivré"),
        notDelivered(u"n'a pas pu être distribué"), notDelivered(u"n'a pas pu être envoyé"),
        notDelivered(u"n'a pas pu être livré"),     notDelivered(u"n'ont pas pu être remis"),
        notDelivered(u"n'a pas été remis"),         notDelivered(u"n'a pas été distribué"),
        notDelivered(u"n'a pas été délivré"),       notDelivered(u"non distribuable"),
        notDelivered(u"impossible de remettre"),    notDelivered(u"impossible de distribuer"),
        notDelivered(u"impossible de délivrer"),    notDelivered(u"échec de la remise"),
        notDelivered(u"échec de remise"),           notDelivered(u"échec de la distribution"),
        notDelivered(u"message non remis"),         notDelivered(u"n'a pu être remis"),
        // Italian
        notDelivered(u"il recapito non è riuscito"), notDelivered(u"recapito non riuscito"),
        notDelivered(u"non è stato possibile recapitare"), notDelivered(u"non è stato recapitato"),
        notDelivered(u"non è stato possibile consegnare"), notDelivered(u"non è stato consegnato"),
        notDelivered(u"non può essere recapitato"), notDelivered(u"non recapitabile"),
        notDelivered(u"impossibile recapitare"),    notDelivered(u"impossibile consegnare"),
        notDelivered(u"mancato recapito"),          notDelivered(u"consegna non riuscita"),
        notDelivered(u"non è stato possibile inviare"),
        // Spanish
        notDelivered(u"no se pudo entregar"),       notDelivered(u"no se ha podido entregar"),
        notDelivered(u"no pudo ser entregado"),     notDelivered(u"no pudo ser entregada"),
        notDelivered(u"no pudo entregarse"),        notDelivered(u"no se entregó"),
        notDelivered(u"no ha sido entregado"),      notDelivered(u"no ha sido entregada"),
        notDelivered(u"no se puede entregar"),      notDelivered(u"error de entrega"),
        notDelivered(u"imposible entregar"),        notDelivered(u"no se pudo enviar"),
        notDelivered(u"no fue entregado"),          notDelivered(u"no fue entregada"),
        // Portuguese
        notDelivered(u"não pôde ser entregue"),     notDelivered(u"não pode ser entregue"),
        notDelivered(u"não foi possível entregar"), notDelivered(u"não foi entregue"),
        notDelivered(u"não foi possível enviar"),   notDelivered(u"falha na entrega"),
        notDelivered(u"falha ao entregar"),         notDelivered(u"não pôde ser enviada"),
        // Dutch
        notDelivered(u"kon niet worden afgeleverd"), notDelivered(u"kan niet worden afgeleverd"),
        notDelivered(u"kon niet worden bezorgd"),   notDelivered(u"kan niet worden bezorgd"),
        notDelivered(u"is niet afgeleverd"),        notDelivered(u"niet bezorgd"),
        notDelivered(u"onbestelbaar"),              notDelivered(u"bezorging mislukt"),
        // Scandinavian, Polish, Czech, Russian, Turkish
        notDelivered(u"kunde inte levereras"),      notDelivered(u"kunne ikke leveres"),
        notDelivered(u"kunne ikke afleveres"),      notDelivered(u"nie mogła zostać dostarczona"),
        notDelivered(u"nie została dostarczona"),   notDelivered(u"nie można dostarczyć"),
        notDelivered(u"nelze doručit"),             notDelivered(u"nebyla doručena"),
        notDelivered(u"не может быть доставлено"),  notDelivered(u"не удалось доставить"),
        notDelivered(u"не было доставлено"),        notDelivered(u"не доставлено"),
        notDelivered(u"teslim edilemedi"),
        // Japanese
        notDelivered(u"送信できませんでした"),          notDelivered(u"配信できませんでした"),
        notDelivered(u"配送できませんでした"),          notDelivered(u"お届けできませんでした"),
        notDelivered(u"届けることができませんでした"),  notDelivered(u"届きませんでした"),
        notDelivered(u"送信することができませんでした"), notDelivered(u"配信することができませんでした"),
        notDelivered(u"配信に失敗"),                  notDelivered(u"送信に失敗"),
        notDelivered(u"配送に失敗"),                  notDelivered(u"送信されませんでした"),
        notDelivered(u"配信されませんでした"),          notDelivered(u"転送できませんでした"),
        notDelivered(u"配信できません"),              notDelivered(u"送信できません"),
        notDelivered(u"届けられませんでした"),          notDelivered(u"不達"),
        // Chinese, Korean
        notDelivered(u"无法送达"),  notDelivered(u"未能送达"),  notDelivered(u"投递失败"),
        notDelivered(u"无法投递"),  notDelivered(u"無法傳遞"),  notDelivered(u"無法送達"),
        notDelivered(u"전달되지 않았습니다"), notDelivered(u"배달되지 않았습니다"),
        notDelivered(u"전송하지 못했습니다"),

        // Delayed, in the same order of languages
        delayed(u"has not yet been delivered"),     delayed(u"have not yet been delivered"),
        delayed(u"not yet been delivered"),         delayed(u"could not be delivered for more than"),
        delayed(u"has been delayed"),               delayed(u"have been delayed"),
        delayed(u"delivery is delayed"),            delayed(u"delivery delayed"),
        delayed(u"delivery has been delayed"),      delayed(u"is delayed"),
        delayed(u"was delayed"),                    delayed(u"transient non-fatal error"),
        delayed(u"message still undelivered"),      delayed(u"will be retried"),
        delayed(u"will keep trying"),               delayed(u"will continue to try"),
        delayed(u"will continue trying"),           delayed(u"still trying to deliver"),
        delayed(u"temporarily deferred"),           delayed(u"has been deferred"),
        delayed(u"delivery incomplete"),            delayed(u"temporary problem delivering"),
        delayed(u"will retry"),                     delayed(u"notification about a delay"),
        delayed(u"delay in the delivery"),          delayed(u"have not yet received your message"),
        delayed(u"undeliverable for"),
        delayed(u"noch nicht zugestellt"),          delayed(u"verzögert"),
        delayed(u"n'a pas encore été remis"),       delayed(u"remise différée"),
        delayed(u"retardé"),                        delayed(u"non è ancora stato recapitato"),
        delayed(u"ritardato"),                      delayed(u"ritardata"),
        delayed(u"aún no se ha entregado"),         delayed(u"todavía no se ha entregado"),
        delayed(u"se ha retrasado"),                delayed(u"ainda não foi entregue"),
        delayed(u"foi atrasada"),                   delayed(u"nog niet afgeleverd"),
        delayed(u"vertraagd"),
        delayed(u"配信が遅れて"),                     delayed(u"配送が遅れて"),
        delayed(u"まだ配信されていません"),             delayed(u"配信が遅延"),
        delayed(u"送信が遅延"),                       delayed(u"再送を試み"),

        // Only a warning
        warning(u"this is a warning message only"), warning(u"this is a warning only"),
        warning(u"you do not need to resend"),      warning(u"no action is required on your part"),
        warning(u"there is no need to resend"),
        warning(u"dies ist nur eine warnung"),      warning(u"ceci est un simple avertissement"),
        warning(u"再送信の必要はありません"),            warning(u"再送の必要はありません"),

        // Automatic replies (RFC 3834 and out-of-office texts)
        autoReply(u"out of the office"),            autoReply(u"out of office"),
        autoReply(u"away from the office"),         autoReply(u"away from my desk"),
        autoReply(u"on vacation"),                  autoReply(u"on holiday"),
        autoReply(u"on annual leave"),              autoReply(u"on leave until"),
        autoReply(u"on parental leave"),            autoReply(u"no access to e-mail"),
        autoReply(u"no access to email"),           autoReply(u"limited access to e-mail"),
        autoReply(u"limited access to email"),      autoReply(u"this is an automatic reply"),
        autoReply(u"this is an automated reply"),   autoReply(u"this is an automated response"),
        autoReply(u"this is an automatic response"), autoReply(u"automatic reply"),
        autoReply(u"auto-reply"),                   autoReply(u"autoreply"),
        autoReply(u"will respond to your message"), autoReply(u"will reply to your message"),
        autoReply(u"will get back to you"),         autoReply(u"will respond as soon as"),
        autoReply(u"will reply as soon as"),        autoReply(u"will be back on"),
        autoReply(u"i am travelling"),              autoReply(u"i am traveling"),
        autoReply(u"bin ich nicht im büro"),        autoReply(u"nicht im büro"),
        autoReply(u"abwesend"),                     autoReply(u"abwesenheitsnotiz"),
        autoReply(u"automatische antwort"),         autoReply(u"réponse automatique"),
        autoReply(u"absent du bureau"),             autoReply(u"je suis absent"),
        autoReply(u"je suis absente"),              autoReply(u"fuori ufficio"),
        autoReply(u"risposta automatica"),          autoReply(u"sono assente"),
        autoReply(u"fuera de la oficina"),          autoReply(u"respuesta automática"),
        autoReply(u"estoy de vacaciones"),          autoReply(u"fora do escritório"),
        autoReply(u"resposta automática"),          autoReply(u"estou de férias"),
        autoReply(u"automatisch antwoord"),         autoReply(u"afwezig"),
        autoReply(u"niet op kantoor"),
        autoReply(u"不在にしております"),              autoReply(u"不在にしています"),
        autoReply(u"不在です"),                      autoReply(u"休暇をいただいて"),
        autoReply(u"休暇中"),                        autoReply(u"自動返信"),
        autoReply(u"自動応答"),                      autoReply(u"自動送信"),

        // Feedback reports (RFC 5965 and the texts of feedback loops)
        feedback(u"email abuse report"),            feedback(u"e-mail abuse report"),
        feedback(u"abuse report for an email"),     feedback(u"email abuse complaint"),
        feedback(u"abuse complaint"),               feedback(u"feedback report"),
        feedback(u"feedback loop"),                 feedback(u"authentication failure report"),
        feedback(u"authentication-failure report"), feedback(u"complaint about"),
        feedback(u"complaint regarding"),           feedback(u"reported as spam"),
        feedback(u"marked as spam"),                feedback(u"to unsubscribe from"),
        feedback(u"迷惑メールとして報告"),             feedback(u"苦情"),

        // Delivery reports (a message that did arrive)
        delivered(u"was successfully delivered"),   delivered(u"has been successfully delivered"),
        delivered(u"delivered successfully"),       delivered(u"successfully delivered"),
        delivered(u"delivery to the following recipients was successful"),
        delivered(u"delivery to the following recipient was successful"),
        delivered(u"was successfully relayed"),     delivered(u"has been delivered"),
        delivered(u"was delivered"),                delivered(u"has been relayed"),
        delivered(u"wurde erfolgreich zugestellt"), delivered(u"a été remis"),
        delivered(u"配信されました"),                  delivered(u"配信が完了"),
    };
    return phrases;
}

const QStringList &introductions()
{
    static const QStringList intros = {
        QStringLiteral("this is the mail system at host"),
        QStringLiteral("this is the mail system at"),
        QStringLiteral("this message was created automatically by"),
        QStringLiteral("hi. this is the qmail"),
        QStringLiteral("this is the qmail-send program"),
        QStringLiteral("this is the dragonfly mail agent"),
        QStringLiteral("this is a delivery status notification"),
        QStringLiteral("this is an automatically generated delivery status notification"),
        QStringLiteral("this is an automatically generated message"),
        QStringLiteral("this is an automated message"),
        QStringLiteral("this is an automatic message"),
        QStringLiteral("this is the postfix program"),
        QStringLiteral("this is the mail delivery agent"),
        QStringLiteral("this is the mail delivery system"),
        QStringLiteral("this is the mailer-daemon"),
        QStringLiteral("this is the mail transport system"),
        QStringLiteral("this is the mail server"),
        QStringLiteral("this is the mail gateway"),
        QStringLiteral("hello, this is the mail server"),
        QStringLiteral("hello, this is the"),
        QStringLiteral("this is the"),
        QStringLiteral("the original message was received at"),
        QStringLiteral("the original message was received on"),
        QStringLiteral("dies ist das mailsystem"),
        QStringLiteral("dies ist eine automatisch erstellte"),
        QStringLiteral("ceci est le système de messagerie"),
        QStringLiteral("ceci est un message automatique"),
        QStringLiteral("questo è il sistema di posta"),
        QStringLiteral("questo messaggio è stato creato automaticamente"),
        QStringLiteral("este es el sistema de correo"),
        QStringLiteral("este mensaje fue creado automáticamente"),
        QStringLiteral("esta é uma mensagem automática"),
        QStringLiteral("dit is het mailsysteem"),
        QStringLiteral("このメールは自動"),
        QStringLiteral("このメッセージは自動"),
        QStringLiteral("本メールは自動"),
    };
    return intros;
}

} // namespace bouncelens::NoticePhrases
// clang-format on

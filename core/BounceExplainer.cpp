#include "BounceExplainer.h"

namespace bouncelens {

QString languageCode(Language language)
{
    return language == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

Language languageFromCode(const QString &code)
{
    return code.startsWith(QLatin1String("ja"), Qt::CaseInsensitive) ? Language::Japanese : Language::English;
}

namespace {

struct ReasonText
{
    const char *reason;
    const char *titleEn;
    const char *titleJa;
};

// Headlines only; the full knowledge base comes with the explanations issue.
constexpr ReasonText kTitles[] = {
    {"userunknown", "The address does not exist", "宛先のメールアドレスが存在しません"},
    {"hostunknown", "The recipient's domain does not exist", "宛先のドメインが存在しません"},
    {"mailboxfull", "The recipient's mailbox is full", "宛先のメールボックスが満杯です"},
    {"emailtoolarge", "The message is too large", "メールのサイズが大きすぎます"},
    {"expired", "Delivery kept failing and was given up", "配信を試み続けましたが期限切れになりました"},
    {"suspend", "The recipient's mailbox is suspended", "宛先のメールボックスが停止されています"},
    {"hasmoved", "The recipient has moved to another address", "宛先は別のアドレスに移転しています"},
    {"rejected", "The receiving server refused the message", "受信側のメールサーバーが受け取りを拒否しました"},
    {"blocked", "The receiving server blocked the sending server", "受信側のメールサーバーが送信元のサーバーを拒否しました"},
    {"filtered", "A filter at the recipient refused the message", "宛先側のフィルターによって拒否されました"},
    {"feedback", "A recipient reported the message as unwanted", "受信者がこのメールを迷惑メールとして報告しました"},
    {"vacation", "An automatic reply (for example, out of office)", "自動応答（不在通知など）です"},
    {"delivered", "The message was delivered", "メールは配信されました"},
};

} // namespace

Explanation BounceExplainer::explain(const MessageAnalysis &message, const RecipientResult &r, Language language)
{
    const bool ja = language == Language::Japanese;
    Explanation e;
    for (const ReasonText &t : kTitles) {
        if (r.reason == QLatin1String(t.reason)) {
            e.title = ja ? QString::fromUtf8(t.titleJa) : QString::fromUtf8(t.titleEn);
            break;
        }
    }
    if (e.title.isEmpty())
        e.title = ja ? QStringLiteral("配信できませんでした（原因は特定できません）")
                     : QStringLiteral("The message could not be delivered (cause unclear)");
    const bool bounce = message.kind == MessageKind::Bounce || message.kind == MessageKind::Delay;
    if (bounce) {
        if (r.permanent)
            e.cause = ja ? QStringLiteral("恒久的なエラーです。同じ内容で送り直しても届きません。")
                         : QStringLiteral("This is a permanent failure: sending the same message again will not work.");
        else
            e.cause = ja ? QStringLiteral("一時的なエラーです。送信側のメールサーバーが再送を試みるか、時間をおいて送り直すと届く可能性があります。")
                         : QStringLiteral("This is a temporary failure: the sending server may retry, or the message may go through later.");
        e.fix = ja ? QStringLiteral("宛先のメールアドレスと、サーバーからのメッセージを確認してください。")
                   : QStringLiteral("Check the recipient's address and the server's message.");
        e.customer = ja ? QStringLiteral("%1 宛てのメールは配信できませんでした。").arg(r.address)
                        : QStringLiteral("Your message to %1 could not be delivered.").arg(r.address);
    } else {
        e.cause = e.title;
        e.fix = ja ? QStringLiteral("対応は必要ありません。") : QStringLiteral("No action is needed.");
        e.customer = e.title;
    }
    return e;
}

} // namespace bouncelens

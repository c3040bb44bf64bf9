<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
<context>
    <name>BounceAnalyzer</name>
    <message>
        <source>The message is empty.</source>
        <translation>メッセージが空です。</translation>
    </message>
    <message>
        <source>The message could not be read as e-mail: %1</source>
        <translation>メールとして読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>The message could not be read as e-mail.</source>
        <translation>メールとして読み取れませんでした。</translation>
    </message>
    <message>
        <source>This does not look like an e-mail message: it has no header.</source>
        <translation>メールではないようです。ヘッダーがありません。</translation>
    </message>
    <message>
        <source>The delivery report is very long; only its first %1 MB are shown.</source>
        <translation>配信レポートが非常に長いため、最初の %1 MB だけを表示しています。</translation>
    </message>
    <message>
        <source>The report lists %1 more recipients than the %2 shown here.</source>
        <translation>このレポートには、表示している %2 件のほかに %1 件の宛先が記載されています。</translation>
    </message>
    <message>
        <source>The message nests parts more deeply than BounceLens reads; only its outer parts were analysed.</source>
        <translation>メッセージの入れ子が深すぎるため、外側の部分だけを解析しました。</translation>
    </message>
    <message>
        <source>The report names no recipient; %1 is a guess from the returned message&apos;s To field.</source>
        <translation>レポートに宛先が記載されていないため、%1 は返送されたメールの To 欄から推測したものです。</translation>
    </message>
    <message>
        <source>This is a bounce, but it does not say which recipient failed.</source>
        <translation>バウンスメールですが、どの宛先への配信に失敗したのかが書かれていません。</translation>
    </message>
</context>
<context>
    <name>CatalogCommand</name>
    <message>
        <source>Usage: bouncelens catalog [--lang en|ja] [--format text|json]

Lists the whole knowledge base in one language (default: the system&apos;s language):
every bounce reason, every SMTP reply code and every enhanced status code (the IANA
registry&apos;s classes, subjects and details, then vendor codes), each with all its fields.

--format json writes ONE JSON document (not JSON lines):
  {&quot;format&quot;: &quot;bouncelens-catalog/1&quot;, &quot;language&quot;: &quot;en&quot;, &quot;languages&quot;: [...],
   &quot;counts&quot;: {&quot;reasons&quot;: N, &quot;reply_codes&quot;: N, &quot;status_codes&quot;: N},
   &quot;reasons&quot;: [{&quot;id&quot;, &quot;title&quot;, &quot;what&quot;, &quot;duration&quot;, &quot;who&quot;, &quot;fix&quot;, &quot;customer&quot;}],
   &quot;reply_codes&quot;: [{&quot;code&quot;, &quot;reference&quot;, &quot;title&quot;, &quot;what&quot;, &quot;duration&quot;, &quot;who&quot;, &quot;fix&quot;}],
   &quot;status_codes&quot;: [{&quot;code&quot;, &quot;kind&quot;, &quot;official&quot;, &quot;vendor&quot;, &quot;reference&quot;,
                     &quot;title&quot;, &quot;what&quot;, &quot;duration&quot;, &quot;who&quot;, &quot;fix&quot;}]}
what = what happened; duration = temporary or permanent; who = who needs to act;
fix = what to do; customer = text for the customer, with {recipient}, {date} and
{subject} left as placeholders (explain fills them in). Status code kinds: class
(&quot;5.XXX.YYY&quot;), subject (&quot;X.1.YYY&quot;), detail (&quot;X.1.1&quot;), vendor (&quot;5.7.606&quot;).

Exit status: 0 success, 1 the built-in knowledge base could not be read, 2 usage error.
</source>
        <translation>使い方: bouncelens catalog [--lang en|ja] [--format text|json]

ナレッジベース全体を 1 つの言語で一覧表示します（既定: システムの言語）。
すべてのバウンスの原因、すべての SMTP 応答コード、すべての拡張ステータスコード
（IANA レジストリのクラス、サブジェクト、詳細、続いてベンダー固有のコード）を、
それぞれのすべての項目とともに表示します。

--format json は JSON ドキュメントを 1 つだけ出力します（JSON Lines ではありません）:
  {&quot;format&quot;: &quot;bouncelens-catalog/1&quot;, &quot;language&quot;: &quot;en&quot;, &quot;languages&quot;: [...],
   &quot;counts&quot;: {&quot;reasons&quot;: N, &quot;reply_codes&quot;: N, &quot;status_codes&quot;: N},
   &quot;reasons&quot;: [{&quot;id&quot;, &quot;title&quot;, &quot;what&quot;, &quot;duration&quot;, &quot;who&quot;, &quot;fix&quot;, &quot;customer&quot;}],
   &quot;reply_codes&quot;: [{&quot;code&quot;, &quot;reference&quot;, &quot;title&quot;, &quot;what&quot;, &quot;duration&quot;, &quot;who&quot;, &quot;fix&quot;}],
   &quot;status_codes&quot;: [{&quot;code&quot;, &quot;kind&quot;, &quot;official&quot;, &quot;vendor&quot;, &quot;reference&quot;,
                     &quot;title&quot;, &quot;what&quot;, &quot;duration&quot;, &quot;who&quot;, &quot;fix&quot;}]}
what = 何が起きたか、duration = 一時的か恒久的か、who = 対応が必要な人、
fix = 対処方法、customer = お客様向けの文面（{recipient}、{date}、{subject} は
プレースホルダーのまま残ります。explain では実際の値が入ります）。
ステータスコードの種類: class（&quot;5.XXX.YYY&quot;）、subject（&quot;X.1.YYY&quot;）、detail（&quot;X.1.1&quot;）、
vendor（&quot;5.7.606&quot;）。

終了ステータス: 0 成功、1 組み込みのナレッジベースを読み込めなかった、2 使い方の誤り。
</translation>
    </message>
    <message>
        <source>catalog takes no PATH.</source>
        <translation>catalog には PATH を指定できません。</translation>
    </message>
    <message>
        <source>The knowledge base could not be read: %1</source>
        <translation>ナレッジベースを読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>CertificatePrompt</name>
    <message>
        <source>Untrusted Certificate</source>
        <translation>信頼されていない証明書</translation>
    </message>
    <message>
        <source>The mail server %1 presented a certificate that this computer does not trust.</source>
        <translation>メールサーバー %1 が、このコンピューターで信頼されていない証明書を提示しました。</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256 フィンガープリント: %1</translation>
    </message>
    <message>
        <source>If you trust it, BounceLens accepts exactly this certificate for %1 from now on and asks again if the server&apos;s certificate changes.</source>
        <translation>信頼すると、今後 %1 についてはこの証明書に限り受け入れます。サーバーの証明書が変わった場合は、改めて確認します。</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>この証明書を信頼する(&amp;T)</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Bounce (the message was not delivered)</source>
        <translation>バウンス（メールは配信されませんでした）</translation>
    </message>
    <message>
        <source>Delay (delivery is still being retried)</source>
        <translation>配信遅延（配信を再試行中です）</translation>
    </message>
    <message>
        <source>Feedback report (a recipient complained)</source>
        <translation>フィードバックレポート（受信者が苦情を報告しました）</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>自動応答</translation>
    </message>
    <message>
        <source>Delivery report (the message was delivered)</source>
        <translation>配信レポート（メールは配信されました）</translation>
    </message>
    <message>
        <source>Not a bounce</source>
        <translation>バウンスではありません</translation>
    </message>
    <message numerus="yes">
        <source>%n bounce(s) found</source>
        <translation>
            <numerusform>バウンスが %n 件見つかりました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate message(s) examined</source>
        <translation>
            <numerusform>候補のメールを %n 件調べました</numerusform>
        </translation>
    </message>
    <message>
        <source>--lang takes en or ja, not &quot;%1&quot;.</source>
        <translation>--lang には en または ja を指定してください（「%1」は指定できません）。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>種類: %1</translation>
    </message>
    <message>
        <source>Reported by: %1</source>
        <translation>報告元: %1</translation>
    </message>
    <message>
        <source>Notice: %1</source>
        <translation>通知文: %1</translation>
    </message>
    <message>
        <source>Original subject: %1</source>
        <translation>元のメールの件名: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注記: %1</translation>
    </message>
    <message>
        <source>Recipient: %1</source>
        <translation>宛先: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因: %1</translation>
    </message>
    <message>
        <source>permanent failure</source>
        <translation>恒久的なエラー</translation>
    </message>
    <message>
        <source>temporary failure</source>
        <translation>一時的なエラー</translation>
    </message>
    <message>
        <source>Hard bounce: %1</source>
        <translation>ハードバウンス: %1</translation>
    </message>
    <message>
        <source>Reply code: %1    Status: %2</source>
        <translation>応答コード: %1    ステータス: %2</translation>
    </message>
    <message>
        <source>Remote server: %1</source>
        <translation>相手側のサーバー: %1</translation>
    </message>
    <message>
        <source>The %1 command is not available in this version.</source>
        <translation>このバージョンでは %1 コマンドを利用できません。</translation>
    </message>
    <message>
        <source>explain needs at least one PATH.</source>
        <translation>explain には PATH を 1 つ以上指定してください。</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 には値が必要です。</translation>
    </message>
    <message>
        <source>Unknown option: %1</source>
        <translation>不明なオプションです: %1</translation>
    </message>
    <message>
        <source>Usage:
  bouncelens fetch [--user U] [--password-stdin] [--folder F] [--since YYYY-MM-DD]
                   [--limit N] [--ca-file FILE] [--trust-fingerprint SHA256] [--starttls]
                   [--include-feedback] [--include-autoreplies]
                   [--format text|json] [--lang en|ja] URL

URL is imap://, imaps://, pop3:// or pop3s://HOST[:PORT][/FOLDER].
The password is read from standard input (--password-stdin) or from the
BOUNCELENS_PASSWORD environment variable, never from the command line.
The mailbox is never modified: nothing is marked read, moved or deleted.
Exit status: 0 done, 1 connection, login or server error (after printing
what was fetched), 2 usage error.
</source>
        <translation>使い方:
  bouncelens fetch [--user U] [--password-stdin] [--folder F] [--since YYYY-MM-DD]
                   [--limit N] [--ca-file FILE] [--trust-fingerprint SHA256] [--starttls]
                   [--include-feedback] [--include-autoreplies]
                   [--format text|json] [--lang en|ja] URL

URL には imap://、imaps://、pop3:// または pop3s://HOST[:PORT][/FOLDER] を指定します。
パスワードは標準入力（--password-stdin）または環境変数 BOUNCELENS_PASSWORD から
読み込みます。コマンドラインでは指定できません。
メールボックスは一切変更しません（既読にする、移動する、削除することはありません）。
終了ステータス: 0 完了、1 接続・ログイン・サーバーのエラー（取得できた分を出力した後）、
2 使い方の誤り。
</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日時: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>ステータス: %1</translation>
    </message>
    <message>
        <source>Reply code: %1</source>
        <translation>応答コード: %1</translation>
    </message>
    <message>
        <source>Server said: %1</source>
        <translation>サーバーのメッセージ: %1</translation>
    </message>
    <message>
        <source>fetch needs exactly one URL.</source>
        <translation>fetch には URL を 1 つだけ指定してください。</translation>
    </message>
    <message>
        <source>--trust-fingerprint takes a SHA-256 fingerprint (64 hex digits), not &quot;%1&quot;.</source>
        <translation>--trust-fingerprint には SHA-256 フィンガープリント（16 進数 64 桁）を指定してください（「%1」は指定できません）。</translation>
    </message>
    <message>
        <source>--since takes a date like 2024-03-31, not &quot;%1&quot;.</source>
        <translation>--since には 2024-03-31 のような日付を指定してください（「%1」は指定できません）。</translation>
    </message>
    <message>
        <source>--limit takes a positive number, not &quot;%1&quot;.</source>
        <translation>--limit には正の数を指定してください（「%1」は指定できません）。</translation>
    </message>
    <message>
        <source>To trust this certificate, run again with --trust-fingerprint %1, or give the certificate of its authority with --ca-file FILE.</source>
        <translation>この証明書を信頼するには、--trust-fingerprint %1 を付けて再実行するか、--ca-file FILE で認証局の証明書を指定してください。</translation>
    </message>
    <message>
        <source>bouncelens: unknown option &quot;%1&quot;.</source>
        <translation>bouncelens: 「%1」というオプションはありません。</translation>
    </message>
    <message>
        <source>bouncelens: &quot;%1&quot; is not a command, and no file or folder of that name exists.</source>
        <translation>bouncelens: 「%1」はコマンドではなく、その名前のファイルやフォルダーもありません。</translation>
    </message>
    <message>
        <source>bouncelens: &quot;%1&quot; is not a command. Did you mean &quot;bouncelens %2&quot;?</source>
        <translation>bouncelens: 「%1」はコマンドではありません。「bouncelens %2」のことですか？</translation>
    </message>
    <message>
        <source>bouncelens: there is no display to open the window on; to explain bounces in the terminal, run &quot;bouncelens explain FILE...&quot; instead.</source>
        <translation>bouncelens: ウィンドウを開けるディスプレイがないため、端末で説明する「bouncelens explain FILE...」をお使いください。</translation>
    </message>
    <message>
        <source>--jobs takes a number of threads from 1 to 1024.</source>
        <translation>--jobs には 1 から 1024 までのスレッド数を指定してください。</translation>
    </message>
    <message>
        <source>Usage:
  bouncelens [FILE...]                      open the window (with these files)
  bouncelens explain [--lang en|ja] [--format text|json] [--jobs N] PATH...
                                            explain bounces without a window
  bouncelens summary [--lang en|ja] [--format text|json|csv] PATH...
                                            count them by kind, reason, domain and day
  bouncelens fetch [options] URL            fetch bounces from an IMAP or POP3 mailbox
                                            without changing it (fetch --help: options)
  bouncelens catalog [--lang en|ja] [--format text|json]
                                            list what BounceLens knows
  bouncelens --version | --help

PATH is a message file, an mbox, a maildir, a folder, or - for standard input.
--jobs N is how many threads analyse at once (default: one per CPU core).
Exit status: 0 all inputs read, 1 some could not be read, 2 usage error.
</source>
        <translation>使い方:
  bouncelens [FILE...]                      ウィンドウを開きます（指定したファイルを読み込みます）
  bouncelens explain [--lang en|ja] [--format text|json] [--jobs N] PATH...
                                            ウィンドウを開かずにバウンスメールを説明します
  bouncelens summary [--lang en|ja] [--format text|json|csv] PATH...
                                            種類・原因・ドメイン・日付ごとに集計します
  bouncelens fetch [options] URL            IMAP / POP3 のメールボックスからバウンスメールを
                                            変更せずに取得します（オプションは fetch --help）
  bouncelens catalog [--lang en|ja] [--format text|json]
                                            BounceLens が持つ知識の一覧を表示します
  bouncelens --version | --help

PATH にはメールのファイル、mbox、maildir、フォルダー、または標準入力を表す - を指定します。
--jobs N は同時に解析するスレッドの数です（既定は CPU コアの数）。
終了ステータス: 0 すべての入力を読み込めた、1 読み込めない入力があった、2 使い方の誤り。
</translation>
    </message>
    <message>
        <source>summary needs at least one PATH.</source>
        <translation>summary には PATH を 1 つ以上指定してください。</translation>
    </message>
    <message>
        <source>Meaning: %1</source>
        <translation>意味: %1</translation>
    </message>
    <message>
        <source>--format takes %1, not &quot;%2&quot;.</source>
        <translation>--format には %1 のいずれかを指定してください（「%2」は指定できません）。</translation>
    </message>
</context>
<context>
    <name>ExplainProgress</name>
    <message>
        <source>%1 messages, %2 per second</source>
        <translation>%1 通、毎秒 %2 通</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>、残り %1</translation>
    </message>
</context>
<context>
    <name>ExplanationContent</name>
    <message>
        <source>%1 — %2</source>
        <comment>headline: reason — verdict</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This message could not be read: %1</source>
        <translation>このメールは読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>%1 reported by %2</source>
        <translation>%1（報告元: %2）</translation>
    </message>
    <message numerus="yes">
        <source>, %n recipients</source>
        <translation>
            <numerusform>、宛先 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Original subject: %1</source>
        <translation>元のメールの件名: %1</translation>
    </message>
    <message>
        <source>The message gives no specific clue; the reason is the general one for its codes.</source>
        <translation>メールには具体的な手がかりがないため、コードの一般的な意味から原因を判断しました。</translation>
    </message>
    <message>
        <source>the status code</source>
        <translation>ステータスコード</translation>
    </message>
    <message>
        <source>the reply code</source>
        <translation>応答コード</translation>
    </message>
    <message>
        <source>the receiving server&apos;s message</source>
        <translation>受信側のメールサーバーのメッセージ</translation>
    </message>
    <message>
        <source>the text of the bounce</source>
        <translation>バウンスメールの本文</translation>
    </message>
    <message>
        <source>the delivery report&apos;s Action field</source>
        <translation>配信レポートの Action 欄</translation>
    </message>
    <message>
        <source>Found &quot;%1&quot; in %2.</source>
        <translation>%2に「%1」とあります。</translation>
    </message>
    <message>
        <source>No one: nothing needs to be done.</source>
        <translation>対応は必要ありません。</translation>
    </message>
    <message>
        <source>You (the sender): stop mailing this recipient.</source>
        <translation>あなた（差出人）: この宛先への送信を停止してください。</translation>
    </message>
    <message>
        <source>You (the sender): correct the address or remove it from your list.</source>
        <translation>あなた（差出人）: アドレスを修正するか、送信リストから削除してください。</translation>
    </message>
    <message>
        <source>The recipient: they need to make room in their mailbox.</source>
        <translation>受信者: メールボックスの空き容量を確保する必要があります。</translation>
    </message>
    <message>
        <source>You (the sender): change the message and send it again.</source>
        <translation>あなた（差出人）: メールの内容を変更して送り直してください。</translation>
    </message>
    <message>
        <source>The administrator of the sending mail server (your side).</source>
        <translation>送信側のメールサーバーの管理者（あなたの側）。</translation>
    </message>
    <message>
        <source>The administrator of the receiving mail server (the recipient&apos;s side).</source>
        <translation>受信側のメールサーバーの管理者（宛先の側）。</translation>
    </message>
    <message>
        <source>No one yet: the sending mail server retries by itself. If it keeps failing, ask your mail administrator.</source>
        <translation>今のところ対応は不要です。送信側のメールサーバーが自動的に再送します。失敗が続く場合は、メール管理者に相談してください。</translation>
    </message>
    <message>
        <source>Your mail administrator, with the server&apos;s message below.</source>
        <translation>メール管理者（下記のサーバーのメッセージを添えて相談してください）。</translation>
    </message>
    <message>
        <source>The report names no recipient: the address is a guess from the returned message&apos;s To field.</source>
        <translation>レポートに宛先が記載されていません。このアドレスは、返送されたメールの To 欄から推測したものです。</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>No message is selected.</source>
        <translation>メールが選択されていません。</translation>
    </message>
    <message>
        <source>Bounce report: %1</source>
        <translation>バウンスレポート: %1</translation>
    </message>
    <message>
        <source>Export Suppression List</source>
        <translation>送信停止リストのエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Export Table as CSV</source>
        <translation>一覧を CSV でエクスポート</translation>
    </message>
    <message>
        <source>Export Table as JSON</source>
        <translation>一覧を JSON でエクスポート</translation>
    </message>
    <message>
        <source>JSON files (*.json);;JSON Lines, one message per line (*.jsonl)</source>
        <translation>JSON ファイル (*.json);;JSON Lines（1 行に 1 通） (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Explanation as HTML</source>
        <translation>説明を HTML でエクスポート</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML ファイル (*.html *.htm)</translation>
    </message>
    <message>
        <source>Export Explanation as PDF</source>
        <translation>説明を PDF でエクスポート</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <source>The file %1 could not be saved.</source>
        <translation>ファイル %1 を保存できませんでした。</translation>
    </message>
    <message>
        <source>Print Explanation</source>
        <translation>説明の印刷</translation>
    </message>
</context>
<context>
    <name>Exporters</name>
    <message>
        <source>Bounce report: %1</source>
        <translation>バウンスレポート: %1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>報告元</translation>
    </message>
    <message>
        <source>Original subject</source>
        <translation>元のメールの件名</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Hard bounce</source>
        <translation>ハードバウンス</translation>
    </message>
    <message>
        <source>Yes: do not mail this address again</source>
        <translation>はい: このアドレスには今後送信しないでください</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>何が起きたか</translation>
    </message>
    <message>
        <source>Who needs to act</source>
        <translation>対応が必要な人</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <source>Why we think so</source>
        <translation>判断の根拠</translation>
    </message>
    <message>
        <source>What the server said</source>
        <translation>サーバーのメッセージ</translation>
    </message>
    <message>
        <source>Text for the customer</source>
        <translation>お客様向けの文面</translation>
    </message>
    <message>
        <source>The bounce message</source>
        <translation>バウンスメール</translation>
    </message>
    <message>
        <source>Generated by BounceLens %1</source>
        <translation>BounceLens %1 で作成</translation>
    </message>
    <message>
        <source>The PDF file could not be written.</source>
        <translation>PDF ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>What the codes mean</source>
        <translation>コードの意味</translation>
    </message>
</context>
<context>
    <name>MailboxFetcher</name>
    <message>
        <source>Cannot read the certificate file %1: %2</source>
        <translation>証明書ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM certificate (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation>ファイル %1 には PEM 形式の証明書（「-----BEGIN CERTIFICATE-----」）が含まれていません。</translation>
    </message>
    <message>
        <source>The certificate of %1 has expired.</source>
        <translation>%1 の証明書は有効期限が切れています。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet (check this computer&apos;s clock).</source>
        <translation>%1 の証明書はまだ有効になっていません（このコンピューターの時計を確認してください）。</translation>
    </message>
    <message>
        <source>The certificate of %1 was issued for another server name.</source>
        <translation>%1 の証明書は別のサーバー名に対して発行されています。</translation>
    </message>
    <message>
        <source>The certificate of %1 is of a type that cannot be checked.</source>
        <translation>%1 の証明書は確認できない種類のものです。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: it is self-signed or issued by an unknown authority.</source>
        <translation>%1 の証明書は信頼されていません。自己署名されているか、不明な認証局が発行したものです。</translation>
    </message>
    <message>
        <source>Its SHA-256 fingerprint is %1. Trust it only if your mail administrator confirms this fingerprint.</source>
        <translation>SHA-256 フィンガープリントは %1 です。メール管理者がこのフィンガープリントを確認した場合にのみ信頼してください。</translation>
    </message>
    <message>
        <source>The fetch was cancelled.</source>
        <translation>取得を中止しました。</translation>
    </message>
    <message>
        <source>The server %1 did not accept the user name or password.</source>
        <translation>サーバー %1 はユーザー名またはパスワードを受け付けませんでした。</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; does not exist on %2.</source>
        <translation>%2 にフォルダー「%1」はありません。</translation>
    </message>
    <message>
        <source>The server %1 did not answer within %2 seconds.</source>
        <translation>サーバー %1 から %2 秒以内に応答がありませんでした。</translation>
    </message>
    <message>
        <source>The secure connection (TLS) to %1 could not be set up.</source>
        <translation>%1 との安全な接続（TLS）を確立できませんでした。</translation>
    </message>
    <message>
        <source>The server %1 does not offer STARTTLS, so the connection cannot be secured.</source>
        <translation>サーバー %1 は STARTTLS に対応していないため、接続を暗号化できません。</translation>
    </message>
    <message>
        <source>The server name %1 was not found (check the spelling).</source>
        <translation>サーバー名 %1 が見つかりませんでした（綴りを確認してください）。</translation>
    </message>
    <message>
        <source>The server %1 refused the connection (wrong port, or the mail service is not running).</source>
        <translation>サーバー %1 に接続を拒否されました（ポート番号が違うか、メールサービスが動いていません）。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached from this computer.</source>
        <translation>このコンピューターからサーバー %1 に到達できません。</translation>
    </message>
    <message>
        <source>The server %1 closed the connection.</source>
        <translation>サーバー %1 が接続を切断しました。</translation>
    </message>
    <message>
        <source>Cannot connect to %1.</source>
        <translation>%1 に接続できません。</translation>
    </message>
    <message>
        <source>The server %1 answered something unexpected.</source>
        <translation>サーバー %1 から想定外の応答がありました。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mailbox address. Use imap://, imaps://, pop3:// or pop3s:// followed by the server name, e.g. imaps://mail.example.com/INBOX.</source>
        <translation>「%1」はメールボックスのアドレスではありません。imap://、imaps://、pop3:// または pop3s:// の後にサーバー名を続けて指定してください（例: imaps://mail.example.com/INBOX）。</translation>
    </message>
    <message>
        <source>POP3 servers have no folders other than INBOX; use IMAP to read &quot;%1&quot;.</source>
        <translation>POP3 サーバーには INBOX 以外のフォルダーがありません。「%1」を読むには IMAP を使用してください。</translation>
    </message>
    <message>
        <source>A user name is needed to log in to %1.</source>
        <translation>%1 にログインするにはユーザー名が必要です。</translation>
    </message>
    <message>
        <source>The server %1 sent a message larger than %2, more than any bounce; the fetch stopped there.</source>
        <translation>サーバー %1 から %2 を超えるメッセージが送られてきました。バウンスメールとしてはあり得ない大きさのため、取得をここで中止しました。</translation>
    </message>
    <message>
        <source>The server %1 refused to start a session (its greeting was not &quot;OK&quot;).</source>
        <translation>サーバー %1 が接続を受け付けませんでした（最初の応答が「OK」ではありませんでした）。</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open bounced messages or mbox files</source>
        <translation>バウンスメールまたは mbox ファイルを開きます</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>フォルダーを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Open every message in a folder or maildir, including subfolders</source>
        <translation>フォルダーまたは maildir 内のすべてのメールを、サブフォルダーも含めて開きます</translation>
    </message>
    <message>
        <source>Fetch from &amp;Mailbox…</source>
        <translation>メールボックスから取得(&amp;M)…</translation>
    </message>
    <message>
        <source>Read the bounces in a mailbox on a mail server (IMAP or POP3) without changing it</source>
        <translation>メールサーバー上のメールボックス（IMAP または POP3）のバウンスメールを、メールボックスを変更せずに読み取ります</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Suppression List (Hard Bounces, CSV)…</source>
        <translation>送信停止リスト（ハードバウンス、CSV）(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the addresses that must not be mailed again, in a CSV file mailing tools can import</source>
        <translation>今後送信してはいけないアドレスを、メール配信ツールに取り込める CSV ファイルに保存します</translation>
    </message>
    <message>
        <source>Table as &amp;CSV…</source>
        <translation>一覧を CSV で保存(&amp;C)…</translation>
    </message>
    <message>
        <source>Table as &amp;JSON…</source>
        <translation>一覧を JSON で保存(&amp;J)…</translation>
    </message>
    <message>
        <source>Explanation as &amp;PDF…</source>
        <translation>説明を PDF で保存(&amp;P)…</translation>
    </message>
    <message>
        <source>Explanation as &amp;HTML…</source>
        <translation>説明を HTML で保存(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Print Explanation…</source>
        <translation>説明を印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>C&amp;lear All</source>
        <translation>すべて消去(&amp;L)</translation>
    </message>
    <message>
        <source>Remove every loaded message from the window</source>
        <translation>読み込んだすべてのメールをウィンドウから取り除きます</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Paste Message</source>
        <translation>メールを貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Analyse a bounce copied to the clipboard as raw message text</source>
        <translation>クリップボードにコピーしたバウンスメールのソースを解析します</translation>
    </message>
    <message>
        <source>&amp;Copy Text for Customer</source>
        <translation>お客様向けの文面をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the bounce table</source>
        <translation>バウンス一覧を検索します</translation>
    </message>
    <message>
        <source>Cancel &amp;Loading</source>
        <translation>読み込みを中止(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About BounceLens</source>
        <translation>BounceLens について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>MessageLoader</name>
    <message>
        <source>Standard input could not be read.</source>
        <translation>標準入力を読み込めませんでした。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>ファイルが存在しません。</translation>
    </message>
    <message>
        <source>This is a folder, not a message file.</source>
        <translation>これはフォルダーです。メールのファイルではありません。</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>ファイルを開けませんでした: %1</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>ファイルが空です。</translation>
    </message>
    <message>
        <source>The message is %1 MB, larger than the %2 MB BounceLens analyses.</source>
        <translation>メールのサイズが %1 MB あり、BounceLens が解析できる %2 MB を超えています。</translation>
    </message>
</context>
<context>
    <name>ReasonLabels</name>
    <message>
        <source>Address does not exist</source>
        <translation>アドレスが存在しない</translation>
    </message>
    <message>
        <source>Domain does not exist</source>
        <translation>ドメインが存在しない</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>メールボックス容量超過</translation>
    </message>
    <message>
        <source>Refused by a filter</source>
        <translation>フィルターで拒否</translation>
    </message>
    <message>
        <source>Sender rejected</source>
        <translation>差出人を拒否</translation>
    </message>
    <message>
        <source>Sending server blocked</source>
        <translation>送信側のサーバーを拒否</translation>
    </message>
    <message>
        <source>Delivery time expired</source>
        <translation>配信期限切れ</translation>
    </message>
    <message>
        <source>Mailbox suspended</source>
        <translation>メールボックス停止中</translation>
    </message>
    <message>
        <source>Recipient has moved</source>
        <translation>宛先が移転</translation>
    </message>
    <message>
        <source>Policy violation</source>
        <translation>ポリシー違反</translation>
    </message>
    <message>
        <source>Judged as spam</source>
        <translation>迷惑メールと判定</translation>
    </message>
    <message>
        <source>Virus detected</source>
        <translation>ウイルスを検出</translation>
    </message>
    <message>
        <source>Content not accepted</source>
        <translation>内容を受け付けない</translation>
    </message>
    <message>
        <source>Message too large</source>
        <translation>メールのサイズ超過</translation>
    </message>
    <message>
        <source>Too many messages (rate limit)</source>
        <translation>送信数が多すぎる（流量制限）</translation>
    </message>
    <message>
        <source>Sender authentication failed</source>
        <translation>送信元認証の失敗</translation>
    </message>
    <message>
        <source>Poor sender reputation</source>
        <translation>送信元の評価が低い</translation>
    </message>
    <message>
        <source>Sending server lacks reverse DNS</source>
        <translation>送信側のサーバーに逆引き DNS がない</translation>
    </message>
    <message>
        <source>Encryption (STARTTLS) failed</source>
        <translation>暗号化（STARTTLS）の失敗</translation>
    </message>
    <message>
        <source>Security error</source>
        <translation>セキュリティエラー</translation>
    </message>
    <message>
        <source>Relaying denied</source>
        <translation>中継を拒否</translation>
    </message>
    <message>
        <source>Domain accepts no mail</source>
        <translation>ドメインがメールを受け付けない</translation>
    </message>
    <message>
        <source>Message breaks the standards</source>
        <translation>メールが規格に違反</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>ネットワークエラー</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>サーバーエラー</translation>
    </message>
    <message>
        <source>Server disk full</source>
        <translation>サーバーのディスク容量不足</translation>
    </message>
    <message>
        <source>Mail program error</source>
        <translation>メールプログラムのエラー</translation>
    </message>
    <message>
        <source>Command syntax error</source>
        <translation>コマンドの構文エラー</translation>
    </message>
    <message>
        <source>On a suppression list</source>
        <translation>送信停止リストに登録済み</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Cause unclear</source>
        <translation>原因不明</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>配信済み</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>迷惑メールの苦情</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>自動応答</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>バウンス</translation>
    </message>
    <message>
        <source>Delay notice</source>
        <translation>配信遅延の通知</translation>
    </message>
    <message>
        <source>Spam complaint report</source>
        <translation>迷惑メールの苦情レポート</translation>
    </message>
    <message>
        <source>Delivery report</source>
        <translation>配信レポート</translation>
    </message>
    <message>
        <source>Not a bounce</source>
        <translation>バウンスではありません</translation>
    </message>
    <message>
        <source>Permanent failure</source>
        <translation>恒久的なエラー</translation>
    </message>
    <message>
        <source>Temporary failure</source>
        <translation>一時的なエラー</translation>
    </message>
    <message>
        <source>permanent failure</source>
        <comment>after a dash in a headline</comment>
        <translation>恒久的なエラー</translation>
    </message>
    <message>
        <source>temporary failure</source>
        <comment>after a dash in a headline</comment>
        <translation>一時的なエラー</translation>
    </message>
</context>
<context>
    <name>SpanStyle</name>
    <message>
        <source>Click to show the matching explanation.</source>
        <translation>クリックすると対応する説明を表示します。</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知文</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Reply code</source>
        <translation>応答コード</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>ステータスコード</translation>
    </message>
    <message>
        <source>Server&apos;s message</source>
        <translation>サーバーのメッセージ</translation>
    </message>
    <message>
        <source>The opening notice: the sentence in which the mail system says what happened.</source>
        <translation>冒頭の通知文: メールシステムが何が起きたかを伝えている文です。</translation>
    </message>
    <message>
        <source>The address the message could not be delivered to.</source>
        <translation>メールを配信できなかった宛先のアドレスです。</translation>
    </message>
    <message>
        <source>The SMTP reply code the receiving server answered with: 5xx means a permanent failure, 4xx a temporary one.</source>
        <translation>受信側のメールサーバーが返した SMTP の応答コードです。5xx は恒久的なエラー、4xx は一時的なエラーを表します。</translation>
    </message>
    <message>
        <source>The enhanced status code (RFC 3463), for example 5.1.1: its first digit says permanent (5) or temporary (4), the rest says why.</source>
        <translation>拡張ステータスコード（RFC 3463、例: 5.1.1）です。最初の数字が恒久的（5）か一時的（4）かを、残りの数字が原因を表します。</translation>
    </message>
    <message>
        <source>The receiving mail server&apos;s own words about the failure.</source>
        <translation>エラーについて受信側のメールサーバーが返した文面そのものです。</translation>
    </message>
</context>
<context>
    <name>SummaryReport</name>
    <message>
        <source>Recipients by reason</source>
        <translation>原因別の宛先数</translation>
    </message>
    <message>
        <source>Recipients by domain (top 20)</source>
        <translation>ドメイン別の宛先数（上位 20 件）</translation>
    </message>
    <message>
        <source>Messages by kind</source>
        <translation>種類別のメール数</translation>
    </message>
    <message>
        <source>Hard or soft, permanent or temporary</source>
        <translation>ハード／ソフト、恒久的／一時的</translation>
    </message>
    <message>
        <source>Hard bounces (do not mail again)</source>
        <translation>ハードバウンス（今後は送信しない）</translation>
    </message>
    <message>
        <source>Soft bounces</source>
        <translation>ソフトバウンス</translation>
    </message>
    <message>
        <source>Permanent failures</source>
        <translation>恒久的なエラー</translation>
    </message>
    <message>
        <source>Temporary failures</source>
        <translation>一時的なエラー</translation>
    </message>
    <message>
        <source>Bounce summary</source>
        <translation>バウンスの集計</translation>
    </message>
    <message>
        <source>%1 messages · %2 recipients · %3 hard bounces (%4)</source>
        <translation>メール %1 件・宛先 %2 件・ハードバウンス %3 件（%4）</translation>
    </message>
    <message>
        <source> · %1 could not be read</source>
        <translation>・読み込めなかったもの %1 件</translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation>日別のメール数</translation>
    </message>
</context>
<context>
    <name>SummaryWriter</name>
    <message>
        <source>Bounce</source>
        <translation>バウンス</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>配信遅延</translation>
    </message>
    <message>
        <source>Feedback report</source>
        <translation>フィードバックレポート</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>自動応答</translation>
    </message>
    <message>
        <source>Delivery report</source>
        <translation>配信レポート</translation>
    </message>
    <message>
        <source>Not a bounce</source>
        <translation>バウンスではないメール</translation>
    </message>
    <message>
        <source>Other domains</source>
        <translation>その他のドメイン</translation>
    </message>
    <message>
        <source>(no domain)</source>
        <translation>（ドメインなし）</translation>
    </message>
    <message>
        <source>Date unknown</source>
        <translation>日付不明</translation>
    </message>
    <message>
        <source>BounceLens summary</source>
        <translation>BounceLens 集計</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>読み込めなかったもの</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>hard bounces (the address is bad: do not mail it again)</source>
        <translation>ハードバウンス（アドレスに問題あり。今後は送信しないでください）</translation>
    </message>
    <message>
        <source>soft bounces (the address itself is fine)</source>
        <translation>ソフトバウンス（アドレス自体には問題なし）</translation>
    </message>
    <message>
        <source>permanent failures</source>
        <translation>恒久的なエラー</translation>
    </message>
    <message>
        <source>temporary failures</source>
        <translation>一時的なエラー</translation>
    </message>
    <message>
        <source>Recipients by reason</source>
        <translation>原因別の宛先数</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Recipients by domain (top 20)</source>
        <translation>ドメイン別の宛先数（上位 20 件）</translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation>日別のメール数</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>読み込めなかったもの</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Hard bounces</source>
        <translation>ハードバウンス</translation>
    </message>
    <message>
        <source>Soft bounces</source>
        <translation>ソフトバウンス</translation>
    </message>
    <message>
        <source>Permanent failures</source>
        <translation>恒久的なエラー</translation>
    </message>
    <message>
        <source>Temporary failures</source>
        <translation>一時的なエラー</translation>
    </message>
</context>
<context>
    <name>bouncelens::BarChart</name>
    <message>
        <source>%1: %2 (click to show only these in the table)</source>
        <translation>%1：%2 件（クリックすると一覧にこれだけを表示します）</translation>
    </message>
</context>
<context>
    <name>bouncelens::BounceTableModel</name>
    <message>
        <source>Could not be read</source>
        <translation>読み込めませんでした</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>A hard bounce means the address itself is bad: remove it from your lists.</source>
        <translation>ハードバウンスは、アドレスそのものに問題があることを表します。送信リストから削除してください。</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reply code</source>
        <translation>応答コード</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Temporary/permanent</source>
        <translation>一時的/恒久的</translation>
    </message>
    <message>
        <source>Hard bounce</source>
        <translation>ハードバウンス</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>The SMTP reply code the server answered with (5xx permanent, 4xx temporary)</source>
        <translation>サーバーが返した SMTP の応答コード（5xx は恒久的、4xx は一時的）</translation>
    </message>
    <message>
        <source>The enhanced status code (RFC 3463) given in the bounce</source>
        <translation>バウンスメールに記載された拡張ステータスコード（RFC 3463）</translation>
    </message>
    <message>
        <source>Whether the address itself is bad and must not be mailed again</source>
        <translation>アドレスそのものに問題があり、今後送信してはいけないかどうか</translation>
    </message>
</context>
<context>
    <name>bouncelens::BounceTablePane</name>
    <message>
        <source>All reasons</source>
        <translation>すべての原因</translation>
    </message>
    <message>
        <source>Search addresses, reasons, codes, server messages…</source>
        <translation>アドレス、原因、コード、サーバーのメッセージを検索…</translation>
    </message>
    <message>
        <source>Search the bounces</source>
        <translation>バウンスを検索</translation>
    </message>
    <message>
        <source>&amp;Permanent only</source>
        <translation>恒久的なエラーのみ(&amp;P)</translation>
    </message>
    <message>
        <source>Show only permanent failures (5xx): resending will not help</source>
        <translation>恒久的なエラー（5xx）のみを表示します。送り直しても届きません</translation>
    </message>
    <message>
        <source>&amp;Hard bounces only</source>
        <translation>ハードバウンスのみ(&amp;H)</translation>
    </message>
    <message>
        <source>Show only addresses that must not be mailed again</source>
        <translation>今後送信してはいけないアドレスのみを表示します</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E):</translation>
    </message>
    <message>
        <source>Filter by reason</source>
        <translation>原因で絞り込む</translation>
    </message>
    <message>
        <source>Bounces</source>
        <translation>バウンス一覧</translation>
    </message>
    <message>
        <source>Domain: %1</source>
        <translation>ドメイン：%1</translation>
    </message>
    <message>
        <source>Day: %1</source>
        <translation>日付：%1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>種類：%1</translation>
    </message>
    <message>
        <source>Show every row again</source>
        <translation>すべての行を表示し直します</translation>
    </message>
    <message>
        <source>Clear the filter: %1</source>
        <translation>絞り込みを解除：%1</translation>
    </message>
</context>
<context>
    <name>bouncelens::ExplanationPanel</name>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Open a bounced message to see what went wrong and what to do about it.</source>
        <translation>バウンスメールを開くと、何が起きたのか、どう対処すればよいのかを表示します。</translation>
    </message>
    <message>
        <source>BounceLens found no failed delivery in this message.</source>
        <translation>このメールには配信に失敗した宛先が見つかりませんでした。</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>通知文:</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>the notice, quoted</comment>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知文</translation>
    </message>
</context>
<context>
    <name>bouncelens::FetchDialog</name>
    <message>
        <source>Fetch Bounces from a Mailbox</source>
        <translation>メールボックスからバウンスを取得</translation>
    </message>
    <message>
        <source>BounceLens reads the bounces in a mailbox on your mail server and adds them to the table.</source>
        <translation>メールサーバー上のメールボックスにあるバウンスメールを読み取り、一覧に追加します。</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>アカウント(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Server and port:</source>
        <translation>サーバーとポート(&amp;S):</translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>プロトコル(&amp;R):</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>暗号化(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>フォルダー(&amp;F):</translation>
    </message>
    <message>
        <source>Date range:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <source>&amp;Maximum number:</source>
        <translation>最大件数(&amp;M):</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>対象に含める:</translation>
    </message>
    <message>
        <source>e.g. mail.example.com</source>
        <translation>例: mail.example.com</translation>
    </message>
    <message>
        <source>Port (filled in from the security setting)</source>
        <translation>ポート（暗号化の設定に合わせて自動で入力されます）</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>SSL/TLS (recommended)</source>
        <translation>SSL/TLS（推奨）</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>なし（暗号化しない）</translation>
    </message>
    <message>
        <source>Warning: without encryption, your password and the messages travel over the network unencrypted and can be read by others. Use this only if your mail administrator says so.</source>
        <translation>警告: 暗号化しない場合、パスワードとメールは暗号化されないままネットワークを流れるため、第三者に読み取られるおそれがあります。メール管理者から指示があった場合にのみ使用してください。</translation>
    </message>
    <message>
        <source>Usually your e-mail address</source>
        <translation>通常はメールアドレスです</translation>
    </message>
    <message>
        <source>The folder to read, e.g. INBOX. Separate sub-folders with &quot;/&quot;. POP3 always reads INBOX.</source>
        <translation>読み取るフォルダーです（例: INBOX）。サブフォルダーは「/」で区切ります。POP3 では常に INBOX を読み取ります。</translation>
    </message>
    <message>
        <source>Only messages received on or after</source>
        <translation>次の日付以降に受信したメールのみ</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source> bounces</source>
        <translation> 件</translation>
    </message>
    <message>
        <source>Feedback reports (spam complaints)</source>
        <translation>フィードバックレポート（迷惑メールの苦情）</translation>
    </message>
    <message>
        <source>Automatic replies (out of office)</source>
        <translation>自動応答（不在通知など）</translation>
    </message>
    <message>
        <source>The mailbox is not changed: nothing is marked as read, moved or deleted.</source>
        <translation>メールボックスは変更されません。既読にしたり、移動や削除をしたりすることはありません。</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Connect, log in and open the folder, without fetching anything</source>
        <translation>メールを取得せずに、接続・ログインしてフォルダーを開けるかどうかを確認します</translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation>取得(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新しいアカウント</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%2 の %1（%3）</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the password is kept in memory only until BounceLens is closed. It is never saved to a file.</source>
        <translation>システムのキーチェーンを利用できないため、パスワードは BounceLens を終了するまでメモリ上にのみ保持されます。ファイルに保存されることはありません。</translation>
    </message>
    <message>
        <source>Enter the name of the mail server.</source>
        <translation>メールサーバーの名前を入力してください。</translation>
    </message>
    <message>
        <source>Enter only the server name (e.g. mail.example.com), without spaces or &quot;/&quot;.</source>
        <translation>サーバー名のみを入力してください（例: mail.example.com）。空白や「/」は含めないでください。</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>ユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>✔ Connected and logged in to %1.</source>
        <translation>✔ %1 に接続し、ログインできました。</translation>
    </message>
    <message>
        <source>✔ Connected and logged in to %1; the folder %2 can be read.</source>
        <translation>✔ %1 に接続してログインし、フォルダー %2 を読み取れることを確認しました。</translation>
    </message>
    <message>
        <source>Refresh folders</source>
        <translation>フォルダー一覧を更新</translation>
    </message>
    <message>
        <source>Read the list of folders from the server (IMAP only). Nothing is changed.</source>
        <translation>サーバーからフォルダーの一覧を読み込みます (IMAP のみ)。メールボックスは変更されません。</translation>
    </message>
    <message>
        <source>Reading the folder list…</source>
        <translation>フォルダーの一覧を読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <source>✔ %n folder(s) found on %1.</source>
        <translation>
            <numerusform>✔ %1 にフォルダーが %n 件見つかりました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bouncelens::MainWindow</name>
    <message>
        <source>The text for the customer was copied to the clipboard.</source>
        <translation>お客様向けの文面をクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation>読み込みを中止します（Esc）</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>読み込みの進行状況</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Open Bounced Messages</source>
        <translation>バウンスメールを開く</translation>
    </message>
    <message>
        <source>Messages and mailboxes (*.eml *.msg *.txt *.mbox *.mbx *.mail);;All files (*)</source>
        <translation>メールとメールボックス (*.eml *.msg *.txt *.mbox *.mbx *.mail);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open Folder of Messages</source>
        <translation>メールのフォルダーを開く</translation>
    </message>
    <message>
        <source>The clipboard holds no message text to analyse.</source>
        <translation>クリップボードに解析できるメールのテキストがありません。</translation>
    </message>
    <message>
        <source>Pasted message %1</source>
        <translation>貼り付けたメール %1</translation>
    </message>
    <message>
        <source>Dropped message</source>
        <translation>ドロップしたメール</translation>
    </message>
    <message>
        <source>%1 (message %2)</source>
        <translation>%1（%2 通目）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Some Files Could Not Be Read</source>
        <translation>読み込めなかったファイルがあります</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be read. The others were loaded.</source>
        <translation>
            <numerusform>%n 件のメールを読み込めませんでした。その他のメールは読み込みました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop bounced messages, mbox files or folders here to analyse them.</source>
        <translation>バウンスメール、mbox ファイル、フォルダーをここにドロップすると解析します。</translation>
    </message>
    <message>
        <source>%1 messages, %2 recipients, %3 hard bounces, %4 rows shown</source>
        <translation>メール %1 件、宛先 %2 件、ハードバウンス %3 件、表示中 %4 行</translation>
    </message>
    <message>
        <source>Reading %1 of %2 files…</source>
        <translation>ファイルを読み込み中（%2 件中 %1 件）…</translation>
    </message>
    <message>
        <source>%1 — BounceLens</source>
        <translation>%1 — BounceLens</translation>
    </message>
    <message>
        <source>BounceLens</source>
        <translation>BounceLens</translation>
    </message>
    <message>
        <source>About BounceLens</source>
        <translation>BounceLens について</translation>
    </message>
    <message>
        <source>Explains bounced e-mail in plain words: what happened, who needs to act and what to do.</source>
        <translation>届かなかったメール（バウンスメール）について、何が起きたのか、誰が対応すべきか、どう対処すればよいのかをわかりやすく説明します。</translation>
    </message>
    <message>
        <source>Reason names follow Sisimai; codes follow RFC 5321 and RFC 3463.</source>
        <translation>原因の名前は Sisimai に、コードは RFC 5321 と RFC 3463 に準拠しています。</translation>
    </message>
    <message>
        <source>Built with Qt %1 and vmime.</source>
        <translation>Qt %1 と vmime を使用しています。</translation>
    </message>
    <message numerus="yes">
        <source>%n bounce(s) fetched from %1.</source>
        <translation>
            <numerusform>%1 からバウンスを %n 件取得しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fetching was cancelled. The %n bounce(s) fetched so far stay in the table.</source>
        <translation>
            <numerusform>取得を中止しました。それまでに取得したバウンス %n 件は一覧に残っています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching Stopped</source>
        <translation>取得が中断されました</translation>
    </message>
    <message>
        <source>BounceLens could not finish reading the mailbox on %1.</source>
        <translation>%1 のメールボックスを最後まで読み取れませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>The %n bounce(s) fetched before the problem stay in the table.</source>
        <translation>
            <numerusform>問題が起きる前に取得したバウンス %n 件は一覧に残っています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>Looking for bounces on %1…</source>
        <translation>%1 でバウンスを探しています…</translation>
    </message>
    <message>
        <source>Fetching from %1: %2 of %3 candidate messages checked, %4 bounces found…</source>
        <translation>%1 から取得中: 候補のメール %3 件のうち %2 件を確認し、バウンスが %4 件見つかりました…</translation>
    </message>
</context>
<context>
    <name>bouncelens::MessageView</name>
    <message>
        <source>Message</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Show &amp;Raw Source</source>
        <translation>ソースを表示(&amp;R)</translation>
    </message>
    <message>
        <source>Show the message exactly as it was read, headers and all (%1)</source>
        <translation>読み込んだままのメールをヘッダーも含めて表示します（%1）</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>メールの本文</translation>
    </message>
    <message>
        <source>The bounce message with its important parts highlighted; activate a highlight to show its explanation.</source>
        <translation>重要な部分を強調表示したバウンスメールです。強調表示を選ぶと、その説明を表示します。</translation>
    </message>
    <message>
        <source>Legend of the highlights</source>
        <translation>強調表示の凡例</translation>
    </message>
    <message>
        <source>Highlights:</source>
        <translation>強調表示:</translation>
    </message>
    <message>
        <source>Drop bounced messages, an mbox or a folder here, or use File &gt; Open.</source>
        <translation>バウンスメール、mbox、フォルダーをここにドロップするか、［ファイル］&gt;［開く］を使用してください。</translation>
    </message>
    <message>
        <source>This message has no readable text.</source>
        <translation>このメールには読み取れる本文がありません。</translation>
    </message>
</context>
<context>
    <name>bouncelens::RecentFiles</name>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>最近使ったファイルの一覧を消去(&amp;C)</translation>
    </message>
</context>
<context>
    <name>bouncelens::RecipientCard</name>
    <message>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>何が起きたか</translation>
    </message>
    <message>
        <source>Who needs to act</source>
        <translation>対応が必要な人</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <source>Why we think so</source>
        <translation>判断の根拠</translation>
    </message>
    <message>
        <source>What the server said</source>
        <translation>サーバーのメッセージ</translation>
    </message>
    <message>
        <source>Codes: %1</source>
        <translation>コード: %1</translation>
    </message>
    <message>
        <source>Text for the customer</source>
        <translation>お客様向けの文面</translation>
    </message>
    <message>
        <source>&amp;Copy Text for Customer</source>
        <translation>お客様向けの文面をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the text for the customer to the clipboard</source>
        <translation>お客様向けの文面をクリップボードにコピーします</translation>
    </message>
    <message>
        <source>Explanation for %1</source>
        <translation>%1 についての説明</translation>
    </message>
    <message>
        <source>Copy text for the customer about %1</source>
        <translation>%1 についてのお客様向けの文面をコピー</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Hard bounce</source>
        <translation>ハードバウンス</translation>
    </message>
    <message>
        <source>The address itself is bad: do not mail it again</source>
        <translation>アドレスそのものに問題があります。今後このアドレスには送信しないでください</translation>
    </message>
    <message>
        <source>What the codes mean</source>
        <translation>コードの意味</translation>
    </message>
    <message>
        <source>%1
Final recipient: %2</source>
        <comment>the address the sender used, then where it led</comment>
        <translation>%1
最終的な宛先：%2</translation>
    </message>
    <message>
        <source>Guessed from the returned message&apos;s To field: the report names no recipient.</source>
        <translation>返送されたメールの To 欄から推測しました（レポートに宛先が記載されていません）。</translation>
    </message>
    <message>
        <source>About the address</source>
        <translation>アドレスについて</translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation>もしかして</translation>
    </message>
    <message>
        <source>Copy &amp;Address %1</source>
        <translation>アドレス %1 をコピー(&amp;A)</translation>
    </message>
    <message>
        <source>Copy the likely intended address to the clipboard</source>
        <translation>本来意図されたと思われるアドレスをクリップボードにコピーします</translation>
    </message>
    <message>
        <source>&amp;Reply to Customer…</source>
        <translation>お客様への返信を作成(&amp;R)…</translation>
    </message>
    <message>
        <source>Write a reply to your customer about this bounce, in English or Japanese</source>
        <translation>このバウンスについて、お客様への返信を日本語または英語で作成します</translation>
    </message>
</context>
<context>
    <name>bouncelens::ReplyComposerDialog</name>
    <message>
        <source>Replace Your Changes?</source>
        <translation>編集内容を置き換えますか？</translation>
    </message>
    <message>
        <source>Writing the reply in the other language replaces the changes you made to the text.</source>
        <translation>別の言語で返信を作成し直すと、文面に加えた変更は失われます。</translation>
    </message>
    <message>
        <source>The reply was copied to the clipboard.</source>
        <translation>返信の文面をクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>The reply was handed to your mail program.</source>
        <translation>返信をメールソフトに渡しました。</translation>
    </message>
    <message>
        <source>No mail program could be opened. Copy the text and paste it into your mail instead.</source>
        <translation>メールソフトを開けませんでした。文面をコピーして、メールに貼り付けてください。</translation>
    </message>
    <message>
        <source>Reply to Customer</source>
        <translation>お客様への返信</translation>
    </message>
    <message>
        <source>A reply to your customer about the message to %1. Check and edit it, then copy it or open it in your mail program.</source>
        <translation>%1 宛てのメールについての、お客様への返信です。内容を確認・編集してから、コピーするかメールソフトで開いてください。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>宛先(&amp;T):</translation>
    </message>
    <message>
        <source>The customer&apos;s address</source>
        <translation>お客様のメールアドレス</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>件名(&amp;S):</translation>
    </message>
    <message>
        <source>Text of the reply</source>
        <translation>返信の本文</translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation>文面をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the text of the reply to the clipboard</source>
        <translation>返信の文面をクリップボードにコピーします</translation>
    </message>
    <message>
        <source>&amp;Open in Mail App</source>
        <translation>メールソフトで開く(&amp;O)</translation>
    </message>
    <message>
        <source>Start a new message with this subject and text in your mail program</source>
        <translation>この件名と本文で、メールソフトの新規メールを作成します</translation>
    </message>
</context>
<context>
    <name>bouncelens::SummaryView</name>
    <message>
        <source>Export Summary</source>
        <translation>集計のエクスポート</translation>
    </message>
    <message>
        <source>PDF files, with the charts (*.pdf)</source>
        <translation>PDF ファイル（グラフ付き） (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images, with the charts (*.png)</source>
        <translation>PNG 画像（グラフ付き） (*.png)</translation>
    </message>
    <message>
        <source>CSV files, the numbers (*.csv)</source>
        <translation>CSV ファイル（数値） (*.csv)</translation>
    </message>
    <message>
        <source>The file %1 could not be saved.</source>
        <translation>ファイル %1 を保存できませんでした。</translation>
    </message>
    <message>
        <source>Nothing is loaded yet. Drop bounced messages, mbox files or folders on the window to see how many bounced, why, to which domains and when.</source>
        <translation>まだ何も読み込まれていません。バウンスメール、mbox ファイル、フォルダーをウィンドウにドロップすると、件数・原因・ドメイン・日付ごとの集計を表示します。</translation>
    </message>
    <message>
        <source>Click a bar to show only those bounces in the table below; click it again to show all.</source>
        <translation>棒をクリックすると、下の一覧にそのバウンスだけを表示します。もう一度クリックすると、すべて表示します。</translation>
    </message>
    <message>
        <source>&amp;Export Summary…</source>
        <translation>集計をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the summary as PDF or PNG (with the charts) or as CSV</source>
        <translation>集計を PDF・PNG（グラフ付き）または CSV で保存します</translation>
    </message>
    <message>
        <source>&amp;Summary (PDF, PNG or CSV)…</source>
        <translation>集計（PDF、PNG、CSV）(&amp;S)…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>集計</translation>
    </message>
</context>
<context>
    <name>bouncelens::WorkspaceTabs</name>
    <message>
        <source>&amp;Message</source>
        <translation>メール(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>集計(&amp;U)</translation>
    </message>
    <message>
        <source>Counts and charts of everything loaded: reasons, domains, days</source>
        <translation>読み込んだすべてのメールの件数とグラフ（原因・ドメイン・日付）</translation>
    </message>
    <message>
        <source>Show &amp;Message</source>
        <translation>メールを表示(&amp;M)</translation>
    </message>
    <message>
        <source>Show &amp;Summary</source>
        <translation>集計を表示(&amp;S)</translation>
    </message>
</context>
</TS>

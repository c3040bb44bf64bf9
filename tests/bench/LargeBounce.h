#pragma once
// A DSN bounce that returns a whole original with a large base64 attachment (the "30 MB
// bounce" of issue 8). Shared by the benchmark and tst_hostile so both measure the same input.
#include <QByteArray>
#include <QRandomGenerator>

namespace bouncelens::bench {

inline QByteArray largeBounce(qint64 attachmentBytes = 22LL * 1024 * 1024)
{
    QByteArray raw(attachmentBytes, Qt::Uninitialized);
    QRandomGenerator(30).fillRange(reinterpret_cast<quint32 *>(raw.data()), attachmentBytes / 4);
    const QByteArray b64 = raw.toBase64();
    raw.clear();
    QByteArray body;
    body.reserve(b64.size() + b64.size() / 76 + 1);
    for (qsizetype i = 0; i < b64.size(); i += 76)
        body.append(b64.constData() + i, qMin<qsizetype>(76, b64.size() - i)).append('\n');
    QByteArray out
        = "Return-Path: <>\n"
          "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
          "To: sender@example.com\n"
          "Date: Mon, 1 Jan 2024 00:00:00 +0000\n"
          "Message-ID: <large@mx.example.org>\n"
          "Subject: Undelivered Mail Returned to Sender\n"
          "MIME-Version: 1.0\n"
          "Content-Type: multipart/report; report-type=delivery-status; boundary=\"=_large_=\"\n\n"
          "--=_large_=\nContent-Type: text/plain; charset=us-ascii\n\n"
          "This is the mail system at host mx.example.org.\n\n"
          "<user@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <user@example.jp>:\n"
          "    Recipient address rejected: User unknown (in reply to RCPT TO command)\n\n"
          "--=_large_=\nContent-Type: message/delivery-status\n\n"
          "Reporting-MTA: dns; mx.example.org\n\n"
          "Final-Recipient: rfc822; user@example.jp\nAction: failed\nStatus: 5.1.1\n"
          "Remote-MTA: dns; mx.example.jp\n"
          "Diagnostic-Code: smtp; 550 5.1.1 <user@example.jp>: Recipient address rejected: User unknown\n\n"
          "--=_large_=\nContent-Type: message/rfc822\n\n"
          "From: sender@example.com\nTo: user@example.jp\nSubject: big\nMIME-Version: 1.0\n"
          "Content-Type: multipart/mixed; boundary=\"inner\"\n\n"
          "--inner\nContent-Type: text/plain\n\nsee attachment\n"
          "--inner\nContent-Type: application/octet-stream; name=\"big.bin\"\n"
          "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"big.bin\"\n\n";
    out.reserve(out.size() + body.size() + 64);
    out += body;
    out += "--inner--\n\n--=_large_=--\n";
    return out;
}

} // namespace bouncelens::bench

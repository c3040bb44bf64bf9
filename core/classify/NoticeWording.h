#pragma once

#include <QString>
#include <QStringView>

namespace bouncelens {

// What the words of a notice written for people say about the message as a whole, read from its
// subject and its own text (the returned original excluded). These decide the message kind where
// no delivery-status report does: a warning that delivery is still being tried, a final failure,
// or a challenge/response request that is no bounce at all. The phrases are wordings that many
// mail servers share (Postfix, Sendmail, Exim, Exchange, Gmail, Courier, MDaemon, Japanese
// carriers, TMDA-like challenge systems); matching is ASCII case-insensitive, fixed strings only.
class NoticeWording
{
public:
    // The notice says delivery is only delayed and still being tried ("THIS IS A WARNING ONLY",
    // "has not yet been delivered", "will continue to attempt", "遅延", "再送を試みます") and
    // nowhere that it gave up. A final failure that quotes a temporary (4xx) reply, or says
    // "could not be delivered for 5 days", is not a delay.
    [[nodiscard]] static bool isDelayWarning(QStringView subject, QStringView text);

    // The notice says the sending side gave up for good ("permanent error", "retry timeout
    // exceeded", "message will be deleted from queue", "配信できませんでした").
    [[nodiscard]] static bool saysGaveUp(QStringView subject, QStringView text);

    // A challenge/response system asks the sender to confirm or verify before the message is
    // delivered ("please confirm your message", "requested your confirmation", "approved
    // senders"): an automatic reply, not a bounce. Never when the text carries an SMTP failure
    // code, so a server's rejection that mentions a whitelist stays a bounce.
    [[nodiscard]] static bool isChallengeResponse(QStringView subject, QStringView text);
};

} // namespace bouncelens

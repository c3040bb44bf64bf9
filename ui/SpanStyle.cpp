#include "SpanStyle.h"

#include <QFont>
#include <QPalette>

namespace bouncelens {

namespace {

// Hues far enough apart to be told apart by most people with colour-vision deficiencies too;
// the non-colour cues (weight, underline) carry the meaning for everyone else.
int hue(SpanRole role)
{
    switch (role) {
    case SpanRole::Notice: return 210; // blue
    case SpanRole::Recipient: return 40; // amber
    case SpanRole::ReplyCode: return 350; // red
    case SpanRole::StatusCode: return 280; // purple
    case SpanRole::ServerText: break;
    }
    return 130; // green
}

} // namespace

QList<SpanRole> SpanStyle::roles()
{
    return {SpanRole::Notice, SpanRole::Recipient, SpanRole::ReplyCode, SpanRole::StatusCode,
        SpanRole::ServerText};
}

bool SpanStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor SpanStyle::background(SpanRole role, const QPalette &palette)
{
    // Light backgrounds get pale tints, dark ones deep tints, so the palette's text colour keeps
    // its contrast on top of either.
    return isDark(palette) ? QColor::fromHsl(hue(role), 110, 70) : QColor::fromHsl(hue(role), 200, 222);
}

QTextCharFormat::UnderlineStyle SpanStyle::underline(SpanRole role)
{
    switch (role) {
    case SpanRole::Notice: return QTextCharFormat::NoUnderline;
    case SpanRole::Recipient: return QTextCharFormat::SingleUnderline;
    case SpanRole::ReplyCode: return QTextCharFormat::DashUnderline;
    case SpanRole::StatusCode: return QTextCharFormat::DotLine;
    case SpanRole::ServerText: break;
    }
    return QTextCharFormat::DashDotLine;
}

int SpanStyle::weight(SpanRole role)
{
    switch (role) {
    case SpanRole::Recipient:
    case SpanRole::ReplyCode:
    case SpanRole::StatusCode: return QFont::Bold;
    case SpanRole::Notice:
    case SpanRole::ServerText: break;
    }
    return QFont::Normal;
}

QTextCharFormat SpanStyle::format(SpanRole role, const QPalette &palette)
{
    QTextCharFormat f;
    // Every property is set explicitly: spans nest (a recipient inside the server's text), and
    // the inner one must replace the outer look, not blend with it.
    f.setBackground(background(role, palette));
    f.setForeground(palette.color(QPalette::Text));
    f.setFontWeight(weight(role));
    f.setFontItalic(role == SpanRole::Notice);
    f.setUnderlineStyle(underline(role));
    f.setUnderlineColor(
        isDark(palette) ? QColor::fromHsl(hue(role), 200, 170) : QColor::fromHsl(hue(role), 200, 70));
    f.setToolTip(QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                     .arg(name(role).toHtmlEscaped(), description(role).toHtmlEscaped(),
                         tr("Click to show the matching explanation.").toHtmlEscaped()));
    return f;
}

QString SpanStyle::name(SpanRole role)
{
    switch (role) {
    case SpanRole::Notice: return tr("Notice");
    case SpanRole::Recipient: return tr("Recipient");
    case SpanRole::ReplyCode: return tr("Reply code");
    case SpanRole::StatusCode: return tr("Status code");
    case SpanRole::ServerText: break;
    }
    return tr("Server's message");
}

QString SpanStyle::description(SpanRole role)
{
    switch (role) {
    case SpanRole::Notice:
        return tr("The opening notice: the sentence in which the mail system says what happened.");
    case SpanRole::Recipient: return tr("The address the message could not be delivered to.");
    case SpanRole::ReplyCode:
        return tr("The SMTP reply code the receiving server answered with: 5xx means a permanent failure, "
                  "4xx a temporary one.");
    case SpanRole::StatusCode:
        return tr(
            "The enhanced status code (RFC 3463), for example 5.1.1: its first digit says permanent (5) "
            "or temporary (4), the rest says why.");
    case SpanRole::ServerText: break;
    }
    return tr("The receiving mail server's own words about the failure.");
}

} // namespace bouncelens

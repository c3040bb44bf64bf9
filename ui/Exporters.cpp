#include "Exporters.h"

#include "ExplanationContent.h"
#include "Logging.h"
#include "ReasonLabels.h"
#include "SpanStyle.h"
#include "explain/AddressSuggester.h"
#include "explain/NoticeExplainer.h"
#include "export/CsvField.h"
#include "export/JsonExport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPalette>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QTextDocument>

#include <algorithm>

namespace bouncelens {

namespace {

const QByteArray kCrLf = QByteArrayLiteral("\r\n");

QString bool01(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// Reports are read on paper or white screens: always the light palette.
QPalette reportPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

QString cssFor(SpanRole role)
{
    const QPalette p = reportPalette();
    QString css = QStringLiteral("background-color:%1;").arg(SpanStyle::background(role, p).name());
    if (SpanStyle::weight(role) >= QFont::Bold)
        css += QStringLiteral("font-weight:bold;");
    if (role == SpanRole::Notice)
        css += QStringLiteral("font-style:italic;");
    if (SpanStyle::underline(role) != QTextCharFormat::NoUnderline)
        css += QStringLiteral("text-decoration:underline;");
    return css;
}

// The display text as HTML with the spans marked; nested spans resolved as in the view (the
// shorter, inner span wins).
QString highlightedHtml(const MessageAnalysis &a)
{
    const qsizetype n = a.displayText.size();
    QList<int> roleAt(n, -1);
    QList<qsizetype> order;
    for (qsizetype i = 0; i < a.spans.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(),
        [&a](qsizetype l, qsizetype r) { return a.spans.at(l).length > a.spans.at(r).length; });
    for (qsizetype i : order) {
        const Span &s = a.spans.at(i);
        if (s.start < 0 || s.length <= 0 || s.start + s.length > n)
            continue;
        std::fill(roleAt.begin() + s.start, roleAt.begin() + s.start + s.length, int(s.role));
    }
    QString html;
    qsizetype i = 0;
    while (i < n) {
        qsizetype j = i;
        while (j < n && roleAt.at(j) == roleAt.at(i))
            ++j;
        const QString text = a.displayText.mid(i, j - i).toHtmlEscaped();
        if (roleAt.at(i) < 0)
            html += text;
        else
            html += QStringLiteral("<span style=\"%1\">%2</span>").arg(cssFor(SpanRole(roleAt.at(i))), text);
        i = j;
    }
    return html;
}

QString row(const QString &label, const QString &value)
{
    if (value.isEmpty())
        return {};
    return QStringLiteral("<tr><th align=\"left\" valign=\"top\">%1</th><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString section(const QString &caption, const QString &text)
{
    if (text.isEmpty())
        return {};
    QString body = text.toHtmlEscaped();
    body.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return QStringLiteral("<h3>%1</h3><p>%2</p>").arg(caption.toHtmlEscaped(), body);
}

} // namespace

QStringList Exporters::hardBouncedAddresses(const QList<LoadedMessage> &messages)
{
    QSet<QString> seen;
    QStringList out;
    for (const LoadedMessage &m : messages)
        for (const RecipientResult &r : m.analysis.recipients) {
            const QString address = r.address.trimmed().toLower();
            if (r.hardBounce && !address.isEmpty() && !seen.contains(address)) {
                seen.insert(address);
                out << address;
            }
        }
    out.sort();
    return out;
}

QByteArray Exporters::suppressionCsv(const QList<LoadedMessage> &messages)
{
    // The likely intended address of a mistyped one, from its first bounce.
    QHash<QString, QString> suggestions;
    for (const LoadedMessage &m : messages)
        for (const RecipientResult &r : m.analysis.recipients)
            if (r.hardBounce && !suggestions.contains(r.address.trimmed().toLower()))
                suggestions.insert(r.address.trimmed().toLower(), AddressSuggester::suggest(r).address);
    QByteArray out = QByteArrayLiteral("email,suggestion") + kCrLf;
    for (const QString &address : hardBouncedAddresses(messages))
        out += csvField(address, FormulaGuard::Off).toUtf8() + ','
            + csvField(suggestions.value(address), FormulaGuard::Off).toUtf8() + kCrLf;
    return out;
}

QByteArray Exporters::tableCsv(const QList<LoadedMessage> &messages, Language language)
{
    QByteArray out = QByteArrayLiteral("\xEF\xBB\xBF"); // BOM: spreadsheets then read UTF-8
    out += QByteArrayLiteral("email,reason,permanent,hard_bounce,reply_code,status,date,source,message,kind,"
                             "diagnostic,explanation,error")
        + kCrLf;
    auto line = [&out](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        out += quoted.join(QLatin1Char(',')).toUtf8() + kCrLf;
    };
    for (const LoadedMessage &m : messages) {
        const MessageAnalysis &a = m.analysis;
        const QString message = QString::number(a.index);
        if (a.recipients.isEmpty())
            line({QString(), QString(), QString(), QString(), QString(), QString(), a.date, a.source, message,
                toString(a.kind), QString(), QString(), a.error});
        for (const RecipientResult &r : a.recipients)
            line({r.address, r.reason, bool01(r.permanent), bool01(r.hardBounce), r.replyCode, r.status,
                a.date, a.source, message, toString(a.kind), r.diagnostic,
                BounceExplainer::explain(a, r, language).title, a.error});
    }
    return out;
}

void Exporters::writeJson(
    QIODevice &out, int count, const MessageSource &message, Language language, bool lines)
{
    if (lines) {
        for (int i = 0; i < count; ++i)
            out.write(JsonExport::toJsonLine(message(i), language));
        return;
    }
    // What QJsonDocument writes for the whole array, built one element at a time.
    out.write(count == 0 ? "[\n]\n" : "[\n");
    for (int i = 0; i < count; ++i) {
        const QByteArray element
            = QJsonDocument(JsonExport::toJson(message(i), language)).toJson(QJsonDocument::Indented);
        QByteArray indented;
        for (const QByteArray &line : element.trimmed().split('\n'))
            indented += (indented.isEmpty() ? "    " : "\n    ") + line;
        out.write(indented + (i + 1 < count ? ",\n" : "\n"));
    }
    if (count > 0)
        out.write("]\n");
}

QByteArray Exporters::tableJson(const QList<LoadedMessage> &messages, Language language)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeJson(
        buffer, int(messages.size()), [&messages](int i) { return messages.at(i).analysis; }, language,
        false);
    return buffer.data();
}

QByteArray Exporters::tableJsonLines(const QList<LoadedMessage> &messages, Language language)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeJson(
        buffer, int(messages.size()), [&messages](int i) { return messages.at(i).analysis; }, language, true);
    return buffer.data();
}

bool Exporters::writeTableJson(const QString &path, int count, const MessageSource &message,
    Language language, bool lines, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        writeJson(file, count, message, language, lines);
        const qint64 bytes = file.size();
        if (file.commit()) {
            qCDebug(lcExport).noquote() << "wrote" << path << bytes << "bytes," << count
                                        << (lines ? "messages as JSON lines" : "messages as a JSON array");
            return true;
        }
    }
    qCWarning(lcExport).noquote() << "could not write" << path << ':' << file.errorString();
    if (error)
        *error = file.errorString();
    return false;
}

QString Exporters::reportHtml(const MessageAnalysis &a, Language language)
{
    const QString title = tr("Bounce report: %1").arg(QFileInfo(a.source).fileName());
    QString html
        = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title>"
                         "<style>body{font-family:sans-serif;} th{padding-right:1em;} "
                         "pre{white-space:pre-wrap;} blockquote{border-left:3px solid #999;"
                         "margin-left:0;padding-left:1em;}</style></head><body>\n")
              .arg(languageCode(language), title.toHtmlEscaped());
    html += QStringLiteral("<h1>%1</h1>\n").arg(title.toHtmlEscaped());
    // The notice and what it means come first, as in the panel.
    if (const NoticeExplanation notice = NoticeExplainer::explain(a, language); !notice.isEmpty())
        html += QStringLiteral("<blockquote>%1</blockquote>\n<p><b>%2</b></p>\n")
                    .arg(notice.text.toHtmlEscaped(), notice.meaning.toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>\n")
                .arg(ExplanationContent::summary(a).toHtmlEscaped().replace(
                    QLatin1Char('\n'), QStringLiteral("<br>")));
    html += QStringLiteral("<table>") + row(tr("Source"), a.source) + row(tr("Subject"), a.subject)
        + row(tr("From"), a.from) + row(tr("Date"), a.date) + row(tr("Reported by"), a.reportingMta)
        + row(tr("Original subject"), a.original.subject) + QStringLiteral("</table>\n");
    for (qsizetype i = 0; i < a.recipients.size(); ++i) {
        const RecipientExplanation x = ExplanationContent::forRecipient(a, i, language);
        html += QStringLiteral("<hr><h2>%1</h2>\n").arg(x.headline.toHtmlEscaped());
        html += QStringLiteral("<table>") + row(tr("Recipient"), x.address) + row(tr("Codes"), x.codes)
            + row(tr("Hard bounce"), x.hardBounce ? tr("Yes: do not mail this address again") : tr("No"))
            + QStringLiteral("</table>\n");
        if (!x.verdictText.isEmpty())
            html += QStringLiteral("<p><i>%1</i></p>\n").arg(x.verdictText.toHtmlEscaped());
        html += section(tr("What happened"), x.cause);
        html += section(tr("Who needs to act"), x.whoMustAct);
        html += section(tr("What to do"), x.fix);
        html += section(tr("Why we think so"), x.evidence);
        html += section(tr("What the server said"),
            x.serverGloss.isEmpty() ? x.serverText : x.serverText + QLatin1Char('\n') + x.serverGloss);
        html += section(tr("What the codes mean"), x.codeNotes.join(QLatin1Char('\n')));
        if (!x.customer.isEmpty())
            html += QStringLiteral("<h3>%1</h3><blockquote>%2</blockquote>\n")
                        .arg(tr("Text for the customer").toHtmlEscaped(),
                            x.customer.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    if (!a.displayText.isEmpty()) {
        QStringList legend;
        for (SpanRole role : SpanStyle::roles())
            legend << QStringLiteral("<span style=\"%1\">%2</span>")
                          .arg(cssFor(role), SpanStyle::name(role).toHtmlEscaped());
        html += QStringLiteral("<hr><h2>%1</h2>\n<p>%2</p>\n<pre>%3</pre>\n")
                    .arg(tr("The bounce message").toHtmlEscaped(), legend.join(QStringLiteral(" ")),
                        highlightedHtml(a));
    }
    html += QStringLiteral("<hr><p><small>%1</small></p>\n</body></html>\n")
                .arg(tr("Generated by BounceLens %1")
                         .arg(QCoreApplication::applicationVersion())
                         .toHtmlEscaped());
    return html;
}

void Exporters::printReport(const QString &html, QPagedPaintDevice *device)
{
    QTextDocument document;
    document.setHtml(html);
    document.print(device);
}

bool Exporters::writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcExport).noquote() << "could not write" << path << ':' << file.errorString();
        if (error)
            *error = file.errorString();
        return false;
    }
    qCDebug(lcExport).noquote() << "wrote" << path << bytes.size() << "bytes";
    return true;
}

bool Exporters::writePdf(const QString &path, const QString &html, const QString &title, QString *error)
{
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("BounceLens"));
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    printReport(html, &writer);
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0) {
        qCWarning(lcExport).noquote() << "could not write the PDF" << path;
        if (error)
            *error = tr("The PDF file could not be written.");
        return false;
    }
    qCDebug(lcExport).noquote() << "wrote PDF" << path << QFileInfo(path).size() << "bytes";
    return true;
}

} // namespace bouncelens

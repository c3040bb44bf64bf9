#include "MainWindow.h"

#include "BounceAnalyzer.h"
#include "BounceExplainer.h"
#include "MessageLoader.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextCharFormat>

namespace bouncelens {

namespace {

QColor colourFor(SpanRole role)
{
    switch (role) {
    case SpanRole::Notice: return QColor(0xdd, 0xe8, 0xff);
    case SpanRole::Recipient: return QColor(0xff, 0xe0, 0xa0);
    case SpanRole::ReplyCode: return QColor(0xff, 0xc0, 0xc0);
    case SpanRole::StatusCode: return QColor(0xf0, 0xc0, 0xff);
    case SpanRole::ServerText: break;
    }
    return QColor(0xc8, 0xf0, 0xc8);
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("BounceLens"));
    setAcceptDrops(true);
    auto *splitter = new QSplitter(this);
    m_list = new QListWidget(splitter);
    m_list->setAccessibleName(tr("Messages"));
    auto *right = new QSplitter(Qt::Vertical, splitter);
    m_message = new QTextBrowser(right);
    m_message->setAccessibleName(tr("Message text"));
    m_summary = new QTextBrowser(right);
    m_summary->setAccessibleName(tr("Analysis"));
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::openDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    connect(m_list, &QListWidget::currentRowChanged, this, &MainWindow::showAnalysis);
    resize(1000, 700);
}

void MainWindow::openDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open bounced messages"), QString(),
                                                            tr("Messages (*.eml *.msg *.mbox *.txt);;All files (*)"));
    if (!files.isEmpty())
        openPaths(files);
}

void MainWindow::openPaths(const QStringList &paths)
{
    const MessageLoader loader;
    const BounceAnalyzer analyzer;
    const int first = int(m_analyses.size());
    for (const QString &file : loader.expand(paths)) {
        for (const RawMessage &raw : loader.loadFile(file)) {
            m_analyses << analyzer.analyze(raw);
            const MessageAnalysis &a = m_analyses.last();
            QString label = QFileInfo(a.source).fileName();
            if (!a.recipients.isEmpty())
                label += QStringLiteral(" — ") + a.recipients.first().address;
            m_list->addItem(label);
        }
    }
    if (m_analyses.size() > first)
        m_list->setCurrentRow(first);
}

void MainWindow::showAnalysis(int row)
{
    if (row < 0 || row >= m_analyses.size())
        return;
    const MessageAnalysis &a = m_analyses.at(row);
    m_message->setPlainText(a.ok() ? a.displayText : a.error);
    QTextCursor cursor(m_message->document());
    for (const Span &s : a.spans) {
        QTextCharFormat format;
        format.setBackground(colourFor(s.role));
        format.setFontWeight(QFont::Bold);
        format.setToolTip(toString(s.role));
        cursor.setPosition(int(s.start));
        cursor.setPosition(int(s.start + s.length), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
    QString html;
    for (const RecipientResult &r : a.recipients) {
        const Explanation e = BounceExplainer::explain(a, r, Language::English);
        html += QStringLiteral("<h3>%1</h3><p><b>%2</b> — %3 %4</p><p>%5</p><p>%6</p>")
                    .arg(e.title.toHtmlEscaped(), r.address.toHtmlEscaped(), r.replyCode, r.status,
                         e.cause.toHtmlEscaped(), r.diagnostic.toHtmlEscaped());
    }
    if (html.isEmpty())
        html = a.ok() ? tr("<p>This message is not a bounce.</p>") : a.error.toHtmlEscaped();
    m_summary->setHtml(html);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    openPaths(paths);
    event->acceptProposedAction();
}

} // namespace bouncelens

#pragma once

#include "LoadedMessage.h"

#include <QWidget>

class QAction;
class QLabel;
class QTextBrowser;
class QTextDocument;
class QToolButton;
class QUrl;

namespace bouncelens {

// Shows one message: its display text with the spans highlighted (see SpanStyle), a legend,
// and on request the raw source exactly as read. Clicking a highlight asks, through
// spanActivated(), for the matching explanation.
class MessageView : public QWidget
{
    Q_OBJECT

public:
    explicit MessageView(QWidget *parent = nullptr);

    void setMessage(const LoadedMessage &message);
    void clear();

    // Checkable; shared with the View menu so both stay in step.
    [[nodiscard]] QAction *rawSourceAction() const { return m_rawAction; }
    [[nodiscard]] bool showsRawSource() const;
    [[nodiscard]] QTextDocument *document() const;
    [[nodiscard]] QTextBrowser *textBrowser() const { return m_text; }

signals:
    void spanActivated(int recipient, bouncelens::SpanRole role);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void render();
    void renderLegend();
    void onAnchorClicked(const QUrl &url);

    QLabel *m_title = nullptr;
    QTextBrowser *m_legend = nullptr;
    QToolButton *m_rawButton = nullptr;
    QAction *m_rawAction = nullptr;
    QTextBrowser *m_text = nullptr;
    LoadedMessage m_message;
    bool m_hasMessage = false;
};

} // namespace bouncelens

#pragma once

#include "explain/BounceExplainer.h"
#include <QTranslator>

#include <QObject>
#include <QTranslator>

namespace bouncelens {

// Installs the translators for the chosen language: BounceLens's own (embedded as
// :/i18n/bouncelens_<lang>.qm, covering ui/, app/ and core/) and Qt's (qtbase_<lang>.qm from
// Qt's translations directory, so standard dialogs follow). English is the source language:
// no translator at all. Installing sends QEvent::LanguageChange to every widget, which is how
// the window retranslates itself without reloading anything.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    [[nodiscard]] Language language() const { return m_language; }
    // Switches (no-op when unchanged); `remember` stores the choice for the next start.
    void setLanguage(Language language, bool remember = true);

    // The stored choice, else the system locale's language.
    [[nodiscard]] static Language startupLanguage();
    [[nodiscard]] static Language systemLanguage();
    [[nodiscard]] static QString settingsKey() { return QStringLiteral("ui/language"); }

signals:
    void languageChanged(bouncelens::Language language);

private:
    void install(Language language);

    Language m_language = Language::English;
    bool m_installed = false;
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace bouncelens

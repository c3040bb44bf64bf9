#include "LanguageManager.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace bouncelens {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{ }

LanguageManager::~LanguageManager()
{
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
}

Language LanguageManager::systemLanguage()
{
    const QStringList languages = QLocale::system().uiLanguages();
    return languageFromCode(languages.isEmpty() ? QLocale::system().name() : languages.first());
}

Language LanguageManager::startupLanguage()
{
    const QString stored = QSettings().value(settingsKey()).toString();
    return stored.isEmpty() ? systemLanguage() : languageFromCode(stored);
}

void LanguageManager::setLanguage(Language language, bool remember)
{
    if (remember)
        QSettings().setValue(settingsKey(), languageCode(language));
    if (language == m_language && m_installed)
        return;
    install(language);
    m_language = language;
    m_installed = true;
    emit languageChanged(language);
}

void LanguageManager::install(Language language)
{
    const bool removedApp = QCoreApplication::removeTranslator(&m_app);
    const bool removedQt = QCoreApplication::removeTranslator(&m_qt);
    if (language == Language::English) {
        // With nothing to remove (first start) no LanguageChange was sent: send one, so every
        // widget reads its texts through the same path either way.
        if (!removedApp && !removedQt) {
            QEvent event(QEvent::LanguageChange);
            QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
        }
        qCDebug(lcUi) << "language switched to en (no translator)";
        return;
    }
    const QString code = languageCode(language);
    const bool qtLoaded
        = m_qt.load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (qtLoaded)
        QCoreApplication::installTranslator(&m_qt);
    const bool appLoaded = m_app.load(QStringLiteral(":/i18n/bouncelens_") + code);
    if (appLoaded)
        QCoreApplication::installTranslator(&m_app);
    // A missing translation of our own is a packaging fault: the window would stay in English.
    if (!appLoaded)
        qCWarning(lcUi).noquote() << "the translation bouncelens_" + code << "could not be loaded";
    qCDebug(lcUi).noquote() << "language switched to" << code << "(BounceLens translation"
                            << (appLoaded ? "loaded," : "missing,") << "Qt's"
                            << (qtLoaded ? "loaded)" : "missing)");
}

} // namespace bouncelens

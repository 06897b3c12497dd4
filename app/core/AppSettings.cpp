#include "core/AppSettings.h"

#include "core/AppContext.h"
#include "sync/SyncController.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QLocale>
#include <QQmlEngine>

#ifndef CUNXIAO_VERSION
#define CUNXIAO_VERSION "0.0.0"
#endif

namespace cx::app {

static AppSettings *s_settings = nullptr;

AppSettings::AppSettings(QObject *parent) : QObject(parent)
{
    s_settings = this;
    if (auto *ctx = AppContext::instance())
        connect(ctx, &AppContext::errorsChanged, this, &AppSettings::errorsChanged);
}

AppSettings *AppSettings::instance() { return s_settings; }

AppSettings *AppSettings::create(QQmlEngine *engine, QJSEngine *)
{
    if (!s_settings) {
        new AppSettings(AppContext::ensure());
        s_settings->setLanguage(QStringLiteral("zh_CN"));
    }
    if (!s_settings->m_engine)
        s_settings->m_engine = engine;
    QJSEngine::setObjectOwnership(s_settings, QJSEngine::CppOwnership);
    return s_settings;
}

void AppSettings::setLanguage(const QString &langIn)
{
    const QString lang = langIn.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh_CN");
    if (lang == m_language)
        return;
    QCoreApplication::removeTranslator(&m_translator);
    if (m_translator.load(QStringLiteral(":/i18n/cunxiao_") + lang + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(&m_translator);
    QLocale::setDefault(lang == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                    : QLocale(QLocale::Chinese, QLocale::China));
    m_language = lang;
    if (auto *ctx = AppContext::instance())
        ctx->settings().setValue(QStringLiteral("ui/language"), lang);
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
}

bool AppSettings::photosOnlyUnmetered() const
{
    auto *ctx = AppContext::instance();
    return ctx ? ctx->settings().value(QStringLiteral("sync/photosOnlyUnmetered"), true).toBool() : true;
}

void AppSettings::setPhotosOnlyUnmetered(bool on)
{
    if (auto *ctx = AppContext::instance()) {
        ctx->settings().setValue(QStringLiteral("sync/photosOnlyUnmetered"), on);
        ctx->sync()->setPhotosOnlyUnmetered(on); // tells the engine
    }
    emit changed();
}

QString AppSettings::version() const { return QStringLiteral(CUNXIAO_VERSION); }

QStringList AppSettings::recentErrors() const
{
    auto *ctx = AppContext::instance();
    return ctx ? ctx->recentErrors() : QStringList{};
}

void AppSettings::clearErrors()
{
    if (auto *ctx = AppContext::instance())
        ctx->clearErrors();
}

} // namespace cx::app

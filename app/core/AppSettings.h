#pragma once
// AppSettings: what the person can change in Settings: the language (switched
// at run time), photos only over unmetered networks; and what they can read:
// the version, the recent errors.
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

class QJSEngine;

namespace cx::app {

class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString formLanguage READ formLanguage NOTIFY languageChanged) // "zh" / "en" for form labels
    Q_PROPERTY(bool photosOnlyUnmetered READ photosOnlyUnmetered WRITE setPhotosOnlyUnmetered NOTIFY changed)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QStringList recentErrors READ recentErrors NOTIFY errorsChanged)
public:
    explicit AppSettings(QObject *parent = nullptr);
    static AppSettings *instance();
    static AppSettings *create(QQmlEngine *, QJSEngine *);

    // Installs the translator for `lang` ("zh_CN" or "en") and retranslates every engine given.
    void setEngine(QQmlEngine *engine) { m_engine = engine; }
    QString language() const { return m_language; }
    void setLanguage(const QString &lang);
    QString formLanguage() const
    {
        return m_language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh");
    }
    bool photosOnlyUnmetered() const;
    void setPhotosOnlyUnmetered(bool on);
    QString version() const;
    QStringList recentErrors() const;

    Q_INVOKABLE void clearErrors();

signals:
    void languageChanged();
    void changed();
    void errorsChanged();

private:
    QString m_language;
    QTranslator m_translator;
    QPointer<QQmlEngine> m_engine;
};

} // namespace cx::app

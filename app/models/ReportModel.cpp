#include "models/ReportModel.h"

#include "core/AppContext.h"
#include "core/AppSettings.h"
#include "core/JsonVariant.h"
#include "bureau/CountyData.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace cx::app {

QVariantList ReportModel::periodicForms(cx::RecordQuery &q, bool english, std::string &form)
{
    QVariantList forms;
    for (const auto &f : cx::bureau::formsOf(q)) {
        if (!f.periodic())
            continue;
        forms.push_back(QVariantMap{{QStringLiteral("id"), qstr(f.id)},
                                    {QStringLiteral("title"), qstr(english ? f.titleEn : f.titleZh)}});
        if (form.empty())
            form = f.id;
    }
    return forms;
}

ReportModel::ReportModel(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ReportModel::onComputed);
    if (auto *ctx = AppContext::ensure())
        connect(ctx, &AppContext::dataChanged, this, [this](const QString &collection) {
            if (collection.isEmpty() || collection == QLatin1String("submissions") || collection == QLatin1String("schools") ||
                collection == QLatin1String("forms"))
                refresh();
        });
    QMetaObject::invokeMethod(this, &ReportModel::refresh, Qt::QueuedConnection);
}

ReportModel::~ReportModel() { m_watcher.waitForFinished(); }

void ReportModel::setToday(const QDate &d)
{
    m_today = d;
    refresh();
}

void ReportModel::refresh()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    auto query = m_query.current();
    if (!query)
        return;
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged();
    }
    const bool en = AppSettings::instance() && AppSettings::instance()->formLanguage() == QLatin1String("en");
    m_watcher.setFuture(QtConcurrent::run([query, work = job(m_today.isValid() ? m_today : QDate::currentDate(), en)] {
        try {
            return work(*query);
        } catch (const std::exception &e) {
            return QVariantMap{{QStringLiteral("error"), QString::fromUtf8(e.what())}};
        }
    }));
}

void ReportModel::onComputed()
{
    if (m_again) {
        m_again = false;
        refresh();
        return;
    }
    m_data = m_watcher.result();
    m_loading = false;
    emit changed();
    emit loadingChanged();
}

bool ReportModel::waitForLoaded(int msecs)
{
    QElapsedTimer t;
    t.start();
    QCoreApplication::processEvents();   // a refresh queued by the constructor or a change starts here
    while ((m_loading || m_watcher.isRunning()) && t.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_loading;
}

} // namespace cx::app

#include "models/ReportModel.h"

#include "core/AppSettings.h"
#include "core/JsonVariant.h"
#include "bureau/CountyData.h"

namespace cx::app {

QVariantList ReportModel::periodicForms(cx::RecordQuery &q, bool english, std::string &form)
{
    QVariantList forms;
    for (const auto &f : cx::bureau::formsOf(q)) {
        if (!f.periodic())
            continue;
        forms.push_back(
            QVariantMap{{QStringLiteral("id"), qstr(f.id)}, {QStringLiteral("title"), qstr(english ? f.titleEn : f.titleZh)}});
        if (form.empty())
            form = f.id;
    }
    return forms;
}

ReportModel::ReportModel(QObject *parent)
    : QObject(parent),
      m_job(
          this, {QStringLiteral("submissions"), QStringLiteral("schools"), QStringLiteral("forms")}, [this] { refresh(); },
          [this](QVariantMap data) {
              m_data = std::move(data);
              emit changed();
          },
          [this] { emit loadingChanged(); })
{}

ReportModel::~ReportModel() = default;

void ReportModel::setToday(const QDate &d)
{
    m_today = d;
    refresh();
}

void ReportModel::refresh()
{
    const bool en = AppSettings::instance() && AppSettings::instance()->formLanguage() == QLatin1String("en");
    m_job.run([work = job(m_today.isValid() ? m_today : QDate::currentDate(), en)](cx::RecordQuery &query) {
        try {
            return work(query);
        } catch (const std::exception &e) {
            return QVariantMap{{QStringLiteral("error"), QString::fromUtf8(e.what())}};
        }
    });
}

bool ReportModel::waitForLoaded(int msecs) { return m_job.waitForLoaded(msecs); }

} // namespace cx::app

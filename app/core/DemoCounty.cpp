#include "core/DemoCounty.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "demo/DemoReturns.h"
#include "demo/DemoSchools.h"

#include <QDate>
#include <QFile>

namespace cx::app {

void seedDemoCounty(AppContext &ctx, const QDate &todayDate)
{
    const auto schools = cx::demo::demoSchools(20);
    std::vector<cx::demo::DemoReturnSchool> returning;
    int n = 0;
    for (const auto &s : schools) {
        const int pupils = s.kind == "教学点" ? 24 + 3 * (n % 5) : s.kind == "中心学校" ? 420 + 10 * n : 150 + 7 * n;
        ++n;
        ctx.put(QStringLiteral("schools"), qstr(s.code),
                {{QStringLiteral("code"), qstr(s.code)},
                 {QStringLiteral("name"), qstr(s.name)},
                 {QStringLiteral("kind"), qstr(s.kind)},
                 {QStringLiteral("county"), QString::fromUtf8(cx::demo::kDemoCounty)},
                 {QStringLiteral("township"), qstr(s.township)},
                 {QStringLiteral("village"), qstr(s.village)},
                 {QStringLiteral("head"), QStringLiteral("校长%1").arg(n)},
                 {QStringLiteral("phone"), QStringLiteral("1390871%1").arg(1000 + n * 37)},
                 {QStringLiteral("pupils"), pupils}},
                nullptr, qstr(s.code));
        // The offline demo has no rosters: dropout cases name placeholder pupils.
        std::vector<std::string> pupilIds;
        for (int p = 1; p <= 5; ++p)
            pupilIds.push_back(s.code + "-p" + std::to_string(p));
        returning.push_back({s.code, s.kind, pupils, s.lastGrade - s.firstGrade + 1, pupilIds});
    }
    QFile f(QStringLiteral(":/Cunxiao/demo/county/enrolment_return.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        ctx.addError(QStringLiteral("demo county: the enrolment return form is missing from the app"));
        return;
    }
    const cx::Json def = cx::Json::parse(f.readAll().toStdString());
    const QString formId = qstr(def.value("id", std::string()));
    ctx.put(QStringLiteral("forms"), formId,
            {{QStringLiteral("definition"), toVariant(def)}, {QStringLiteral("version"), def.value("version", 1)},
             {QStringLiteral("title"), toVariant(def.value("title", cx::Json()))}},
            nullptr, QStringLiteral("*"));
    const auto today = *cx::forms::parseDay(str(todayDate.toString(Qt::ISODate)));
    for (const auto &r : cx::demo::demoReturns(def, returning, 20240901, today))
        ctx.put(qstr(r.collection), qstr(r.id), toVariant(r.fields).toMap(), nullptr, qstr(r.school));
}

} // namespace cx::app

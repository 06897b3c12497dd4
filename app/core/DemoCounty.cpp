#include "core/DemoCounty.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/Engine.h"
#include "demo/DemoReturns.h"
#include "demo/DemoSchools.h"

#include <QDate>
#include <QDateTime>
#include <QFile>

namespace cx::app {

namespace {

// The device list a bureau account's sync brings (Engine::keepDevices, the
// call fetchDevices makes): a head's phone and a teacher's phone per school,
// most synced in the last days, some silent for weeks, one holding refused
// changes, one with conflicts, one nearly full, one never reported.
void demoDevices(AppContext &ctx, const std::vector<cx::demo::DemoSchool> &schools)
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    constexpr int64_t kDay = 86400000;
    cx::Json list = cx::Json::array();
    int n = 0;
    for (const auto &s : schools) {
        for (const char *role : {"head", "teacher"}) {
            ++n;
            const bool head = std::string(role) == "head";
            const int64_t silentDays = n % 9 == 4 ? 16 + n % 7 : n % 4;
            cx::Json health{{"pending", uint64_t(n % 5 == 0 ? 12 : n % 3)},
                            {"pending_photos", uint64_t(n % 6 == 1 ? 3 : 0)},
                            {"rejected", uint64_t(n == 7 ? 2 : 0)},
                            {"conflicts", uint64_t(n == 12 ? 1 : 0)},
                            {"free_bytes", uint64_t(n == 15 ? 100ull << 20 : (1200ull + 300 * (n % 7)) << 20)},
                            {"link", n % 3 ? "metered" : "unmetered"}};
            if (n == 7)
                health["last_error"] = "网络中断，稍后自动重试";
            list.push_back(cx::Json{{"user", (head ? "head." : "teacher.") + s.code},
                                    {"role", role},
                                    {"schools", cx::Json::array({s.code})},
                                    {"device", "demo-device-" + std::to_string(n)},
                                    {"name", head ? "红米 Note 9" : "荣耀 Play 5"},
                                    {"app", n % 8 == 3 ? "cunxiao/0.0.9" : "cunxiao/" CUNXIAO_VERSION},
                                    {"last_seen", now - silentDays * kDay - (n * 3571000LL) % kDay},
                                    {"revoked", false},
                                    {"health", n == 20 ? cx::Json(nullptr) : health}});
        }
    }
    if (auto *e = ctx.engine())
        e->keepDevices(list, now);
}

// The account list a bureau administrator's accounts page last fetched
// (Engine::keepAdminAccounts, what POST /v1/admin "list" brings): the
// schools with their townships, the bureau, an inspector over a township's
// first schools, each school's head and teacher with their phones (as in
// demoDevices), and a teacher whose lost phone got the account revoked.
void demoAccounts(AppContext &ctx, const std::vector<cx::demo::DemoSchool> &schools)
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    constexpr int64_t kDay = 86400000;
    cx::Json schoolList = cx::Json::array(), accounts = cx::Json::array();
    for (const auto &s : schools)
        schoolList.push_back(cx::Json{{"code", s.code}, {"name", s.name}, {"county", cx::demo::kDemoCounty},
                                      {"township", s.township}});
    auto account = [&](const std::string &user, const char *role, cx::Json codes, int devices, int64_t silentDays) {
        accounts.push_back(cx::Json{{"user", user}, {"role", role}, {"schools", std::move(codes)},
                                    {"admin", user == "chen.jun"}, {"revoked", false}, {"devices", devices},
                                    {"last_seen", devices ? cx::Json(now - silentDays * kDay) : cx::Json(nullptr)},
                                    {"codes", 0}});
    };
    account("chen.jun", "bureau", cx::Json::array(), 1, 0);
    cx::Json inspected = cx::Json::array();
    for (size_t i = 0; i < schools.size() && i < 3; ++i)
        inspected.push_back(schools[i].code);
    account("wang.fang", "inspector", inspected, 1, 2);
    int n = 0;
    for (const auto &s : schools)
        for (const char *role : {"head", "teacher"}) {
            ++n;
            account((std::string(role) == "head" ? "head." : "teacher.") + s.code, role, cx::Json::array({s.code}),
                    1, n % 9 == 4 ? 16 + n % 7 : n % 4);
        }
    if (!schools.empty()) {
        account("teacher2." + schools[0].code, "teacher", cx::Json::array({schools[0].code}), 0, 0);
        accounts.back()["revoked"] = true;
        accounts.back()["codes"] = 0;
    }
    if (auto *e = ctx.engine())
        e->keepAdminAccounts(cx::Json{{"schools", schoolList}, {"accounts", accounts}}, now);
}

} // namespace

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
    demoDevices(ctx, schools);
    demoAccounts(ctx, schools);
    for (const auto &r : cx::demo::demoReturns(def, returning, 20240901, today))
        ctx.put(qstr(r.collection), qstr(r.id), toVariant(r.fields).toMap(), nullptr, qstr(r.school));
}

} // namespace cx::app

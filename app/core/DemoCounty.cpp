#include "core/DemoCounty.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "bureau/FormDrafts.h"
#include "engine/Engine.h"
#include "demo/DemoPlans.h"
#include "demo/DemoReturns.h"
#include "demo/DemoSchools.h"
#include "forms/Publication.h"

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
    for (size_t si = 0; si < schools.size(); ++si) {
        const auto &s = schools[si];
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
            if (head) // the enrolment return reaches heads only (the Forms page counts them)
                health["forms"] = {{"enrolment_return", 1}};
            list.push_back(cx::Json{{"user", head ? cx::demo::demoHead(schools, si) : cx::demo::demoTeacher(schools, si)},
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

// A draft of the enrolment return's next version, as the bureau would import
// it from Excel: one count added, a hint changed (the Forms page's preview).
void demoFormDraft(AppContext &ctx, cx::Json def)
{
    auto *e = ctx.engine();
    if (!e)
        return;
    def.erase("version");
    for (auto &p : def["pages"])
        for (auto &f : p["fields"])
            if (f.value("name", std::string()) == "school_year")
                f["hint"] = {{"zh", "填写本学年，如 2026-2027"}, {"en", "This school year, e.g. 2026-2027"}};
    def["pages"][0]["fields"].push_back({{"name", "classes"},
                                         {"type", "integer"},
                                         {"label", {{"zh", "教学班数"}, {"en", "Number of classes"}}},
                                         {"constraint", ". >= 0"}});
    try {
        cx::bureau::keepDraft(*e, {def, {}}, "enrolment_return_2026.xlsx", QDateTime::currentMSecsSinceEpoch());
    } catch (const std::exception &ex) {
        ctx.addError(QStringLiteral("demo county: ") + qstr(ex.what()));
    }
}

// The account list a bureau administrator's accounts page last fetched
// (Engine::keepAdminAccounts, what POST /v1/admin "list" brings): the
// schools with their townships, the bureau, an inspector a township over its
// schools (demoInspectors, the ones the assignments name), each school's head and teacher with their phones (as in
// demoDevices), and a teacher whose lost phone got the account revoked.
void demoAccounts(AppContext &ctx, const std::vector<cx::demo::DemoSchool> &schools)
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    constexpr int64_t kDay = 86400000;
    cx::Json schoolList = cx::Json::array(), accounts = cx::Json::array();
    for (const auto &s : schools)
        schoolList.push_back(
            cx::Json{{"code", s.code}, {"name", s.name}, {"county", cx::demo::kDemoCounty}, {"township", s.township}});
    auto account = [&](const std::string &user, const char *role, cx::Json codes, int devices, int64_t silentDays) {
        accounts.push_back(cx::Json{{"user", user},
                                    {"role", role},
                                    {"schools", std::move(codes)},
                                    {"admin", user == "chen.jun"},
                                    {"revoked", false},
                                    {"devices", devices},
                                    {"last_seen", devices ? cx::Json(now - silentDays * kDay) : cx::Json(nullptr)},
                                    {"codes", 0}});
    };
    account("chen.jun", "bureau", cx::Json::array(), 1, 0);
    for (const auto &i : cx::demo::demoInspectors(schools)) // the inspectors the demo's assignments name
        account(i.user, "inspector", cx::Json(i.schools), 1, 2);
    int n = 0;
    for (size_t si = 0; si < schools.size(); ++si)
        for (const char *role : {"head", "teacher"}) { // the accounts the server's demo makes
            ++n;
            const bool head = std::string(role) == "head";
            account(head ? cx::demo::demoHead(schools, si) : cx::demo::demoTeacher(schools, si), role,
                    cx::Json::array({schools[si].code}), 1, n % 9 == 4 ? 16 + n % 7 : n % 4);
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
        // The offline demo has no whole rosters: five pupils a school, whom
        // the returns' dropout cases name. Two left school (one visited ten
        // days ago; in every third school the other never, else 45 days ago),
        // one is back after a visit in every other school.
        std::vector<std::string> pupilIds;
        static const char *names[] = {"杨小勇", "李春花", "王家豪", "张梅", "赵子轩", "陈思雨", "刘浩", "罗佳怡"};
        for (int p = 1; p <= 5; ++p) {
            const std::string id = s.code + "-p" + std::to_string(p);
            pupilIds.push_back(id);
            const bool left = p <= 2, back = p == 3 && n % 2 == 0;
            ctx.put(QStringLiteral("pupils"), qstr(id),
                    {{QStringLiteral("name"), QString::fromUtf8(names[(n + p) % 8])},
                     {QStringLiteral("grade"), 3 + p},
                     {QStringLiteral("gender"), p % 2 ? QStringLiteral("male") : QStringLiteral("female")},
                     {QStringLiteral("status"), left ? QStringLiteral("left") : QStringLiteral("in_school")}},
                    nullptr, qstr(s.code));
            const int daysAgo = p == 1 ? 10 : p == 2 ? (n % 3 == 0 ? -1 : 45) : back ? 20 : -1;
            if (daysAgo < 0)
                continue;
            ctx.put(QStringLiteral("home_visits"), qstr(id + "-visit"),
                    {{QStringLiteral("pupil"), qstr(id)},
                     {QStringLiteral("date"), todayDate.addDays(-daysAgo).toString(Qt::ISODate)},
                     {QStringLiteral("reason"), QStringLiteral("left_school")},
                     {QStringLiteral("visitors"), QStringLiteral("校长%1").arg(n)},
                     {QStringLiteral("outcome_back_at_school"), back}},
                    nullptr, qstr(s.code));
        }
        returning.push_back({s.code, s.kind, pupils, s.lastGrade - s.firstGrade + 1, pupilIds});
    }
    QFile f(QStringLiteral(":/Cunxiao/demo/county/enrolment_return.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        ctx.addError(QStringLiteral("demo county: the enrolment return form is missing from the app"));
        return;
    }
    const cx::Json def = cx::Json::parse(f.readAll().toStdString());
    const cx::forms::Publication pub = cx::forms::shapePublication(def, std::nullopt);
    const QVariantMap published = toVariant(pub.fields).toMap();
    ctx.put(QStringLiteral("forms"), qstr(pub.formId), published, nullptr, QStringLiteral("*"));
    ctx.put(QStringLiteral("form_versions"), qstr(pub.versionId()), published, nullptr, // kept as publishing keeps it
            QStringLiteral("*"));
    const auto today = *cx::forms::parseDay(str(todayDate.toString(Qt::ISODate)));
    demoDevices(ctx, schools);
    demoFormDraft(ctx, def);
    demoAccounts(ctx, schools);
    for (const auto &r : cx::demo::demoReturns(def, returning, 20240901, today))
        ctx.put(qstr(r.collection), qstr(r.id), toVariant(r.fields).toMap(), nullptr, qstr(r.school));

    // Inspection assignments (their checklist form), the inspections that
    // completed some, home-visit targets and visits.
    QFile checklist(QStringLiteral(":/Cunxiao/demo/county/school_inspection.json"));
    if (checklist.open(QIODevice::ReadOnly)) {
        const cx::Json c = cx::Json::parse(checklist.readAll().toStdString());
        const cx::forms::Publication pc = cx::forms::shapePublication(c, std::nullopt);
        ctx.put(QStringLiteral("forms"), qstr(pc.formId), toVariant(pc.fields).toMap(), nullptr, QStringLiteral("*"));
    }
    for (const auto &r : cx::demo::demoPlans(schools, today))
        ctx.put(qstr(r.collection), qstr(r.id), toVariant(r.fields).toMap(), nullptr, qstr(r.school));
}

} // namespace cx::app

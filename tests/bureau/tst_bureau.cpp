// The bureau's reports and review (sync/bureau) between real devices: a
// bureau device and school devices on real replica files, the real server
// routes and validator (SQLite; PostgreSQL in the _pg variant), through the
// loopback. What the bureau decides reaches the school at its next sync; what
// the school corrects comes back as a new version with its history.
#include "Loopback.h"

#include "../common/TestKey.h"

#include "admin/Admin.h"
#include "bureau/Completeness.h"
#include "bureau/Devices.h"
#include "bureau/ReviewQueue.h"
#include "bureau/Statistics.h"
#include "protocol/Errors.h"
#include "sync/RecordWrites.h"

#include <QtTest>

#include <cmath>

using namespace cxt;

namespace {

const char *kForm = R"({
  "id": "school_stats", "version": 1, "title": {"zh": "学校统计", "en": "School statistics"},
  "roles": ["head", "teacher", "bureau"], "schools": "*",
  "meta": {"workflow": "review", "period": "school_year", "due": "10-15", "period_field": "year"},
  "pages": [{"id": "p", "title": {"zh": "统计", "en": "Statistics"}, "fields": [
    {"name": "year", "type": "text", "label": {"zh": "学年", "en": "School year"}, "required": true},
    {"name": "pupils", "type": "integer", "label": {"zh": "在校生数", "en": "Pupils"}, "required": true,
     "constraint": ". >= 0"},
    {"name": "teachers", "type": "integer", "label": {"zh": "教师数", "en": "Teachers"}},
    {"name": "counted_at", "type": "datetime", "label": {"zh": "清点时间", "en": "Counted at"}}
  ]}]
})";

// A return with counts, a rate the form computes, a plain decimal, a choice and
// a repeat of choices: what statistics sums, recomputes, averages and counts.
const char *kStatsForm = R"json({
  "id": "staffing", "version": 1, "title": {"zh": "师资情况", "en": "Staffing"},
  "roles": ["head", "teacher", "bureau"], "schools": "*",
  "meta": {"workflow": "review", "period": "school_year", "due": "10-15", "period_field": "year"},
  "pages": [{"id": "p", "title": {"zh": "师资", "en": "Staff"}, "fields": [
    {"name": "year", "type": "text", "label": {"zh": "学年", "en": "School year"}, "required": true},
    {"name": "pupils", "type": "integer", "label": {"zh": "在校生数", "en": "Pupils"}, "required": true},
    {"name": "teachers", "type": "integer", "label": {"zh": "教师数", "en": "Teachers"}, "required": true},
    {"name": "ratio", "type": "decimal", "label": {"zh": "生师比", "en": "Pupils per teacher"},
     "calculate": "round(${pupils} div ${teachers}, 1)"},
    {"name": "distance", "type": "decimal", "label": {"zh": "距中心校（公里）", "en": "Distance (km)"}},
    {"name": "canteen", "type": "select_one", "label": {"zh": "食堂", "en": "Canteen"},
     "options": [{"value": "yes", "label": {"zh": "有", "en": "Yes"}}, {"value": "no", "label": {"zh": "无", "en": "No"}}]},
    {"name": "leavers", "type": "repeat", "label": {"zh": "离岗教师", "en": "Teachers who left"}, "fields": [
      {"name": "why", "type": "select_one", "label": {"zh": "原因", "en": "Why"},
       "options": [{"value": "retired", "label": {"zh": "退休", "en": "Retired"}},
                   {"value": "moved", "label": {"zh": "调离", "en": "Moved"}}]}]}
  ]}]
})json";

cx::Json staffing(const std::string &year, int pupils, int teachers, double distance, const char *canteen,
                  const std::vector<std::string> &leavers, const std::string &status = "submitted")
{
    cx::Json rows = cx::Json::array();
    for (const auto &w : leavers)
        rows.push_back({{"why", w}});
    return cx::Json{{"form", "staffing"},
                    {"form_version", 1},
                    {"answers",
                     {{"year", year},
                      {"pupils", pupils},
                      {"teachers", teachers},
                      {"ratio", std::round(double(pupils) / teachers * 10) / 10},
                      {"distance", distance},
                      {"canteen", canteen},
                      {"leavers", rows}}},
                    {"status", status},
                    {"updated_at", year.substr(0, 4) + "-10-01T09:00:00"}};
}

cx::Json submission(const std::string &year, int pupils, const std::string &sentAt, const std::string &status = "submitted")
{
    return cx::Json{
        {"form", "school_stats"},
        {"form_version", 1},
        {"answers",
         {{"year", year}, {"pupils", pupils}, {"teachers", 4}, {"counted_at", year.substr(0, 4) + "-09-30T16:05:00+08:00"}}},
        {"status", status},
        {"updated_at", sentAt}};
}

cx::bureau::Day day(const char *iso) { return *cx::bureau::parseDay(iso); }

std::string textOf(const std::optional<cx::LocalRecord> &r, const char *field)
{
    return r ? cx::bureau::textOf(r->fields, field) : std::string("<none>");
}

// The county: schools A (龙泉镇) and B (石门乡) as records the bureau's pages read.
struct BureauCounty {
    Loopback lb;
    std::unique_ptr<cx::Engine> bureau, headA, teacherB;

    BureauCounty()
    {
        cx::server::publishForm(*lb.county.store, cx::Json::parse(kForm), kNow);
        cx::server::serverPut(
            *lb.county.store, "schools", "A", "A",
            {{"code", "A"}, {"name", "龙泉镇中心学校"}, {"township", "龙泉镇"}, {"head", "张伟"}, {"phone", "13800000001"}},
            "admin", kNow);
        cx::server::serverPut(
            *lb.county.store, "schools", "B", "B",
            {{"code", "B"}, {"name", "石门乡松林教学点"}, {"township", "石门乡"}, {"head", "李娜"}, {"phone", "13800000002"}},
            "admin", kNow);
        bureau = lb.device("bureau", "bureau");
        headA = lb.device("head.a", "head-a");
        teacherB = lb.device("teacher.b", "teacher-b");
    }
    // Everyone sends, then everyone hears what the others sent.
    void syncAll()
    {
        for (int round = 0; round < 2; ++round)
            for (auto *e : {headA.get(), teacherB.get(), bureau.get()})
                QVERIFY(e->sync().complete);
    }
    cx::RecordQuery query() { return cx::RecordQuery(lb.replicaPath("bureau"), testKey()); }
};

} // namespace

class TestBureau : public QObject
{
    Q_OBJECT

private slots:
    // Issue 14 point 1: return with a comment, the school sees it, corrects,
    // the correction comes back as a new version with its history, accepted
    // locks it. The server holds the same states.
    void reviewRoundTrip()
    {
        BureauCounty c;
        const std::string first = c.headA->put("submissions", "", "A", submission("2025-2026", 120, "2025-10-10T09:00:00"));
        c.syncAll();

        auto q = c.query();
        auto queue = cx::bureau::reviewQueue(q, {});
        QCOMPARE(queue.size(), size_t(1));
        QCOMPARE(queue[0].ret.record.id, first);
        QCOMPARE(queue[0].school.name, std::string("龙泉镇中心学校"));
        QCOMPARE(queue[0].ret.period, std::string("2025-2026"));
        QCOMPARE(queue[0].formTitle, std::string("学校统计"));
        QVERIFY(queue[0].history.empty());

        // A return needs a comment; only a submitted one can be reviewed.
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::sendBack(*c.bureau, first, "  "));
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::acceptReturn(*c.bureau, "no-such-id"));
        cx::bureau::sendBack(*c.bureau, first, "在校生数与学籍系统不一致，请核对");
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::acceptReturn(*c.bureau, first)); // already returned
        c.syncAll();

        // The head's device shows it returned, with the bureau's words.
        auto seen = c.headA->get("submissions", first);
        QCOMPARE(textOf(seen, "status"), std::string("returned"));
        QCOMPARE(textOf(seen, "comment"), std::string("在校生数与学籍系统不一致，请核对"));
        QCOMPARE(cx::bureau::reviewQueue(q, {}).size(), size_t(0));
        cx::bureau::ReviewFilter returned;
        returned.status = "returned";
        QCOMPARE(cx::bureau::reviewQueue(q, returned).size(), size_t(1));

        // The corrected version names the first; the queue shows it with its history.
        cx::Json fix = submission("2025-2026", 118, "2025-10-12T16:00:00");
        fix["corrects"] = first;
        fix["reason"] = "按意见核对";
        const std::string second = c.headA->put("submissions", "", "A", fix);
        c.syncAll();
        queue = cx::bureau::reviewQueue(q, {});
        QCOMPARE(queue.size(), size_t(1));
        QCOMPARE(queue[0].ret.record.id, second);
        QCOMPARE(queue[0].history, std::vector<std::string>{first});
        cx::bureau::ReviewFilter all;
        all.status = "all";
        QCOMPARE(cx::bureau::reviewQueue(q, all).size(), size_t(1)); // the first is inside the second's history

        cx::bureau::acceptReturn(*c.bureau, second);
        c.syncAll();
        QCOMPARE(textOf(c.headA->get("submissions", second), "status"), std::string("accepted"));
        QCOMPARE(textOf(c.bureau->get("submissions", second), "status"), std::string("accepted"));

        // Accepted is locked: the school's later edit is refused by the server, and kept as refused.
        c.headA->put("submissions", second, "A", {{"answers", {{"year", "2025-2026"}, {"pupils", 1}}}});
        const cx::SyncReport r = c.headA->sync();
        QCOMPARE(r.rejected, 1);
        auto after = c.headA->get("submissions", second);
        QVERIFY(after);
        QCOMPARE(after->state, cx::SyncState::Rejected);
        QVERIFY2(after->rejectReason.find("can no longer change") != std::string::npos, after->rejectReason.c_str());
        c.syncAll();
        QCOMPARE(c.bureau->get("submissions", second)->fields["answers"]["pupils"].get<int>(), 118);
    }

    // Only the bureau accepts: a head's device that tries has the change refused.
    void schoolCannotAcceptItsOwnReturn()
    {
        BureauCounty c;
        const std::string id = c.headA->put("submissions", "", "A", submission("2025-2026", 90, "2025-10-01T10:00:00"));
        c.syncAll();
        cx::bureau::acceptReturn(*c.headA, id); // the device lets the person try ...
        QCOMPARE(c.headA->sync().rejected, 1);  // ... the server refuses
        QCOMPARE(textOf(c.bureau->get("submissions", id), "status"), std::string("submitted"));
    }

    // Issue 14 point 1: the previous period beside this one, and a count that
    // moved by more than the threshold flagged.
    void previousPeriodAndFlags()
    {
        BureauCounty c;
        c.headA->put("submissions", "", "A", submission("2024-2025", 120, "2024-10-08T09:00:00", "submitted"));
        c.headA->put("submissions", "", "A", submission("2025-2026", 62, "2025-10-09T09:00:00"));
        c.teacherB->put("submissions", "", "B", submission("2024-2025", 30, "2024-10-01T09:00:00"));
        c.teacherB->put("submissions", "", "B", submission("2025-2026", 28, "2025-10-02T09:00:00"));
        c.syncAll();
        auto q = c.query();
        cx::bureau::ReviewFilter f;
        f.period = "2025-2026";
        auto queue = cx::bureau::reviewQueue(q, f);
        QCOMPARE(queue.size(), size_t(2));
        std::map<std::string, cx::bureau::ReviewItem> bySchool;
        for (auto &i : queue)
            bySchool.emplace(i.ret.record.school, i);
        const auto &a = bySchool.at("A");
        QVERIFY(a.previous);
        QCOMPARE(a.previous->period, std::string("2024-2025"));
        QCOMPARE(a.checks.size(), size_t(1));
        QCOMPARE(a.checks[0].field, std::string("pupils"));
        QCOMPARE(a.checks[0].code, std::string("change"));
        QVERIFY2(a.checks[0].message.find("120") != std::string::npos && a.checks[0].message.find("62") != std::string::npos,
                 a.checks[0].message.c_str());
        auto pupils = std::find_if(a.fields.begin(), a.fields.end(), [](auto &x) { return x.name == "pupils"; });
        QVERIFY(pupils != a.fields.end());
        QCOMPARE(pupils->value, std::string("62"));
        QCOMPARE(pupils->previous, std::string("120"));
        QVERIFY(pupils->flagged);
        QCOMPARE(pupils->labelZh, std::string("在校生数"));
        // A datetime answer as a person reads it, its offset kept.
        auto counted = std::find_if(a.fields.begin(), a.fields.end(), [](auto &x) { return x.name == "counted_at"; });
        QVERIFY(counted != a.fields.end());
        QCOMPARE(counted->value, std::string("2025-09-30 16:05 +08:00"));
        QCOMPARE(counted->previous, std::string("2024-09-30 16:05 +08:00"));
        // 30 -> 28 is within the threshold.
        QVERIFY(bySchool.at("B").checks.empty());
        // Filters: by township, by school.
        f.township = "石门乡";
        QCOMPARE(cx::bureau::reviewQueue(q, f).size(), size_t(1));
        f.township.clear();
        f.school = "A";
        QCOMPARE(cx::bureau::reviewQueue(q, f).size(), size_t(1));
        f.school = "C";
        QCOMPARE(cx::bureau::reviewQueue(q, f).size(), size_t(0));
    }

    // Issue 14 point 3: counts summed per township and county, a rate
    // recomputed over the sums (not a mean of the schools' rates), plain
    // decimals averaged, choices counted (also inside repeats), a return sent
    // back not counted, and the county totals over the periods.
    void statisticsSumRecomputeAndCount()
    {
        BureauCounty c;
        cx::server::publishForm(*c.lb.county.store, cx::Json::parse(kStatsForm), kNow);
        c.syncAll();
        c.headA->put("submissions", "", "A", staffing("2024-2025", 300, 12, 0, "yes", {}));
        c.headA->put("submissions", "", "A", staffing("2025-2026", 310, 10, 0, "yes", {"retired", "moved"}));
        c.teacherB->put("submissions", "", "B", staffing("2025-2026", 30, 3, 12.5, "no", {"moved"}));
        const std::string sentBack = c.teacherB->put("submissions", "", "B", staffing("2024-2025", 500, 1, 99, "no", {}));
        c.syncAll();
        cx::bureau::sendBack(*c.bureau, sentBack, "人数有误");
        auto q = c.query();

        const auto rep = cx::bureau::statistics(q, "staffing", "2025-2026", day("2025-12-01"));
        QCOMPARE(rep.returns, 2);
        QCOMPARE(rep.townships, (std::vector<std::string>{"石门乡", "龙泉镇"}));
        std::map<std::string, cx::bureau::FieldTotal> f;
        for (const auto &x : rep.fields)
            f[x.name] = x;
        QCOMPARE(f.at("pupils").how, std::string("sum"));
        QCOMPARE(f.at("pupils").county, 340.0);
        QCOMPARE(f.at("pupils").townships.at("龙泉镇"), 310.0);
        QCOMPARE(f.at("teachers").county, 13.0);
        QCOMPARE(f.at("ratio").how, std::string("rate"));
        QCOMPARE(f.at("ratio").county, 26.2); // 340 / 13, not the mean of 31 and 10
        QCOMPARE(f.at("ratio").townships.at("石门乡"), 10.0);
        QCOMPARE(f.at("distance").how, std::string("mean"));
        QCOMPARE(f.at("distance").county, 6.25);
        QCOMPARE(rep.choices.size(), size_t(2));
        QCOMPARE(rep.choices[0].field, std::string("canteen"));
        QCOMPARE(rep.choices[0].options[0].count, 1);       // yes
        QCOMPARE(rep.choices[0].options[1].count, 1);       // no
        QCOMPARE(rep.choices[1].field, std::string("why")); // inside the repeat
        QCOMPARE(rep.choices[1].options[0].count, 1);       // retired
        QCOMPARE(rep.choices[1].options[1].count, 2);       // moved
        // The trend: last year counts only A (B's return was sent back).
        QCOMPARE(rep.trendPeriods, (std::vector<std::string>{"2024-2025", "2025-2026"}));
        QCOMPARE(f.at("pupils").trend, (std::vector<double>{300, 340}));
        QCOMPARE(f.at("ratio").trend, (std::vector<double>{25, 26.2}));
        const cx::Json j = rep.toJson();
        QCOMPARE(j["returns"].get<int>(), 2);
    }

    // Issue 14 point 5: each device reports what the server cannot see with its
    // sync; the bureau's device gets the county's list after its sync (and on
    // request); a school account may not; what needs attention is flagged.
    void deviceHealthReachesTheBureau()
    {
        BureauCounty c;
        c.syncAll();
        // The bureau's sync fetched the list once on its own.
        QVERIFY(c.bureau->devices().second > 0);
        // A change the server refuses (a school account may not write forms), then one more sync to report it.
        c.headA->put("forms", "my_form", "A", {{"title", "mine"}});
        QCOMPARE(c.headA->sync().rejected, 1);
        c.headA->put("pupils", "", "A", {{"name", "王小明"}});
        c.headA->setLinkMetered(false);
        cx::SyncTuning t = c.headA->tuning();
        t.pushBytes = 1; // the first request carries one change; the other still waits
        c.headA->setTuning(t);
        c.headA->put("pupils", "", "A", {{"name", "李小红"}});
        QVERIFY(c.headA->sync().complete);
        QVERIFY(c.bureau->fetchDevices());
        const auto [list, at] = c.bureau->devices();
        QVERIFY(at > 0);
        const auto rows = cx::bureau::deviceRows(list);
        QCOMPARE(rows.size(), size_t(3));
        const cx::bureau::DeviceRow *a = nullptr;
        for (const auto &r : rows)
            if (r.user == "head.a")
                a = &r;
        QVERIFY(a);
        QCOMPARE(a->role, std::string("head"));
        QCOMPARE(a->schools, std::vector<std::string>{"A"});
        QVERIFY(a->reported);
        QCOMPARE(a->rejected, uint64_t(1));
        QCOMPARE(a->pending, uint64_t(1)); // sent after the first request of that sync
        QCOMPARE(a->link, std::string("unmetered"));
        QVERIFY(a->freeKnown && a->freeBytes % (100ull << 20) == 0);
        QVERIFY(a->lastSeenMs > 0);
        const int64_t now = a->lastSeenMs;
        QCOMPARE(a->attention(now, 14), std::vector<std::string>{"rejected"});
        QCOMPARE(a->attention(now + 15 * 86400000LL, 14), (std::vector<std::string>{"stale", "rejected"}));
        QCOMPARE(a->toJson(now, 14)["attention"].size(), size_t(1));
        // Only the bureau sees the county's devices.
        try {
            c.teacherB->fetchDevices();
            QFAIL("a teacher's device got the county's device list");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), cx::ErrorKind::Forbidden);
        }
    }

    // Issue 14 point 2: expected, on time, late, missing per school, township and county.
    void completenessPerSchoolTownshipAndCounty()
    {
        BureauCounty c;
        c.headA->put("submissions", "", "A", submission("2024-2025", 100, "2024-10-30T09:00:00"));   // late
        c.teacherB->put("submissions", "", "B", submission("2024-2025", 30, "2024-10-15T17:00:00")); // on the due day
        const std::string a2 = c.headA->put("submissions", "", "A", submission("2025-2026", 101, "2025-10-01T09:00:00"));
        // A draft is the school's own: it never counts.
        c.teacherB->put("submissions", "", "B", submission("2025-2026", 31, "2025-10-02T09:00:00", "draft"));
        c.syncAll();
        cx::bureau::acceptReturn(*c.bureau, a2);
        auto q = c.query();

        const auto now = cx::bureau::completeness(q, "school_stats", "2025-2026", day("2025-12-01"));
        QCOMPARE(now.period.key, std::string("2025-2026"));
        QCOMPARE(now.dueOn, std::string("2025-10-15"));
        QCOMPARE(now.county.expected, 2);
        QCOMPARE(now.county.submitted, 1);
        QCOMPARE(now.county.onTime, 1);
        QCOMPARE(now.county.missing, 1);
        QCOMPARE(now.county.accepted, 1);
        QCOMPARE(now.townships.size(), size_t(2));
        QCOMPARE(now.townships.at("石门乡").missing, 1);
        QCOMPARE(now.schools.size(), size_t(2));
        QCOMPARE(now.schools[0].school.code, std::string("B")); // 石门乡 sorts before 龙泉镇 by code point
        QCOMPARE(now.schools[0].state, std::string("missing"));
        QCOMPARE(now.schools[0].school.phone, std::string("13800000002"));
        QCOMPARE(now.schools[1].state, std::string("on_time"));
        QCOMPARE(now.schools[1].status, std::string("accepted"));

        // Before the due date nothing is missing yet.
        const auto early = cx::bureau::completeness(q, "school_stats", "2025-2026", day("2025-10-05"));
        QCOMPARE(early.county.missing, 0);
        QCOMPARE(early.county.due, 1);

        const auto before = cx::bureau::completeness(q, "school_stats", "2024-2025", day("2025-12-01"));
        QCOMPARE(before.county.onTime, 1);
        QCOMPARE(before.county.late, 1);
        QCOMPARE(before.county.missing, 0);

        // The grid: two school years, each school's state in each.
        const auto grid = cx::bureau::completenessGrid(q, "school_stats", 2, day("2025-12-01"));
        QCOMPARE(grid.periods.size(), size_t(2));
        QCOMPARE(grid.periods[0].key, std::string("2024-2025"));
        QCOMPARE(grid.states.size(), size_t(2));
        QCOMPARE(grid.states[0], (std::vector<std::string>{"on_time", "missing"})); // B
        QCOMPARE(grid.states[1], (std::vector<std::string>{"late", "on_time"}));    // A

        // Clear errors for a wrong form or period.
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::completeness(q, "nope", "", day("2025-12-01")));
        try {
            cx::bureau::completeness(q, "school_stats", "2025", day("2025-12-01"));
            QFAIL("a period that is not one was accepted");
        } catch (const cx::Error &e) {
            QVERIFY2(std::string(e.what()).find("2025-2026") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestBureau)
#include "tst_bureau.moc"

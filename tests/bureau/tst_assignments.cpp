// Inspection assignments and home-visit targets (issue 14 point 4,
// sync/bureau/Assignments.h) between real devices: the bureau plans on its
// replica, the server (real routes, real validator: server/sync/PlanValidator)
// takes it to the inspector's device, the inspector's inspection comes back and
// completes it. Overdue by date, refusals of the wrong roles, target progress.
#include "Loopback.h"

#include "../common/TestKey.h"

#include "admin/Admin.h"
#include "bureau/Assignments.h"
#include "bureau/Progress.h"
#include "protocol/Errors.h"
#include "protocol/Uuid.h"
#include "sync/RecordWrites.h"

#include <QtTest>

using namespace cxt;
using cx::bureau::Day;

namespace {

const char *kChecklist = R"({
  "id": "school_inspection", "version": 1, "title": {"zh": "督导检查", "en": "School inspection"},
  "roles": ["inspector", "bureau"], "schools": "*",
  "pages": [{"id": "p", "title": {"zh": "检查", "en": "Check"}, "fields": [
    {"name": "inspection_date", "type": "date", "label": {"zh": "检查日期", "en": "Date"}},
    {"name": "safety", "type": "text", "label": {"zh": "安全", "en": "Safety"}}]}]
})";

std::string dayText(Day d) { return cx::bureau::formatDay(d); }
// One fixed day for the test and the code alike, so no check flips at midnight.
const Day kToday = *cx::bureau::parseDay("2026-11-18");
Day today() { return kToday; }

struct Planning {
    Loopback lb;
    std::unique_ptr<cx::Engine> bureau, inspector, headA, teacherB;

    Planning()
    {
        cx::server::publishForm(*lb.county.store, cx::Json::parse(kChecklist), kNow);
        for (const char *code : {"A", "B"})
            cx::server::serverPut(*lb.county.store, "schools", code, code,
                                  {{"code", code},
                                   {"name", std::string("学校") + code},
                                   {"township", std::string(code) == std::string("A") ? "龙泉镇" : "石门乡"}},
                                  "admin", kNow);
        bureau = lb.device("bureau", "bureau");
        inspector = lb.device("inspector", "inspector");
        headA = lb.device("head.a", "head-a");
        teacherB = lb.device("teacher.b", "teacher-b");
        syncAll();
    }
    void syncAll()
    {
        for (int round = 0; round < 2; ++round)
            for (auto *e : {inspector.get(), headA.get(), teacherB.get(), bureau.get()})
                QVERIFY(e->sync().complete);
    }
    cx::RecordQuery query(const std::string &device = "bureau") { return cx::RecordQuery(lb.replicaPath(device), testKey()); }
    std::string plan(const std::string &school, int dueInDays, const std::string &note = "重点检查校舍安全")
    {
        auto q = query();
        return cx::bureau::planInspection(
            *bureau, q, {school, "inspector", dayText(today() + std::chrono::days(dueInDays)), "school_inspection", note},
            today());
    }
};

std::string rejectReason(cx::Engine &e, const char *collection, const std::string &id)
{
    auto r = e.get(collection, id);
    return r ? r->rejectReason : std::string("<none>");
}

} // namespace

class TestAssignments : public QObject
{
    Q_OBJECT

private slots:
    // Planned on the bureau's device, on the inspector's phone after a sync,
    // done when the inspector's inspection (started from it) comes back.
    void plannedToDoneThroughServer()
    {
        Planning p;
        const std::string id = p.plan("A", 7);
        p.syncAll();
        QCOMPARE(p.bureau->get("assignments", id)->state, cx::SyncState::Confirmed);

        // The inspector's phone holds it, and so does the school's.
        auto mine = p.query("inspector");
        auto rows = cx::bureau::assignmentRows(mine, {}, today());
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].state, std::string("planned"));
        QCOMPARE(rows[0].schoolName, std::string("学校A"));
        QCOMPARE(rows[0].daysLeft, 7);
        QVERIFY(p.headA->get("assignments", id));

        auto q = p.query();
        QCOMPARE(cx::bureau::tallyOf(cx::bureau::assignmentRows(q, {}, today())).planned, 1);

        // The inspection, started from the to-do, names the assignment.
        const std::string insp =
            p.inspector->put("inspections", "", "A",
                             {{"assignment", id}, {"date", dayText(today())}, {"status", "done"}, {"problems", "消防通道堵塞"}});
        p.syncAll();
        rows = cx::bureau::assignmentRows(q, {}, today());
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].state, std::string("done"));
        QCOMPARE(rows[0].inspection, insp);
        QCOMPARE(rows[0].report, std::string("inspection")); // the bureau's page opens it
        QCOMPARE(rows[0].doneBy, std::string("inspector"));
        QCOMPARE(rows[0].doneOn, dayText(today()));
        const auto t = cx::bureau::tallyOf(rows);
        QCOMPARE(t.done, 1);
        QCOMPARE(t.planned, 0);
        cx::bureau::AssignmentFilter onlyPlanned;
        onlyPlanned.state = "planned";
        QVERIFY(cx::bureau::assignmentRows(q, onlyPlanned, today()).empty());
    }

    // An inspection that names no assignment completes the first-due one of
    // its school by its inspector, made on or after the day it was planned.
    void unnamedInspectionCompletesOne()
    {
        Planning p;
        const std::string later = p.plan("B", 20), sooner = p.plan("B", 5), otherSchool = p.plan("A", 5);
        p.syncAll();
        p.inspector->put("inspections", "", "B", {{"date", dayText(today())}, {"status", "done"}});
        // An inspection still in progress completes nothing; one by someone else neither.
        p.inspector->put("inspections", "", "A", {{"date", dayText(today())}, {"status", "assigned"}});
        p.bureau->put("inspections", "", "A", {{"date", dayText(today())}, {"status", "done"}});
        p.syncAll();
        auto q = p.query();
        std::map<std::string, std::string> state;
        for (const auto &r : cx::bureau::assignmentRows(q, {}, today()))
            state[r.id] = r.state;
        QCOMPARE(state[sooner], std::string("done"));
        QCOMPARE(state[later], std::string("planned"));
        QCOMPARE(state[otherSchool], std::string("planned"));
    }

    // Overdue once the due day has passed without an inspection; cancelled ones leave the list.
    void overdueByDate()
    {
        Planning p;
        const std::string id = p.plan("A", 3);
        const std::string gone = p.plan("B", 3);
        auto q = p.query();
        cx::bureau::cancelAssignment(*p.bureau, q, gone, today());
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::cancelAssignment(*p.bureau, q, gone, today()));
        p.syncAll();
        const Day due = today() + std::chrono::days(3);
        auto rows = cx::bureau::assignmentRows(q, {}, due);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].id, id);
        QCOMPARE(rows[0].state, std::string("planned")); // due today is not overdue yet
        rows = cx::bureau::assignmentRows(q, {}, due + std::chrono::days(1));
        QCOMPARE(rows[0].state, std::string("overdue"));
        QCOMPARE(rows[0].daysLeft, -1);
        cx::bureau::AssignmentFilter all;
        all.state = "all";
        const auto t = cx::bureau::tallyOf(cx::bureau::assignmentRows(q, all, due + std::chrono::days(1)));
        QCOMPARE(t.overdue, 1);
        QCOMPARE(t.cancelled, 1);
        // Marked done by hand (inspected on paper): done whatever the date.
        const Day late = due + std::chrono::days(30);
        cx::bureau::markAssignmentDone(*p.bureau, q, id, "纸质检查表已归档", late);
        p.syncAll();
        rows = cx::bureau::assignmentRows(q, {}, late);
        QCOMPARE(rows[0].state, std::string("done"));
        QVERIFY(rows[0].markedByHand);
        QCOMPARE(rows[0].doneOn, dayText(late));
        // The bureau's note goes beside the planner's, which stays.
        QCOMPARE(rows[0].doneNote, std::string("纸质检查表已归档"));
        QCOMPARE(rows[0].note, std::string("重点检查校舍安全"));
    }

    // Only the bureau plans; the fields must hold; the inspector must cover the school.
    void refusals()
    {
        Planning p;
        // The device refuses what it can see is wrong, before writing anything.
        auto q = p.query();
        QVERIFY_THROWS_EXCEPTION(
            cx::Error,
            cx::bureau::planInspection(*p.bureau, q, {"A", "inspector", "2026-13-01", "school_inspection", ""}, today()));
        QVERIFY_THROWS_EXCEPTION(
            cx::Error, cx::bureau::planInspection(*p.bureau, q, {"A", "", dayText(today()), "school_inspection", ""}, today()));
        QVERIFY_THROWS_EXCEPTION(
            cx::Error,
            cx::bureau::planInspection(*p.bureau, q, {"Z", "inspector", dayText(today()), "school_inspection", ""}, today()));
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::planInspection(
                                                *p.bureau, q, {"A", "inspector", dayText(today()), "no_such_form", ""}, today()));

        const cx::Json valid{{"school", "A"},
                             {"inspector", "inspector"},
                             {"due", dayText(today())},
                             {"form", "school_inspection"},
                             {"assigned_on", dayText(today())},
                             {"status", "planned"}};
        // A head writing an assignment straight into the replica: the server refuses it.
        const std::string byHead = p.headA->put("assignments", "", "A", valid);
        QCOMPARE(p.headA->sync().rejected, 1);
        QVERIFY2(rejectReason(*p.headA, "assignments", byHead).find("only the bureau plans inspections") != std::string::npos,
                 rejectReason(*p.headA, "assignments", byHead).c_str());
        // The inspector cannot mark their own assignment done either.
        const std::string id = p.plan("A", 2);
        p.syncAll();
        p.inspector->put("assignments", id, "A", {{"status", "done"}});
        QCOMPARE(p.inspector->sync().rejected, 1);

        // The bureau's device sending bad fields anyway: each refused with its reason.
        cx::Json badDue = valid;
        badDue["due"] = "下周";
        cx::Json early = valid;
        early["due"] = "2020-01-01";
        cx::Json notInspector = valid;
        notInspector["inspector"] = "teacher.b";
        cx::Json wrongSchool = valid;
        wrongSchool["school"] = "B";
        const std::string a = p.bureau->put("assignments", "", "A", badDue);
        const std::string b = p.bureau->put("assignments", "", "A", early);
        const std::string c = p.bureau->put("assignments", "", "A", notInspector);
        const std::string d = p.bureau->put("assignments", "", "A", wrongSchool);
        QCOMPARE(p.bureau->sync().rejected, 4);
        QVERIFY(rejectReason(*p.bureau, "assignments", a).find("is not a day") != std::string::npos);
        QVERIFY(rejectReason(*p.bureau, "assignments", b).find("before the day") != std::string::npos);
        QVERIFY(rejectReason(*p.bureau, "assignments", c).find("not an inspector") != std::string::npos);
        QVERIFY(rejectReason(*p.bureau, "assignments", d).find("filed under school A") != std::string::npos);
        QVERIFY(!p.lb.county.store->record("assignments", a));
    }

    // A head sets a teacher's target; the teacher's visits in the period count.
    void targetProgress()
    {
        Planning p;
        auto q = p.query();
        const std::string month = dayText(today()).substr(0, 7);
        const std::string t = cx::bureau::setVisitTarget(*p.bureau, q, {"B", "teacher.b", "赵老师", month, "", 3});
        p.syncAll();
        // Two visits this month by the teacher, one named in another's visit, one last month, one in another school.
        const Day first = *cx::bureau::parseDay(month + "-01");
        p.teacherB->put("home_visits", "", "B", {{"date", dayText(first)}, {"visitors", "teacher.b"}});
        p.teacherB->put("home_visits", "", "B", {{"date", dayText(today())}});
        p.bureau->put("home_visits", "", "B", {{"date", dayText(today())}, {"visitors", "王建国、赵老师"}});
        p.teacherB->put("home_visits", "", "B", {{"date", dayText(first - std::chrono::days(1))}});
        p.bureau->put("home_visits", "", "A", {{"date", dayText(today())}, {"visitors", "teacher.b"}});
        p.syncAll();
        for (const std::string device : {"bureau", "teacher-b"}) {
            auto mine = p.query(device);
            const auto rows = cx::bureau::visitTargetRows(mine, today());
            QCOMPARE(rows.size(), size_t(1));
            QCOMPARE(rows[0].id, t);
            QCOMPARE(rows[0].target, 3);
            QCOMPARE(rows[0].done, 3);
            QVERIFY(rows[0].met());
        }
        // A second target for the same teacher and period is an edit, not a duplicate.
        QCOMPARE(cx::bureau::setVisitTarget(*p.bureau, q, {"B", "teacher.b", "", month, "", 5}), t);
        p.syncAll();
        auto rows = cx::bureau::visitTargetRows(q, today());
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].target, 5);
        QVERIFY(!rows[0].met());

        // A teacher cannot set targets; a head only for its school's teachers; bad periods refused.
        const cx::Json target{{"teacher", "teacher.b"}, {"count", 2}, {"period", month}};
        const std::string own = p.teacherB->put("visit_targets", "", "B", target);
        QCOMPARE(p.teacherB->sync().rejected, 1);
        QVERIFY(rejectReason(*p.teacherB, "visit_targets", own).find("only a school head or the bureau") != std::string::npos);
        const std::string other = p.headA->put("visit_targets", "", "A", target);
        QCOMPARE(p.headA->sync().rejected, 1);
        QVERIFY(rejectReason(*p.headA, "visit_targets", other).find("not a teacher account of school A") != std::string::npos);
        // The head's list shows the refused target with the server's reason,
        // and does not offer its account as a teacher of the school.
        auto headQ = p.query("head-a");
        const auto refused = cx::bureau::visitTargetRows(headQ, today(), "A");
        QCOMPARE(refused.size(), size_t(1));
        QCOMPARE(refused[0].teacher, std::string("teacher.b"));
        QVERIFY2(refused[0].refused.find("teacher.b is not a teacher account of school A") != std::string::npos,
                 refused[0].refused.c_str());
        for (const auto &c : cx::bureau::teacherChoices(headQ, "A"))
            QVERIFY2(c.account != "teacher.b", c.account.c_str());
        // The bureau's replica offers B's teacher, by the name its target
        // gave; the bureau logged a visit in B too, and is offered until the
        // replica shows it plans inspections.
        auto choices = cx::bureau::teacherChoices(q, "B");
        QCOMPARE(choices.size(), size_t(2));
        QCOMPARE(choices[0].account, std::string("bureau"));
        p.plan("B", 7);
        p.syncAll();
        choices = cx::bureau::teacherChoices(q, "B");
        QCOMPARE(choices.size(), size_t(1));
        QCOMPARE(choices[0].account, std::string("teacher.b"));
        QCOMPARE(choices[0].name, std::string("赵老师"));
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::setVisitTarget(*p.bureau, q, {"B", "teacher.b", "", "明年", "", 2}));
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::setVisitTarget(*p.bureau, q, {"B", "teacher.b", "", month, "", 0}));
    }

    // An inspection report filed as the assignment's checklist form (a
    // submission naming it) completes it once submitted, not as a draft; a
    // correction of it keeps it done; another school's report does not.
    void checklistFormSubmissionCompletesIt()
    {
        Planning p;
        const std::string id = p.plan("A", 7), other = p.plan("B", 7);
        p.syncAll();
        auto report = [&](const std::string &school, const std::string &status, const std::string &assignment) {
            cx::Json f{{"form", "school_inspection"},
                       {"form_version", 1},
                       {"status", status},
                       {"answers", {{"safety", "消防通道畅通"}, {"inspection_date", dayText(today())}}},
                       {"updated_at", dayText(today()) + "T10:00:00"}};
            if (!assignment.empty())
                f["assignment"] = assignment;
            return p.inspector->put("submissions", "", school, f);
        };
        const std::string draft = report("A", "draft", id);
        p.syncAll();
        auto q = p.query();
        cx::bureau::AssignmentFilter every;
        every.state = "all";
        auto stateOf = [&](const std::string &which) {
            for (const auto &a : cx::bureau::assignmentRows(q, every, today()))
                if (a.id == which)
                    return a;
            return cx::bureau::AssignmentRow{};
        };
        QCOMPARE(stateOf(id).state, std::string("planned"));
        p.inspector->put("submissions", draft, "A", {{"status", "submitted"}});
        report("B", "submitted", id); // filed in another school: completes nothing
        p.syncAll();
        QVERIFY2(p.inspector->get("submissions", draft)->rejectReason.empty(),
                 p.inspector->get("submissions", draft)->rejectReason.c_str());
        const auto done = stateOf(id);
        QCOMPARE(done.state, std::string("done"));
        QCOMPARE(done.inspection, draft);
        QCOMPARE(done.report, std::string("submission")); // the bureau's page opens its review
        QCOMPARE(done.doneBy, std::string("inspector"));
        QCOMPARE(done.doneOn, dayText(today()));
        QCOMPARE(done.toJson().value("done_by", std::string()), std::string("inspector"));
        QCOMPARE(stateOf(other).state, std::string("planned"));

        // Returned by the bureau, then corrected: the correction carries the assignment on.
        p.bureau->put("submissions", draft, "A", {{"status", "returned"}, {"comment", "请补充照片"}});
        p.syncAll();
        QCOMPARE(stateOf(id).state, std::string("planned"));
        const std::string fix = p.inspector->put("submissions", "", "A",
                                                 {{"form", "school_inspection"},
                                                  {"form_version", 1},
                                                  {"status", "submitted"},
                                                  {"corrects", draft},
                                                  {"reason", "补充照片"},
                                                  {"answers", {{"safety", "消防通道畅通"}}},
                                                  {"updated_at", dayText(today()) + "T16:00:00"}});
        p.syncAll();
        QCOMPARE(p.inspector->get("submissions", fix)->rejectReason, std::string());
        QCOMPARE(stateOf(id).state, std::string("done"));
        QCOMPARE(stateOf(id).inspection, fix);
        QCOMPARE(stateOf(id).report, std::string("submission"));
    }

    // Done vs planned (sync/bureau/Progress.h): the inspections due in the
    // period per township and inspector, the home-visit targets overlapping it
    // with their visits (each capped at its count), on the bureau's replica.
    void progressDoneVsPlanned()
    {
        Planning p;
        const std::string doneA = p.plan("A", 5); // 2026-11-23, inspected below
        p.plan("A", 10);                          // 11-28, still planned
        p.plan("B", 3);                           // 11-21, overdue on 11-22
        p.plan("B", 20);                          // 12-08: outside November
        const std::string cancelled = p.plan("B", 4);
        {
            auto q = p.query();
            cx::bureau::cancelAssignment(*p.bureau, q, cancelled, today());
            const std::string month = dayText(today()).substr(0, 7);
            cx::bureau::setVisitTarget(*p.bureau, q, {"B", "teacher.b", "赵老师", month, "", 3});
            cx::bureau::setVisitTarget(*p.bureau, q, {"B", "teacher.b", "赵老师", "2026-12", "", 2});
        }
        p.syncAll();
        p.inspector->put("inspections", "", "A", {{"assignment", doneA}, {"date", dayText(today())}, {"status", "done"}});
        for (int i = 0; i < 4; ++i) // one more than the target
            p.teacherB->put("home_visits", "", "B", {{"date", dayText(today() - std::chrono::days(i))}});
        p.syncAll();

        auto q = p.query();
        const Day asOf = today() + std::chrono::days(4);
        const auto rep = cx::bureau::progress(q, cx::bureau::progressPeriod("2026-11", asOf), asOf);
        QCOMPARE(rep.period.key, std::string("2026-11"));
        QCOMPARE(rep.townships, (std::vector<std::string>{"石门乡", "龙泉镇"}));
        QCOMPARE(rep.inspections.planned, 3);
        QCOMPARE(rep.inspections.done, 1);
        QCOMPARE(rep.inspections.overdue, 1);
        QCOMPARE(rep.inspectionsByTownship.at("龙泉镇").planned, 2);
        QCOMPARE(rep.inspectionsByTownship.at("龙泉镇").done, 1);
        QCOMPARE(rep.inspectionsByTownship.at("石门乡").planned, 1);
        QCOMPARE(rep.inspectionsByTownship.at("石门乡").overdue, 1);
        QCOMPARE(rep.inspectors.size(), size_t(1));
        QCOMPARE(rep.inspectors[0].inspector, std::string("inspector"));
        QCOMPARE(rep.inspectors[0].township, std::string("龙泉镇")); // two of its three
        QCOMPARE(rep.inspectors[0].tally.done, 1);
        QCOMPARE(rep.visits.planned, 3);
        QCOMPARE(rep.visits.done, 3); // four visits, capped at the target
        QCOMPARE(rep.visits.met, 1);
        QCOMPARE(rep.visitsByTownship.at("石门乡").planned, 3);
        QCOMPARE(rep.visitsByTownship.at("龙泉镇").planned, 0);
        QCOMPARE(rep.teachers.size(), size_t(1));
        QCOMPARE(rep.teachers[0].teacherName, std::string("赵老师"));
        QCOMPARE(rep.teachers[0].schoolName, std::string("学校B"));

        // The term holds December too: its assignment and its target.
        const auto term = cx::bureau::progress(q, cx::bureau::progressPeriod("", asOf), asOf);
        QCOMPARE(term.period.key, std::string("2026-autumn"));
        QCOMPARE(term.inspections.planned, 4);
        QCOMPARE(term.visits.planned, 5);
        QCOMPARE(term.visits.done, 3);
        QCOMPARE(term.visits.targets, 2);
        QCOMPARE(term.visits.met, 1);
        QCOMPARE(term.teachers.size(), size_t(1)); // one teacher, two targets
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::progressPeriod("十一月", asOf));
    }

    // Only the assignment's inspector (or the bureau) completes it by naming
    // it: the school's head cannot, on its own device nor through the server.
    void namedInspectionByOthersCompletesNothing()
    {
        Planning p;
        const std::string id = p.plan("A", 7);
        p.syncAll();
        p.headA->put("inspections", "", "A", {{"assignment", id}, {"date", dayText(today())}, {"status", "done"}});
        auto mine = p.query("head-a");
        auto rows = cx::bureau::assignmentRows(mine, {}, today());
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].state, std::string("planned")); // on the head's own device already
        QCOMPARE(p.headA->sync().rejected, 1);
        const auto refused = p.headA->list("inspections");
        QCOMPARE(refused.size(), size_t(1));
        QVERIFY2(refused[0].rejectReason.find("only an inspector of school A or the bureau") != std::string::npos,
                 refused[0].rejectReason.c_str());
        // A head's inspection in progress, naming nothing, is not refused.
        p.headA->put("inspections", "", "A", {{"date", dayText(today())}, {"status", "assigned"}});
        QCOMPARE(p.headA->sync().rejected, 0);
        // The inspector's is taken, and completes it; the bureau's would too.
        p.inspector->put("inspections", "", "A", {{"assignment", id}, {"date", dayText(today())}, {"status", "done"}});
        QCOMPARE(p.inspector->sync().rejected, 0);
        p.syncAll();
        auto q = p.query();
        QCOMPARE(cx::bureau::assignmentRows(q, {}, today())[0].state, std::string("done"));
        const std::string other = p.plan("B", 7);
        p.bureau->put("inspections", "", "B", {{"assignment", other}, {"date", dayText(today())}, {"status", "done"}});
        p.syncAll();
        cx::bureau::AssignmentFilter b;
        b.school = "B";
        QCOMPARE(cx::bureau::assignmentRows(q, b, today())[0].state, std::string("done"));
    }

    // The inspector's account revoked or moved: the bureau still cancels or
    // closes the assignment; naming such an inspector anew is still refused.
    void closedAfterInspectorLeaves()
    {
        Planning p;
        const std::string a = p.plan("A", 7), b = p.plan("B", 7);
        p.syncAll();
        p.lb.county.store->setAccountRevoked("inspector", true);
        auto q = p.query();
        cx::bureau::cancelAssignment(*p.bureau, q, a, today());
        cx::bureau::markAssignmentDone(*p.bureau, q, b, "", today());
        QCOMPARE(p.bureau->sync().rejected, 0);
        QCOMPARE(p.lb.county.store->record("assignments", a)->fields["status"].get<std::string>(), std::string("cancelled"));
        QCOMPARE(p.lb.county.store->record("assignments", b)->fields["status"].get<std::string>(), std::string("done"));
        const std::string anew = p.plan("A", 9);
        QCOMPARE(p.bureau->sync().rejected, 1);
        QVERIFY(rejectReason(*p.bureau, "assignments", anew).find("is revoked") != std::string::npos);
    }

    // Cancel and mark done only an open one, as the list sees it.
    void onlyOpenOnesChange()
    {
        Planning p;
        const std::string done = p.plan("A", 7), cancelled = p.plan("B", 7);
        p.syncAll();
        p.inspector->put("inspections", "", "A", {{"assignment", done}, {"date", dayText(today())}, {"status", "done"}});
        p.syncAll();
        auto q = p.query();
        try {
            cx::bureau::cancelAssignment(*p.bureau, q, done, today());
            QFAIL("cancelled an assignment an inspection completed");
        } catch (const cx::Error &e) {
            QCOMPARE(e.kind(), cx::ErrorKind::Invalid);
            QVERIFY2(std::string(e.what()).find("is already done") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::markAssignmentDone(*p.bureau, q, done, "", today()));
        cx::bureau::cancelAssignment(*p.bureau, q, cancelled, today());
        try {
            cx::bureau::markAssignmentDone(*p.bureau, q, cancelled, "", today());
            QFAIL("marked a cancelled assignment done");
        } catch (const cx::Error &e) {
            QVERIFY2(std::string(e.what()).find("is already cancelled") != std::string::npos, e.what());
        }
        QVERIFY(!p.bureau->get("assignments", done)->fields.contains("status") ||
                p.bureau->get("assignments", done)->fields["status"] == "planned");
        // An overdue one is open.
        const std::string overdue = p.plan("A", 1);
        cx::bureau::markAssignmentDone(*p.bureau, q, overdue, "", today() + std::chrono::days(5));
        QVERIFY_THROWS_EXCEPTION(cx::Error, cx::bureau::cancelAssignment(*p.bureau, q, "no-such-id", today()));
    }

    // The bureau marked one done by hand on the day of the visit; the same
    // visit's inspection (naming none) then completes no second assignment.
    void oneInspectionCompletesOne()
    {
        Planning p;
        const std::string first = p.plan("A", 3), second = p.plan("A", 10);
        p.syncAll();
        auto q = p.query();
        cx::bureau::markAssignmentDone(*p.bureau, q, first, "电话确认已检查", today());
        p.syncAll();
        const std::string insp =
            p.inspector->put("inspections", "", "A", {{"date", dayText(today()) + "T10:00"}, {"status", "done"}});
        p.syncAll();
        std::map<std::string, cx::bureau::AssignmentRow> byId;
        for (const auto &r : cx::bureau::assignmentRows(q, {}, today()))
            byId[r.id] = r;
        QCOMPARE(byId[first].state, std::string("done"));
        QCOMPARE(byId[first].inspection, insp);
        QCOMPARE(byId[second].state, std::string("planned"));
        // A later visit completes the open one.
        const std::string next =
            p.inspector->put("inspections", "", "A", {{"date", dayText(today() + std::chrono::days(2))}, {"status", "done"}});
        p.syncAll();
        for (const auto &r : cx::bureau::assignmentRows(q, {}, today()))
            byId[r.id] = r;
        QCOMPARE(byId[second].state, std::string("done"));
        QCOMPARE(byId[second].inspection, next);
    }

    // Two devices setting the same target offline write one record.
    void sameTargetFromTwoDevices()
    {
        Planning p;
        const std::string month = dayText(today()).substr(0, 7);
        auto qb = p.query(), qh = p.query("head-a");
        const std::string byBureau = cx::bureau::setVisitTarget(*p.bureau, qb, {"A", "head.a2", "", month, "", 4});
        const std::string byHead = cx::bureau::setVisitTarget(*p.headA, qh, {"A", "head.a2", "", month, "", 6});
        QCOMPARE(byHead, byBureau);
        QCOMPARE(byBureau, cx::bureau::targetId("A", "head.a2", month));
        QVERIFY(cx::isUuid(byBureau));
        QVERIFY(cx::bureau::targetId("A", "head.a2", month) != cx::bureau::targetId("A", "head.a", month));
        p.syncAll();
        for (auto *q : {&qb, &qh}) {
            const auto rows = cx::bureau::visitTargetRows(*q, today());
            QCOMPARE(rows.size(), size_t(1));
            QCOMPARE(rows[0].id, byBureau);
        }
    }
};

QTEST_GUILESS_MAIN(TestAssignments)
#include "tst_assignments.moc"

#include "models/TodoModel.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "bureau/Assignments.h"
#include "bureau/Completeness.h"
#include "bureau/ReviewQueue.h"
#include "engine/RecordQuery.h"
#include "forms/Periods.h"

#include <map>

namespace cx::app {

namespace {

std::string text(const cx::Json &fields, const char *name) { return cx::bureau::textOf(fields, name); }

cx::RecordSelection all(const char *collection)
{
    cx::RecordSelection s;
    s.collection = collection;
    return s;
}

size_t countWhere(cx::RecordQuery &q, const char *collection, const char *field, const char *value)
{
    cx::RecordSelection s;
    s.collection = collection;
    s.conditions = {{field, cx::FieldCondition::Eq, value}};
    return q.count(s);
}

// FormsPage's rule: bureau staff see every form; others the forms naming their
// role (or no role) and one of their schools (or "*").
bool meantFor(const cx::Json &def, const QString &role, const QStringList &schools)
{
    if (!def.is_object())
        return false;
    if (role == QLatin1String("bureau"))
        return true;
    auto roles = def.find("roles");
    if (roles != def.end() && roles->is_array() && !roles->empty()) {
        bool mine = false;
        for (const auto &r : *roles)
            mine = mine || (r.is_string() && qstr(r.get<std::string>()) == role);
        if (!mine)
            return false;
    }
    auto where = def.find("schools");
    if (where == def.end() || !where->is_array())
        return true; // "*" or absent
    for (const auto &s : *where)
        if (s.is_string() && schools.contains(qstr(s.get<std::string>())))
            return true;
    return false;
}

// The day as the shared period code sees it (forms/Periods.h).
cx::forms::Day dayOf(const QDate &d) { return *cx::forms::parseDay(str(d.toString(Qt::ISODate))); }
QDate qdateOf(cx::forms::Day d) { return QDate::fromString(qstr(cx::forms::formatDay(d)), Qt::ISODate); }

// The bureau's work: returns waiting for review, schools whose return for the
// current period is missing (every form filed per period), conflicts.
std::vector<TodoItem> bureauTodos(cx::RecordQuery &q, const QDate &today)
{
    std::vector<TodoItem> out;
    cx::bureau::ReviewFilter waiting;
    const auto queue = cx::bureau::reviewQueue(q, waiting);
    TodoItem review{QStringLiteral("to_review"), QStringLiteral("BureauReviewPage"), int(queue.size())};
    const std::string weekAgo = str(today.addDays(-7).toString(Qt::ISODate));
    for (const auto &i : queue)
        review.urgent = review.urgent || (i.ret.sentOn && cx::forms::formatDay(*i.ret.sentOn) < weekAgo);
    out.push_back(review);
    TodoItem missing{QStringLiteral("missing_returns"), QStringLiteral("BureauCompletenessPage")};
    for (const auto &f : cx::bureau::formsOf(q))
        if (f.periodic()) {
            const auto rep = cx::bureau::completeness(q, f.id, {}, dayOf(today));
            missing.count += rep.county.missing;
            missing.urgent = missing.urgent || rep.county.missing > 0;
        }
    out.push_back(missing);
    cx::bureau::ReviewFilter returned; // sent back and not yet corrected
    returned.status = "returned";
    out.push_back({QStringLiteral("returned_waiting"), QStringLiteral("BureauReviewPage"),
                   int(cx::bureau::reviewQueue(q, returned).size())});
    out.push_back({QStringLiteral("conflicts"), QStringLiteral("ConflictsPage"),
                   int(q.countInState(syncStateName(SyncState::Conflict))), true});
    out.push_back({QStringLiteral("rejected"), QStringLiteral("SubmissionsPage"),
                   int(q.countInState(syncStateName(SyncState::Rejected))), true});
    return out;
}

// The bureau's assignments naming this inspector that are not done yet; the
// detail names the one due first.
TodoItem assignedInspections(cx::RecordQuery &q, const QString &user, const QDate &today)
{
    TodoItem item{QStringLiteral("assigned_inspections"), QStringLiteral("InspectionPage")};
    cx::bureau::AssignmentFilter mine;
    mine.inspector = str(user);
    mine.state = "open";
    const auto rows = cx::bureau::assignmentRows(q, mine, dayOf(today));
    item.count = int(rows.size());
    for (const auto &a : rows)
        item.urgent = item.urgent || a.daysLeft <= 7;
    if (!rows.empty())
        item.detail = qstr(rows.front().schoolName) + QStringLiteral(" · ") + qstr(rows.front().due);
    return item;
}

// Visits still to make for this person's targets of the periods running today.
TodoItem visitTargets(cx::RecordQuery &q, const QString &user, const QDate &today)
{
    TodoItem item{QStringLiteral("visit_target"), QStringLiteral("HomeVisitPage")};
    int done = 0, target = 0;
    const std::string weekAhead = str(today.addDays(7).toString(Qt::ISODate));
    for (const auto &t : cx::bureau::visitTargetRows(q, dayOf(today), {}, str(user))) {
        if (t.over)
            continue;
        done += std::min(t.done, t.target);
        target += t.target;
        item.count += std::max(0, t.target - t.done);
        item.urgent = item.urgent || (!t.met() && t.last <= weekAhead);
    }
    if (target > 0)
        item.detail = QStringLiteral("%1 / %2").arg(done).arg(target);
    return item;
}

} // namespace

std::vector<TodoItem> TodoModel::compute(cx::RecordQuery &q, const QString &role, const QStringList &schools, const QDate &today,
                                         const QString &user)
{
    if (role == QLatin1String("bureau"))
        return bureauTodos(q, today);
    std::vector<TodoItem> out;
    const std::string todayText = str(today.toString(Qt::ISODate));

    // Forms due in this period without a submission.
    TodoItem forms{QStringLiteral("forms_due"), QStringLiteral("FormsPage")};
    for (const auto &f : q.list(all("forms"))) {
        const cx::Json def = f.fields.value("definition", cx::Json());
        if (!meantFor(def, role, schools))
            continue;
        const cx::Json meta = def.value("meta", cx::Json::object());
        if (!meta.is_object())
            continue;
        const std::string period = text(meta, "period"), due = text(meta, "due");
        if (period.empty() && due.empty())
            continue; // filled as things happen (a visit, a hazard), never "due"
        const cx::forms::Period range = cx::forms::periodContaining(period, dayOf(today));
        cx::RecordSelection subs;
        subs.collection = "submissions";
        subs.conditions = {{"form", cx::FieldCondition::Eq, f.id},
                           {"status", cx::FieldCondition::NotEmpty, {}},
                           {"status", cx::FieldCondition::Ne, "draft"}};
        if (range.valid()) {
            subs.conditions.push_back({"updated_at", cx::FieldCondition::Ge, cx::forms::formatDay(range.first)});
            subs.conditions.push_back(
                {"updated_at", cx::FieldCondition::Lt, cx::forms::formatDay(range.last + std::chrono::days(1))});
        }
        if (q.count(subs) > 0)
            continue;
        ++forms.count;
        // No period but a due date: due once, on that day (or at the end of this year).
        const cx::forms::Period dueIn =
            range.valid() ? range
                          : cx::forms::Period{"", "once", dayOf(QDate(today.year(), 1, 1)), dayOf(QDate(today.year(), 12, 31))};
        const QDate when = qdateOf(cx::forms::dueDate(due, dueIn));
        forms.urgent = forms.urgent || (when.isValid() && when <= today.addDays(7));
    }
    out.push_back(forms);

    out.push_back(
        {QStringLiteral("drafts"), QStringLiteral("SubmissionsPage"), int(countWhere(q, "submissions", "status", "draft"))});
    out.push_back({QStringLiteral("returned"), QStringLiteral("SubmissionsPage"),
                   int(countWhere(q, "submissions", "status", "returned")), true});

    // Refused changes: shown where most of them are.
    TodoItem rejected{QStringLiteral("rejected"), QStringLiteral("SubmissionsPage"),
                      int(q.countInState(syncStateName(SyncState::Rejected))), true};
    const size_t rejectedSubs = q.countInState(syncStateName(SyncState::Rejected), "submissions");
    const size_t rejectedPupils = q.countInState(syncStateName(SyncState::Rejected), "pupils");
    if (rejectedPupils > rejectedSubs)
        rejected.page = QStringLiteral("PupilsPage");
    out.push_back(rejected);
    out.push_back({QStringLiteral("conflicts"), QStringLiteral("ConflictsPage"),
                   int(q.countInState(syncStateName(SyncState::Conflict))), true});

    // Follow-ups: a pupil's latest visit decides (a later visit is the follow-up).
    TodoItem follow{QStringLiteral("follow_ups"), QStringLiteral("DropoutsPage")};
    std::map<std::string, std::pair<std::string, cx::Json>> latest; // pupil -> (date + id, fields)
    for (const auto &v : q.list(all("home_visits"))) {
        std::string pupil = text(v.fields, "pupil");
        if (pupil.empty())
            pupil = "#" + v.id; // a visit without a pupil stands alone
        const std::string key = text(v.fields, "date") + "|" + v.id;
        auto it = latest.find(pupil);
        if (it == latest.end() || it->second.first < key)
            latest[pupil] = {key, v.fields};
    }
    for (const auto &[pupil, visit] : latest) {
        const std::string when = text(visit.second, "follow_up_date");
        if (when.empty() || when > todayText || text(visit.second, "outcome_back_at_school") == "true")
            continue;
        ++follow.count;
        follow.urgent = follow.urgent || when < todayText;
    }
    out.push_back(follow);

    out.push_back({QStringLiteral("dropouts"), QStringLiteral("DropoutsPage"), int(countWhere(q, "pupils", "status", "left"))});
    if (role == QLatin1String("inspector") || role == QLatin1String("bureau"))
        out.push_back({QStringLiteral("inspections"), QStringLiteral("InspectionPage"),
                       int(countWhere(q, "inspections", "status", "assigned"))});
    if (role == QLatin1String("inspector"))
        out.push_back(assignedInspections(q, user, today));
    if (role == QLatin1String("teacher") || role == QLatin1String("head"))
        out.push_back(visitTargets(q, user, today));
    return out;
}

TodoModel::TodoModel(QObject *parent)
    : QAbstractListModel(parent),
      m_job(
          this, {}, [this] { refresh(); }, [this](std::vector<TodoItem> items) { show(std::move(items)); },
          [this] { emit loadingChanged(); })
{}

TodoModel::~TodoModel() = default;

void TodoModel::setRole(const QString &r)
{
    if (r == m_role)
        return;
    m_role = r;
    emit roleChanged();
    refresh();
}

void TodoModel::setSchools(const QStringList &s)
{
    if (s == m_schools)
        return;
    m_schools = s;
    emit roleChanged();
    refresh();
}

void TodoModel::setUser(const QString &u)
{
    if (u == m_user)
        return;
    m_user = u;
    emit roleChanged();
    refresh();
}

void TodoModel::setToday(const QDate &d)
{
    m_today = d;
    refresh();
}

void TodoModel::refresh()
{
    const QString role = m_role;
    const QStringList schools = m_schools;
    const QString user = m_user;
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    m_job.run([role, schools, today, user](cx::RecordQuery &query) {
        try {
            return compute(query, role, schools, today, user);
        } catch (const std::exception &e) {
            qWarning("TodoModel: %s", e.what());
            return std::vector<TodoItem>();
        }
    });
}

void TodoModel::show(std::vector<TodoItem> items)
{
    bool sameKinds = items.size() == m_items.size();
    for (size_t i = 0; sameKinds && i < items.size(); ++i)
        sameKinds = items[i].kind == m_items[i].kind;
    if (sameKinds) {
        m_items = std::move(items);
        if (!m_items.empty())
            emit dataChanged(index(0), index(int(m_items.size()) - 1));
    } else {
        beginResetModel();
        m_items = std::move(items);
        endResetModel();
    }
    emit countsChanged();
}

bool TodoModel::waitForLoaded(int msecs) { return m_job.waitForLoaded(msecs); }

int TodoModel::total() const
{
    int n = 0;
    for (const auto &i : m_items)
        n += i.count;
    return n;
}

int TodoModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_items.size()); }

QVariant TodoModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()))
        return {};
    const TodoItem &i = m_items[size_t(index.row())];
    switch (role) {
    case KindRole:
        return i.kind;
    case CountRole:
        return i.count;
    case UrgentRole:
        return i.urgent && i.count > 0;
    case PageRole:
        return i.page;
    case DetailRole:
        return i.detail;
    }
    return {};
}

QHash<int, QByteArray> TodoModel::roleNames() const
{
    return {{KindRole, "kind"}, {CountRole, "count"}, {UrgentRole, "urgent"}, {PageRole, "target"}, {DetailRole, "detail"}};
}

int TodoModel::countOf(const QString &kind) const
{
    for (const auto &i : m_items)
        if (i.kind == kind)
            return i.count;
    return 0;
}

bool TodoModel::urgentOf(const QString &kind) const
{
    for (const auto &i : m_items)
        if (i.kind == kind)
            return i.urgent && i.count > 0;
    return false;
}

} // namespace cx::app

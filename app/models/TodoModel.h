#pragma once
// TodoModel: what needs doing, for Home: one row per kind of task with how
// many there are, whether one is overdue, and the page that deals with them.
// Counted in SQL on its own read-only connection to the replica (cx::RecordQuery),
// off the GUI thread, again whenever data changes (a local edit, a sync).
//
// Kinds, in order:
//   forms_due    forms meant for this person (role, schools) that have a due
//                date or a period (definition "meta": {"due": "MM-DD" or
//                "YYYY-MM-DD", "period": "school_year" | "term" | "month"}) and
//                no submission (beyond a draft) in the current period
//   drafts       submissions still drafts
//   returned     submissions the bureau returned with a comment
//   rejected     changes the server refused (any collection)
//   conflicts    records with a conflict to settle
//   follow_ups   pupils whose latest home visit has a follow-up date today or
//                earlier and did not find the pupil back at school
//   dropouts     pupils who left school
//   inspections  inspections started and not yet saved as done (shown to
//                inspectors and the bureau)
//   assigned_inspections  the bureau's assignments naming this person
//                (sync/bureau/Assignments.h), planned or overdue; urgent when
//                overdue or due within a week (inspectors)
//   visit_target home visits still to make for this person's targets of the
//                current periods (teachers and heads); detail "done / target"
#include "models/QueryJob.h"

#include <QAbstractListModel>
#include <QDate>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace cx {
class RecordQuery;
}

namespace cx::app {

struct TodoItem {
    QString kind, page;
    int count = 0;
    bool urgent = false; // something is overdue (or due within a week)
    QString detail;      // a line under the task ("2 / 5", the next school due)
};

class TodoModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString role READ role WRITE setRole NOTIFY roleChanged)
    Q_PROPERTY(QStringList schools READ schools WRITE setSchools NOTIFY roleChanged)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY roleChanged) // whose assignments and targets
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int total READ total NOTIFY countsChanged) // tasks of every kind
public:
    enum Roles { KindRole = Qt::UserRole + 1, CountRole, UrgentRole, PageRole, DetailRole };

    explicit TodoModel(QObject *parent = nullptr);
    ~TodoModel() override;

    QString role() const { return m_role; }
    void setRole(const QString &r);
    QStringList schools() const { return m_schools; }
    void setSchools(const QStringList &s);
    QString user() const { return m_user; }
    void setUser(const QString &u);
    bool loading() const { return m_job.loading(); }
    int total() const;
    // The day tasks are counted for; today unless set (tests).
    void setToday(const QDate &d);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int countOf(const QString &kind) const;
    Q_INVOKABLE bool urgentOf(const QString &kind) const;
    Q_INVOKABLE void refresh();
    Q_INVOKABLE bool waitForLoaded(int msecs = 60000); // tests (returns as soon as loaded; long for ASan on a loaded machine)

    // The counting itself (runs on a worker thread).
    static std::vector<TodoItem> compute(cx::RecordQuery &q, const QString &role, const QStringList &schools, const QDate &today,
                                         const QString &user = {});

signals:
    void roleChanged();
    void loadingChanged();
    void countsChanged();

private:
    void show(std::vector<TodoItem> items);

    QString m_role, m_user;
    QStringList m_schools;
    QDate m_today;
    std::vector<TodoItem> m_items;
    QueryJob<std::vector<TodoItem>> m_job;
};

} // namespace cx::app

#pragma once
// AssignmentsModel: the bureau's inspection assignments page (issue 14 point
// 4): the assignments with their state (planned, done, overdue, cancelled),
// filtered by state, inspector and township, the counts, the county's
// home-visit targets with their progress, and the actions (plan, cancel, mark
// done). Reads and writes through sync/bureau/Assignments.h, the same code as
// `cunxiao-cli assignments` / `assign` and the phones' Home.
#include "models/AccountQuery.h"

#include "forms/Periods.h"

#include <QDate>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class AssignmentsModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString state READ state WRITE setState NOTIFY filterChanged) // "" = all but cancelled; open; all; a state
    Q_PROPERTY(QString inspector READ inspector WRITE setInspector NOTIFY filterChanged)
    Q_PROPERTY(QString township READ township WRITE setTownship NOTIFY filterChanged)
    // Each (snake_case keys of AssignmentRow::toJson): id, school, school_name,
    // township, inspector, form, form_title, note, due, assigned_on, state,
    // inspection, done_on, done_note, marked_by_hand, days_left
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(int planned READ planned NOTIFY changed) // counts over inspector and township
    Q_PROPERTY(int done READ done NOTIFY changed)       // (whatever the state filter)
    Q_PROPERTY(int overdue READ overdue NOTIFY changed)
    Q_PROPERTY(int cancelled READ cancelled NOTIFY changed)
    // Each (TargetRow::toJson): id, school, school_name, teacher, teacher_name, period, first, last, target, done, met, over,
    // note
    Q_PROPERTY(QVariantList targets READ targets NOTIFY changed)
    // What the form offers: inspectors (from the device list and the
    // assignments), townships, schools [{code, name, township}], forms [{id, title}].
    Q_PROPERTY(QStringList inspectors READ inspectors NOTIFY changed)
    Q_PROPERTY(QStringList townships READ townships NOTIFY changed)
    Q_PROPERTY(QVariantList schools READ schools NOTIFY changed)
    Q_PROPERTY(QVariantList forms READ forms NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    explicit AssignmentsModel(QObject *parent = nullptr);

    QString state() const { return m_state; }
    void setState(const QString &s);
    QString inspector() const { return m_inspector; }
    void setInspector(const QString &s);
    QString township() const { return m_township; }
    void setTownship(const QString &s);
    QVariantList rows() const { return m_rows; }
    int planned() const { return m_counts[0]; }
    int done() const { return m_counts[1]; }
    int overdue() const { return m_counts[2]; }
    int cancelled() const { return m_counts[3]; }
    QVariantList targets() const { return m_targets; }
    QStringList inspectors() const { return m_inspectors; }
    QStringList townships() const { return m_townships; }
    QVariantList schools() const { return m_schools; }
    QVariantList forms() const { return m_forms; }
    QString error() const { return m_error; }
    void setToday(const QDate &d); // tests; today unless set

    Q_INVOKABLE void refresh();
    // Returns the new assignment's id, or "" (error says why).
    Q_INVOKABLE QString plan(const QString &school, const QString &inspector, const QString &due, const QString &form,
                             const QString &note = {});
    Q_INVOKABLE bool cancel(const QString &id);
    // A head sets (or changes) a teacher's home-visit target; period "" = this month.
    Q_INVOKABLE bool setTarget(const QString &school, const QString &teacher, const QString &teacherName, int count,
                               const QString &period = {});
    Q_INVOKABLE bool markDone(const QString &id, const QString &note = {});
    // The open assignment (planned or overdue) of `school` among the rows
    // shown (the filters applied: on the Inspections page, this inspector's),
    // overdue or due first; {} when there is none. "+ New inspection" files
    // its report as that assignment's.
    Q_INVOKABLE QVariantMap openAssignmentAt(const QString &school) const;
    // The accounts a head can pick for a home-visit target at `school`
    // [{account, name}] (bureau::teacherChoices: those that logged its visits
    // or that its targets name).
    Q_INVOKABLE QVariantList teacherChoices(const QString &school);
    // The assignments shown (the filters applied) and the targets, as two
    // tables (TableExport's shape, headers in the app's language), for the
    // page's Excel and CSV exports.
    Q_INVOKABLE QVariantList tables() const;

signals:
    void filterChanged();
    void changed();
    void errorChanged();

private:
    void setError(const QString &e);
    // The known refusals of sync/bureau/Assignments.cpp and forms/Plans.h in
    // the person's language; anything else as it came.
    static QString localized(const std::string &what);
    cx::forms::Day todayDay() const; // m_today, or the real day
    void wrote();

    QString m_state, m_inspector, m_township, m_error;
    QDate m_today;
    QVariantList m_rows, m_targets, m_schools, m_forms;
    QStringList m_inspectors, m_townships;
    int m_counts[4] = {0, 0, 0, 0};
    AccountQuery m_query;
};

} // namespace cx::app

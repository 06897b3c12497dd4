#pragma once
// FormController: one form being filled, for FormFillPage. Wraps the forms
// engine's FormSession (sync/forms): per page the fields to render with their
// label in the chosen language, relevance, required mark, current value and
// issues (checked as the person types); saves the draft on every change and
// submits. The answers live in a "submissions" record.
#include <QObject>
#include <QStringList>

#include "protocol/Json.h"
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace cx::forms {
class FormDefinition;
class FormSession;
struct RecordSource;
}

namespace cx::app {

class FormController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString formId READ formId NOTIFY loadedChanged)
    Q_PROPERTY(QString submissionId READ submissionId NOTIFY loadedChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString error READ error NOTIFY loadedChanged)
    Q_PROPERTY(QString title READ title NOTIFY loadedChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY loadedChanged)
    Q_PROPERTY(int currentPage READ currentPage WRITE setCurrentPage NOTIFY pageChanged)
    Q_PROPERTY(bool onReview READ onReview NOTIFY pageChanged)
    Q_PROPERTY(QString pageTitle READ pageTitle NOTIFY pageChanged)
    Q_PROPERTY(QVariantList fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantList issues READ issues NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantList review READ review NOTIFY fieldsChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY fieldsChanged)
    Q_PROPERTY(QString status READ status NOTIFY fieldsChanged)
    // What the person must know before changing a submission: the bureau's
    // comment or reasons for refusing it, and answers kept from an earlier
    // version of the form that have no place in this one.
    Q_PROPERTY(QStringList notices READ notices NOTIFY loadedChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // Preview (the bureau's Forms page shows a draft as a phone would): the
    // form works as usual but nothing is ever saved or submitted.
    Q_PROPERTY(bool preview READ preview WRITE setPreview NOTIFY loadedChanged)
    // Where a new submission is filed ("" = the device's school) and the
    // inspection assignment it reports on (kept as "assignment"; the
    // assignment is done once it is submitted, sync/bureau/Assignments.h).
    // Set before open(); an opened submission brings its own.
    Q_PROPERTY(QString school READ school WRITE setSchool NOTIFY filingChanged)
    Q_PROPERTY(QString assignment READ assignment WRITE setAssignment NOTIFY filingChanged)
public:
    explicit FormController(QObject *parent = nullptr);
    ~FormController() override;

    QString formId() const { return m_formId; }
    QString school() const { return m_school; }
    void setSchool(const QString &v)
    {
        if (v != m_school) {
            m_school = v;
            emit filingChanged();
        }
    }
    QString assignment() const { return m_assignment; }
    void setAssignment(const QString &v)
    {
        if (v != m_assignment) {
            m_assignment = v;
            emit filingChanged();
        }
    }
    // Answers the fields of the form that `answers` names (others are left
    // alone: a form without them); returns how many it set.
    Q_INVOKABLE int prefill(const QVariantMap &answers);
    QString submissionId() const { return m_submissionId; }
    bool loaded() const;
    QString error() const { return m_error; }
    QString title() const;
    int pageCount() const;
    int currentPage() const { return m_page; }
    void setCurrentPage(int p);
    bool onReview() const { return m_page >= pageCount(); }
    QString pageTitle() const;
    QVariantList fields() const { return m_fields; }
    QVariantList issues() const;
    QVariantList review() const;
    bool valid() const;
    QString status() const { return m_status; }
    QStringList notices() const { return m_notices; }
    QString language() const { return m_lang; }
    void setLanguage(const QString &l);
    bool preview() const { return m_preview; }
    void setPreview(bool p)
    {
        if (p != m_preview) {
            m_preview = p;
            emit loadedChanged();
        }
    }

    // Opens a form: a new draft (submissionId empty), or an existing submission.
    Q_INVOKABLE bool open(const QString &formId, const QString &submissionId = {});
    // Opens a definition given as JSON text (tests; forms not yet synced).
    Q_INVOKABLE bool openDefinition(const QString &json);
    Q_INVOKABLE void setAnswer(const QString &field, const QVariant &value, int row = -1);
    Q_INVOKABLE QVariant answer(const QString &field, int row = -1) const;
    Q_INVOKABLE int addRow(const QString &repeat);
    Q_INVOKABLE void removeRow(const QString &repeat, int row);
    Q_INVOKABLE bool next(); // false when the page has issues (they are shown)
    Q_INVOKABLE void previous();
    Q_INVOKABLE bool saveDraft();
    Q_INVOKABLE bool submit();
    // Field descriptors of a whole page (the review page shows every page).
    Q_INVOKABLE QVariantList pageFields(int page) const;

signals:
    void loadedChanged();
    void pageChanged();
    void fieldsChanged();
    void languageChanged();
    void saved();
    void submitted();
    void filingChanged();

private:
    QVariantMap describe(int field, int row) const;
    QVariantList describeAll(const std::vector<int> &fields, int row) const;
    void refresh();
    bool persist(const QString &status);
    QString text(const void *localText) const;
    void upgradeAttachments(cx::Json &answers);

    QString m_formId, m_submissionId, m_error, m_status = QStringLiteral("draft"), m_lang = QStringLiteral("zh");
    QStringList m_notices;
    cx::Json m_orphans = cx::Json::object(); // kept with the draft, never dropped
    QString m_school, m_assignment;          // filing of a new submission
    QString m_corrects, m_bureauComment;     // set while editing a submitted one: saving makes a correction
    int m_formVersion = 0;
    bool m_preview = false;
    QTimer m_saveTimer; // the draft is saved shortly after every change, not per keystroke
    int m_page = 0;
    bool m_showAllIssues = false;
    QVariantList m_fields;
    std::unique_ptr<cx::forms::FormDefinition> m_def;
    std::unique_ptr<cx::forms::RecordSource> m_records;
    std::unique_ptr<cx::forms::FormSession> m_session;
};

} // namespace cx::app

#pragma once
// BureauFormsModel: the bureau's Forms page (docs/bureau.md "Forms"). The
// county's forms with their published version, who they reach, the draft
// waiting and which devices hold which version (cx::bureau::formsOverview);
// importing a .json or XLSForm .xlsx as a draft kept on this device
// (cx::bureau::readFormFile, keepDraft), the draft's preview (its definition
// for a FormController in preview mode, and what changes from the published
// version), and publishing it for the next sync. The same library code as
// `cunxiao-cli forms` and `publish-form`.
#include <QObject>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class BureauFormsModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // Each: id, title, version, roles, schools ([] = every school), draft ("" | draft | sending | refused),
    // refused, draftVersion, held [{version, devices, oldestSync (ms)}], notReported
    Q_PROPERTY(QVariantList forms READ forms NOTIFY changed)
    Q_PROPERTY(qint64 devicesAt READ devicesAt NOTIFY changed)   // when the device list was fetched; 0 never
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)     // the last import or publish that failed
    Q_PROPERTY(QStringList notes READ notes NOTIFY errorChanged) // what the last XLSForm import assumed
    // The draft shown in the preview: its id, definition (JSON text for
    // FormController::openDefinition), languages, and changes
    // [{name, change: added|removed|changed, what: [..]}] from the published version.
    Q_PROPERTY(QString previewId READ previewId NOTIFY previewChanged)
    Q_PROPERTY(QString previewDefinition READ previewDefinition NOTIFY previewChanged)
    Q_PROPERTY(QStringList previewLanguages READ previewLanguages NOTIFY previewChanged)
    Q_PROPERTY(QVariantList previewChanges READ previewChanges NOTIFY previewChanged)
    Q_PROPERTY(int previewPublished READ previewPublished NOTIFY previewChanged) // version it replaces; 0 none
    Q_PROPERTY(QString previewSource READ previewSource NOTIFY previewChanged)
    // "draft", "sending" (published here, not confirmed yet: no publish or
    // discard), "refused"; "" when no draft is shown.
    Q_PROPERTY(QString previewState READ previewState NOTIFY previewChanged)
public:
    explicit BureauFormsModel(QObject *parent = nullptr);

    QVariantList forms() const { return m_forms; }
    qint64 devicesAt() const { return m_devicesAt; }
    QString error() const { return m_error; }
    QStringList notes() const { return m_notes; }
    QString previewId() const { return m_previewId; }
    QString previewDefinition() const { return m_previewDefinition; }
    QStringList previewLanguages() const { return m_previewLanguages; }
    QVariantList previewChanges() const { return m_previewChanges; }
    int previewPublished() const { return m_previewPublished; }
    QString previewSource() const { return m_previewSource; }
    QString previewState() const { return m_previewState; }

    Q_INVOKABLE void refresh();
    // A .json or .xlsx becomes this device's draft of its form and is shown in
    // the preview; false (error set, nothing kept) when it cannot be read.
    Q_INVOKABLE bool importFile(const QUrl &file);
    Q_INVOKABLE bool importPath(const QString &path);
    Q_INVOKABLE void showDraft(const QString &formId);
    // Draft -> published, sent at the next sync; false (error set, draft kept) if refused here.
    Q_INVOKABLE bool publish(const QString &formId);
    // False (error set, the draft kept) while its publish waits to be sent.
    Q_INVOKABLE bool discardDraft(const QString &formId);

signals:
    void changed();
    void errorChanged();
    void previewChanged();

private:
    void setError(const QString &e, const QStringList &notes = {});
    // A refusal from cx::bureau (FormDraftError) in the app's language; others as they are.
    static QString messageOf(const std::exception &e);
    // A server's or settleDrafts' reason for a refused publish, in the app's language when known.
    static QString refusalOf(const QString &reason);

    QVariantList m_forms;
    qint64 m_devicesAt = 0;
    QString m_error;
    QStringList m_notes;
    QString m_previewId, m_previewDefinition, m_previewSource, m_previewState;
    QStringList m_previewLanguages;
    QVariantList m_previewChanges;
    int m_previewPublished = 0;
};

} // namespace cx::app

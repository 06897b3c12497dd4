#include "models/BureauFormsModel.h"

#include "bureau/FormDrafts.h"
#include "bureau/FormsOverview.h"
#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "forms/Publication.h"
#include "protocol/Version.h"

#include <QRegularExpression>

#include <set>

namespace cx::app {

namespace {
// The languages a definition's title and labels are written in, Chinese first.
QStringList languagesOf(const cx::Json &def)
{
    std::set<std::string> found;
    std::function<void(const cx::Json &)> walk = [&](const cx::Json &j) {
        if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                if ((it.key() == "label" || it.key() == "title") && it->is_object())
                    for (auto l = it->begin(); l != it->end(); ++l)
                        found.insert(l.key());
                walk(*it);
            }
        } else if (j.is_array()) {
            for (const auto &v : j)
                walk(v);
        }
    };
    walk(def);
    QStringList out;
    for (const char *first : {"zh", "en"})
        if (found.erase(first))
            out << QString::fromLatin1(first);
    for (const auto &l : found)
        out << qstr(l);
    return out;
}
} // namespace

BureauFormsModel::BureauFormsModel(QObject *parent) : QObject(parent)
{
    if (auto *ctx = AppContext::ensure())
        connect(ctx, &AppContext::dataChanged, this, &BureauFormsModel::refresh);
    QMetaObject::invokeMethod(this, &BureauFormsModel::refresh, Qt::QueuedConnection);
}

QString BureauFormsModel::messageOf(const std::exception &e)
{
    using Why = cx::bureau::FormDraftError::Why;
    const auto *fe = dynamic_cast<const cx::bureau::FormDraftError *>(&e);
    if (!fe)
        return qstr(e.what());
    const QString subject = qstr(fe->subject());
    switch (fe->why()) {
    case Why::OldXls:
        //: Forms page: an old Excel file was chosen. %1 the file's name.
        return tr("%1 is an old Excel 97-2003 (.xls) file: save it as .xlsx in Excel and import that").arg(subject);
    case Why::NotAForm:
        //: Forms page: a file that is not a form. %1 the file's name.
        return tr("%1: only a form definition (.json) or an XLSForm workbook (.xlsx) can be imported").arg(subject);
    case Why::NoDraft:
        //: Forms page: no draft of that form on this device. %1 the form id.
        return tr("There is no draft of form %1 on this device: import one first").arg(subject);
    case Why::Sending:
        //: Forms page: a published version has not been sent yet. %1 version, %2 form id.
        return tr("Version %1 of %2 is waiting to be sent: sync first").arg(fe->version()).arg(subject);
    case Why::Unchanged:
        //: Forms page: the draft is the same as the published form. %1 form id, %2 version.
        return tr("The draft of %1 is the same as the published version %2: nothing to publish").arg(subject).arg(fe->version());
    }
    return qstr(e.what());
}

QString BureauFormsModel::refusalOf(const QString &reason)
{
    static const QRegularExpression superseded(QStringLiteral("^superseded by v(\\d+)$"));
    static const QRegularExpression since(QStringLiteral("^the bureau has published version (\\d+) of form \\S+ since"));
    if (auto m = superseded.match(reason); m.hasMatch())
        //: Forms page: a publish that did not stand (another version is current). %1 version.
        return tr("superseded by v%1").arg(m.captured(1));
    if (auto m = since.match(reason); m.hasMatch())
        //: Forms page: the server refused a publish made before syncing. %1 the version published since.
        return tr("the bureau has published version %1 since; sync and publish again").arg(m.captured(1));
    return reason;
}

void BureauFormsModel::setError(const QString &e, const QStringList &notes)
{
    m_error = e;
    m_notes = notes;
    emit errorChanged();
}

void BureauFormsModel::refresh()
{
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    m_forms.clear();
    m_devicesAt = 0;
    if (engine) {
        try {
            cx::bureau::settleDrafts(*engine); // a sync may have confirmed or refused a publish
            const auto [list, at] = engine->devices();
            m_devicesAt = at;
            for (const auto &f : cx::bureau::formsOverview(*engine, list)) {
                QVariantList held;
                for (const auto &h : f.held)
                    held.push_back(QVariantMap{{QStringLiteral("version"), qlonglong(h.version)},
                                               {QStringLiteral("devices"), h.devices},
                                               {QStringLiteral("oldestSync"), qlonglong(h.oldestSyncMs)}});
                QStringList roles, schools;
                for (const auto &r : f.roles)
                    roles << qstr(r);
                for (const auto &s : f.schools)
                    schools << qstr(s);
                const bool zh = QLocale().language() != QLocale::English;
                m_forms.push_back(QVariantMap{{QStringLiteral("id"), qstr(f.id)},
                                              {QStringLiteral("title"), qstr(zh ? f.titleZh : f.titleEn)},
                                              {QStringLiteral("version"), qlonglong(f.version)},
                                              {QStringLiteral("roles"), roles},
                                              {QStringLiteral("schools"), schools},
                                              {QStringLiteral("draft"), qstr(f.draft)},
                                              {QStringLiteral("refused"), refusalOf(qstr(f.refused))},
                                              {QStringLiteral("draftVersion"), qlonglong(f.draftVersion)},
                                              {QStringLiteral("held"), held},
                                              {QStringLiteral("notReported"), f.notReported}});
            }
        } catch (const std::exception &e) {
            setError(qstr(e.what()));
        }
    }
    emit changed();
    if (m_previewId.isEmpty()) { // the first draft waiting is shown without a click
        for (const auto &f : m_forms)
            if (f.toMap().value(QStringLiteral("draft")).toString() == QLatin1String("draft")) {
                m_previewId = f.toMap().value(QStringLiteral("id")).toString();
                break;
            }
    }
    showDraft(m_previewId);
}

bool BureauFormsModel::importFile(const QUrl &file)
{
    return importPath(file.isLocalFile() ? file.toLocalFile() : file.toString());
}

bool BureauFormsModel::importPath(const QString &path)
{
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    if (!engine) {
        //: Forms page: importing needs the account's data to be open.
        setError(tr("Sign in first: the draft is kept with the account's data."));
        return false;
    }
    try {
        const auto form = cx::bureau::readFormFile(path.toStdString());
        const auto draft = cx::bureau::keepDraft(*engine, form, path.toStdString(), cx::wallClockMs());
        QStringList notes;
        for (const auto &n : form.notes)
            notes << qstr(n);
        setError({}, notes);
        m_previewId = qstr(draft.formId);
    } catch (const std::exception &e) {
        setError(messageOf(e)); // names the sheet, row and column, or the place in the JSON
        return false;
    }
    refresh();
    return true;
}

void BureauFormsModel::showDraft(const QString &formIdIn)
{
    const QString formId = formIdIn; // may be m_previewId itself, cleared below
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    m_previewId.clear();
    m_previewDefinition.clear();
    m_previewLanguages.clear();
    m_previewChanges.clear();
    m_previewPublished = 0;
    m_previewSource.clear();
    m_previewState.clear();
    if (engine) {
        if (auto d = cx::bureau::formDraft(*engine, formId.toStdString())) {
            m_previewId = formId;
            const auto published = cx::bureau::publishedForm(*engine, d->formId);
            m_previewPublished = published ? int(cx::forms::publishedVersion(*published)) : 0;
            cx::Json def = d->definition;
            def["version"] = m_previewPublished + 1; // as it will be published
            m_previewDefinition = qstr(def.dump());
            m_previewLanguages = languagesOf(def);
            m_previewSource = qstr(d->source);
            m_previewState = qstr(cx::bureau::draftState(*engine, *d));
            for (const auto &c :
                 cx::bureau::diffDefinitions(published ? (*published)["definition"] : cx::Json::object(), d->definition)) {
                QStringList what;
                for (const auto &w : c.what)
                    what << qstr(w);
                m_previewChanges.push_back(QVariantMap{{QStringLiteral("name"), qstr(c.name)},
                                                       {QStringLiteral("change"), qstr(c.change)},
                                                       {QStringLiteral("what"), what}});
            }
        }
    }
    emit previewChanged();
}

bool BureauFormsModel::publish(const QString &formId)
{
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    if (!engine)
        return false;
    try {
        cx::bureau::publishDraft(*engine, formId.toStdString());
    } catch (const std::exception &e) {
        setError(messageOf(e));
        return false;
    }
    setError({});
    emit ctx->dataChanged(QStringLiteral("forms"));
    emit ctx->localChange(); // goes out with the next sync
    return true;
}

bool BureauFormsModel::discardDraft(const QString &formId)
{
    auto *ctx = AppContext::instance();
    if (!ctx || !ctx->engine())
        return false;
    try {
        cx::bureau::dropDraft(*ctx->engine(), formId.toStdString());
    } catch (const std::exception &e) {
        setError(messageOf(e));
        return false;
    }
    if (m_previewId == formId)
        m_previewId.clear();
    refresh();
    return true;
}

} // namespace cx::app

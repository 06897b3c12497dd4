#include "forms/FormController.h"

#include "core/AppContext.h"
#include "core/AppSettings.h"
#include "core/JsonVariant.h"
#include "forms/Forms.h"
#include "media/MediaStore.h"

#include <QDateTime>

namespace cx::app {

using namespace cx::forms;

FormController::FormController(QObject *parent) : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    // Saved as soon as the event loop is free again: a killed process loses at
    // most the keystroke in progress (unsent edits fold into one change).
    m_saveTimer.setInterval(0);
    connect(&m_saveTimer, &QTimer::timeout, this, &FormController::saveDraft);
    if (auto *s = AppSettings::instance()) {
        m_lang = s->formLanguage();
        connect(s, &AppSettings::languageChanged, this, [this, s] { setLanguage(s->formLanguage()); });
    }
}

FormController::~FormController()
{
    if (m_saveTimer.isActive())
        saveDraft();
}

bool FormController::loaded() const { return bool(m_session); }

QString FormController::text(const void *lt) const { return qstr(static_cast<const LocalText *>(lt)->get(str(m_lang))); }

QString FormController::title() const { return m_def ? text(&m_def->title()) : QString(); }
int FormController::pageCount() const { return m_def ? int(m_def->pages().size()) : 0; }

QString FormController::pageTitle() const
{
    if (!m_def)
        return {};
    if (onReview())
        //: Form filling: title of the last page, where the person checks everything before submitting.
        return tr("Review");
    return text(&m_def->pages()[size_t(m_page)].title);
}

void FormController::setLanguage(const QString &l)
{
    if (l == m_lang)
        return;
    m_lang = l;
    emit languageChanged();
    emit loadedChanged();
    emit pageChanged();
    refresh();
}

void FormController::setCurrentPage(int p)
{
    p = qBound(0, p, pageCount());
    if (p == m_page)
        return;
    m_page = p;
    emit pageChanged();
    refresh();
}

bool FormController::open(const QString &formId, const QString &submissionId)
{
    auto *ctx = AppContext::ensure();
    m_error.clear();
    cx::Json answers = cx::Json::object();
    int64_t answeredVersion = 0;
    m_notices.clear();
    m_orphans = cx::Json::object();
    m_corrects.clear();
    m_bureauComment.clear();
    if (!submissionId.isEmpty() && ctx->engine()) {
        auto sub = ctx->engine()->get("submissions", str(submissionId));
        if (sub) {
            answers = sub->fields.value("answers", cx::Json::object());
            m_status = qstr(sub->fields.value("status", std::string("draft")));
            answeredVersion = sub->fields.value("form_version", int64_t(0));
            m_orphans = sub->fields.value("orphans", cx::Json::object());
            m_bureauComment = qstr(sub->fields.value("comment", std::string()));
            setSchool(qstr(sub->school)); // a correction is filed beside it
            if (const std::string a = sub->fields.value("assignment", std::string()); !a.empty())
                setAssignment(qstr(a));
            if (m_status == QLatin1String("returned") && !m_bureauComment.isEmpty())
                //: Form filling: the bureau sent this submission back. %1 is the bureau's comment.
                m_notices << tr("The bureau returned this: %1").arg(m_bureauComment);
            if (sub->state == cx::SyncState::Rejected) {
                //: Form filling: the bureau's server refused this submission. %1 is its reason.
                m_notices << tr("The bureau refused this submission: %1").arg(qstr(sub->rejectReason));
                for (auto it = sub->rejectFields.begin(); it != sub->rejectFields.end(); ++it)
                    m_notices << qstr(it.key()) + QStringLiteral(": ") +
                                     qstr(it->is_string() ? it->get<std::string>() : it->dump());
            }
            // A submitted return never changes: saving it makes a correction.
            if (m_status == QLatin1String("submitted") || m_status == QLatin1String("returned") ||
                m_status == QLatin1String("accepted"))
                m_corrects = submissionId;
        }
    }
    cx::Json def;
    if (ctx->engine()) {
        if (auto f = ctx->engine()->get("forms", str(formId)))
            def = f->fields.value("definition", cx::Json());
    }
    if (def.is_null()) {
        //: Form filling: the form's definition is not on this phone yet.
        m_error = tr("This form is not on this phone yet. Sync, then try again.");
        m_session.reset();
        emit loadedChanged();
        return false;
    }
    if (!openDefinition(QString::fromStdString(def.dump())))
        return false;
    m_submissionId = submissionId;
    if (!submissionId.isEmpty()) {
        if (answeredVersion != 0 && answeredVersion != m_def->version()) {
            // Started on another version: carry answers over by field name; what
            // has no place any more is kept with the draft and shown.
            cx::forms::MigrationResult moved = cx::forms::migrateAnswers(answers, *m_def, m_orphans);
            answers = moved.answers;
            m_orphans = moved.orphans;
        }
        if (m_corrects.isEmpty())
            upgradeAttachments(answers);
        for (auto it = m_orphans.begin(); it != m_orphans.end(); ++it)
            //: Form filling: an answer typed on an earlier version of the form, which this version no longer asks. %1 field, %2
            //: answer.
            m_notices << tr("Kept from the earlier version of this form: %1 = %2").arg(qstr(it.key()), qstr(it->dump()));
        m_session = std::make_unique<FormSession>(*m_def, answers, SessionOptions{m_records.get(), {}});
        m_showAllIssues = false;
    }
    emit loadedChanged();
    refresh();
    return true;
}

void FormController::upgradeAttachments(cx::Json &answers)
{
    // A draft from before photos went through the sync engine names files in
    // the account's media folder: give them to the engine now, so they reach
    // the bureau, and answer with its reference. Rows of repeats too.
    auto *media = MediaStore::create(nullptr, nullptr);
    auto upgrade = [&](const cx::Json &v) {
        const QVariant ref = media->reference(qstr(v.get<std::string>()));
        return ref.typeId() == QMetaType::QVariantMap ? toJson(ref) : v;
    };
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const Field *f = m_def->find(it.key());
        if (!f)
            continue;
        cx::Json &v = it.value();
        if ((f->type == FieldType::Photo || f->type == FieldType::Signature) && v.is_string()) {
            v = upgrade(v);
        } else if (f->type == FieldType::Photo && v.is_array()) {
            for (auto &e : v)
                if (e.is_string())
                    e = upgrade(e);
        } else if (f->type == FieldType::Repeat && v.is_array()) {
            for (auto &row : v)
                if (row.is_object())
                    upgradeAttachments(row);
        }
    }
}

bool FormController::openDefinition(const QString &json)
{
    try {
        m_def = std::make_unique<FormDefinition>(FormDefinition::parseText(json.toStdString()));
    } catch (const std::exception &e) {
        //: Form filling: the form could not be read. %1 lists the problems.
        m_error = tr("The form could not be opened: %1").arg(QString::fromStdString(e.what()));
        m_session.reset();
        emit loadedChanged();
        return false;
    }
    m_formId = qstr(m_def->id());
    m_formVersion = m_def->version();
    m_records = std::make_unique<RecordSource>();
    m_records->list = [](const std::string &collection) {
        std::vector<cx::Json> out;
        auto *ctx = AppContext::instance();
        if (ctx && ctx->engine()) {
            for (auto &r : ctx->engine()->list(collection)) {
                cx::Json j = r.fields;
                j["id"] = r.id;
                out.push_back(std::move(j));
            }
        }
        return out;
    };
    m_records->find = [](const std::string &collection, const std::string &key,
                         const std::string &value) -> std::optional<cx::Json> {
        auto *ctx = AppContext::instance();
        if (!ctx || !ctx->engine())
            return std::nullopt;
        if (key == "id") {
            if (auto r = ctx->engine()->get(collection, value)) {
                cx::Json j = r->fields;
                j["id"] = r->id;
                return j;
            }
            return std::nullopt;
        }
        for (auto &r : ctx->engine()->list(collection))
            if (r.fields.contains(key) && r.fields[key].is_string() && r.fields[key].get<std::string>() == value) {
                cx::Json j = r.fields;
                j["id"] = r.id;
                return j;
            }
        return std::nullopt;
    };
    m_session = std::make_unique<FormSession>(FormSession::newDraft(*m_def, SessionOptions{m_records.get(), {}}));
    m_submissionId.clear();
    m_status = QStringLiteral("draft");
    m_page = 0;
    m_showAllIssues = false;
    emit loadedChanged();
    emit pageChanged();
    refresh();
    return true;
}

QVariantMap FormController::describe(int index, int row) const
{
    const Field &f = m_def->field(index);
    const std::string &n = f.name;
    QVariantMap m;
    m.insert(QStringLiteral("name"), qstr(n));
    m.insert(QStringLiteral("type"), QString::fromLatin1(fieldTypeName(f.type)));
    m.insert(QStringLiteral("label"), text(&f.label));
    m.insert(QStringLiteral("hint"), text(&f.hint));
    m.insert(QStringLiteral("appearance"), qstr(f.appearance));
    m.insert(QStringLiteral("row"), row);
    m.insert(QStringLiteral("multiple"), f.multiple);
    const bool relevant = m_session->isRelevant(n, row);
    m.insert(QStringLiteral("relevant"), relevant);
    m.insert(QStringLiteral("required"), relevant && m_session->isRequired(n, row));
    m.insert(QStringLiteral("readonly"), m_session->isReadonly(n, row));
    if (f.hasValue() && f.type != FieldType::Repeat) {
        cx::Json raw;
        const cx::Json &a = m_session->answers();
        if (row < 0)
            raw = a.value(n, cx::Json());
        else if (f.repeat >= 0) {
            const std::string &rep = m_def->field(f.repeat).name;
            if (a.contains(rep) && a[rep].is_array() && size_t(row) < a[rep].size())
                raw = a[rep][size_t(row)].value(n, cx::Json());
        }
        m.insert(QStringLiteral("value"), toVariant(raw));
    }
    if (f.isSelect()) {
        QVariantList opts;
        for (const auto &o : m_session->options(n, row)) {
            QString label = text(&o.label);
            opts.append(QVariantMap{{QStringLiteral("value"), qstr(o.value)},
                                    {QStringLiteral("label"), label.isEmpty() ? qstr(o.value) : label}});
        }
        m.insert(QStringLiteral("options"), opts);
    }
    QStringList errs;
    for (const auto &i : m_session->issues(n, row)) {
        // "required" is only shown after the person tried to move on; everything else as they type.
        if (i.code == "required" && !m_showAllIssues)
            continue;
        const std::string msg =
            i.text.empty() ? (m_lang == QLatin1String("en") ? i.messageEn : i.message) : i.text.get(str(m_lang));
        errs << qstr(msg);
    }
    m.insert(QStringLiteral("error"), errs.join(QLatin1Char('\n')));
    if (f.type == FieldType::Group)
        m.insert(QStringLiteral("children"), describeAll(f.children, row));
    if (f.type == FieldType::Repeat) {
        QVariantList rows;
        const int nrows = m_session->rowCount(n);
        for (int r = 0; r < nrows; ++r)
            rows.append(QVariant(describeAll(f.children, r)));
        m.insert(QStringLiteral("rows"), rows);
        m.insert(QStringLiteral("minRows"), f.minRows);
        m.insert(QStringLiteral("maxRows"), f.maxRows);
    }
    return m;
}

QVariantList FormController::describeAll(const std::vector<int> &fields, int row) const
{
    QVariantList out;
    for (int i : fields)
        out.append(describe(i, row));
    return out;
}

QVariantList FormController::pageFields(int page) const
{
    if (!m_session || page < 0 || page >= pageCount())
        return {};
    return describeAll(m_def->pages()[size_t(page)].fields, -1);
}

void FormController::refresh()
{
    m_fields = m_session && !onReview() ? pageFields(m_page) : QVariantList{};
    emit fieldsChanged();
}

QVariantList FormController::issues() const
{
    QVariantList out;
    if (!m_session)
        return out;
    for (const auto &i : m_session->issues()) {
        const Field *f = m_def->find(i.name);
        out.append(QVariantMap{{QStringLiteral("field"), qstr(i.field)},
                               {QStringLiteral("label"), f ? text(&f->label) : qstr(i.name)},
                               {QStringLiteral("page"), f ? f->page : 0},
                               {QStringLiteral("message"), qstr(m_lang == QLatin1String("en") ? i.messageEn : i.message)}});
    }
    return out;
}

QVariantList FormController::review() const
{
    QVariantList out;
    if (!m_session)
        return out;
    for (int p = 0; p < pageCount(); ++p)
        out.append(QVariantMap{{QStringLiteral("title"), text(&m_def->pages()[size_t(p)].title)},
                               {QStringLiteral("fields"), pageFields(p)}});
    return out;
}

bool FormController::valid() const { return m_session && m_session->isValid(); }

void FormController::setAnswer(const QString &field, const QVariant &value, int row)
{
    if (!m_session)
        return;
    try {
        cx::Json j = toJson(value);
        if (j.is_string() && j.get<std::string>().empty())
            j = nullptr;
        m_session->setAnswer(str(field), j, row);
    } catch (const std::exception &e) {
        m_error = QString::fromStdString(e.what());
    }
    m_saveTimer.start();
    refresh();
}

int FormController::prefill(const QVariantMap &answers)
{
    if (!m_session || !m_def)
        return 0;
    int n = 0;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const Field *f = m_def->find(str(it.key()));
        if (!f || f->repeat >= 0)
            continue;
        setAnswer(it.key(), it.value());
        ++n;
    }
    return n;
}

QVariant FormController::answer(const QString &field, int row) const
{
    if (!m_session)
        return {};
    const cx::Json &a = m_session->answers();
    if (row < 0)
        return toVariant(a.value(str(field), cx::Json()));
    const Field *f = m_def->find(str(field));
    if (!f || f->repeat < 0)
        return {};
    const std::string &rep = m_def->field(f->repeat).name;
    if (!a.contains(rep) || size_t(row) >= a[rep].size())
        return {};
    return toVariant(a[rep][size_t(row)].value(str(field), cx::Json()));
}

int FormController::addRow(const QString &repeat)
{
    if (!m_session)
        return -1;
    int r = -1;
    try {
        r = m_session->addRow(str(repeat));
    } catch (const std::exception &e) {
        m_error = QString::fromStdString(e.what());
    }
    persist(QStringLiteral("draft"));
    refresh();
    return r;
}

void FormController::removeRow(const QString &repeat, int row)
{
    if (!m_session)
        return;
    try {
        m_session->removeRow(str(repeat), row);
    } catch (const std::exception &e) {
        m_error = QString::fromStdString(e.what());
    }
    persist(QStringLiteral("draft"));
    refresh();
}

bool FormController::next()
{
    if (!m_session || onReview())
        return false;
    // A page with problems keeps the person on it and shows every problem.
    bool ok = true;
    for (const auto &i : m_session->issues()) {
        const Field *f = m_def->find(i.name);
        if (f && f->page == m_page)
            ok = false;
    }
    if (!ok) {
        m_showAllIssues = true;
        refresh();
        return false;
    }
    setCurrentPage(m_page + 1);
    return true;
}

void FormController::previous()
{
    if (m_page > 0)
        setCurrentPage(m_page - 1);
}

bool FormController::persist(const QString &status)
{
    auto *ctx = AppContext::ensure();
    if (m_preview || !ctx->engine() || !m_session)
        return false; // a preview never saves
    QVariantMap fields{{QStringLiteral("form"), m_formId},
                       {QStringLiteral("form_version"), m_formVersion},
                       {QStringLiteral("answers"),
                        toVariant(status == QLatin1String("submitted") ? m_session->submission() : m_session->answers())},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("updated_at"), QDateTime::currentDateTime().toString(Qt::ISODate)}};
    if (!m_orphans.empty())
        fields.insert(QStringLiteral("orphans"), toVariant(m_orphans));
    if (!m_assignment.isEmpty())
        fields.insert(QStringLiteral("assignment"), m_assignment);
    QString target = m_submissionId;
    if (!m_corrects.isEmpty() && m_submissionId == m_corrects) {
        target.clear(); // a new submission that names the one it corrects
        fields.insert(QStringLiteral("corrects"), m_corrects);
        fields.insert(QStringLiteral("reason"),
                      m_bureauComment.isEmpty()
                          //: Reason stored with a correction of a submitted form.
                          ? tr("Correction of an earlier submission")
                          //: Reason stored with a correction the bureau asked for. %1 is the bureau's comment.
                          : tr("Corrected after the bureau returned it: %1").arg(m_bureauComment));
    }
    QString err;
    const QString id = ctx->put(QStringLiteral("submissions"), target, fields, &err, m_school);
    if (id.isEmpty()) {
        m_error = err;
        return false;
    }
    const bool idChanged = id != m_submissionId;
    m_submissionId = id;
    m_status = status;
    if (status == QLatin1String("submitted"))
        m_corrects = id; // from now on a change is a correction
    if (idChanged)
        emit loadedChanged();
    emit saved();
    return true;
}

bool FormController::saveDraft()
{
    m_saveTimer.stop();
    return persist(QStringLiteral("draft"));
}

bool FormController::submit()
{
    m_saveTimer.stop();
    if (!m_session)
        return false;
    m_showAllIssues = true;
    if (!m_session->isValid()) {
        refresh();
        return false;
    }
    if (!persist(QStringLiteral("submitted")))
        return false;
    refresh();
    emit submitted();
    return true;
}

} // namespace cx::app

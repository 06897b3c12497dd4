#include "models/ReviewQueueModel.h"

#include "bureau/ReviewQueue.h"
#include "core/AppContext.h"
#include "core/AppSettings.h"
#include "core/JsonVariant.h"

#include <ranges>

#include <set>

namespace cx::app {

struct ReviewQueueModel::Result {
    std::vector<cx::bureau::ReviewItem> items;
    std::set<std::string> townships, periods;
    std::vector<std::pair<std::string, std::string>> forms; // id, title
    QString error;
};

namespace {
bool english() { return AppSettings::instance() && AppSettings::instance()->formLanguage() == QLatin1String("en"); }
} // namespace

ReviewQueueModel::ReviewQueueModel(QObject *parent)
    : QObject(parent),
      m_job(
          this, {QStringLiteral("submissions"), QStringLiteral("schools"), QStringLiteral("forms")}, [this] { refresh(); },
          [this](const std::shared_ptr<Result> &r) { show(r); }, [this] { emit loadingChanged(); })
{}

ReviewQueueModel::~ReviewQueueModel() = default;

#define CX_FILTER_SETTER(setter, member)                                                                                         \
    void ReviewQueueModel::setter(const QString &v)                                                                              \
    {                                                                                                                            \
        if (v == (member))                                                                                                       \
            return;                                                                                                              \
        (member) = v;                                                                                                            \
        emit filterChanged();                                                                                                    \
        refresh();                                                                                                               \
    }
CX_FILTER_SETTER(setForm, m_form)
CX_FILTER_SETTER(setPeriod, m_period)
CX_FILTER_SETTER(setTownship, m_township)
CX_FILTER_SETTER(setStatus, m_status)
#undef CX_FILTER_SETTER

void ReviewQueueModel::refresh()
{
    cx::bureau::ReviewFilter f;
    f.form = str(m_form);
    f.period = str(m_period);
    f.township = str(m_township);
    f.status = m_status.isEmpty() ? "submitted" : str(m_status);
    const bool en = english();
    m_job.run([f, en](cx::RecordQuery &query) {
        auto r = std::make_shared<Result>();
        try {
            r->items = cx::bureau::reviewQueue(query, f);
            // The filters' choices come from every return, not only the shown ones.
            cx::bureau::ReviewFilter everything;
            everything.status = "all";
            everything.form = f.form;
            for (const auto &i : cx::bureau::reviewQueue(query, everything)) {
                r->townships.insert(i.school.township);
                r->periods.insert(i.ret.period);
            }
            for (const auto &form : cx::bureau::formsOf(query))
                if (cx::bureau::textOf(form.definition.value("meta", cx::Json::object()), "workflow") == "review")
                    r->forms.emplace_back(form.id, en ? form.titleEn : form.titleZh);
        } catch (const std::exception &e) {
            r->error = QString::fromUtf8(e.what());
        }
        return r;
    });
}

QVariantMap ReviewQueueModel::toMap(const cx::bureau::ReviewItem &i) const
{
    const bool en = english();
    return {{QStringLiteral("id"), qstr(i.ret.record.id)},
            {QStringLiteral("school"), qstr(i.school.name)},
            {QStringLiteral("schoolCode"), qstr(i.school.code)},
            {QStringLiteral("township"), qstr(i.school.township)},
            {QStringLiteral("head"), qstr(i.school.head)},
            {QStringLiteral("phone"), qstr(i.school.phone)},
            {QStringLiteral("form"), qstr(cx::bureau::textOf(i.ret.record.fields, "form"))},
            {QStringLiteral("formTitle"), qstr(en ? i.formTitleEn : i.formTitle)},
            {QStringLiteral("period"), qstr(i.ret.period)},
            {QStringLiteral("status"), qstr(i.ret.status)},
            {QStringLiteral("sentOn"), i.ret.sentOn ? qstr(cx::bureau::formatDay(*i.ret.sentOn)) : QString()},
            {QStringLiteral("comment"), qstr(cx::bureau::textOf(i.ret.record.fields, "comment"))},
            {QStringLiteral("flags"), int(i.checks.size())},
            {QStringLiteral("correction"), !i.history.empty()}};
}

void ReviewQueueModel::show(const std::shared_ptr<Result> &r)
{
    m_items.clear();
    for (const auto &i : r->items)
        m_items.push_back(toMap(i));
    m_townships.clear();
    for (const auto &t : r->townships)
        if (!t.empty())
            m_townships << qstr(t);
    m_periods.clear();
    for (const auto &p : std::views::reverse(r->periods)) // newest first
        if (!p.empty())
            m_periods << qstr(p);
    m_forms.clear();
    for (const auto &[id, title] : r->forms)
        m_forms.push_back(QVariantMap{{QStringLiteral("id"), qstr(id)}, {QStringLiteral("title"), qstr(title)}});
    setError(r->error);
    emit itemsChanged();
}

QVariantMap ReviewQueueModel::detail(const QString &id)
{
    auto query = m_job.query();
    if (!query)
        return {};
    std::optional<cx::bureau::ReviewItem> item;
    try {
        item = cx::bureau::reviewItem(*query, str(id));
    } catch (const std::exception &e) {
        setError(QString::fromUtf8(e.what()));
    }
    if (!item)
        return {};
    const bool en = english();
    QVariantMap m = toMap(*item);
    QVariantList fields, checks, history;
    for (const auto &f : item->fields)
        fields.push_back(QVariantMap{{QStringLiteral("name"), qstr(f.name)},
                                     {QStringLiteral("label"), qstr(en ? f.labelEn : f.labelZh)},
                                     {QStringLiteral("value"), qstr(f.value)},
                                     {QStringLiteral("previous"), qstr(f.previous)},
                                     {QStringLiteral("flagged"), f.flagged}});
    for (const auto &c : item->checks)
        checks.push_back(qstr(en ? c.messageEn : c.message));
    for (const auto &h : item->history) {
        auto earlier = query->get("submissions", h);
        QVariantMap e{{QStringLiteral("id"), qstr(h)}};
        if (earlier) {
            e.insert(QStringLiteral("status"), qstr(cx::bureau::textOf(earlier->fields, "status")));
            e.insert(QStringLiteral("sentOn"), qstr(cx::bureau::textOf(earlier->fields, "updated_at")).left(10));
            e.insert(QStringLiteral("comment"), qstr(cx::bureau::textOf(earlier->fields, "comment")));
        }
        history.push_back(e);
    }
    m.insert(QStringLiteral("fields"), fields);
    m.insert(QStringLiteral("checks"), checks);
    m.insert(QStringLiteral("history"), history);
    m.insert(QStringLiteral("previousPeriod"), item->previous ? qstr(item->previous->period) : QString());
    m.insert(QStringLiteral("reason"), qstr(cx::bureau::textOf(item->ret.record.fields, "reason")));
    return m;
}

bool ReviewQueueModel::accept(const QStringList &ids)
{
    auto *ctx = AppContext::ensure();
    if (!ctx || !ctx->engine())
        return false;
    QStringList failed;
    for (const QString &id : ids) {
        try {
            cx::bureau::acceptReturn(*ctx->engine(), str(id));
        } catch (const std::exception &e) {
            failed << QString::fromUtf8(e.what());
        }
    }
    emit ctx->dataChanged(QStringLiteral("submissions"));
    emit ctx->localChange();
    setError(failed.join(QLatin1Char('\n')));
    return failed.isEmpty();
}

bool ReviewQueueModel::sendBack(const QString &id, const QString &comment)
{
    auto *ctx = AppContext::ensure();
    if (!ctx || !ctx->engine())
        return false;
    try {
        cx::bureau::sendBack(*ctx->engine(), str(id), str(comment));
    } catch (const std::exception &e) {
        setError(QString::fromUtf8(e.what()));
        return false;
    }
    setError({});
    emit ctx->dataChanged(QStringLiteral("submissions"));
    emit ctx->localChange();
    return true;
}

void ReviewQueueModel::setError(const QString &e)
{
    if (e == m_error)
        return;
    m_error = e;
    emit errorChanged();
}

bool ReviewQueueModel::waitForLoaded(int msecs) { return m_job.waitForLoaded(msecs); }

QVariantList ReviewQueueModel::tables()
{
    auto statusText = [](const QString &s) {
        //: Review export: the return waits for review.
        if (s == QLatin1String("submitted"))
            return tr("Waiting for review");
        //: Review export: accepted.
        if (s == QLatin1String("accepted"))
            return tr("Accepted");
        //: Review export: sent back to the school.
        if (s == QLatin1String("returned"))
            return tr("Returned");
        return s;
    };
    //: Review export: column headers.
    QVariantList rows{QVariantList{tr("School code"), tr("School"), tr("Township"), tr("Form"), tr("Period"), tr("State"),
                                   tr("Sent on"), tr("Checks"), tr("Comment")}};
    for (const QVariant &v : m_items) {
        const QVariantMap m = v.toMap();
        QStringList checks;
        if (m[QStringLiteral("flags")].toInt() > 0)
            checks = detail(m[QStringLiteral("id")].toString())[QStringLiteral("checks")].toStringList();
        rows.push_back(QVariantList{m[QStringLiteral("schoolCode")], m[QStringLiteral("school")], m[QStringLiteral("township")],
                                    m[QStringLiteral("formTitle")], m[QStringLiteral("period")],
                                    statusText(m[QStringLiteral("status")].toString()), m[QStringLiteral("sentOn")],
                                    checks.join(QStringLiteral("; ")), m[QStringLiteral("comment")]});
    }
    //: Review export: the sheet's name.
    return {QVariantMap{{QStringLiteral("name"), tr("Returns")}, {QStringLiteral("rows"), rows}}};
}

} // namespace cx::app

#include "models/RecordListModel.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"

#include <QCollator>
#include <QCoreApplication>
#include <QSet>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace cx::app {

RecordListModel::RecordListModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, &RecordListModel::onLoaded);
    connect(&m_filterWatcher, &QFutureWatcherBase::finished, this, &RecordListModel::onFiltered);
    if (auto *ctx = AppContext::ensure()) {
        connect(ctx, &AppContext::dataChanged, this, [this](const QString &c) {
            if (c.isEmpty() || c == m_collection)
                reload();
        });
    }
}

RecordListModel::~RecordListModel()
{
    m_loadWatcher.waitForFinished();
    m_filterWatcher.waitForFinished();
}

void RecordListModel::setCollection(const QString &c)
{
    if (c == m_collection)
        return;
    m_collection = c;
    emit collectionChanged();
    reload();
}

void RecordListModel::setSearch(const QString &s)
{
    if (s == m_search)
        return;
    m_search = s;
    emit searchChanged();
    refilter();
}

void RecordListModel::setFilters(const QVariantMap &f)
{
    if (f == m_filters)
        return;
    m_filters = f;
    emit filtersChanged();
    refilter();
}

void RecordListModel::setTitleField(const QString &f)
{
    if (f == m_titleField)
        return;
    m_titleField = f;
    emit titleFieldChanged();
    if (m_shown)
        emit dataChanged(index(0), index(m_shown - 1), {TitleRole});
}

void RecordListModel::setSortField(const QString &f)
{
    if (f == m_sortField)
        return;
    m_sortField = f;
    emit sortFieldChanged();
    reload();
}

void RecordListModel::setSortDescending(bool d)
{
    if (d == m_desc)
        return;
    m_desc = d;
    emit sortFieldChanged();
    refilter();
}

void RecordListModel::setPageSize(int n)
{
    if (n == m_pageSize || n < 1)
        return;
    m_pageSize = n;
    emit pageSizeChanged();
}

void RecordListModel::reload()
{
    auto *ctx = AppContext::instance();
    if (m_collection.isEmpty() || !ctx)
        return;
    if (m_loadWatcher.isRunning()) {
        m_reloadAgain = true;
        return;
    }
    cx::Engine *engine = ctx->engine();
    if (!engine) {
        m_all = std::make_shared<RecordRows>();
        refilter();
        return;
    }
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged();
    }
    const std::string collection = str(m_collection);
    const QString sortField = m_sortField;
    const RecordListModel *self = this;
    m_loadWatcher.setFuture(QtConcurrent::run([engine, collection, sortField, self]() {
        auto rows = std::make_shared<RecordRows>();
        std::vector<cx::LocalRecord> list;
        try {
            list = engine->list(collection);
        } catch (const std::exception &) {
            return std::shared_ptr<const RecordRows>(rows);
        }
        rows->reserve(list.size());
        for (auto &r : list) {
            RecordRow row;
            row.id = qstr(r.id);
            row.school = qstr(r.school);
            row.state = QString::fromLatin1(cx::syncStateName(r.state));
            row.reason = qstr(r.rejectReason);
            row.conflicts = int(r.conflicts.size());
            row.fields = toVariant(r.fields).toMap();
            row.searchKey = (row.fields.value(QStringLiteral("name")).toString() + QLatin1Char(' ') +
                             row.fields.value(QStringLiteral("code")).toString() + QLatin1Char(' ') +
                             row.fields.value(QStringLiteral("title")).toString()).toLower();
            row.sortKey = row.fields.value(sortField).toString();
            self->decorate(row);
            rows->push_back(std::move(row));
        }
        return std::shared_ptr<const RecordRows>(rows);
    }));
}

void RecordListModel::onLoaded()
{
    m_all = m_loadWatcher.result();
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reload();
        return;
    }
    refilter();
}

void RecordListModel::refilter()
{
    if (!m_all)
        return;
    if (m_filterWatcher.isRunning()) {
        m_filterAgain = true;
        return;
    }
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged();
    }
    auto all = m_all;
    const QString needle = m_search.trimmed().toLower();
    QVariantMap filters;
    for (auto it = m_filters.begin(); it != m_filters.end(); ++it)
        if (it.value().isValid() && !it.value().toString().isEmpty())
            filters.insert(it.key(), it.value());
    const bool desc = m_desc;
    const bool numeric = m_sortField == QLatin1String("grade");
    const RecordListModel *self = this;
    m_filterWatcher.setFuture(QtConcurrent::run([all, needle, filters, desc, numeric, self]() {
        auto out = std::make_shared<RecordRows>();
        for (const auto &r : *all) {
            if (!needle.isEmpty() && !r.searchKey.contains(needle))
                continue;
            bool ok = true;
            for (auto it = filters.begin(); ok && it != filters.end(); ++it)
                ok = r.fields.value(it.key()).toString() == it.value().toString();
            if (ok && self->accept(r))
                out->push_back(r);
        }
        QCollator coll(QLocale(QLocale::Chinese, QLocale::China));
        coll.setNumericMode(true);
        std::stable_sort(out->begin(), out->end(), [&](const RecordRow &a, const RecordRow &b) {
            int c = numeric ? (a.sortKey.toInt() - b.sortKey.toInt()) : coll.compare(a.sortKey, b.sortKey);
            return desc ? c > 0 : c < 0;
        });
        return std::shared_ptr<const RecordRows>(out);
    }));
}

void RecordListModel::onFiltered()
{
    if (m_filterAgain) {
        m_filterAgain = false;
        refilter();
        return;
    }
    m_changing = true;
    beginResetModel();
    m_rows = m_filterWatcher.result();
    m_shown = std::min(int(m_rows->size()), m_pageSize);
    endResetModel();
    m_changing = false;
    m_loading = false;
    emit loadingChanged();
    emit countChanged();
    emit loaded();
}

bool RecordListModel::waitForLoaded(int msecs)
{
    QElapsedTimer t;
    t.start();
    while ((m_loading || m_loadWatcher.isRunning() || m_filterWatcher.isRunning()) && t.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_loading;
}

int RecordListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_shown; }

bool RecordListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows && m_shown < int(m_rows->size());
}

void RecordListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_changing) {
        // A view asking for more while it handles a reset or an insert: insert after that is done.
        QMetaObject::invokeMethod(this, [this] { fetchMore({}); }, Qt::QueuedConnection);
        return;
    }
    const int n = std::min(int(m_rows->size()) - m_shown, m_pageSize);
    m_changing = true;
    beginInsertRows({}, m_shown, m_shown + n - 1);
    m_shown += n;
    endInsertRows();
    m_changing = false;
    emit countChanged();
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown)
        return {};
    const RecordRow &r = (*m_rows)[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: {
        QString t = r.fields.value(m_titleField).toString();
        return t.isEmpty() ? r.fields.value(QStringLiteral("name")).toString() : t;
    }
    case IdRole: return r.id;
    case FieldsRole: return r.fields;
    case SyncStateRole: return r.state;
    case ReasonRole: return r.reason;
    case SchoolRole: return r.school;
    case ConflictsRole: return r.conflicts;
    }
    return {};
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    return {{IdRole, "recordId"}, {TitleRole, "title"}, {FieldsRole, "fields"}, {SyncStateRole, "syncState"},
            {ReasonRole, "reason"}, {SchoolRole, "school"}, {ConflictsRole, "conflicts"}};
}

static QVariantMap rowMap(const RecordRow &r)
{
    QVariantMap m = r.fields;
    m.insert(QStringLiteral("id"), r.id);
    m.insert(QStringLiteral("_school"), r.school);
    m.insert(QStringLiteral("_state"), r.state);
    m.insert(QStringLiteral("_reason"), r.reason);
    return m;
}

QVariantMap RecordListModel::get(int row) const
{
    if (row < 0 || row >= m_shown)
        return {};
    return rowMap((*m_rows)[size_t(row)]);
}

QVariantMap RecordListModel::record(const QString &id) const
{
    if (m_all)
        for (const auto &r : *m_all)
            if (r.id == id)
                return rowMap(r);
    return {};
}

QStringList RecordListModel::distinct(const QString &field) const
{
    QStringList out;
    if (!m_all)
        return out;
    QSet<QString> seen;
    for (const auto &r : *m_all) {
        const QString v = r.fields.value(field).toString();
        if (!v.isEmpty() && !seen.contains(v)) {
            seen.insert(v);
            out << v;
        }
    }
    QCollator coll;
    coll.setNumericMode(true);
    std::sort(out.begin(), out.end(), [&](const QString &a, const QString &b) { return coll.compare(a, b) < 0; });
    return out;
}

} // namespace cx::app

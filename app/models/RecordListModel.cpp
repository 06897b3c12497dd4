#include "models/RecordListModel.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/RecordQuery.h"

#include <QCollator>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QtConcurrent/QtConcurrentRun>

#ifdef CX_HAVE_ICU
#include <unicode/ucol.h>
#endif

#include <algorithm>

namespace cx::app {

namespace {
// Names sort as people expect them in Chinese (pinyin; digits as numbers), as
// QCollator(zh_CN) does: ICU collation keys that SQLite compares byte by byte.
cx::RecordQuery::TextKey chineseSortKey()
{
#ifndef CX_HAVE_ICU
    return {};
#else
    UErrorCode err = U_ZERO_ERROR;
    std::shared_ptr<UCollator> coll(ucol_open("zh", &err), ucol_close);
    if (U_FAILURE(err) || !coll)
        return {};
    ucol_setAttribute(coll.get(), UCOL_NUMERIC_COLLATION, UCOL_ON, &err);
    return [coll](std::string_view v) {
        const QString s = QString::fromUtf8(v.data(), qsizetype(v.size()));
        const auto *u = reinterpret_cast<const UChar *>(s.utf16());
        std::string key(64, '\0');
        int32_t n =
            ucol_getSortKey(coll.get(), u, int32_t(s.size()), reinterpret_cast<uint8_t *>(key.data()), int32_t(key.size()));
        if (n > int32_t(key.size())) {
            key.resize(size_t(n));
            n = ucol_getSortKey(coll.get(), u, int32_t(s.size()), reinterpret_cast<uint8_t *>(key.data()), n);
        }
        key.resize(size_t(std::max(n, 0)));
        return key;
    };
#endif
}

QVariantMap rowMap(const RecordRow &r)
{
    QVariantMap m = r.fields;
    m.insert(QStringLiteral("id"), r.id);
    m.insert(QStringLiteral("_school"), r.school);
    m.insert(QStringLiteral("_state"), r.state);
    m.insert(QStringLiteral("_reason"), r.reason);
    return m;
}
} // namespace

RecordRow toRow(const cx::LocalRecord &r)
{
    RecordRow row;
    row.id = qstr(r.id);
    row.school = qstr(r.school);
    row.state = QString::fromLatin1(cx::syncStateName(r.state));
    row.reason = qstr(r.rejectReason);
    row.conflicts = int(r.conflicts.size());
    row.fields = toVariant(r.fields).toMap();
    return row;
}

RecordListModel::RecordListModel(QObject *parent) : QAbstractListModel(parent), m_account(chineseSortKey())
{
    connect(&m_selectWatcher, &QFutureWatcherBase::finished, this, &RecordListModel::onSelected);
    if (auto *ctx = AppContext::ensure()) {
        connect(ctx, &AppContext::dataChanged, this, [this](const QString &c) {
            if (c.isEmpty() || c == m_collection)
                reload();
        });
    }
}

RecordListModel::~RecordListModel() { m_selectWatcher.waitForFinished(); }

void RecordListModel::setCollection(const QString &c)
{
    if (c == m_collection)
        return;
    m_collection = c;
    m_distinct.clear();
    emit collectionChanged();
    requery(false);
}

void RecordListModel::setSearch(const QString &s)
{
    if (s == m_search)
        return;
    m_search = s;
    emit searchChanged();
    requery(false);
}

void RecordListModel::setFilters(const QVariantMap &f)
{
    if (f == m_filters)
        return;
    m_filters = f;
    emit filtersChanged();
    requery(false);
}

void RecordListModel::setTitleField(const QString &f)
{
    if (f == m_titleField)
        return;
    m_titleField = f;
    emit titleFieldChanged();
    if (m_total)
        emit dataChanged(index(0), index(m_total - 1), {TitleRole});
}

void RecordListModel::setSortField(const QString &f)
{
    if (f == m_sortField)
        return;
    m_sortField = f;
    emit sortFieldChanged();
    requery(false);
}

void RecordListModel::setSortDescending(bool d)
{
    if (d == m_desc)
        return;
    m_desc = d;
    emit sortFieldChanged();
    requery(false);
}

void RecordListModel::setPageSize(int n)
{
    if (n == m_pageSize || n < 1)
        return;
    m_pageSize = n;
    emit pageSizeChanged();
    requery(false);
}

void RecordListModel::reload()
{
    m_distinct.clear();
    requery(true);
}

void RecordListModel::fail(const QString &what) const
{
    if (auto *ctx = AppContext::instance())
        ctx->addError(what);
}

bool RecordListModel::ensureQuery()
{
    m_query = m_account.current();
    return bool(m_query);
}

void RecordListModel::requery(bool keepPosition)
{
    if (m_collection.isEmpty())
        return;
    if (m_selectWatcher.isRunning()) {
        // One selection at a time on the query's connection; the latest wins.
        m_again = true;
        m_againKeep = m_againKeep || keepPosition;
        return;
    }
    const bool haveQuery = ensureQuery();
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged();
    }
    m_keepPosition = keepPosition;
    const quint64 generation = ++m_generation;
    if (!haveQuery) {
        Selected none;
        none.generation = generation;
        m_selectWatcher.setFuture(QtConcurrent::run([none] { return none; }));
        return;
    }
    cx::RecordSelection sel;
    sel.collection = str(m_collection);
    sel.search = str(m_search.trimmed().toLower());
    for (auto it = m_filters.begin(); it != m_filters.end(); ++it) {
        const QString v = it.value().toString();
        if (it.value().isValid() && !v.isEmpty())
            sel.conditions.push_back({str(it.key()), cx::FieldCondition::Eq, str(v)});
    }
    sel.sortField = str(m_sortField);
    sel.descending = m_desc;
    const int pageSize = m_pageSize;
    auto query = m_query;
    m_selectWatcher.setFuture(QtConcurrent::run([query, sel, pageSize, generation] {
        Selected out;
        out.generation = generation;
        try {
            out.total = int(query->select(sel));
            for (const auto &r : query->rows(0, size_t(pageSize)))
                out.firstPage.push_back(toRow(r));
        } catch (const std::exception &e) {
            out.total = 0;
            out.firstPage.clear();
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

void RecordListModel::onSelected()
{
    if (m_again) {
        const bool keep = m_againKeep;
        m_again = m_againKeep = false;
        requery(keep);
        return;
    }
    Selected s = m_selectWatcher.result();
    if (!s.error.isEmpty())
        fail(s.error);
    for (auto &r : s.firstPage)
        decorate(r);
    if (m_keepPosition && s.total == m_total) {
        // Same number of rows (an edit, a sync that changed values): refresh in
        // place so the list keeps its scroll position.
        m_pages.clear();
        m_lru.clear();
        m_pages[0] = std::move(s.firstPage);
        m_lru.push_front(0);
        if (m_total)
            emit dataChanged(index(0), index(m_total - 1));
    } else {
        beginResetModel();
        m_total = s.total;
        m_pages.clear();
        m_lru.clear();
        m_pages[0] = std::move(s.firstPage);
        m_lru.push_front(0);
        endResetModel();
    }
    m_loading = false;
    emit loadingChanged();
    emit countChanged();
    emit loaded();
}

bool RecordListModel::waitForLoaded(int msecs)
{
    QElapsedTimer t;
    t.start();
    while ((m_loading || m_selectWatcher.isRunning()) && t.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_loading;
}

int RecordListModel::count() const
{
    int n = 0;
    for (const auto &[page, rows] : m_pages)
        n += int(rows.size());
    return n;
}

int RecordListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_total; }

const RecordRow *RecordListModel::rowAt(int row) const
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const int page = row / m_pageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        // While a new selection is being made the query holds the new one:
        // show nothing for rows not in memory until the reset.
        if (m_selectWatcher.isRunning() || !m_query)
            return nullptr;
        RecordRows rows;
        try {
            for (const auto &r : m_query->rows(size_t(page) * size_t(m_pageSize), size_t(m_pageSize)))
                rows.push_back(toRow(r));
        } catch (const std::exception &e) {
            fail(QString::fromUtf8(e.what()));
            return nullptr;
        }
        for (auto &r : rows)
            decorate(r);
        ++m_pagesRead;
        it = m_pages.emplace(page, std::move(rows)).first;
        m_lru.push_front(page);
        while (int(m_lru.size()) > kCachedPages) {
            m_pages.erase(m_lru.back());
            m_lru.pop_back();
        }
    } else if (m_lru.front() != page) {
        m_lru.remove(page);
        m_lru.push_front(page);
    }
    const size_t i = size_t(row - page * m_pageSize);
    return i < it->second.size() ? &it->second[i] : nullptr;
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_total)
        return {};
    const RecordRow *r = rowAt(index.row());
    if (!r) {
        // A row not read yet (a new selection is on its way): empty values of the right types.
        switch (role) {
        case FieldsRole:
            return QVariantMap();
        case SyncStateRole:
            return QStringLiteral("confirmed");
        case ConflictsRole:
            return 0;
        default:
            return QString();
        }
    }
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: {
        QString t = r->fields.value(m_titleField).toString();
        return t.isEmpty() ? r->fields.value(QStringLiteral("name")).toString() : t;
    }
    case IdRole:
        return r->id;
    case FieldsRole:
        return r->fields;
    case SyncStateRole:
        return r->state;
    case ReasonRole:
        return r->reason;
    case SchoolRole:
        return r->school;
    case ConflictsRole:
        return r->conflicts;
    }
    return {};
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    return {{IdRole, "recordId"},   {TitleRole, "title"},   {FieldsRole, "fields"},      {SyncStateRole, "syncState"},
            {ReasonRole, "reason"}, {SchoolRole, "school"}, {ConflictsRole, "conflicts"}};
}

QVariantMap RecordListModel::get(int row) const
{
    const RecordRow *r = rowAt(row);
    return r ? rowMap(*r) : QVariantMap();
}

QVariantMap RecordListModel::record(const QString &id) const
{
    if (!m_query || id.isEmpty())
        return {};
    try {
        if (auto r = m_query->get(str(m_collection), str(id)); r && !r->deleted) {
            RecordRow row = toRow(*r);
            decorate(row);
            return rowMap(row);
        }
    } catch (const std::exception &e) {
        fail(QString::fromUtf8(e.what()));
    }
    return {};
}

QStringList RecordListModel::distinct(const QString &field) const
{
    if (auto it = m_distinct.constFind(field); it != m_distinct.constEnd())
        return *it;
    QStringList out;
    if (!m_query || m_collection.isEmpty())
        return out;
    try {
        for (const auto &v : m_query->distinct(str(m_collection), str(field)))
            out << qstr(v);
    } catch (const std::exception &e) {
        fail(QString::fromUtf8(e.what()));
        return out;
    }
    QCollator coll;
    coll.setNumericMode(true);
    std::sort(out.begin(), out.end(), [&](const QString &a, const QString &b) { return coll.compare(a, b) < 0; });
    m_distinct.insert(field, out);
    return out;
}

} // namespace cx::app

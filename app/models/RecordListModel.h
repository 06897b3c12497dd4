#pragma once
// RecordListModel: one synced collection as a list for QML, scaled for a
// roster of 20,000 pupils: search by name, filters and sort run in SQL
// (cx::RecordQuery, on its own read-only connection to the replica, off the
// GUI thread), rowCount() is the number of matches, and rows are read from
// the replica a page at a time as the view asks for them, keeping at most a
// few pages in memory (a windowed cache), so the view never waits for the
// engine during a sync and memory does not grow with scrolling.
#include "models/AccountQuery.h"

#include <QAbstractListModel>
#include <QFutureWatcher>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <list>
#include <map>
#include <memory>
#include <vector>

namespace cx {
class RecordQuery;
struct LocalRecord;
}

namespace cx::app {

struct RecordRow {
    QString id, school, state, reason;
    QVariantMap fields;
    int conflicts = 0;
};
using RecordRows = std::vector<RecordRow>;

class RecordListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString collection READ collection WRITE setCollection NOTIFY collectionChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QVariantMap filters READ filters WRITE setFilters NOTIFY filtersChanged)
    Q_PROPERTY(QString titleField READ titleField WRITE setTitleField NOTIFY titleFieldChanged)
    Q_PROPERTY(QString sortField READ sortField WRITE setSortField NOTIFY sortFieldChanged)
    Q_PROPERTY(bool sortDescending READ sortDescending WRITE setSortDescending NOTIFY sortFieldChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged) // rows held in memory now (a few pages)
    Q_PROPERTY(int total READ total NOTIFY countChanged) // rows matching (= rowCount)
public:
    enum Roles { IdRole = Qt::UserRole + 1, TitleRole, FieldsRole, SyncStateRole, ReasonRole, SchoolRole, ConflictsRole };

    explicit RecordListModel(QObject *parent = nullptr);
    ~RecordListModel() override;

    QString collection() const { return m_collection; }
    void setCollection(const QString &c);
    QString search() const { return m_search; }
    void setSearch(const QString &s);
    QVariantMap filters() const { return m_filters; }
    void setFilters(const QVariantMap &f);
    QString titleField() const { return m_titleField; }
    void setTitleField(const QString &f);
    QString sortField() const { return m_sortField; }
    void setSortField(const QString &f);
    bool sortDescending() const { return m_desc; }
    void setSortDescending(bool d);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int n);
    bool loading() const { return m_loading; }
    int count() const;
    int total() const { return m_total; }
    static constexpr int kCachedPages = 8; // the window: at most this many pages in memory

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE QVariantMap record(const QString &id) const;      // any record of the collection
    Q_INVOKABLE QStringList distinct(const QString &field) const; // over the whole collection
    Q_INVOKABLE void reload();
    Q_INVOKABLE bool waitForLoaded(int msecs = 5000); // tests and benchmarks
    int pagesRead() const { return m_pagesRead; }     // tests and benchmarks

signals:
    void collectionChanged();
    void searchChanged();
    void filtersChanged();
    void titleFieldChanged();
    void sortFieldChanged();
    void pageSizeChanged();
    void loadingChanged();
    void countChanged();
    void loaded();

protected:
    // Subclasses add derived values to each row (e.g. a submission's display state). GUI thread.
    virtual void decorate(RecordRow &) const {}

private:
    struct Selected {
        quint64 generation = 0;
        int total = 0;
        RecordRows firstPage;
        QString error;
    };
    void requery(bool keepPosition);
    void onSelected();
    bool ensureQuery();
    const RecordRow *rowAt(int row) const;
    void fail(const QString &what) const;

    QString m_collection, m_search, m_titleField = QStringLiteral("name"), m_sortField = QStringLiteral("name");
    QVariantMap m_filters;
    bool m_desc = false;
    int m_pageSize = 100;
    bool m_loading = false, m_again = false, m_againKeep = false, m_keepPosition = false;
    quint64 m_generation = 0;
    int m_total = 0;
    AccountQuery m_account;                   // the current account's query, pinyin order
    std::shared_ptr<cx::RecordQuery> m_query; // what m_account gave at the last (re)query
    // The window: page number -> rows; m_lru front = most recently used.
    mutable std::map<int, RecordRows> m_pages;
    mutable std::list<int> m_lru;
    mutable int m_pagesRead = 0;
    mutable QHash<QString, QStringList> m_distinct;
    QFutureWatcher<Selected> m_selectWatcher;
};

RecordRow toRow(const cx::LocalRecord &r);

} // namespace cx::app

#pragma once
// RecordListModel: one synced collection as a list for QML: searched by name,
// filtered by field values, sorted, loaded off the GUI thread and handed to
// the view in pages (fetchMore), so a roster of 20,000 pupils never builds
// 20,000 delegates or blocks a frame.
#include <QAbstractListModel>
#include <QFutureWatcher>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace cx::app {

struct RecordRow {
    QString id, school, state, reason;
    QVariantMap fields;
    QString searchKey;     // lower-cased name (and code) for search
    QString sortKey;
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
    Q_PROPERTY(int count READ count NOTIFY countChanged)          // rows the view holds now
    Q_PROPERTY(int total READ total NOTIFY countChanged)          // rows matching
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
    int count() const { return m_shown; }
    int total() const { return int(m_rows ? m_rows->size() : 0); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE QVariantMap record(const QString &id) const;   // from the whole collection
    Q_INVOKABLE QStringList distinct(const QString &field) const;
    Q_INVOKABLE void reload();
    Q_INVOKABLE bool waitForLoaded(int msecs = 5000);          // tests and benchmarks

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
    // Subclasses add derived values to each row (e.g. a submission's display state).
    virtual void decorate(RecordRow &) const {}
    // Subclasses may hide rows beyond the search and filters.
    virtual bool accept(const RecordRow &) const { return true; }

private:
    struct Query;
    void refilter();
    void onLoaded();
    void onFiltered();

    QString m_collection, m_search, m_titleField = QStringLiteral("name"), m_sortField = QStringLiteral("name");
    QVariantMap m_filters;
    bool m_desc = false;
    int m_pageSize = 50;
    bool m_loading = false, m_reloadAgain = false, m_filterAgain = false, m_changing = false;
    std::shared_ptr<const RecordRows> m_all;      // the whole collection
    std::shared_ptr<const RecordRows> m_rows;     // matching, sorted
    int m_shown = 0;
    QFutureWatcher<std::shared_ptr<const RecordRows>> m_loadWatcher, m_filterWatcher;
};

} // namespace cx::app

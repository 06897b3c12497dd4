#pragma once
// Records: reads and writes single records for pages (a pupil's details, a
// visit being edited). Reads go through cx::RecordQuery on its own read-only
// connection (conditions in SQL; never waits for the engine during a sync);
// writes go through AppContext so lists reload and sync starts.
#include "models/AccountQuery.h"

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace cx {
class RecordQuery;
}

class QQmlEngine;
class QJSEngine;

namespace cx::app {

class Records : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged) // bumps on any data change
public:
    using QObject::QObject;
    static Records *create(QQmlEngine *, QJSEngine *);

    QString lastError() const { return m_error; }
    int revision() const { return m_revision; }

    // The record's fields plus "id", "_state" (pending/sent/confirmed/rejected/conflict), "_reason".
    Q_INVOKABLE QVariantMap get(const QString &collection, const QString &id) const;
    // Every record of a collection whose `field` equals `value` (e.g. visits of a pupil), newest first by `sortField`.
    Q_INVOKABLE QVariantList where(const QString &collection, const QString &field, const QVariant &value,
                                   const QString &sortField = {}) const;
    // The first record of a collection (by id), or an empty map: one row read, not the collection.
    Q_INVOKABLE QVariantMap first(const QString &collection) const;
    Q_INVOKABLE int countWhere(const QString &collection, const QString &field, const QVariant &value) const;
    // Creates (id empty) or updates; returns the id, empty on failure (lastError says why).
    // `school`: where a new record belongs (an inspection of an assigned school); the account's own by default.
    Q_INVOKABLE QString save(const QString &collection, const QString &id, const QVariantMap &fields, const QString &school = {});
    Q_INVOKABLE bool remove(const QString &collection, const QString &id);

signals:
    void lastErrorChanged();
    void revisionChanged();

private:
    cx::RecordQuery *query() const; // opened on the current account's replica; null without one

    mutable AccountQuery m_query;
    QString m_error;
    int m_revision = 0;
};

} // namespace cx::app

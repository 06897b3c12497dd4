#pragma once
// TableExport: the bureau's pages hand their tables to a spreadsheet, as an
// Excel workbook (one sheet per table, numbers as numbers) or a CSV file
// (UTF-8 with a BOM so Excel reads the Chinese), through cunxiao_tables, the
// same writer as the server's `export`. Neither ever carries a formula. A
// table is {name, rows: [[cell, ...], ...], headerRows (default 1)}; the
// models build theirs with headers in the app's language (`tables`).
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class TableExport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(QString lastPath READ lastPath NOTIFY changed)
public:
    explicit TableExport(QObject *parent = nullptr) : QObject(parent) {}

    QString lastError() const { return m_error; }
    QString lastPath() const { return m_path; }

    // Saves into the documents folder as <baseName>-<yyyyMMdd-HHmm>.<xlsx|csv>;
    // returns the path, or "" with lastError set (nothing half-written stays).
    Q_INVOKABLE QString save(const QString &baseName, const QVariantList &tables, const QString &format);
    // The same to a chosen path.
    Q_INVOKABLE bool saveTo(const QString &path, const QVariantList &tables, const QString &format);
    // For C++ callers: the same without the object (error: why not).
    static bool write(const QString &path, const QVariantList &tables, const QString &format, QString *error);

signals:
    void changed();

private:
    QString m_error, m_path;
};

} // namespace cx::app

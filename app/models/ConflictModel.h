#pragma once
// ConflictModel: every unsettled conflict, one row per (record, field): the
// value kept now and the value that lost, who set each and when, so a person
// can choose one or type another (resolve).
#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

namespace cx::app {

class ConflictModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading CONSTANT)
public:
    enum Roles {
        CollectionRole = Qt::UserRole + 1,
        RecordIdRole,
        TitleRole,
        FieldRole,
        MineRole,
        MineByRole,
        MineWhenRole,
        TheirsRole,
        TheirsByRole,
        TheirsWhenRole
    };
    explicit ConflictModel(QObject *parent = nullptr);

    int count() const { return int(m_rows.size()); }
    bool loading() const { return false; }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();
    // Settles the conflict in `row` with `value` (either side's, or one typed).
    Q_INVOKABLE bool resolve(int row, const QVariant &value);
    Q_INVOKABLE QString lastError() const { return m_error; }

    // A JSON value as a person reads it ("是"/"否" aside: numbers, text, lists joined).
    static QString display(const QVariant &v);

signals:
    void countChanged();

private:
    struct Row {
        QString collection, id, title, field;
        QVariant mine, theirs;
        QString mineBy, theirsBy;
        QDateTime mineWhen, theirsWhen;
    };
    QList<Row> m_rows;
    QString m_error;
};

} // namespace cx::app

#include "models/ConflictModel.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"

#include <QLocale>

namespace cx::app {

ConflictModel::ConflictModel(QObject *parent) : QAbstractListModel(parent)
{
    if (auto *ctx = AppContext::ensure())
        connect(ctx, &AppContext::dataChanged, this, &ConflictModel::reload);
    reload();
}

static QDateTime when(const cx::Version &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(qint64(v.millis()));
}

void ConflictModel::reload()
{
    beginResetModel();
    m_rows.clear();
    auto *ctx = AppContext::instance();
    if (ctx && ctx->engine()) {
        try {
            for (const auto &r : ctx->engine()->conflicts()) {
                for (const auto &c : r.conflicts) {
                    Row row;
                    row.collection = qstr(r.collection);
                    row.id = qstr(r.id);
                    row.title = toVariant(r.fields.value("name", r.fields.value("title", cx::Json(r.id)))).toString();
                    row.field = qstr(c.field);
                    row.mine = toVariant(r.fields.value(c.field, cx::Json()));
                    auto bi = r.by.find(c.field);
                    row.mineBy = bi != r.by.end() ? qstr(bi->second) : QString();
                    auto vi = r.versions.find(c.field);
                    row.mineWhen = vi != r.versions.end() ? when(vi->second) : QDateTime();
                    row.theirs = toVariant(c.value);
                    row.theirsBy = qstr(c.by);
                    row.theirsWhen = when(c.version);
                    m_rows << row;
                }
            }
        } catch (const std::exception &e) {
            m_error = QString::fromStdString(e.what());
        }
    }
    endResetModel();
    emit countChanged();
}

int ConflictModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QString ConflictModel::display(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        //: Conflicts page: a field that has no value.
        return tr("(empty)");
    if (v.typeId() == QMetaType::Bool)
        //: Conflicts page: a yes/no value.
        return v.toBool() ? tr("yes") : tr("no");
    if (v.typeId() == QMetaType::QVariantList)
        return v.toStringList().join(QStringLiteral(", "));
    return v.toString();
}

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const QLocale loc;
    switch (role) {
    case CollectionRole:
        return r.collection;
    case RecordIdRole:
        return r.id;
    case TitleRole:
        return r.title;
    case FieldRole:
        return r.field;
    case MineRole:
        return display(r.mine);
    case MineByRole:
        return r.mineBy;
    case MineWhenRole:
        return r.mineWhen.isValid() ? loc.toString(r.mineWhen, QLocale::ShortFormat) : QString();
    case TheirsRole:
        return display(r.theirs);
    case TheirsByRole:
        return r.theirsBy;
    case TheirsWhenRole:
        return r.theirsWhen.isValid() ? loc.toString(r.theirsWhen, QLocale::ShortFormat) : QString();
    }
    return {};
}

QHash<int, QByteArray> ConflictModel::roleNames() const
{
    return {{CollectionRole, "collection"}, {RecordIdRole, "recordId"}, {TitleRole, "title"},
            {FieldRole, "field"},           {MineRole, "mine"},         {MineByRole, "mineBy"},
            {MineWhenRole, "mineWhen"},     {TheirsRole, "theirs"},     {TheirsByRole, "theirsBy"},
            {TheirsWhenRole, "theirsWhen"}};
}

bool ConflictModel::resolve(int row, const QVariant &value)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row r = m_rows[row];
    QVariant v = value;
    // "mine"/"theirs" pick a side with its original type; anything else is typed text.
    if (value.toString() == QLatin1String("@mine"))
        v = r.mine;
    else if (value.toString() == QLatin1String("@theirs"))
        v = r.theirs;
    else if (r.mine.typeId() == QMetaType::LongLong || r.mine.typeId() == QMetaType::Int) {
        bool ok = false;
        const qlonglong n = value.toString().toLongLong(&ok);
        if (ok)
            v = n;
    }
    return AppContext::ensure()->resolve(r.collection, r.id, r.field, v, &m_error);
}

} // namespace cx::app

#include "core/JsonVariant.h"

#include <QDateTime>
#include <QJSValue>
#include <QVariantList>
#include <QVariantMap>

namespace cx::app {

QVariant toVariant(const cx::Json &j)
{
    switch (j.type()) {
    case cx::Json::value_t::null:
        return {};
    case cx::Json::value_t::boolean:
        return j.get<bool>();
    case cx::Json::value_t::number_integer:
        return qint64(j.get<int64_t>());
    case cx::Json::value_t::number_unsigned:
        return quint64(j.get<uint64_t>());
    case cx::Json::value_t::number_float:
        return j.get<double>();
    case cx::Json::value_t::string:
        return QString::fromStdString(j.get_ref<const std::string &>());
    case cx::Json::value_t::array: {
        QVariantList l;
        l.reserve(int(j.size()));
        for (const auto &e : j)
            l.append(toVariant(e));
        return l;
    }
    case cx::Json::value_t::object: {
        QVariantMap m;
        for (auto it = j.begin(); it != j.end(); ++it)
            m.insert(QString::fromStdString(it.key()), toVariant(it.value()));
        return m;
    }
    default:
        return {};
    }
}

cx::Json toJson(const QVariant &in)
{
    QVariant v = in;
    if (v.userType() == qMetaTypeId<QJSValue>())
        v = v.value<QJSValue>().toVariant();
    switch (v.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return nullptr;
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
        return v.toLongLong();
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return v.toULongLong();
    case QMetaType::Double:
    case QMetaType::Float: {
        double d = v.toDouble();
        if (d == double(qint64(d)) && qAbs(d) < 9e15)
            return qint64(d);
        return d;
    }
    case QMetaType::QString:
        return v.toString().toStdString();
    case QMetaType::QDate:
        return v.toDate().toString(Qt::ISODate).toStdString();
    case QMetaType::QDateTime:
        return v.toDateTime().toString(Qt::ISODate).toStdString();
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        cx::Json a = cx::Json::array();
        for (const auto &e : v.toList())
            a.push_back(toJson(e));
        return a;
    }
    case QMetaType::QVariantMap: {
        cx::Json o = cx::Json::object();
        const auto m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it)
            o[it.key().toStdString()] = toJson(it.value());
        return o;
    }
    default:
        if (v.canConvert<QVariantList>() && v.typeId() != QMetaType::QString)
            return toJson(QVariant(v.toList()));
        return v.toString().toStdString();
    }
}

} // namespace cx::app

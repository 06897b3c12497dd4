#pragma once
// Conversions between the engine's JSON (nlohmann) and the QVariants QML binds to.
#include "protocol/Json.h"

#include <QString>
#include <QVariant>

namespace cx::app {

QVariant toVariant(const cx::Json &j);
cx::Json toJson(const QVariant &v);
inline std::string str(const QString &s) { return s.toStdString(); }
inline QString qstr(const std::string &s) { return QString::fromStdString(s); }

} // namespace cx::app

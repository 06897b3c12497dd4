#include "models/TableExport.h"

#include "tables/TableWriter.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

namespace cx::app {

namespace {

cx::Json cell(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return nullptr;
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return v.toLongLong();
    case QMetaType::Double:
    case QMetaType::Float:
        return v.toDouble();
    default:
        return v.toString().toStdString();
    }
}

} // namespace

bool TableExport::write(const QString &path, const QVariantList &tables, const QString &format, QString *error)
{
    std::vector<cx::tables::NamedTable> out;
    int n = 0;
    for (const QVariant &tv : tables) {
        const QVariantMap t = tv.toMap();
        cx::tables::NamedTable nt;
        nt.name = t.value(QStringLiteral("name")).toString().toStdString();
        nt.fallback = "Sheet" + std::to_string(++n);
        nt.headerRows = t.value(QStringLiteral("headerRows"), 1).toInt();
        for (const QVariant &rv : t.value(QStringLiteral("rows")).toList()) {
            std::vector<cx::Json> row;
            for (const QVariant &c : rv.toList())
                row.push_back(cell(c));
            nt.rows.push_back(std::move(row));
        }
        out.push_back(std::move(nt));
    }
    try {
        cx::tables::writeTables(QDir::toNativeSeparators(path).toStdString(), out,
                                format == QLatin1String("csv") ? cx::tables::Format::Csv : cx::tables::Format::Xlsx, "cunxiao");
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

bool TableExport::saveTo(const QString &path, const QVariantList &tables, const QString &format)
{
    QString why;
    const bool ok = write(path, tables, format, &why);
    m_error = ok ? QString() : why;
    m_path = ok ? QDir::toNativeSeparators(path) : QString();
    emit changed();
    return ok;
}

QString TableExport::save(const QString &baseName, const QVariantList &tables, const QString &format)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    QDir().mkpath(dir);
    QString safe = baseName;
    for (QChar &c : safe)
        if (QStringLiteral("/\\:*?\"<>|").contains(c))
            c = QLatin1Char('-');
    const QString ext = format == QLatin1String("csv") ? QStringLiteral("csv") : QStringLiteral("xlsx");
    const QString path = QDir(dir).filePath(
        QStringLiteral("%1-%2.%3").arg(safe, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")), ext));
    return saveTo(path, tables, format) ? m_path : QString();
}

} // namespace cx::app

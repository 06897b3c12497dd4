#include "core/DemoData.h"

#include "core/AppContext.h"

#include <QDate>
#include <QFile>
#include <QJsonDocument>

namespace cx::app {

void seedDemoData(AppContext &ctx, int pupils)
{
    const QString school = ctx.defaultSchool();
    ctx.put(QStringLiteral("schools"), school,
            {{QStringLiteral("name"), QStringLiteral("石门村完小")},
             {QStringLiteral("code"), school},
             {QStringLiteral("kind"), QStringLiteral("village_primary")},
             {QStringLiteral("township"), QStringLiteral("石门乡")},
             {QStringLiteral("head"), QStringLiteral("王建国")},
             {QStringLiteral("phone"), QStringLiteral("13800000000")}});
    static const char *family[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "罗", "马"};
    static const char *given[] = {"小明", "雨欣", "子涵", "浩然", "梓萱", "宇航", "思远", "欣怡", "俊杰", "佳琪", "文博", "诗雨"};
    static const char *villages[] = {"石门村", "河坝村", "岩脚村", "新寨"};
    QString dropoutId, firstId;
    for (int i = 0; i < pupils; ++i) {
        const int grade = 1 + i % 6;
        QVariantMap p{
            {QStringLiteral("name"), QString::fromUtf8(family[i % 12]) + QString::fromUtf8(given[(i * 5 + i / 12) % 12])},
            {QStringLiteral("gender"), i % 2 ? QStringLiteral("female") : QStringLiteral("male")},
            {QStringLiteral("birth_date"), QDate(2019 - grade, 1 + i % 12, 1 + i % 27).toString(Qt::ISODate)},
            {QStringLiteral("ethnicity"), i % 3 ? QStringLiteral("汉族") : QStringLiteral("彝族")},
            {QStringLiteral("grade"), grade},
            {QStringLiteral("class"), QString::number(1 + (i / 6) % 2)},
            {QStringLiteral("guardian"), QString::fromUtf8(family[i % 12]) + QStringLiteral("大军")},
            {QStringLiteral("guardian_phone"), QStringLiteral("1390000%1").arg(1000 + i)},
            {QStringLiteral("village"), QString::fromUtf8(villages[i % 4])},
            {QStringLiteral("boarding"), i % 4 == 0},
            {QStringLiteral("left_behind"), i % 3 == 0},
            {QStringLiteral("disability"), false},
            {QStringLiteral("subsidies"), QVariantList{QStringLiteral("textbooks"), QStringLiteral("fees")}},
            {QStringLiteral("status"), i == 5 || i == 17 ? QStringLiteral("left") : QStringLiteral("in_school")}};
        const QString id = ctx.put(QStringLiteral("pupils"), {}, p);
        if (i == 5)
            dropoutId = id;
        if (i == 0)
            firstId = id;
    }
    const QDate today = QDate::currentDate();
    ctx.put(QStringLiteral("home_visits"), {},
            {{QStringLiteral("pupil"), dropoutId},
             {QStringLiteral("visitors"), QStringLiteral("王建国, 李老师")},
             {QStringLiteral("date"), today.addDays(-6).toString(Qt::ISODate)},
             {QStringLiteral("reason"), QStringLiteral("left_school")},
             {QStringLiteral("met"), QStringLiteral("祖母")},
             {QStringLiteral("findings"), QStringLiteral("父母外出务工，孩子在家帮忙干农活。")},
             {QStringLiteral("actions"), QStringLiteral("说明义务教育法，约定下周一返校。")},
             {QStringLiteral("follow_up_date"), today.addDays(1).toString(Qt::ISODate)},
             {QStringLiteral("outcome_back_at_school"), false}});
    ctx.put(QStringLiteral("home_visits"), {},
            {{QStringLiteral("pupil"), firstId},
             {QStringLiteral("visitors"), QStringLiteral("李老师")},
             {QStringLiteral("date"), today.addDays(-30).toString(Qt::ISODate)},
             {QStringLiteral("reason"), QStringLiteral("routine")},
             {QStringLiteral("met"), QStringLiteral("母亲")},
             {QStringLiteral("findings"), QStringLiteral("学习习惯良好。")},
             {QStringLiteral("outcome_back_at_school"), true}});
    QFile f(QStringLiteral(":/Cunxiao/demo/forms/home_visit.json"));
    if (f.open(QIODevice::ReadOnly)) {
        const QVariantMap def = QJsonDocument::fromJson(f.readAll()).toVariant().toMap();
        ctx.put(QStringLiteral("forms"), def.value(QStringLiteral("id")).toString(),
                {{QStringLiteral("definition"), def},
                 {QStringLiteral("version"), def.value(QStringLiteral("version"))},
                 {QStringLiteral("title"), def.value(QStringLiteral("title"))}});
    }
    ctx.put(QStringLiteral("submissions"), {},
            {{QStringLiteral("form"), QStringLiteral("home_visit")},
             {QStringLiteral("form_version"), 1},
             {QStringLiteral("answers"), QVariantMap{{QStringLiteral("pupil"), dropoutId}}},
             {QStringLiteral("status"), QStringLiteral("draft")}});
    ctx.put(QStringLiteral("inspections"), {},
            {{QStringLiteral("school_name"), QStringLiteral("石门村完小")},
             {QStringLiteral("date"), today.addDays(3).toString(Qt::ISODate)},
             {QStringLiteral("inspectors"), QStringLiteral("督导二组")},
             {QStringLiteral("status"), QStringLiteral("assigned")}});
    // The head's own home-visit target this month (Home shows its progress).
    ctx.put(QStringLiteral("visit_targets"), {},
            {{QStringLiteral("teacher"), ctx.settings().value(QStringLiteral("demo/user")).toString()},
             {QStringLiteral("teacher_name"), QStringLiteral("王建国")},
             {QStringLiteral("count"), 5},
             {QStringLiteral("period"), today.toString(QStringLiteral("yyyy-MM"))}});
}

} // namespace cx::app

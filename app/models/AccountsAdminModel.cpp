#include "models/AccountsAdminModel.h"

#include "account/Session.h"
#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/Engine.h"
#include "protocol/EnrolCode.h"
#include "protocol/Version.h"

#include <QJsonDocument>

#include <map>
#include <set>

namespace cx::app {

AccountsAdminModel::AccountsAdminModel(QObject *parent)
    : QObject(parent), m_action(this, [this](const Outcome &o) { onFinished(o); })
{
    refresh();
}

void AccountsAdminModel::refresh()
{
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    m_schools.clear();
    m_accounts.clear();
    m_townships.clear();
    m_fetchedAt = 0;
    if (engine) {
        const auto [list, at] = engine->adminAccounts();
        m_fetchedAt = at;
        std::map<std::string, std::string> names;
        std::set<QString> townships;
        for (const auto &s : list.value("schools", cx::Json::array())) {
            const std::string code = s.value("code", ""), name = s.value("name", ""), township = s.value("township", "");
            names[code] = name;
            if (!township.empty())
                townships.insert(qstr(township));
            m_schools.push_back(QVariantMap{{QStringLiteral("code"), qstr(code)},
                                            {QStringLiteral("name"), qstr(name)},
                                            {QStringLiteral("township"), qstr(township)}});
        }
        const int64_t now = cx::wallClockMs();
        for (const auto &a : list.value("accounts", cx::Json::array())) {
            QStringList codes, schoolNames;
            for (const auto &c : a.value("schools", cx::Json::array())) {
                const std::string code = c.is_string() ? c.get<std::string>() : std::string();
                codes << qstr(code);
                schoolNames << qstr(names.count(code) ? names[code] : code);
            }
            const int64_t seen = a.contains("last_seen") && a["last_seen"].is_number() ? a["last_seen"].get<int64_t>() : 0;
            m_accounts.push_back(QVariantMap{{QStringLiteral("user"), qstr(a.value("user", ""))},
                                             {QStringLiteral("role"), qstr(a.value("role", ""))},
                                             {QStringLiteral("schools"), codes},
                                             {QStringLiteral("schoolNames"), schoolNames},
                                             {QStringLiteral("admin"), a.value("admin", false)},
                                             {QStringLiteral("revoked"), a.value("revoked", false)},
                                             {QStringLiteral("devices"), a.value("devices", 0)},
                                             {QStringLiteral("lastSync"), seen ? int((now - seen) / 86400000) : -1},
                                             {QStringLiteral("codes"), a.value("codes", 0)}});
        }
        for (const auto &t : townships)
            m_townships << t;
    }
    emit changed();
}

void AccountsAdminModel::run(const QVariantMap &request)
{
    const QString op = request.value(QStringLiteral("op")).toString();
    const cx::Json req = cx::Json::parse(QJsonDocument::fromVariant(request).toJson().toStdString());
    const QString server = Session::instance() ? Session::instance()->server() : QString();
    const auto refused = m_action.start([req, op, server](cx::Engine &engine) -> Outcome {
        Outcome o;
        o.op = op;
        try {
            const cx::Json reply = engine.adminRequest(req);
            if (op == QLatin1String("enrol-code")) {
                const std::string pin = reply.value("pin", "");
                const cx::EnrolLink link{str(server), pin, reply.value("user", ""), reply.value("code", "")};
                o.enrolment = {{QStringLiteral("user"), qstr(link.user)},
                               {QStringLiteral("code"), qstr(link.code)},
                               {QStringLiteral("expires"), qint64(reply.value("expires", int64_t(0)))},
                               {QStringLiteral("server"), server},
                               {QStringLiteral("link"), qstr(cx::enrolLinkText(link))}};
            }
            o.ok = true; // done on the server, whatever happens to the list below
            if (op != QLatin1String("list")) {
                try {
                    engine.adminRequest(cx::Json{{"op", "list"}}); // the page shows the change
                } catch (const std::exception &) {
                    // the change stands; the list is fetched again with the next refresh
                }
            }
        } catch (...) {
            const ActionFailure f = failure(std::current_exception());
            switch (f.kind) {
            case ActionFailure::Offline:
                o.offline = !f.olderServer;
                //: Account administration needs the server. %1: what went wrong, in plain words.
                o.message = tr("The server cannot be reached, so nothing was changed (%1). What you typed is kept; "
                               "try again when the connection is back.")
                                .arg(f.plain);
                break;
            case ActionFailure::Forbidden:
                //: Account administration refused: this account is not a bureau administrator.
                o.message = tr("Only a bureau administrator manages accounts and schools.");
                break;
            case ActionFailure::Other:
                o.message = f.detail;
            }
        }
        return o;
    });
    if (refused) {
        emit finished(op, false, *refused);
        return;
    }
    m_error.clear();
    emit changed();
}

void AccountsAdminModel::onFinished(const Outcome &o)
{
    m_offline = o.offline;
    m_error = o.ok ? QString() : o.message;
    if (!o.enrolment.isEmpty())
        m_enrolment = o.enrolment;
    refresh(); // emits changed
    emit finished(o.op, o.ok, o.message);
}

void AccountsAdminModel::fetch() { run({{QStringLiteral("op"), QStringLiteral("list")}}); }

void AccountsAdminModel::addSchool(const QString &code, const QString &name, const QString &township)
{
    QVariantMap r{{QStringLiteral("op"), QStringLiteral("add-school")},
                  {QStringLiteral("code"), code.trimmed()},
                  {QStringLiteral("name"), name.trimmed()}};
    if (!township.trimmed().isEmpty())
        r[QStringLiteral("township")] = township.trimmed();
    run(r);
}

void AccountsAdminModel::addAccount(const QString &user, const QString &role, const QStringList &schools, const QString &township,
                                    const QString &password, bool admin)
{
    QVariantMap r{{QStringLiteral("op"), QStringLiteral("add-user")},
                  {QStringLiteral("user"), user.trimmed()},
                  {QStringLiteral("role"), role},
                  {QStringLiteral("password"), password},
                  {QStringLiteral("admin"), admin}};
    if (!township.isEmpty())
        r[QStringLiteral("township")] = township;
    else
        r[QStringLiteral("schools")] = schools;
    run(r);
}

void AccountsAdminModel::assign(const QString &user, const QStringList &schools, const QString &township)
{
    QVariantMap r{{QStringLiteral("op"), QStringLiteral("assign")}, {QStringLiteral("user"), user}};
    if (!township.isEmpty())
        r[QStringLiteral("township")] = township;
    else
        r[QStringLiteral("schools")] = schools;
    run(r);
}

void AccountsAdminModel::resetPassword(const QString &user, const QString &password)
{
    run({{QStringLiteral("op"), QStringLiteral("reset-password")},
         {QStringLiteral("user"), user},
         {QStringLiteral("password"), password}});
}

void AccountsAdminModel::revoke(const QString &user)
{
    run({{QStringLiteral("op"), QStringLiteral("revoke")}, {QStringLiteral("user"), user}});
}

void AccountsAdminModel::enrolCode(const QString &user, int days)
{
    run({{QStringLiteral("op"), QStringLiteral("enrol-code")}, {QStringLiteral("user"), user}, {QStringLiteral("days"), days}});
}

void AccountsAdminModel::clearEnrolment()
{
    m_enrolment.clear();
    emit changed();
}

} // namespace cx::app

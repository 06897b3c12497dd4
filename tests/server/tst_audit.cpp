// Issue 13.7: a complete, append-only audit. Accounts, roles, schools,
// revocations, wipe orders, form publications and exports are recorded; the
// database itself refuses to change or delete an audit row (SQLite triggers
// with RAISE(ABORT), PostgreSQL triggers raising an exception); the reader
// (`admin audit`) filters by user, record and date, in text and JSON Lines.
#include "TestUtil.h"

#include "admin/Admin.h"
#include "admin/AdminTime.h"
#include "admin/AuditLog.h"
#include "auth/DeviceTokens.h"
#include "protocol/Errors.h"
#include "sync/RecordWrites.h"

#include <QDirIterator>
#include <QFile>
#include <QtTest>
#include <sqlite3.h>

#include <sstream>

using namespace cxt;

namespace {

std::vector<AdminEvent> eventsOf(Store &store, const std::string &action)
{
    std::vector<AdminEvent> out;
    for (auto &e : store.adminEvents(0))
        if (e.action == action)
            out.push_back(e);
    return out;
}

// Runs `sql` on the county's database; returns the error message ("" if it ran).
std::string tryExec(County &c, const std::string &sql)
{
    if (c.postgres()) {
        try {
            c.db.exec(sql, true);
            return "";
        } catch (const std::exception &e) {
            return e.what();
        }
    }
    sqlite3 *db = nullptr;
    sqlite3_open((c.dir.path() + "/cunxiao.db").toStdString().c_str(), &db);
    sqlite3_busy_timeout(db, 5000);
    char *err = nullptr;
    std::string msg;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK)
        msg = err ? err : "error";
    sqlite3_free(err);
    sqlite3_close(db);
    return msg;
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT
private slots:
    void accountsRolesAndSchoolsAreAudited()
    {
        County c; // County's addUser calls: five account-created events
        QCOMPARE(eventsOf(*c.store, "account-created").size(), size_t(5));
        addUser(*c.store, "inspector", "inspector", {"A"}, "secret1", "admin (li)", kNow);
        auto changed = eventsOf(*c.store, "account-changed");
        QCOMPARE(changed.size(), size_t(1));
        QCOMPARE(changed[0].actor, std::string("admin (li)"));
        QCOMPARE(changed[0].subject, std::string("inspector"));
        QCOMPARE(changed[0].detail["old_schools"], (Json{"A", "B"}));
        QCOMPARE(changed[0].detail["schools"], (Json{"A"}));
        QCOMPARE(changed[0].detail["password_changed"].get<bool>(), false);
        QCOMPARE(changed[0].at, kNow);
        std::ostringstream text;
        writeAudit(readAudit(*c.store, auditFilter("inspector", "", kNow)), text, false);
        QVERIFY2(text.str().find("admin (li) changed account inspector: schools A,B -> A\n") != std::string::npos,
                 text.str().c_str());
        addSchool(*c.store, "C", "School C", "Test", kNow, "admin (li)");
        QCOMPARE(eventsOf(*c.store, "school-added").size(), size_t(1));
    }

    void revokeFormsAndExportsAreAudited()
    {
        County c;
        {
            Transaction tx(*c.store);
            revokeUser(*c.store, "teacher.b", "admin (li)", kNow);
            tx.commit();
        }
        auto revoke = eventsOf(*c.store, "revoke");
        QCOMPARE(revoke.size(), size_t(1));
        QCOMPARE(revoke[0].detail["wipe"].get<bool>(), true);

        Json field = {{"name", "visitor"}, {"type", "text"}, {"label", {{"zh", "家访人"}, {"en", "Visitor"}}}};
        Json def = {
            {"id", "visit"},
            {"roles", Json::array({"teacher"})},
            {"title", {{"zh", "家访"}, {"en", "Visit"}}},
            {"pages",
             Json::array({{{"id", "p1"}, {"title", {{"zh", "家访"}, {"en", "Visit"}}}, {"fields", Json::array({field})}}})}};
        publishForm(*c.store, def, kNow, "admin (li)");
        auto pub = eventsOf(*c.store, "form-published");
        QCOMPARE(pub.size(), size_t(1));
        QCOMPARE(pub[0].subject, std::string("forms/visit"));

        {
            Transaction tx(*c.store);
            serverPut(*c.store, "pupils", "p1", "A", {{"name", "李小梅"}}, "t", kNow);
            serverPut(*c.store, "pupils", "p2", "A", {{"name", "王芳"}}, "t", kNow);
            tx.commit();
        }
        std::ostringstream csv;
        QCOMPARE(exportRecords(*c.store, "pupils", std::string("A"), ExportFormat::Csv, csv, "admin (li)", kNow + 5), size_t(2));
        auto ex = eventsOf(*c.store, "export");
        QCOMPARE(ex.size(), size_t(1));
        QCOMPARE(ex[0].actor, std::string("admin (li)"));
        QCOMPARE(ex[0].subject, std::string("pupils"));
        QCOMPARE(ex[0].detail["rows"].get<int>(), 2);
        QCOMPARE(ex[0].detail["school"].get<std::string>(), std::string("A"));
        QCOMPARE(ex[0].detail["format"].get<std::string>(), std::string("csv"));
        std::ostringstream none;
        QVERIFY_THROWS_EXCEPTION(cx::Error, exportRecords(*c.store, "pupils", std::string("Z"), ExportFormat::Csv, none));
    }

    // The database refuses to change or delete audit rows, whoever asks.
    void auditRowsCannotChange()
    {
        County c;
        DeviceSession d = c.device("head.a", "dev-1");
        c.sync(d, {put(1, "pupils", "p1", "A", {{"name", "x"}}, ver(kNow, d.node))});
        for (const char *table : {"audit", "signin_audit", "admin_audit"}) {
            const std::string t = table;
            const std::string upd = tryExec(c, "UPDATE " + t + " SET at = 0");
            QVERIFY2(upd.find("append-only") != std::string::npos, (t + ": " + upd).c_str());
            const std::string del = tryExec(c, "DELETE FROM " + t);
            QVERIFY2(del.find("append-only") != std::string::npos, (t + ": " + del).c_str());
        }
        QCOMPARE(c.store->auditOf("pupils", "p1").size(), size_t(1));
        QVERIFY(!c.store->adminEvents(0).empty());
        // An insert still works (the audit grows).
        QCOMPARE(tryExec(c, "INSERT INTO admin_audit(at, actor, action, subject, detail, source) "
                            "VALUES(1, 'x', 'test', 'y', '{}', '')"),
                 std::string());
    }

    // No code path writes UPDATE or DELETE against an audit table.
    void noCodeChangesAuditRows()
    {
        QDirIterator it(QStringLiteral(CX_SOURCE_DIR "/server"), {"*.cpp", "*.h"}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        const QRegularExpression bad(
            R"((UPDATE\s+(signin_audit|admin_audit|audit)\b|DELETE\s+FROM\s+(signin_audit|admin_audit|audit)\b|TRUNCATE\s+(TABLE\s+)?(signin_audit|admin_audit|audit)\b))",
            QRegularExpression::CaseInsensitiveOption);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            ++files;
            auto m = bad.match(text);
            QVERIFY2(!m.hasMatch(), qPrintable(f.fileName() + ": " + m.captured(0)));
        }
        QVERIFY(files > 20);
    }

    // The reader: every kind, in time order, filtered by user, record and date.
    void readerFiltersAndFormats()
    {
        County c;
        DeviceSession d = c.device("head.a", "0190c000-0000-7000-8000-000000000001");
        c.store->addSignInEvent(SignInEvent{kNow + 1, "head.a", d.device, "10.0.0.9", "wrong-password"});
        c.sync(d, {put(1, "pupils", "p1", "A", {{"name", "x"}, {"grade", 3}}, ver(kNow + 2, d.node))}, {}, 1 << 20, kNow + 2);
        c.sync(d, {put(2, "pupils", "p2", "A", {{"name", "y"}}, ver(kNow + 3, d.node))}, {}, 1 << 20, kNow + 3);
        revokeOneDevice(*c.store, d.device, "admin (li)", kNow + 4);

        auto all = readAudit(*c.store, auditFilter("", "", 0));
        for (size_t i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].at <= all[i].at);

        auto mine = readAudit(*c.store, auditFilter("head.a", "", kNow + 1));
        std::ostringstream text;
        writeAudit(mine, text, false);
        const std::string t = text.str();
        QVERIFY2(t.find("head.a failed to sign in (wrong-password) from 10.0.0.9") != std::string::npos, t.c_str());
        QVERIFY2(t.find("head.a changed pupils/p1 (school A): grade, name from device " + d.device) != std::string::npos,
                 t.c_str());
        QVERIFY2(t.find("admin (li) revoked device " + d.device + " of head.a") != std::string::npos, t.c_str());
        QVERIFY2(t.find("created account head.a: role head, schools A") != std::string::npos, t.c_str());
        QVERIFY2(t.find("teacher.b") == std::string::npos, t.c_str()); // not about head.a
        // --since leaves out what came before.
        for (const auto &l : readAudit(*c.store, auditFilter("head.a", "", kNow + 2))) {
            QVERIFY(l.at >= kNow + 2);
            QVERIFY(l.kind != "sign-in");
        }

        auto one = readAudit(*c.store, auditFilter("", "pupils/p1", 0));
        QCOMPARE(one.size(), size_t(1));
        std::ostringstream json;
        writeAudit(one, json, true);
        Json j = Json::parse(json.str());
        QCOMPARE(j["kind"].get<std::string>(), std::string("record"));
        QCOMPARE(j["user"].get<std::string>(), std::string("head.a"));
        QCOMPARE(j["device"].get<std::string>(), d.device);
        QCOMPARE(j["at"].get<int64_t>(), kNow + 2);
        QCOMPARE(j["fields"], (Json{"grade", "name"}));

        QVERIFY_THROWS_EXCEPTION(cx::Error, auditFilter("", "pupils", 0));
        QVERIFY_THROWS_EXCEPTION(cx::Error, parseLocalTime("yesterday", "--since"));
        QVERIFY_THROWS_EXCEPTION(cx::Error, parseLocalTime("2026-13-01", "--since"));
        QVERIFY(parseLocalTime("2026-12-06", "--since") < parseLocalTime("2026-12-06T08:30", "--since"));
        QCOMPARE(parseLocalTime("2026-12-06T08:30:15", "--since") - parseLocalTime("2026-12-06T08:30", "--since"),
                 int64_t(15000));
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"

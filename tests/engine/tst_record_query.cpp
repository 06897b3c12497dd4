// RecordQuery against the engine on a replica that went through a real bureau
// (the cunxiao-server process over TLS): every record it returns equals what
// Engine::get/list return, including records with pending, sent, rejected and
// conflicting edits and deleted ones; search, conditions and sort are done in
// SQL and paged; and its own read-only connection reads while the engine's
// connection holds a write transaction.
#include "TestKey.h"
#include "Fixture.h"
#include "engine/Engine.h"
#include "engine/RecordQuery.h"

#include <QtTest>

#include <set>

namespace {
// Everything a LocalRecord holds, as JSON, so QCOMPARE shows the difference.
QByteArray full(const cx::LocalRecord &r)
{
    cx::Json j = r.toJson();
    j["raw_fields"] = r.fields;
    j["reason"] = r.rejectReason;
    j["field_reasons"] = r.rejectFields;
    cx::Json v = cx::Json::object();
    for (const auto &[f, ver] : r.versions)
        v[f] = ver.toString();
    j["versions"] = v;
    j["by"] = r.by;
    j["conflict_count"] = r.conflicts.size();
    return QByteArray::fromStdString(j.dump());
}

QStringList ids(const std::vector<cx::LocalRecord> &rs)
{
    QStringList out;
    for (const auto &r : rs)
        out << QString::fromStdString(r.id);
    return out;
}
} // namespace

class TestRecordQuery : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> b;
    QString conflictId, rejectedId, pendingId, deletedId, newId;

    QString put(const QString &db, const QString &id, const QStringList &fields, const QString &school = {})
    {
        QStringList args = {"put", "pupils", id};
        if (!school.isEmpty())
            args << "--school" << school;
        args += fields;
        CliResult r = b->cli(db, args);
        if (r.exitCode != 0)
            qWarning("put failed: %s", qPrintable(r.err));
        return r.exitCode == 0 ? (id == "-" ? r.out.trimmed() : id) : QString();
    }
    int sync(const QString &db) { return b->cli(db, {"sync"}).exitCode; }
    std::string dbPath() const { return b->path("head1.db").toStdString(); }

private slots:
    void initTestCase()
    {
        b = std::make_unique<BureauFixture>(true);
        b->addSchool("S1", "红旗村完小");
        b->addSchool("S2", "石门教学点");
        b->addUser("head1", "head", "S1");
        b->addUser("teacher1", "teacher", "S1");
        b->start();
        b->enroll("head1.db", "head1");
        b->enroll("teacher1.db", "teacher1");

        // 30 confirmed pupils in grades 1-3, classes 1-2.
        for (int i = 0; i < 30; ++i)
            QVERIFY(!put("head1.db", "-",
                         {QString("name=学生%1").arg(i, 2, 10, QLatin1Char('0')), QString("grade=%1").arg(1 + i % 3),
                          QString("class=\"%1\"").arg(1 + i % 2), "code=P" + QString::number(1000 + i)})
                         .isEmpty());
        conflictId = put("head1.db", "-", {"name=赵磊", "grade=4"});
        pendingId = put("head1.db", "-", {"name=钱芳", "grade=2"});
        deletedId = put("head1.db", "-", {"name=孙丽", "grade=2"});
        QCOMPARE(sync("head1.db"), 0);
        QCOMPARE(sync("teacher1.db"), 0);
        // Same field on two devices: one conflict.
        put("head1.db", conflictId, {"grade=5"});
        put("teacher1.db", conflictId, {"grade=6"});
        QCOMPARE(sync("head1.db"), 0);
        QCOMPARE(sync("teacher1.db"), 0);
        QCOMPARE(sync("head1.db"), 0);
        // Out of this head's scope: the server refuses it.
        rejectedId = put("head1.db", "-", {"name=越权", "grade=1"}, "S2");
        QCOMPARE(sync("head1.db"), 6);
        b->stop();
    }

    void sameRecordsAsTheEngine()
    {
        cx::Engine engine(dbPath(), cliKey(dbPath()));
        // Local edits not yet sent: a changed name, a deletion, a new pupil.
        engine.put("pupils", pendingId.toStdString(), {}, cx::Json{{"name", "钱芳芳"}, {"class", "2"}});
        engine.remove("pupils", deletedId.toStdString());
        newId = QString::fromStdString(engine.put("pupils", {}, {}, cx::Json{{"name", "新生"}, {"grade", 1}}));

        std::set<std::string> states;
        for (const auto &r : engine.list("pupils", true))
            states.insert(r.deleted ? "deleted" : cx::syncStateName(r.state));
        QVERIFY(states.count("conflict") && states.count("rejected") && states.count("pending") && states.count("confirmed") &&
                states.count("deleted"));

        cx::RecordQuery q(dbPath(), cliKey(dbPath()));
        for (const auto &r : engine.list("pupils", true)) {
            auto mine = q.get("pupils", r.id);
            QVERIFY2(mine.has_value(), r.id.c_str());
            QCOMPARE(full(*mine), full(r));
        }
        QVERIFY(!q.get("pupils", "nobody").has_value());

        // The whole live collection, in id order, both ways.
        const auto all = engine.list("pupils");
        cx::RecordSelection s;
        s.collection = "pupils";
        QCOMPARE(q.select(s), all.size());
        QCOMPARE(q.count(s), all.size());
        auto viaRows = q.rows(0, 1000);
        auto viaList = q.list(s);
        QCOMPARE(viaRows.size(), all.size());
        QCOMPARE(viaList.size(), all.size());
        for (size_t i = 0; i < all.size(); ++i) {
            QCOMPARE(full(viaRows[i]), full(all[i]));
            QCOMPARE(full(viaList[i]), full(all[i]));
        }
        QVERIFY(!ids(viaRows).contains(deletedId));
        QVERIFY(ids(viaRows).contains(newId) && ids(viaRows).contains(rejectedId));
        auto c = q.get("pupils", conflictId.toStdString());
        QCOMPARE(c->state, cx::SyncState::Conflict);
        QCOMPARE(c->conflicts.size(), size_t(1));
        QVERIFY(!q.get("pupils", rejectedId.toStdString())->rejectReason.empty());
        QCOMPARE(q.countInState("rejected"), engine.rejected().size());
        QCOMPARE(q.countInState("conflict"), engine.conflicts().size());
        QCOMPARE(q.countInState("conflict"), size_t(1));
    }

    void searchConditionsSortAndPages()
    {
        cx::Engine engine(dbPath(), cliKey(dbPath()));
        cx::RecordQuery q(dbPath(), cliKey(dbPath()));
        cx::RecordSelection s;
        s.collection = "pupils";
        s.sortField = "name";
        const size_t n = q.select(s);
        // Pages join up to the whole sorted list, each row once.
        QStringList paged;
        for (size_t off = 0; off < n; off += 7)
            paged += ids(q.rows(off, 7));
        QCOMPARE(size_t(paged.size()), n);
        QCOMPARE(q.rows(n, 7).size(), size_t(0));
        auto first = q.rows(0, 1);
        QCOMPARE(first[0].fields["name"].get<std::string>(), std::string("学生00"));
        std::vector<std::string> names;
        for (const auto &r : q.rows(0, n))
            names.push_back(r.fields.value("name", ""));
        QVERIFY(std::is_sorted(names.begin(), names.end()));
        s.descending = true;
        q.select(s);
        QCOMPARE(q.rows(0, 1)[0].fields["name"].get<std::string>(), names.back());

        // Search by name or code (case-insensitive), grade (a number) and class (a string) as text.
        s = {};
        s.collection = "pupils";
        s.search = " 学生1";
        QCOMPARE(q.count(s), size_t(10));
        s.search = "p102";
        QCOMPARE(q.count(s), size_t(10));
        s.search = {};
        s.conditions = {{"grade", cx::FieldCondition::Eq, "3"}, {"class", cx::FieldCondition::Eq, "1"}};
        size_t expect = 0;
        for (const auto &r : engine.list("pupils"))
            expect += r.fields.value("grade", cx::Json()).dump() == "3" && r.fields.value("class", cx::Json()) == "1";
        QVERIFY(expect > 0);
        QCOMPARE(q.count(s), expect);
        QCOMPARE(q.select(s), expect);
        for (const auto &r : q.rows(0, 100))
            QCOMPARE(r.fields["grade"].get<int>(), 3);
        s.conditions = {{"grade", cx::FieldCondition::Ge, "4"}};
        QCOMPARE(q.count(s), size_t(1)); // the conflicting one (5 or 6)
        s.conditions = {{"code", cx::FieldCondition::NotEmpty, {}}};
        QCOMPARE(q.count(s), size_t(30));

        std::vector<std::string> grades = q.distinct("pupils", "grade");
        std::sort(grades.begin(), grades.end());
        QVERIFY(grades.size() >= 3);
        QCOMPARE(grades[0], std::string("1"));
        bool refused = false;
        try {
            q.distinct("pupils", "bad'field");
        } catch (const std::exception &) {
            refused = true;
        }
        QVERIFY(refused);
    }

    void textKeyOrdersText()
    {
        // A key that reverses code-point order: the sort follows the key.
        cx::RecordQuery q(dbPath(), cliKey(dbPath()), [](std::string_view v) {
            std::string k(v);
            for (char &c : k)
                c = char(255 - static_cast<unsigned char>(c));
            return k + char(255);
        });
        cx::RecordSelection s;
        s.collection = "pupils";
        s.sortField = "name";
        s.search = "学生";
        q.select(s);
        QCOMPARE(q.rows(0, 1)[0].fields["name"].get<std::string>(), std::string("学生29"));
    }

    void readsWhileTheEngineWrites()
    {
        cx::Engine engine(dbPath(), cliKey(dbPath()));
        cx::RecordQuery q(dbPath(), cliKey(dbPath()));
        cx::RecordSelection s;
        s.collection = "pupils";
        const size_t before = q.count(s);
        cx::Transaction t(engine.replica().db());
        engine.replica().db().exec("UPDATE records SET deleted=1 WHERE collection='pupils'");
        // The write transaction stays open across the read: a reader that had
        // to wait for it would give up with SQLITE_BUSY and throw.
        QCOMPARE(q.select(s), before); // the last committed state
        // Rolled back when t goes out of scope.
    }
};

QTEST_GUILESS_MAIN(TestRecordQuery)
#include "tst_record_query.moc"

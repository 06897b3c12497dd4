// Forms through the real server: the bureau publishes, a head submits; a valid
// submission is accepted, an invalid one rejected with reasons per field, a
// submitted one never changes, a returned one comes back with its comment, a
// malformed definition is refused and the previous version stays, and a draft
// outlives a new version of its form.
#include "Fixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

class TestFormsE2E : public QObject
{
    Q_OBJECT
    std::unique_ptr<BureauFixture> b;
    QJsonObject valid;

    QString formPath() const { return QString(CX_SOURCE_DIR) + "/forms/county/safety_hazard.json"; }

    // Every cunxiao-cli run here is checked for its exit code before its output is
    // looked at: an empty output of a command that failed proves nothing.
    CliResult run(const QString &db, const QStringList &args, int expectedExit = 0)
    {
        CliResult r = b->cli(db, args);
        [&] {
            QVERIFY2(r.exitCode == expectedExit, qPrintable(QString("%1 on %2 exited %3, expected %4: %5")
                                                                .arg(args.join(' ').left(120), db)
                                                                .arg(r.exitCode)
                                                                .arg(expectedExit)
                                                                .arg(r.err.trimmed())));
        }();
        return r;
    }

    QJsonObject get(const QString &db, const QString &c, const QString &id)
    {
        CliResult r = run(db, {"get", c, id});
        QJsonParseError pe;
        QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8(), &pe);
        [&] { QVERIFY2(pe.error == QJsonParseError::NoError && d.isObject(), qPrintable("get printed: " + r.out)); }();
        return d.object();
    }

    // The record is not on the device: `get` says so (exit 1, one line), not a crash.
    void verifyAbsent(const QString &db, const QString &c, const QString &id)
    {
        CliResult r = run(db, {"get", c, id}, 1);
        QCOMPARE(r.err, QString("cunxiao-cli: no record %1/%2\n").arg(c, id));
        QVERIFY(r.out.isEmpty());
    }

    QString submit(const QString &db, const QJsonObject &answers, const QString &status = "submitted", int version = 1)
    {
        CliResult r =
            run(db, {"put", "submissions", "-", "form=safety_hazard", QString("form_version=%1").arg(version), "status=" + status,
                     "answers=" + QString::fromUtf8(QJsonDocument(answers).toJson(QJsonDocument::Compact))});
        QString id = r.out.trimmed();
        [&] { QVERIFY2(r.exitCode != 0 || !id.isEmpty(), "put printed no id"); }();
        return id;
    }

private slots:
    void initTestCase()
    {
        QFile f(QString(CX_SOURCE_DIR) + "/tests/forms/samples/safety_hazard.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        valid = QJsonDocument::fromJson(f.readAll()).object()["valid"].toObject();
        QVERIFY(!valid.isEmpty());
        b = std::make_unique<BureauFixture>(true);
        b->addSchool("S1", "红旗村完小");
        b->addUser("head1", "head", "S1");
        b->addUser("bureau1", "bureau", "");
        b->admin({"publish-form", formPath()});
        b->admin({"publish-form", QString(CX_SOURCE_DIR) + "/forms/county/school_inspection.json"});
        b->start();
        b->enroll("head1.db", "head1");
        b->enroll("bureau1.db", "bureau1");
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
    }

    void formReachesTheDevice()
    {
        QJsonObject form = get("head1.db", "forms", "safety_hazard");
        QCOMPARE(form["fields"].toObject()["version"].toInt(), 1);
        QVERIFY(form["fields"].toObject()["definition"].toObject().contains("pages"));
    }

    // Forms reach only the roles (and schools) they are meant for; the bureau sees all.
    void formsReachOnlyWhoTheyAreFor()
    {
        verifyAbsent("head1.db", "forms", "school_inspection");
        verifyAbsent("head1.db", "form_versions", "school_inspection.v1");
        QCOMPARE(b->cli("bureau1.db", {"sync"}).exitCode, 0);
        QCOMPARE(get("bureau1.db", "forms", "school_inspection")["fields"].toObject()["version"].toInt(), 1);
        // The head's replica still agrees with the server's checksum of "*".
        QJsonObject st = run("head1.db", {"status", "--json"}).json().object();
        QVERIFY2(st.contains("recent_errors"), qPrintable(QJsonDocument(st).toJson()));
        QCOMPARE(st["recent_errors"].toArray().size(), 0);
        QJsonObject rep = run("head1.db", {"sync", "--json"}).json().object();
        QVERIFY2(rep.contains("repaired_scopes"), qPrintable(QJsonDocument(rep).toJson()));
        QCOMPARE(rep["repaired_scopes"].toInt(), 0);
    }

    void validSubmissionIsAccepted()
    {
        QString id = submit("head1.db", valid);
        QVERIFY(!id.isEmpty());
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QCOMPARE(get("head1.db", "submissions", id)["state"].toString(), "confirmed");
        QJsonObject server = b->serverRecords("submissions")[id].toObject();
        QCOMPARE(server["fields"].toObject()["status"].toString(), "submitted");
        QCOMPARE(server["fields"].toObject()["answers"].toObject()["place"].toString(), "dormitory");
    }

    void invalidSubmissionIsRejectedWithReasonsPerField()
    {
        QJsonObject bad = valid;
        bad["severity"] = "critical"; // a critical hazard must be fixed within 7 days
        QString id = submit("head1.db", bad);
        QVERIFY(!id.isEmpty());
        CliResult r = b->cli("head1.db", {"sync"});
        QCOMPARE(r.exitCode, 6);
        QJsonObject rec = get("head1.db", "submissions", id);
        QCOMPARE(rec["state"].toString(), "rejected");
        QVERIFY2(rec["field_reasons"].toObject().contains("deadline"), qPrintable(QJsonDocument(rec).toJson()));
        QVERIFY(!b->serverRecords("submissions").contains(id));
        // Fixing the deadline sends the whole corrected submission again.
        QCOMPARE(b->cli("head1.db", {"put", "submissions", id,
                                     "answers=" + QString::fromUtf8(QJsonDocument([&] {
                                                                        QJsonObject a = bad;
                                                                        a["deadline"] = "2025-10-18";
                                                                        return a;
                                                                    }())
                                                                        .toJson(QJsonDocument::Compact))})
                     .exitCode,
                 0);
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QCOMPARE(get("head1.db", "submissions", id)["state"].toString(), "confirmed");
        QCOMPARE(b->serverRecords("submissions")[id].toObject()["fields"].toObject()["status"].toString(), "submitted");
    }

    void submittedNeverChangesCorrectionIsNew()
    {
        QString id = submit("head1.db", valid);
        QVERIFY(!id.isEmpty());
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QJsonObject changed = valid;
        changed["place"] = "canteen";
        QCOMPARE(b->cli("head1.db", {"put", "submissions", id,
                                     "answers=" + QString::fromUtf8(QJsonDocument(changed).toJson(QJsonDocument::Compact))})
                     .exitCode,
                 0);
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 6);
        QVERIFY2(get("head1.db", "submissions", id)["reason"].toString().contains("correction"),
                 qPrintable(QJsonDocument(get("head1.db", "submissions", id)).toJson()));
        QCOMPARE(b->serverRecords("submissions")[id].toObject()["fields"].toObject()["answers"].toObject()["place"].toString(),
                 "dormitory");
        QCOMPARE(b->cli("head1.db", {"discard", "submissions", id}).exitCode, 0);
        CliResult c = b->cli("head1.db", {"put", "submissions", "-", "form=safety_hazard", "form_version=1", "status=submitted",
                                          "corrects=" + id, "reason=地点填错",
                                          "answers=" + QString::fromUtf8(QJsonDocument(changed).toJson(QJsonDocument::Compact))});
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QVERIFY(!c.out.trimmed().isEmpty());
        QJsonObject corr = b->serverRecords("submissions")[c.out.trimmed()].toObject()["fields"].toObject();
        QCOMPARE(corr["corrects"].toString(), id);
        QCOMPARE(b->serverRecords("submissions")[id].toObject()["fields"].toObject()["answers"].toObject()["place"].toString(),
                 "dormitory"); // the history stays
    }

    void returnedComesBackAsATask()
    {
        QString id = submit("head1.db", valid);
        QVERIFY(!id.isEmpty());
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QCOMPARE(b->cli("bureau1.db", {"sync"}).exitCode, 0);
        // A head may not accept its own return.
        QCOMPARE(b->cli("head1.db", {"put", "submissions", id, "status=accepted"}).exitCode, 0);
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 6);
        QCOMPARE(b->cli("head1.db", {"discard", "submissions", id}).exitCode, 0);
        // Returning needs a comment.
        QCOMPARE(b->cli("bureau1.db", {"put", "submissions", id, "status=returned"}).exitCode, 0);
        QCOMPARE(b->cli("bureau1.db", {"sync"}).exitCode, 6);
        QCOMPARE(b->cli("bureau1.db", {"put", "submissions", id, "comment=请补充整改后的照片"}).exitCode, 0);
        QCOMPARE(b->cli("bureau1.db", {"sync"}).exitCode, 0);
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QJsonObject rec = get("head1.db", "submissions", id);
        QCOMPARE(rec["fields"].toObject()["status"].toString(), "returned");
        QCOMPARE(rec["fields"].toObject()["comment"].toString(), "请补充整改后的照片");
        QCOMPARE(rec["state"].toString(), "confirmed");
    }

    void malformedDefinitionIsRefusedPreviousStays()
    {
        QString bad = b->path("bad-form.json");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Well formed but for the constraint, so that it is refused for that.
        f.write(R"({"id":"safety_hazard","version":2,"roles":["head"],"title":{"zh":"坏","en":"bad"},)"
                R"("pages":[{"title":{"zh":"页","en":"page"},"fields":[{"name":"x","type":"integer",)"
                R"("label":{"zh":"x","en":"x"},"constraint":". >= "}]}]})");
        f.close();
        QProcess p;
        p.start(CX_SERVER_EXE, {"admin", b->location(), "publish-form", bad});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 1, qPrintable(err));
        QVERIFY2(err.contains("form 'safety_hazard', field 'x', constraint, position 6: expected a value"), qPrintable(err));
        QCOMPARE(b->serverRecords("forms")["safety_hazard"].toObject()["fields"].toObject()["version"].toInt(), 1);
        // The bureau's own device cannot slip one in either.
        QCOMPARE(b->cli("bureau1.db", {"put", "forms", "safety_hazard", "--school", "*",
                                       R"(definition={"id":"safety_hazard","pages":"oops"})", "version=3"})
                     .exitCode,
                 0);
        QCOMPARE(b->cli("bureau1.db", {"sync"}).exitCode, 6);
        QCOMPARE(b->serverRecords("forms")["safety_hazard"].toObject()["fields"].toObject()["version"].toInt(), 1);
    }

    void draftOutlivesANewVersion()
    {
        QJsonObject partial{{"place", "toilet"}, {"description", "厕所墙体开裂"}};
        QString draft = submit("head1.db", partial, "draft");
        QVERIFY(!draft.isEmpty());
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        // Version 2 of the form.
        QFile src(formPath());
        QVERIFY(src.open(QIODevice::ReadOnly));
        QJsonObject def = QJsonDocument::fromJson(src.readAll()).object();
        def["version"] = 2;
        QFile v2(b->path("v2.json"));
        QVERIFY(v2.open(QIODevice::WriteOnly));
        v2.write(QJsonDocument(def).toJson());
        v2.close();
        b->admin({"publish-form", b->path("v2.json")});
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QCOMPARE(get("head1.db", "forms", "safety_hazard")["fields"].toObject()["version"].toInt(), 2);
        // The old version is still on the device, and the draft with every answer.
        QCOMPARE(get("head1.db", "form_versions", "safety_hazard.v1")["fields"].toObject()["version"].toInt(), 1);
        QJsonObject d = get("head1.db", "submissions", draft)["fields"].toObject();
        QCOMPARE(d["form_version"].toInt(), 1);
        QCOMPARE(d["answers"].toObject(), partial);
        // A submission made on version 1 is still checked against version 1.
        QString late = submit("head1.db", valid, "submitted", 1);
        QVERIFY(!late.isEmpty());
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QCOMPARE(get("head1.db", "submissions", late)["state"].toString(), "confirmed");
    }

    // A datetime answer ("2026-12-07T09:30:00+08:00") goes through the server: a
    // good one is accepted as written, a malformed one is rejected with a reason
    // naming the field and the value, and so is one the constraint refuses.
    void dateTimeAnswersThroughTheServer()
    {
        QFile f(b->path("visit_times.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"id":"visit_times","version":1,"roles":["head"],"title":{"zh":"到校时间","en":"Arrivals"},
            "fields":[{"name":"arrived","type":"datetime","label":{"zh":"到达","en":"Arrived"},"required":true},
                      {"name":"left","type":"datetime","label":{"zh":"离开","en":"Left"},"constraint":". > ${arrived}",
                       "constraint_message":{"zh":"应晚于到达","en":"after arriving"}}]})");
        f.close();
        b->admin({"publish-form", b->path("visit_times.json")});
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QCOMPARE(get("head1.db", "forms", "visit_times")["fields"]
                     .toObject()["definition"]
                     .toObject()["fields"]
                     .toArray()[0]
                     .toObject()["type"]
                     .toString(),
                 QString("datetime"));
        auto put = [&](const QString &answers) {
            CliResult r = run("head1.db", {"put", "submissions", "-", "form=visit_times", "form_version=1", "status=submitted",
                                           "answers=" + answers});
            return r.out.trimmed();
        };
        const QString good = put(R"({"arrived":"2026-12-07T08:05:00+08:00","left":"2026-12-07T09:30:00Z"})");
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 0);
        QCOMPARE(get("head1.db", "submissions", good)["state"].toString(), "confirmed");
        QJsonObject answers = b->serverRecords("submissions")[good].toObject()["fields"].toObject()["answers"].toObject();
        QCOMPARE(answers["arrived"].toString(), QString("2026-12-07T08:05:00+08:00"));
        QCOMPARE(answers["left"].toString(), QString("2026-12-07T09:30:00Z"));

        const QString malformed = put(R"({"arrived":"2026-12-07 08:05"})");
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 6);
        QJsonObject rec = get("head1.db", "submissions", malformed);
        QCOMPARE(rec["state"].toString(), "rejected");
        const QString reasons = QString::fromUtf8(QJsonDocument(rec["field_reasons"].toObject()).toJson());
        QVERIFY2(rec["field_reasons"].toObject().contains("arrived") && reasons.contains("2026-12-07 08:05"),
                 qPrintable(reasons));
        QVERIFY(!b->serverRecords("submissions").contains(malformed));

        // 08:05 in Beijing is 00:05 UTC: leaving at 00:00 UTC is before arriving.
        const QString early = put(R"({"arrived":"2026-12-07T08:05:00+08:00","left":"2026-12-07T00:00:00Z"})");
        QCOMPARE(b->cli("head1.db", {"sync"}).exitCode, 6);
        rec = get("head1.db", "submissions", early);
        QCOMPARE(rec["state"].toString(), "rejected");
        QVERIFY2(rec["field_reasons"].toObject().contains("left"), qPrintable(QJsonDocument(rec).toJson()));
    }
};

QTEST_GUILESS_MAIN(TestFormsE2E)
#include "tst_forms_e2e.moc"

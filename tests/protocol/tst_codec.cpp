// The wire codec: round trips, compression limits, and malformed input
// reported with the path of the bad part.
#include "protocol/Compression.h"
#include "protocol/Errors.h"
#include "protocol/Messages.h"

#include <QtTest>

#include <functional>

using namespace cx;

class TestCodec : public QObject
{
    Q_OBJECT
private slots:
    void compressionRoundTrip()
    {
        std::string text;
        for (int i = 0; i < 2000; ++i)
            text += "{\"name\":\"李小梅\",\"grade\":3},";
        std::string z = compress(text);
        QVERIFY(z.size() < text.size() / 10);
        QCOMPARE(decompress(z), text);
    }

    void decompressionRefusesBombs()
    {
        std::string big(8 * 1024 * 1024, 'a');
        std::string z = compress(big);
        QVERIFY_THROWS_EXCEPTION(Error, decompress(z, 1024 * 1024));
    }

    void decompressionRefusesGarbageAndTruncation()
    {
        QVERIFY_THROWS_EXCEPTION(Error, decompress("this is not zstd"));
        std::string z = compress(std::string(100000, 'x') + "tail");
        QVERIFY_THROWS_EXCEPTION(Error, decompress(z.substr(0, z.size() / 2)));
    }

    // A body damaged on the way (one byte of a reply changed, as the
    // simulation's garbled replies do) is refused, never decoded into other
    // bytes: the device would apply values nobody wrote (soak seed 1681 held
    // "v8992" where the server had "v89d0").
    void decompressionRefusesADamagedBody()
    {
        Json changes = Json::array();
        for (int i = 0; i < 40; ++i)
            changes.push_back(Json{{"c", "pupils"},
                                   {"id", "r" + std::to_string(i)},
                                   {"f", {{"name", "v" + std::to_string(i * 7919 % 1000) + "d" + std::to_string(i % 6)}}}});
        const std::string text = Json{{"changes", changes}}.dump();
        const std::string z = compress(text);
        int wrong = 0;
        for (size_t pos = 0; pos < z.size(); ++pos) {
            std::string bad = z;
            bad[pos] = char(bad[pos] ^ 0x5a);
            try {
                if (decompress(bad) != text)
                    ++wrong;
            } catch (const Error &) {
            }
        }
        QCOMPARE(wrong, 0);
    }

    void requestRoundTrip()
    {
        SyncRequest r;
        r.device = "0190b2c3-d4e5-7000-8000-000000000001";
        r.cursor["S1"] = 42;
        r.cursor["*"] = 3;
        Mutation m;
        m.n = 7;
        m.collection = "pupils";
        m.id = "p1";
        m.school = "S1";
        m.fields = Json{{"name", "王芳"}, {"grade", 4}};
        m.base["name"] = Version{99, 2};
        m.base["grade"] = std::nullopt;
        m.version = Version{100, 2};
        r.mutations.push_back(m);
        SyncRequest back = SyncRequest::fromJson(Json::parse(r.toJson().dump()));
        QCOMPARE(back.toJson(), r.toJson());
        // A field the device saw no value of is left out of base: absent and
        // null are the same to the merge (an older server reads it the same way).
        QVERIFY(!back.mutations[0].base.count("grade"));
        QCOMPARE(r.toJson()["mutations"][0]["base"], (Json{{"name", Version{99, 2}.toString()}}));
        QCOMPARE(back.mutations[0].base.at("name"), std::optional<Version>(Version{99, 2}));
    }

    void responseRoundTrip()
    {
        SyncResponse r;
        r.serverTime = 1'700'000'000'000;
        r.acked = 7;
        r.rejected.push_back(Rejection{6, "outside scope", Json::object()});
        RecordState s;
        s.collection = "pupils";
        s.id = "p1";
        s.school = "S1";
        s.seq = 12;
        s.fields = Json{{"name", "王芳"}};
        s.versions["name"] = Version{100, 2};
        s.by["name"] = "li.na";
        s.conflicts.push_back(Conflict{"name", "王方", Version{99, 3}, "zhao"});
        r.changes.push_back(s);
        r.cursor["S1"] = 12;
        r.more = true;
        r.checksums["S1"] = "00000000000000ff";
        r.scopes = {"S1", "*"};
        SyncResponse back = SyncResponse::fromJson(Json::parse(r.toJson().dump()));
        QCOMPARE(back.toJson(), r.toJson());
        QVERIFY(back.changes[0] == s);
    }

    // Wire encoding 2: one version (and one author) for every field is written
    // once; fromJson reads both forms into the same state; anything not shared
    // by every field stays an object.
    void compactRecordState()
    {
        RecordState r;
        r.collection = "pupils";
        r.id = "p1";
        r.school = "A";
        r.seq = 7;
        r.fields = Json{{"name", "李小梅"}, {"grade", 3}};
        const Version v{0x0190b2c3d4e50003ull, 0x1f};
        r.versions = {{"name", v}, {"grade", v}};
        r.by = {{"name", "zhang.wei"}, {"grade", "zhang.wei"}};
        const Json compact = r.toJson(true);
        QVERIFY(compact["v"].is_string());
        QVERIFY(compact["by"].is_string());
        QVERIFY(r.toJson(false)["v"].is_object());
        QVERIFY(RecordState::fromJson(compact) == r);
        QVERIFY(RecordState::fromJson(r.toJson(false)) == r);
        QVERIFY(compact.dump().size() < r.toJson(false).dump().size());

        RecordState mixed = r;
        mixed.versions["grade"] = Version{0x0190b2c3d4e60000ull, 0x2a};
        mixed.by["grade"] = "li.na";
        QVERIFY(mixed.toJson(true)["v"].is_object());
        QVERIFY(mixed.toJson(true)["by"].is_object());
        QVERIFY(RecordState::fromJson(mixed.toJson(true)) == mixed);

        // A version for a field that has no value (not the same key set): stays an object.
        RecordState odd = r;
        odd.fields.erase("grade");
        QVERIFY(odd.toJson(true)["v"].is_object());
        QVERIFY(RecordState::fromJson(odd.toJson(true)) == odd);

        QVERIFY_THROWS_EXCEPTION(
            Error, RecordState::fromJson(
                       Json::parse(R"({"c":"pupils","id":"p1","school":"A","seq":1,"f":{"a":1},"v":"not-a-version","by":"x"})")));
    }

    // "enc" in a request: absent is 1; a number above what this side knows is read as the highest it knows.
    void wireEncodingNegotiated()
    {
        SyncRequest req;
        req.device = "d1";
        QVERIFY(!req.toJson().contains("enc"));
        QCOMPARE(SyncRequest::fromJson(req.toJson()).enc, 1);
        req.enc = kWireEncoding;
        QCOMPARE(SyncRequest::fromJson(req.toJson()).enc, kWireEncoding);
        Json future = req.toJson();
        future["enc"] = 99;
        QCOMPARE(SyncRequest::fromJson(future).enc, kWireEncoding);
        // A reply in an encoding this device does not read is refused, naming it.
        SyncResponse resp;
        Json r = resp.toJson();
        r["enc"] = 99;
        QVERIFY_THROWS_EXCEPTION(Error, SyncResponse::fromJson(r));
    }

    // Wire encoding 4: compact mutations leave out what follows from the one
    // before (n + 1, put, an empty base, the clock one tick later) and read
    // back as the same changes; a device's other node, an earlier clock, a
    // delete and a resolve keep what they need; a request without "compact"
    // is read whole as before, and a malformed compact one is refused, naming where.
    void compactMutations()
    {
        auto mut = [](uint64_t n, uint64_t hlc, uint32_t node) {
            Mutation m;
            m.n = n;
            m.collection = "pupils";
            m.id = "p" + std::to_string(n);
            m.school = "530102001";
            m.fields = Json{{"name", "李小梅"}};
            m.version = Version{hlc, node};
            return m;
        };
        SyncRequest req;
        req.device = "d1";
        req.enc = kWireEncoding;
        req.mutations = {mut(5, 100, 7), mut(6, 101, 7), mut(8, 300, 7), mut(9, 250, 7), mut(10, 260, 9)};
        req.mutations[3].op = Op::Delete;
        req.mutations[3].base["name"] = Version{90, 7};
        req.mutations[4].op = Op::Resolve;
        req.mutations[4].settles = {Version{80, 3}};
        const Json whole = req.toJson();
        req.compact = true;
        const Json c = req.toJson();
        QCOMPARE(c["compact"], Json(true));
        const Json &ms = c["mutations"];
        const Json first{{"c", "pupils"},
                         {"id", "p5"},
                         {"school", "530102001"},
                         {"f", {{"name", "李小梅"}}},
                         {"n", 5},
                         {"v", Version{100, 7}.toString()}};
        QCOMPARE(ms[0], first);
        const Json second{{"c", "pupils"}, {"id", "p6"}, {"school", "530102001"}, {"f", {{"name", "李小梅"}}}};
        QCOMPARE(ms[1], second); // n + 1, put, base {}, one tick later: nothing of them written
        QCOMPARE(ms[2]["n"], Json(8));
        QCOMPARE(ms[2]["dv"], Json(199));
        QVERIFY(!ms[2].contains("v"));
        QCOMPARE(ms[3]["v"], Json(Version{250, 7}.toString())); // earlier than the one before: whole
        QCOMPARE(ms[3]["op"], Json("delete"));
        QCOMPARE(ms[3]["base"]["name"], Json(Version{90, 7}.toString()));
        QCOMPARE(ms[4]["v"], Json(Version{260, 9}.toString())); // another node: whole
        QVERIFY(c.dump().size() < whole.dump().size());
        const SyncRequest back = SyncRequest::fromJson(c);
        QVERIFY(back.compact);
        QCOMPARE(back.mutations.size(), req.mutations.size());
        for (size_t i = 0; i < req.mutations.size(); ++i)
            QCOMPARE(back.mutations[i].toJson(), req.mutations[i].toJson());
        QVERIFY(!SyncRequest::fromJson(whole).compact);
        QCOMPARE(SyncRequest::fromJson(whole).mutations[2].toJson(), req.mutations[2].toJson());

        auto refusedAt = [&](const std::function<void(Json &)> &spoil, const std::string &where) {
            Json bad = c;
            spoil(bad);
            try {
                SyncRequest::fromJson(bad);
            } catch (const Error &e) {
                return std::string(e.what()).find(where) != std::string::npos;
            }
            return false;
        };
        QVERIFY(refusedAt([](Json &j) { j["mutations"][0].erase("n"); }, "request.mutations[0].n"));
        QVERIFY(refusedAt([](Json &j) { j["mutations"][0].erase("v"); }, "request.mutations[0].v"));
        QVERIFY(refusedAt([](Json &j) { j["mutations"][2]["dv"] = 0; }, "request.mutations[2].dv"));
        QVERIFY(refusedAt([](Json &j) { j["mutations"][2]["dv"] = -4; }, "request.mutations[2].dv"));
        QVERIFY(refusedAt([](Json &j) { j["mutations"][2]["v"] = "0000000000000001-7"; }, "request.mutations[2].dv"));
        QVERIFY(refusedAt([](Json &j) { j["compact"] = "yes"; }, "request.compact"));
        QVERIFY(refusedAt([](Json &j) { j.erase("compact"); }, "request.mutations[0]")); // compact bodies read whole
    }

    // Wire encoding 4: consecutive acknowledgements (n and seq each one more)
    // go out as one run [n, seq, count] and come back one per record; an
    // encoding-3 device gets pairs; a run that is empty, too long or past the
    // largest number is refused, naming where.
    void ackRuns()
    {
        SyncResponse resp;
        resp.enc = 4;
        resp.acksBy = "zhang.wei";
        resp.acks = {{1, 10}, {2, 11}, {3, 12}, {5, 20}, {6, 22}, {7, 23}};
        const Json j = resp.toJson();
        QCOMPARE(j["acks"], Json::parse("[[1,10,3],[5,20],[6,22,2]]"));
        QCOMPARE(SyncResponse::fromJson(j).acks, resp.acks);
        resp.enc = 3;
        QCOMPARE(resp.toJson()["acks"], Json::parse("[[1,10],[2,11],[3,12],[5,20],[6,22],[7,23]]"));
        QCOMPARE(SyncResponse::fromJson(resp.toJson()).acks, resp.acks);

        auto refused = [&](const char *acks) {
            Json bad = j;
            bad["acks"] = Json::parse(acks);
            try {
                SyncResponse::fromJson(bad);
            } catch (const Error &e) {
                return std::string(e.what()).find("response.acks[") != std::string::npos;
            }
            return false;
        };
        QVERIFY(refused("[[1,10,0]]"));
        QVERIFY(refused("[[1,10,2,1]]"));
        QVERIFY(refused("[[1,10,-2]]"));
        QVERIFY(refused("[[1,10,1048577]]"));
        QVERIFY(refused("[[1,10,1048576],[2000000,3000000]]"));
        QVERIFY(refused("[[18446744073709551615,10,2]]"));
        QVERIFY(!refused("[[1,10,1048576]]"));
    }

    // Wire encoding 3: "prev" (the last page the device holds) and "kept" (the
    // push the server keeps) go through; an old side's messages carry neither.
    void prefixNamesRoundTrip()
    {
        SyncRequest req;
        req.device = "d1";
        req.enc = kWireEncoding;
        QVERIFY(!req.toJson().contains("prev"));
        req.prev = prefixName("the last page");
        QCOMPARE(SyncRequest::fromJson(req.toJson()).prev, req.prev);
        Json bad = req.toJson();
        bad["prev"] = 5;
        QVERIFY_THROWS_EXCEPTION(Error, SyncRequest::fromJson(bad));

        SyncResponse resp;
        resp.enc = 3;
        QVERIFY(!resp.toJson().contains("kept"));
        resp.kept = prefixName("the push");
        QCOMPARE(SyncResponse::fromJson(resp.toJson()).kept, resp.kept);
        QCOMPARE(SyncResponse::fromJson(resp.toJson()).enc, 3);
        resp.enc = 1; // an old device's reply: no "kept"
        QVERIFY(!resp.toJson().contains("kept"));
    }

    // A body compressed against the previous one: smaller than on its own,
    // decoded only with that prefix, and names it.
    void prefixCompression()
    {
        std::string page1, page2;
        for (int i = 0; i < 400; ++i) {
            page1 += Json{{"c", "pupils"},
                          {"id", "0190-" + std::to_string(i)},
                          {"v", "0190b2c3d4e50003-1f"},
                          {"f", {{"name", "李小梅"}, {"grade", std::to_string(i % 6)}, {"village", "石门村"}}}}
                         .dump();
            page2 += Json{{"c", "pupils"},
                          {"id", "0191-" + std::to_string(i * 7)},
                          {"v", "0190b2c3d4e50004-1f"},
                          {"f", {{"name", "王小红"}, {"grade", std::to_string(i % 5)}, {"village", "石门村"}}}}
                         .dump();
        }
        const std::string alone = compress(page2), chained = compressWithPrefix(page2, page1);
        QVERIFY2(chained.size() < alone.size(), (std::to_string(chained.size()) + " vs " + std::to_string(alone.size())).c_str());
        QCOMPARE(namedPrefix(chained), prefixName(page1));
        QCOMPARE(prefixName(page1).size(), size_t(32));
        QVERIFY(namedPrefix(alone).empty());
        QCOMPARE(decompressWithPrefix(chained, page1), page2);
        // Another prefix is refused by name, before decoding.
        QVERIFY_THROWS_EXCEPTION(Error, decompressWithPrefix(chained, page2));
        // A decoder without the prefix refuses the body, never decodes it into other values.
        QVERIFY_THROWS_EXCEPTION(Error, decompress(chained));
        // The output limit holds with a prefix too.
        QVERIFY_THROWS_EXCEPTION(Error, decompressWithPrefix(chained, page1, page2.size() - 1));
        QVERIFY_THROWS_EXCEPTION(Error, decompressWithPrefix(alone, page1));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        const QString ok = R"({"protocol":1,"server_time":1,"acked":0,"rejected":[],"changes":[],"cursor":{},"more":false})";
        QTest::newRow("not an object") << "[]"
                                       << "response";
        QTest::newRow("missing acked") << R"({"protocol":1,"server_time":1,"rejected":[],"cursor":{},"more":false})"
                                       << "missing \"acked\"";
        QTest::newRow("wrong type") << QString(ok).replace("\"more\":false", "\"more\":\"no\"") << "response.more";
        QTest::newRow("bad change") << QString(ok).replace(
                                           "\"changes\":[]",
                                           R"("changes":[{"c":"pupils","id":"x","school":"S1","seq":1,"f":[],"v":{}}])")
                                    << "response.changes[0].f";
        QTest::newRow("bad version") << QString(ok).replace(
                                            "\"changes\":[]",
                                            R"("changes":[{"c":"pupils","id":"x","school":"S1","seq":1,"f":{},"v":{"a":"zz"}}])")
                                     << "response.changes[0].v.a";
        QTest::newRow("negative cursor") << QString(ok).replace("\"cursor\":{}", R"("cursor":{"S1":-4})") << "response.cursor.S1";
    }
    void malformed()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        try {
            SyncResponse::fromJson(Json::parse(json.toStdString()));
            QFAIL("accepted a malformed reply");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Protocol);
            QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        }
    }

    void otherProtocolVersionNamesBoth()
    {
        try {
            SyncResponse::fromJson(Json::parse(R"({"protocol":9})"));
            QFAIL("accepted protocol 9");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Version);
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("protocol version 9 is not supported; this side speaks 1"));
        }
    }

    void invalidJsonSaysWhere()
    {
        try {
            parseJson("{\"a\": tru}", "the reply");
            QFAIL("parsed invalid JSON");
        } catch (const Error &e) {
            // The byte where "tru}" stops being JSON.
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("the reply is not valid JSON (at byte 10)"));
        }
    }
};

QTEST_APPLESS_MAIN(TestCodec)
#include "tst_codec.moc"

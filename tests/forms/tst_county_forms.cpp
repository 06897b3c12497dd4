// The county's shipped forms (forms/county/*.json): every one parses, and the
// sample answers in tests/forms/samples/<form id>.json pass or fail exactly
// where they should, on the device (FormSession) and on the server
// (validateSubmission).
#include "forms/Forms.h"

#include <QtTest>

using namespace cx::forms;

namespace {

QString countyDir() { return QStringLiteral(CX_SOURCE_DIR "/forms/county"); }
QString samplesDir() { return QStringLiteral(CX_SOURCE_DIR "/tests/forms/samples"); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QStringList paths(const std::vector<Issue> &issues)
{
    QStringList out;
    for (const Issue &i : issues)
        out << QString::fromStdString(i.field + ":" + i.code);
    out.sort();
    return out;
}

// Records the samples refer to, looked up like the server would.
struct SampleRecords {
    cx::Json data;
    RecordSource source()
    {
        RecordSource s;
        s.list = [this](const std::string &c) {
            std::vector<cx::Json> out;
            for (const auto &r : data.value(c, cx::Json::array()))
                out.push_back(r);
            return out;
        };
        s.find = [this](const std::string &c, const std::string &key, const std::string &value) -> std::optional<cx::Json> {
            for (const auto &r : data.value(c, cx::Json::array()))
                if (r.contains(key) && r[key] == value)
                    return r;
            return std::nullopt;
        };
        return s;
    }
};

} // namespace

class TestCountyForms : public QObject
{
    Q_OBJECT

private slots:
    void everyFormParses_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(countyDir()).entryList({"*.json"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 7);
        for (const QString &f : files)
            QTest::newRow(f.toUtf8().constData()) << f;
    }

    void everyFormParses()
    {
        QFETCH(QString, file);
        QByteArray text = readAll(countyDir() + "/" + file);
        QVERIFY(!text.isEmpty());
        try {
            FormDefinition d = FormDefinition::parseText(text.toStdString());
            QCOMPARE(QString::fromStdString(d.id()) + ".json", file); // file named after the form id
            QVERIFY(d.version() >= 1);
            QVERIFY(!d.title().text.at("zh").empty());
            QVERIFY(!d.title().text.at("en").empty());
            for (const Field &f : d.fields()) { // Chinese and English everywhere
                QVERIFY2(f.label.text.count("zh") && f.label.text.count("en"), f.name.c_str());
                for (const Option &o : f.options)
                    QVERIFY2(o.label.text.count("zh") && o.label.text.count("en"), (f.name + "/" + o.value).c_str());
                if (f.constraint && f.type != FieldType::Photo)
                    QVERIFY2(f.constraintMessage.text.count("zh") && f.constraintMessage.text.count("en"), f.name.c_str());
            }
            QVERIFY(QFile::exists(samplesDir() + "/" + file)); // every form has samples
        } catch (const FormDefinitionError &e) {
            QFAIL(e.what());
        }
    }

    void samples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("index"); // -1: the valid base answers
        const QStringList files = QDir(samplesDir()).entryList({"*.json"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 7);
        for (const QString &f : files) {
            cx::Json s = cx::Json::parse(readAll(samplesDir() + "/" + f).toStdString());
            QTest::newRow((f + " valid").toUtf8().constData()) << f << -1;
            for (size_t i = 0; i < s["cases"].size(); ++i)
                QTest::newRow((f + " " + QString::fromStdString(s["cases"][i]["name"].get<std::string>())).toUtf8().constData())
                    << f << int(i);
        }
    }

    void samples()
    {
        QFETCH(QString, file);
        QFETCH(int, index);
        FormDefinition d = FormDefinition::parseText(readAll(countyDir() + "/" + file).toStdString());
        cx::Json s = cx::Json::parse(readAll(samplesDir() + "/" + file).toStdString());
        SampleRecords records{s.value("records", cx::Json::object())};
        RecordSource src = records.source();
        long today = *parseDate(s["today"].get<std::string>());

        cx::Json answers = s["valid"];
        QStringList expected;
        if (index >= 0) {
            const cx::Json &c = s["cases"][size_t(index)];
            answers.merge_patch(c["patch"]);
            for (const auto &p : c["issues"])
                expected << QString::fromStdString(p.get<std::string>());
            expected.sort();
            QVERIFY2(!expected.isEmpty() || c.value("valid", false), "a failing case must name its issues");
        }
        // The device, while filling the form...
        SessionOptions opt;
        opt.records = &src;
        opt.today = today;
        FormSession session(d, answers, opt);
        QStringList onDevice = paths(session.issues());
        // ...and the server, on what the device submits (calculated values included).
        QStringList onServer = paths(validateSubmission(d, session.submission(), &src, today));
        QCOMPARE(onDevice, expected);
        QCOMPARE(onServer, expected);
        for (const Issue &i : session.issues()) {
            QVERIFY(!i.message.empty());
            QVERIFY(!i.messageEn.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCountyForms)
#include "tst_county_forms.moc"

// Both .ts files are complete: every message has a finished translation
// (plural messages: every numerus form), and no message is only obsolete.
#include <QFile>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void complete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("zh_CN") << QStringLiteral(CX_TS_DIR "/cunxiao_zh_CN.ts");
        QTest::newRow("en") << QStringLiteral(CX_TS_DIR "/cunxiao_en.ts");
    }
    void complete()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        QXmlStreamReader xml(&f);
        int messages = 0;
        QStringList problems;
        QString source, type, text;
        bool numerus = false;
        int forms = 0, emptyForms = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == u"message") {
                    ++messages;
                    numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
                    source.clear();
                    forms = emptyForms = 0;
                } else if (xml.name() == u"source") {
                    source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    type = xml.attributes().value(QLatin1String("type")).toString();
                    if (!numerus) {
                        text = xml.readElementText();
                        if (type == u"unfinished" || type == u"obsolete" || type == u"vanished" || text.trimmed().isEmpty())
                            problems << QStringLiteral("%1 \"%2\"").arg(type.isEmpty() ? QStringLiteral("empty") : type, source);
                    }
                } else if (xml.name() == u"numerusform") {
                    ++forms;
                    if (xml.readElementText().trimmed().isEmpty())
                        ++emptyForms;
                }
            } else if (xml.isEndElement() && xml.name() == u"message" && numerus) {
                if (type == u"unfinished" || type == u"obsolete" || type == u"vanished" || forms == 0 || emptyForms)
                    problems
                        << QStringLiteral("plural %1 \"%2\"").arg(type.isEmpty() ? QStringLiteral("incomplete") : type, source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 100, "the .ts file has almost no messages: run the lupdate target");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
    // Both languages hold the same messages.
    void sameMessages()
    {
        auto sources = [](const QString &file) {
            QFile f(file);
            f.open(QIODevice::ReadOnly);
            QXmlStreamReader xml(&f);
            QSet<QString> out;
            while (!xml.atEnd())
                if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"source")
                    out.insert(xml.readElementText());
            return out;
        };
        const auto zh = sources(QStringLiteral(CX_TS_DIR "/cunxiao_zh_CN.ts"));
        const auto en = sources(QStringLiteral(CX_TS_DIR "/cunxiao_en.ts"));
        QCOMPARE(zh, en);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_app_translations.moc"

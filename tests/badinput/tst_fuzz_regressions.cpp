// Every crash the fuzzers (fuzz/) found, replayed by a normal build: each input
// in tests/badinput/crashes/TARGET/ (and every seed of fuzz/corpus/TARGET/) goes
// through the same LLVMFuzzerTestOneInput as the fuzzer (compiled here under
// another name). A file ending in ".unzst" is zstd-decompressed first, so that
// huge inputs (deep nesting) stay small in the repository.
#include "protocol/Compression.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <cstdint>

extern "C" int cx_fuzz_protocol(const uint8_t *, size_t);
extern "C" int cx_fuzz_merge(const uint8_t *, size_t);
#ifdef CX_HAVE_SERVER
extern "C" int cx_fuzz_import(const uint8_t *, size_t);
#endif
#ifdef CX_HAVE_FORMS
extern "C" int cx_fuzz_form_definition(const uint8_t *, size_t);
extern "C" int cx_fuzz_expression(const uint8_t *, size_t);
#endif
#ifdef CX_HAVE_XLSFORM
extern "C" int cx_fuzz_xlsform(const uint8_t *, size_t);
#endif

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

    using Target = int (*)(const uint8_t *, size_t);

    void replay(const QString &name, Target target)
    {
        int n = 0;
        for (const QString &root :
             {QStringLiteral(CX_SOURCE_DIR "/tests/badinput/crashes/"), QStringLiteral(CX_SOURCE_DIR "/fuzz/corpus/")}) {
            QDir dir(root + name);
            for (const QFileInfo &fi : dir.entryInfoList(QDir::Files)) {
                QFile f(fi.filePath());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QByteArray data = f.readAll();
                if (fi.fileName().endsWith(".unzst")) {
                    std::string plain = cx::decompress(std::string_view(data.constData(), size_t(data.size())));
                    data = QByteArray(plain.data(), qsizetype(plain.size()));
                }
                qInfo("%s: %s (%lld bytes)", qPrintable(name), qPrintable(fi.fileName()), qlonglong(data.size()));
                target(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
                ++n;
            }
        }
        QVERIFY(n > 0);
    }

private slots:
    void protocol() { replay("fuzz_protocol", cx_fuzz_protocol); }
    void merge() { replay("fuzz_merge", cx_fuzz_merge); }
#ifdef CX_HAVE_SERVER
    void import() { replay("fuzz_import", cx_fuzz_import); }
#endif
#ifdef CX_HAVE_FORMS
    void formDefinition() { replay("fuzz_form_definition", cx_fuzz_form_definition); }
    void expression() { replay("fuzz_expression", cx_fuzz_expression); }
#endif
#ifdef CX_HAVE_XLSFORM
    void xlsform() { replay("fuzz_xlsform", cx_fuzz_xlsform); }
#endif
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"

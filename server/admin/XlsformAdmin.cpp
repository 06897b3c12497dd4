// import-xlsform and export-xlsform behind the command line.
#include "admin/XlsformAdmin.h"

#include "admin/Admin.h"
#include "xlsform/Export.h"
#include "xlsform/Import.h"

#include <fstream>
#include <ostream>

namespace cx::server {

int64_t importXlsformCommand(Store &store, const XlsformImport &args, std::ostream &out, std::ostream &notes, int64_t nowMs)
{
    xlsform::ImportOptions options;
    options.id = args.id;
    options.fileName = args.file;
    xlsform::ImportResult r = xlsform::importXlsform(args.file, options);
    for (const auto &n : r.notes)
        notes << "note: " << n << '\n';
    const std::string text = r.definition.dump(2) + "\n";
    if (!args.outFile.empty()) {
        std::ofstream f(args.outFile, std::ios::binary | std::ios::trunc);
        if (!(f << text) || !f.flush())
            throw Error(ErrorKind::Invalid, "cannot write " + args.outFile);
    }
    if (args.publish) {
        int64_t v = publishForm(store, r.definition, nowMs);
        out << "form " << r.definition.value("id", "") << " published, version " << v << "\n";
        return v;
    }
    if (args.outFile.empty())
        out << text;
    return 0;
}

void exportXlsformCommand(Store &store, const std::string &formId, const std::string &outFile)
{
    auto rec = store.record("forms", formId);
    if (!rec || rec->deleted() || !rec->fields.contains("definition"))
        throw Error(ErrorKind::NotFound, "no published form \"" + formId + "\" (publish it with publish-form or import-xlsform)");
    Json def = rec->fields["definition"];
    if (!def.contains("version") && rec->fields.contains("version"))
        def["version"] = rec->fields["version"];
    xlsform::exportXlsform(def, outFile);
}

} // namespace cx::server

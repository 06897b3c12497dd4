#include "admin/BundleAdmin.h"

#include "attachments/AttachmentStore.h"
#include "protocol/Errors.h"
#include "storage/PgStore.h"
#include "sync/BundleRoute.h"
#include "sync/FormsValidator.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace cx::server {

void bundleInCommand(Store &store, const std::string &location, const std::string &file, const std::string &replyFile,
                     uint64_t maxReplyBytes, std::ostream &out, int64_t nowMs)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Invalid, "cannot read the bundle " + file);
    std::ostringstream s;
    s << in.rdbuf();
    AttachmentStore files(isPostgresUri(location) ? location : (std::filesystem::path(location) / "attachments").string());
    FormsValidator validator;
    BundleOutcome r = handleBundle(store, validator, &files, s.str(), nowMs, maxReplyBytes);
    const std::string tmp = replyFile + ".tmp";
    {
        std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
        o.write(r.reply.data(), std::streamsize(r.reply.size()));
        o.flush();
        if (!o)
            throw Error(ErrorKind::Storage, "cannot write the reply " + replyFile);
    }
    std::filesystem::rename(tmp, replyFile);
    out << "bundle " << r.bundle << " from device " << r.device << " (" << r.user << "): " << r.mutations
        << " change(s), acknowledged up to " << r.acked << ", " << r.rejected << " rejected, " << r.attachments
        << " attachment(s); reply " << replyFile << " (" << r.reply.size() << " bytes, " << r.changes << " record(s)"
        << (r.more ? ", more waiting" : "") << ")\n";
}

} // namespace cx::server

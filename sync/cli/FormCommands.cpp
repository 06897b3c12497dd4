// The bureau's form publishing from the command line (docs/bureau.md "Forms"):
// `forms` lists the county's forms with who holds which version, and
// `publish-form FILE` imports a .json or XLSForm .xlsx as a draft and publishes
// it for the next sync, through the same code as the app's Forms page
// (sync/bureau/FormDrafts, FormsOverview).
#include "cli/Commands.h"

#include "bureau/FormDrafts.h"
#include "bureau/FormsOverview.h"
#include "protocol/Version.h"

#include <cstdio>

namespace cx::cli {

namespace {
std::string day(int64_t ms)
{
    if (!ms)
        return "never";
    const std::time_t t = std::time_t(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}
} // namespace

int cmdForms(Engine &e, const std::string &, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool json = takeFlag(args, "--json");
    if (!args.empty())
        usage("forms takes [--json]");
    bureau::settleDrafts(e);
    const auto [list, at] = e.devices();
    for (const auto &f : bureau::formsOverview(e, list)) {
        if (json) {
            std::printf("%s\n", f.toJson().dump().c_str());
            continue;
        }
        std::string reach;
        for (const auto &r : f.roles)
            reach += (reach.empty() ? "" : ",") + r;
        reach += " @ ";
        if (f.schools.empty())
            reach += "*";
        for (size_t i = 0; i < f.schools.size(); ++i)
            reach += (i ? "," : "") + f.schools[i];
        std::printf("%-24s %-20s v%lld  %s", f.id.c_str(), f.titleZh.c_str(), (long long)f.version, reach.c_str());
        if (f.draft == "draft")
            std::printf("  [draft waiting]");
        else if (f.draft == "sending")
            std::printf("  [v%lld published here, sent at the next sync]", (long long)f.draftVersion);
        else if (f.draft == "refused")
            std::printf("  [refused by the server: %s]", f.refused.c_str());
        std::printf("\n   ");
        for (const auto &h : f.held)
            std::printf(" v%lld: %d device%s (oldest sync %s);", (long long)h.version, h.devices, h.devices == 1 ? "" : "s",
                        day(h.oldestSyncMs).c_str());
        if (f.notReported)
            std::printf(" %d not reported", f.notReported);
        if (f.held.empty() && !f.notReported)
            std::printf(" no device has reported it yet");
        std::printf("\n");
    }
    if (!json)
        std::printf(at ? "(device list from %lld minutes ago)\n" : "(no device list yet: sync first)\n",
                    (long long)((wallClockMs() - at) / 60000));
    return Ok;
}

int cmdPublishForm(Engine &e, const std::string &, const std::vector<std::string> &argsIn)
{
    auto args = argsIn;
    const bool draftOnly = takeFlag(args, "--draft");
    if (args.size() != 1)
        usage("publish-form takes FILE (.json or .xlsx) [--draft]");
    bureau::settleDrafts(e);
    const bureau::ImportedForm form = bureau::readFormFile(args[0]); // throws with sheet/row/column
    for (const auto &n : form.notes)
        std::fprintf(stderr, "note: %s\n", n.c_str());
    const bureau::FormDraft d = bureau::keepDraft(e, form, args[0], wallClockMs());
    const auto published = bureau::publishedForm(e, d.formId);
    for (const auto &c : bureau::diffDefinitions(published ? (*published)["definition"] : Json::object(), d.definition)) {
        std::string what;
        for (const auto &w : c.what)
            what += (what.empty() ? " (" : ", ") + w;
        std::printf("  %-8s %s%s\n", c.change.c_str(), c.name.c_str(), what.empty() ? "" : (what + ")").c_str());
    }
    if (draftOnly) {
        std::printf("draft of %s kept on this device (not published)\n", d.formId.c_str());
        return Ok;
    }
    const int64_t v = bureau::publishDraft(e, d.formId);
    std::printf("form %s version %lld published here; it goes out at the next sync\n", d.formId.c_str(), (long long)v);
    return Ok;
}

} // namespace cx::cli

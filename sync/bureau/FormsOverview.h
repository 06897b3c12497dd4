#pragma once
// FormsOverview: the county's forms as the bureau's Forms page and
// `cunxiao-cli forms` list them: title, id, published version, the roles and
// schools each reaches, the draft waiting (FormDrafts.h), and which devices hold
// which version (from the device list, Devices.h: what each device last
// reported in its health, docs/protocol.md "Device health").
#include "bureau/Devices.h"
#include "protocol/Json.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cx {
class Engine;
}

namespace cx::bureau {

struct VersionHeld {
    int64_t version = 0;
    int devices = 0;
    int64_t oldestSyncMs = 0; // the least recent last sync among them
};

struct FormOverview {
    std::string id, titleZh, titleEn;
    int64_t version = 0;              // published (0: only a draft so far)
    std::vector<std::string> roles;   // empty: every role
    std::vector<std::string> schools; // empty: every school ("*")
    std::string draft;                // "" | "draft" | "sending" | "refused" (FormDrafts.h draftState)
    std::string refused;              // why the server refused the draft's publish
    int64_t draftVersion = 0;         // a sending draft: the version it publishes
    std::vector<VersionHeld> held;    // newest version first
    int notReported = 0;              // devices the form reaches that have not said what they hold
    Json toJson() const;
};

// Every published form and every draft, by id. `devices`: the kept device list
// (Engine::devices()); revoked devices are not counted.
std::vector<FormOverview> formsOverview(Engine &e, const Json &devices);

// Counts for one form over device rows (the part of formsOverview that reads devices).
void countVersions(FormOverview &form, const std::vector<DeviceRow> &rows);

} // namespace cx::bureau

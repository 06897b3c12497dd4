// Fuzz target: the form definition parser (cx::forms::FormDefinition::parseText),
// which devices run on every form the bureau publishes. Refusals must be
// cx::Error (FormDefinitionError); nothing may crash.
#include "forms/FormDefinition.h"
#include "protocol/Errors.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try {
        cx::forms::FormDefinition::parseText(std::string_view(reinterpret_cast<const char *>(data), size));
    } catch (const cx::Error &) {
    }
    return 0;
}

#pragma once
// One JSON type for the whole headless side. nlohmann::json keeps object keys
// sorted, which makes a serialised record canonical (same state, same bytes).
#include <nlohmann/json.hpp>

namespace cx {
using Json = nlohmann::json;
}

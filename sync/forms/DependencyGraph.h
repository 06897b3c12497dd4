#pragma once
// DependencyGraph: orders a form's fields so every calculation and relevance is
// computed after what it reads, finds cycles, and lists per field what must be
// recomputed and re-checked when its answer changes.
#include "forms/FormDefinition.h"

#include <vector>

namespace cx::forms {

struct DependencyGraph {
    // Fills def.m_order, m_affected and m_toCheck, or adds a problem per cycle.
    static void build(FormDefinition &def, std::vector<DefinitionProblem> &problems);
};

} // namespace cx::forms

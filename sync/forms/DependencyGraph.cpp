// DependencyGraph: two kinds of edges. "Value" edges (a field's calculate and
// relevant read another field; a field sits inside a group or repeat) decide
// evaluation order and must not form a cycle. "Check" edges (constraint,
// required, readonly, options filters) only say what to re-validate.
#include "forms/DependencyGraph.h"

#include <algorithm>
#include <functional>
#include <set>

namespace cx::forms {

void DependencyGraph::build(FormDefinition &def, std::vector<DefinitionProblem> &problems)
{
    const size_t n = def.m_fields.size();
    std::vector<std::vector<int>> valueOut(n), checkOut(n); // edges: dependency -> dependent
    auto addEdges = [&](std::vector<std::vector<int>> &out, const Expression &e, int to) {
        for (int d : e.dependencies())
            if (std::find(out[size_t(d)].begin(), out[size_t(d)].end(), to) == out[size_t(d)].end())
                out[size_t(d)].push_back(to);
    };
    for (const Field &f : def.m_fields) {
        addEdges(valueOut, f.calculate, f.index);
        addEdges(valueOut, f.relevant, f.index);
        if (f.parent >= 0)
            valueOut[size_t(f.parent)].push_back(f.index);
        addEdges(checkOut, f.constraint, f.index);
        addEdges(checkOut, f.requiredIf, f.index);
        addEdges(checkOut, f.readonlyIf, f.index);
        addEdges(checkOut, f.optionsFilter, f.index);
        if (f.from)
            addEdges(checkOut, f.from->filter, f.index);
    }

    // Kahn's algorithm, taking fields in document order when free to choose.
    std::vector<int> indegree(n, 0);
    for (size_t i = 0; i < n; ++i)
        for (int t : valueOut[i])
            ++indegree[size_t(t)];
    std::set<int> ready;
    for (size_t i = 0; i < n; ++i)
        if (indegree[i] == 0)
            ready.insert(int(i));
    std::vector<int> order;
    while (!ready.empty()) {
        int i = *ready.begin();
        ready.erase(ready.begin());
        order.push_back(i);
        for (int t : valueOut[size_t(i)])
            if (--indegree[size_t(t)] == 0)
                ready.insert(t);
    }
    if (order.size() != n) {
        // Report one cycle: walk back from a stuck field until a field repeats.
        std::vector<std::vector<int>> in(n);
        for (size_t i = 0; i < n; ++i)
            for (int t : valueOut[i])
                if (indegree[i] > 0)
                    in[size_t(t)].push_back(int(i));
        int start = -1;
        for (size_t i = 0; i < n && start < 0; ++i)
            if (indegree[i] > 0)
                start = int(i);
        std::vector<int> path;
        std::vector<int> seenAt(n, -1);
        int cur = start;
        while (seenAt[size_t(cur)] < 0) {
            seenAt[size_t(cur)] = int(path.size());
            path.push_back(cur);
            cur = in[size_t(cur)].front();
        }
        std::vector<int> cycle(path.begin() + seenAt[size_t(cur)], path.end());
        std::reverse(cycle.begin(), cycle.end());
        std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
        std::string text;
        for (int c : cycle)
            text += def.m_fields[size_t(c)].name + " -> ";
        text += def.m_fields[size_t(cycle.front())].name;
        const Field &first = def.m_fields[size_t(cycle.front())];
        problems.push_back({def.m_id, first.name, first.calculate ? "calculate" : "relevant", 0,
                            "calculations or relevance depend on each other in a cycle: " + text});
        return;
    }
    std::vector<int> rank(n);
    for (size_t k = 0; k < n; ++k)
        rank[size_t(order[k])] = int(k);

    def.m_order = order;
    def.m_affected.assign(n, {});
    def.m_toCheck.assign(n, {});
    for (size_t i = 0; i < n; ++i) {
        // Everything reachable by value edges, in evaluation order.
        std::vector<char> seen(n, 0);
        std::vector<int> stack(valueOut[i].begin(), valueOut[i].end()), reach;
        while (!stack.empty()) {
            int t = stack.back();
            stack.pop_back();
            if (seen[size_t(t)])
                continue;
            seen[size_t(t)] = 1;
            reach.push_back(t);
            for (int u : valueOut[size_t(t)])
                stack.push_back(u);
        }
        std::sort(reach.begin(), reach.end(), [&](int a, int b) { return rank[size_t(a)] < rank[size_t(b)]; });
        // To re-check: the field itself, what was recomputed, and whatever checks read those.
        std::set<int> check{int(i)};
        for (int t : reach)
            check.insert(t);
        std::vector<int> base(check.begin(), check.end());
        for (int b : base)
            for (int c : checkOut[size_t(b)])
                check.insert(c);
        def.m_affected[i] = std::move(reach);
        def.m_toCheck[i].assign(check.begin(), check.end());
    }
}

} // namespace cx::forms

#include "demo/DemoSchools.h"

#include <algorithm>
#include <cstdio>

namespace cx::demo {

const char *const kDemoCounty = "云岭县";
const char *const kDemoVillages[20] = {"大箐", "石板", "松林",   "岔河",   "新村",   "小河", "龙潭", "白岩", "麦地", "核桃箐",
                                       "羊街", "水井", "马鞍山", "干海子", "小米地", "青龙", "凹子", "黑泥", "竹园", "田心"};

namespace {
const char *const kTownships[] = {"龙泉镇", "石门乡", "凤鸣镇"};
}

std::vector<DemoSchool> demoSchools(int n)
{
    const struct {
        const char *kind;
        bool boarding;
        int first, last;
    } cycle[] = {{"初级中学", true, 7, 9},
                 {"村完小", true, 1, 6},
                 {"村完小", false, 1, 6},
                 {"教学点", false, 1, 3},
                 {"教学点", false, 1, 2}};
    constexpr int kTownshipCount = int(sizeof kTownships / sizeof kTownships[0]);
    const int townships = std::min(kTownshipCount, std::max(1, (n + 5) / 6));
    std::vector<DemoSchool> out;
    std::vector<int> inTownship(size_t(townships), 0);
    for (int i = 0; i < n; ++i) {
        const int t = i % townships;
        const int k = inTownship[size_t(t)]++; // 0 is the township's central school
        char code[32];
        std::snprintf(code, sizeof code, "53230%d%04d", 1 + t, k + 1);
        const std::string township = kTownships[t];
        if (k == 0) {
            out.push_back({code, township + "中心学校", "中心学校", "镇区", township, true, 1, 6});
            continue;
        }
        const auto &c = cycle[(k - 1) % 5];
        const std::string village = kDemoVillages[(i - 1 + 7 * t) % 20];
        // 龙泉镇初级中学, 龙泉镇石板村完小, 石门乡松林教学点 ...
        std::string name = township;
        if (std::string(c.kind) != "初级中学" || k > 1)
            name += village;
        name += c.kind;
        out.push_back({code, name, c.kind, village + "村", township, c.boarding, c.first, c.last});
    }
    return out;
}

} // namespace cx::demo

#pragma once
// The demo county's schools (云岭县): a central school leading each of up to
// three townships, then junior middle schools, village primaries and teaching
// points dealt to the townships in turn. The server's `demo` and the app's
// offline demo of the bureau's pages use the same list.
#include <string>
#include <vector>

namespace cx::demo {

extern const char *const kDemoCounty;
extern const char *const kDemoVillages[20];

struct DemoSchool {
    std::string code;
    std::string name;
    std::string kind; // 中心学校 | 初级中学 | 村完小 | 教学点
    std::string village;
    std::string township;
    bool boarding;
    int firstGrade;
    int lastGrade;
};

// n schools; six or more to a township, at most three townships.
std::vector<DemoSchool> demoSchools(int n);

} // namespace cx::demo

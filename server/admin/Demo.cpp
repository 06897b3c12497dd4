#include "admin/Demo.h"
#include "admin/AccountAdmin.h"

#include "admin/Admin.h"
#include "auth/Auth.h"
#include "demo/DemoPlans.h"
#include "demo/DemoReturns.h"
#include "demo/DemoSchools.h"
#include "protocol/Errors.h"
#include "sync/RecordWrites.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>

namespace cx::server {

namespace {

const char *const kSurnames[] = {"李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
                                 "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "曹", "彭", "曾", "肖",
                                 "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "普", "苏", "魏", "吕", "丁", "沈", "姚",
                                 "卢", "钟", "陆", "范", "金", "石", "段", "龙", "者", "自", "鲁", "杞", "起", "毕"};
const char *const kGirl[] = {"梅", "芳", "娟", "丽", "红", "霞", "燕", "兰", "艳", "婷", "雪", "玉", "春", "秀",
                             "英", "欣", "怡", "佳", "琪", "涵", "思", "雨", "梓", "萍", "敏", "静", "慧", "瑶"};
const char *const kBoy[] = {"明", "强", "伟", "军", "杰", "涛", "斌", "勇", "俊", "鹏", "宇", "浩", "磊", "林",
                            "飞", "洋", "轩", "博", "文", "成", "志", "国", "海", "建", "平", "亮", "超", "刚"};
const char *const kMiddle[] = {"小", "家", "金", "云", "晓", "天", "正", "永", "春", "子", "丽", "文", "思", "雨"};
const char *const kNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

struct Weighted {
    const char *value;
    int weight;
};
const Weighted kEthnicities[] = {{"汉族", 58}, {"彝族", 24}, {"苗族", 7}, {"哈尼族", 4}, {"傣族", 3}, {"白族", 2}, {"回族", 2}};
const Weighted kEducation[] = {{"中师/中专", 8}, {"大专", 32}, {"本科", 56}, {"研究生", 4}};
const Weighted kTitles[] = {{"未定级", 10}, {"三级教师", 8}, {"二级教师", 40}, {"一级教师", 34}, {"高级教师", 8}};
const char *const kSubjects[] = {"语文", "数学", "英语", "科学", "道德与法治", "音乐", "体育", "美术", "信息技术"};
const char *const kRelations[] = {"父亲", "母亲", "祖父", "祖母", "外祖父", "外祖母"};

class Gen
{
public:
    explicit Gen(uint64_t seed) : m_rng(seed) {}
    int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    bool chance(int percent) { return range(1, 100) <= percent; }
    template <size_t N> const char *pick(const char *const (&a)[N]) { return a[range(0, int(N) - 1)]; }
    template <size_t N> const char *pick(const Weighted (&a)[N])
    {
        int total = 0;
        for (const auto &w : a)
            total += w.weight;
        int r = range(1, total);
        for (const auto &w : a)
            if ((r -= w.weight) <= 0)
                return w.value;
        return a[0].value;
    }
    std::string name(bool girl)
    {
        std::string n = pick(kSurnames);
        if (chance(55))
            n += pick(kMiddle);
        n += girl ? pick(kGirl) : pick(kBoy);
        return n;
    }
    std::string phone()
    {
        static const char *const prefixes[] = {"138", "139", "150", "151", "157", "182", "187", "135", "199", "177"};
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s%08d", pick(prefixes), range(0, 99999999));
        return buf;
    }
    std::string date(int year)
    {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, range(1, 12), range(1, 28));
        return buf;
    }
    // A UUIDv7-shaped id made from the seed, so the same seed gives the same county.
    std::string id(int64_t ms)
    {
        uint64_t hi = (uint64_t(ms) << 16) | 0x7000 | uint64_t(range(0, 0xfff));
        uint64_t lo = (uint64_t(0x8) << 60) | (std::uniform_int_distribution<uint64_t>()(m_rng) >> 4);
        char buf[40];
        std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx", (unsigned long long)(hi >> 32),
                      (unsigned long long)((hi >> 16) & 0xffff), (unsigned long long)(hi & 0xffff),
                      (unsigned long long)(lo >> 48), (unsigned long long)(lo & 0xffffffffffffull));
        return buf;
    }

private:
    std::mt19937_64 m_rng;
};

const char *kPassword = "cunxiao-demo";
constexpr int64_t kDemoEpochMs = 1725148800000; // 2024-09-01, the school year the rosters describe
using demo::DemoSchool;
using demo::kDemoCounty;
using demo::kDemoVillages;

std::string gradeClass(int grade, int cls) { return std::to_string(grade) + "年级" + std::to_string(cls) + "班"; }

} // namespace

void generateDemo(Store &store, const DemoOptions &opt, int64_t nowMs, std::ostream &out)
{
    Gen gen(opt.seed);
    std::vector<DemoSchool> schools = demo::demoSchools(opt.schools);
    int64_t idClock = kDemoEpochMs;

    Transaction tx(store);
    std::vector<std::string> codes;
    for (const auto &s : schools) {
        codes.push_back(s.code);
        store.putSchool({s.code, s.name, kDemoCounty});
    }

    // Accounts: the first school's head and teacher have the names the docs use.
    struct Acc {
        std::string user, role;
        std::vector<std::string> schools;
        std::string note;
    };
    std::vector<Acc> accounts = {
        {"chen.jun", "bureau", {}, "教育局 (all schools)"},
        {"zhang.wei", "head", {schools[0].code}, schools[0].name + " 校长"},
        {"li.na", "teacher", {schools[0].code}, schools[0].name + " 班主任"},
    };
    for (size_t i = 1; i < schools.size(); ++i) {
        accounts.push_back({"head." + schools[i].code, "head", {schools[i].code}, schools[i].name + " 校长"});
        accounts.push_back({"teacher." + schools[i].code, "teacher", {schools[i].code}, schools[i].name + " 教师"});
    }
    // The inspectors: one a township, over the schools the demo's assignments send them to.
    for (const auto &i : demo::demoInspectors(schools))
        accounts.push_back({i.user, "inspector", i.schools, i.name + " 督导 (" + i.township + ")"});
    for (const auto &a : accounts)
        if (!store.account(a.user))
            addUser(store, a.user, a.role, a.schools, kPassword);
    if (auto bureau = store.account("chen.jun"); bureau && !bureau->admin) // the bureau's administrator
        setAdmin(store, "chen.jun", true, "demo", nowMs);

    size_t pupils = 0, teachers = 0;
    std::vector<demo::DemoReturnSchool> returning;
    for (const DemoSchool &s : schools) {
        demo::DemoReturnSchool &ret = returning.emplace_back();
        const int grades = s.lastGrade - s.firstGrade + 1;
        const int perSchool = s.kind == "教学点" ? std::max(8, opt.pupils / 6) : opt.pupils;
        const int classesPerGrade = std::max(1, perSchool / (grades * 45) + 1);
        std::string headName = gen.name(gen.chance(40));

        // Pupils.
        for (int p = 0; p < perSchool; ++p) {
            bool girl = gen.chance(48);
            int grade = s.firstGrade + p % grades;
            std::string name = gen.name(girl);
            bool leftBehind = gen.chance(s.kind == "中心学校" ? 22 : 38);
            bool boarding = s.boarding && (grade >= 4 || s.kind == "初级中学") && gen.chance(70);
            const char *relation = leftBehind ? kRelations[gen.range(2, 5)] : kRelations[gen.range(0, 1)];
            // The guardian shares the surname (first character) for parents and paternal grandparents.
            std::string guardian =
                gen.name(std::string(relation) == "母亲" || std::string(relation).find("母") != std::string::npos);
            if (std::string(relation) == "父亲" || std::string(relation) == "祖父")
                guardian = name.substr(0, 3) + guardian.substr(3);
            Json subsidies = Json::array({"免费教科书", "免学杂费"});
            if (boarding)
                subsidies.push_back("寄宿生生活补助");
            if (gen.chance(12))
                subsidies.push_back("营养改善计划");
            Json f = {
                {"name", name},
                {"gender", girl ? "女" : "男"},
                {"birth_date", gen.date(2024 - 6 - grade + (gen.chance(20) ? -1 : 0))},
                {"ethnicity", gen.pick(kEthnicities)},
                {"grade", grade},
                {"class", gradeClass(grade, 1 + p % classesPerGrade)},
                {"guardian", guardian},
                {"guardian_relation", relation},
                {"guardian_phone", gen.phone()},
                {"village", std::string(kDemoVillages[gen.range(0, 19)]) + "村" + kNumbers[gen.range(0, 7)] + "组"},
                {"boarding", boarding},
                {"left_behind", leftBehind},
                {"subsidies", subsidies},
                {"status", "在读"},
            };
            const std::string id = gen.id(idClock++);
            serverPut(store, "pupils", id, s.code, f, "demo", nowMs);
            ret.pupilIds.push_back(id);
            ++pupils;
        }

        // Teachers: about one per 15 pupils, at least two.
        const int teacherCount = std::max(2, perSchool / 15);
        for (int t = 0; t < teacherCount; ++t) {
            bool woman = gen.chance(55);
            int born = gen.range(1966, 1999);
            bool substitute = gen.chance(s.kind == "教学点" ? 35 : 8);
            std::string name = t == 0 ? headName : gen.name(woman);
            Json f = {
                {"name", name},
                {"gender", woman ? "女" : "男"},
                {"birth_date", gen.date(born)},
                {"ethnicity", gen.pick(kEthnicities)},
                {"started_work", gen.date(std::min(2024, born + gen.range(19, 24)))},
                {"education", gen.pick(kEducation)},
                {"title", substitute ? "未定级" : gen.pick(kTitles)},
                {"certificate", substitute ? "无" : (s.kind == "初级中学" ? "初级中学教师资格证" : "小学教师资格证")},
                {"subject", t == 0 ? "语文" : gen.pick(kSubjects)},
                {"status", substitute ? "代课" : "在编"},
                {"position", t == 0 ? "校长" : "教师"},
            };
            serverPut(store, "teachers", gen.id(idClock++), s.code, f, "demo", nowMs);
            ++teachers;
        }

        Json school = {
            {"code", s.code},         {"name", s.name},         {"kind", s.kind},
            {"county", kDemoCounty},  {"township", s.township}, {"village", s.village},
            {"head", headName},       {"phone", gen.phone()},   {"classes", classesPerGrade * grades},
            {"boarding", s.boarding}, {"pupils", perSchool},
        };
        serverPut(store, "schools", s.code, s.code, school, "demo", nowMs);
        ret.code = s.code;
        ret.kind = s.kind;
        ret.pupils = perSchool;
        ret.grades = grades;
    }

    // Form definitions.
    std::vector<std::string> forms;
    int returns = 0;
    if (!opt.formsDir.empty() && std::filesystem::is_directory(opt.formsDir)) {
        std::vector<std::filesystem::path> files;
        for (const auto &e : std::filesystem::directory_iterator(opt.formsDir))
            if (e.is_regular_file() && e.path().extension() == ".json")
                files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto &p : files) {
            std::ifstream in(p);
            try {
                Json def = Json::parse(in);
                publishForm(store, def, nowMs);
                forms.push_back(def.value("id", p.filename().string()));
                if (forms.back() == "enrolment_return")
                    for (const auto &r :
                         demo::demoReturns(def, returning, opt.seed, cx::forms::Day(std::chrono::days(nowMs / 86400000)))) {
                        serverPut(store, r.collection, r.id, r.school, r.fields, "demo", nowMs);
                        ++returns;
                    }
            } catch (const std::exception &e) {
                std::cerr << "cunxiao-server: skipping form " << p.string() << ": " << e.what() << "\n";
            }
        }
    }
    // Inspection assignments (some done, some planned, one overdue) and home-visit targets.
    int plans = 0;
    for (const auto &r : demo::demoPlans(schools, cx::forms::Day(std::chrono::days(nowMs / 86400000)))) {
        serverPut(store, r.collection, r.id, r.school, r.fields, r.by.empty() ? "demo" : r.by, nowMs);
        plans += r.collection == "assignments";
    }
    tx.commit();

    std::set<std::string> townships;
    for (const auto &s : schools)
        townships.insert(s.township);
    out << "Demo county " << kDemoCounty << ": " << townships.size() << " townships, " << schools.size() << " schools, " << pupils
        << " pupils, " << teachers << " teachers, " << forms.size() << " forms, " << returns << " returns, " << plans
        << " inspection assignments\n";
    out << "Schools:\n";
    for (const auto &s : schools)
        out << "  " << s.code << "  " << s.name << "\n";
    out << "Accounts (password for all: " << kPassword << "):\n";
    for (const auto &a : accounts) {
        std::string list;
        for (const auto &c : a.schools)
            list += (list.empty() ? "" : ",") + c;
        out << "  " << a.user << "  " << a.role << "  " << (list.empty() ? "*" : list) << "  " << a.note << "\n";
    }
}

} // namespace cx::server

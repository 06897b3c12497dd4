#include "demo/DemoRoster.h"

#include <array>
#include <cstdio>

namespace cx::demo {

namespace {

// splitmix64: a small, well-mixed generator whose output depends on the seed only.
class Rng
{
public:
    explicit Rng(uint64_t seed) : m_s(seed) {}
    uint64_t next()
    {
        uint64_t z = (m_s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % uint64_t(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <size_t N> const char *pick(const std::array<const char *, N> &a) { return a[size_t(below(int(N)))]; }

private:
    uint64_t m_s;
};

// Surnames weighted roughly as in south-west China (the common ones first, repeated).
const std::array<const char *, 40> kSurnames = {
    "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "李", "王", "张", "杨", "陈", "罗", "普", "自", "龙", "施",
    "鲁", "毕", "苏", "何", "马", "段", "起", "者", "郭", "高", "李", "杨", "张", "王", "刘", "字", "胡", "朱", "彭", "余"};
const std::array<const char *, 48> kGiven = {"子涵", "梓萱", "浩然", "雨桐", "宇轩", "欣怡", "俊杰", "思彤", "家豪", "诗琪",
                                             "明轩", "佳怡", "志强", "春梅", "建国", "丽娟", "小龙", "文静", "天佑", "海燕",
                                             "金花", "永福", "秀英", "国庆", "云飞", "晓燕", "光明", "玉兰", "正清", "红梅",
                                             "一诺", "若曦", "嘉怡", "子轩", "昊天", "雪梅", "文博", "新月", "学文", "丽华",
                                             "阿呷", "阿依", "木呷", "金凤", "德才", "有才", "美玲", "志华"};
const std::array<const char *, 14> kVillages = {"大坪村", "小河村", "松林村", "石板村", "新村",   "老街村", "水井村",
                                                "龙潭村", "麦地村", "坝子村", "岩脚村", "中寨村", "上寨村", "下寨村"};
const std::array<const char *, 12> kFindingsA = {
    "父母常年在外务工，", "家中由祖父母照看，", "家庭经济困难，", "父亲患病在家，",   "母亲外出打工，", "家住山顶，上学路远，",
    "家长重视教育，",     "家中有两个弟妹，",   "孩子性格内向，", "家中新建了住房，", "孩子喜欢画画，", "奶奶年纪大，"};
const std::array<const char *, 12> kFindingsB = {"学习用品齐全。",       "作业完成情况一般。", "孩子按时到校。",
                                                 "近期有厌学情绪。",     "需要关注营养状况。", "家长同意按时送孩子上学。",
                                                 "孩子在家帮忙干农活。", "数学基础较弱。",     "语文成绩有进步。",
                                                 "居住环境较差。",       "已申请寄宿。",       "与父母联系较少。"};
const std::array<const char *, 8> kActions = {"班主任每周电话联系一次", "安排同学结对帮扶", "申请生活补助",
                                              "下月再次家访",           "联系村委会协助",   "每天放学后辅导作业",
                                              "劝返到校，落实控辍保学", "告知营养改善计划"};
const std::array<const char *, 7> kEthnic = {"han", "han", "han", "yi", "yi", "hani", "miao"};

std::string two(int v)
{
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return b;
}

std::string date(int year, Rng &r) { return std::to_string(year) + "-" + two(1 + r.below(12)) + "-" + two(1 + r.below(28)); }

std::string uuid(Rng &r, uint64_t ms)
{
    const uint64_t a = r.next(), b = r.next();
    char s[64];
    std::snprintf(s, sizeof s, "%08llx-%04llx-7%03llx-%04llx-%012llx", (unsigned long long)(ms >> 16),
                  (unsigned long long)(ms & 0xffff), (unsigned long long)(a & 0xfff),
                  (unsigned long long)(0x8000 | ((a >> 12) & 0x3fff)), (unsigned long long)(b & 0xffffffffffffull));
    return s;
}

// An 18-digit resident ID: region 532301..532331, birth date, sequence, check digit.
std::string idCard(Rng &r, const std::string &born, bool male)
{
    std::string s = "5323" + two(1 + r.below(30)) + born.substr(0, 4) + born.substr(5, 2) + born.substr(8, 2);
    int seq = r.below(500) * 2 + (male ? 1 : 0);
    char b[8];
    std::snprintf(b, sizeof b, "%03d", seq);
    s += b;
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (s[size_t(i)] - '0') * w[i];
    s += "10X98765432"[sum % 11];
    return s;
}

std::string phone(Rng &r)
{
    static const char *pre[] = {"138", "139", "151", "152", "187", "182", "157", "199"};
    char b[16];
    std::snprintf(b, sizeof b, "%s%08d", pre[r.below(8)], int(r.next() % 100000000));
    return b;
}

std::string name(Rng &r) { return std::string(r.pick(kSurnames)) + r.pick(kGiven); }

} // namespace

std::vector<DemoRecord> demoRoster(const std::string &school, const RosterSize &size, uint64_t seed)
{
    Rng r(seed);
    std::vector<DemoRecord> out;
    uint64_t ms = 0x0190000000000ull + (seed % 1000) * 86400000ull;
    auto id = [&] { return uuid(r, ms += 1 + uint64_t(r.below(40))); };

    struct Pupil {
        std::string id;
        int grade;
        std::string name, village;
    };
    std::vector<Pupil> pupils;
    for (int i = 0; i < size.pupils; ++i) {
        const bool male = r.chance(52);
        const int grade = 1 + r.below(6);
        const std::string born = date(2025 - 6 - grade + (r.chance(10) ? -1 : 0), r);
        const std::string village = std::string(r.pick(kVillages)) + std::to_string(1 + r.below(9)) + "组";
        Json f{{"name", name(r)},
               {"gender", male ? "male" : "female"},
               {"birth_date", born},
               {"ethnicity", r.pick(kEthnic)},
               {"grade", std::to_string(grade)},
               {"class_no", 1 + r.below(2)},
               {"enrol_date", std::to_string(2025 - grade + 1) + "-09-01"},
               {"status", r.chance(97) ? "in_school" : (r.chance(50) ? "transferred_out" : "dropped_out")},
               {"village", village}};
        if (r.chance(88))
            f["id_card"] = idCard(r, born, male);
        if (r.chance(95)) {
            const char *rel = r.chance(45) ? "grandparent" : (r.chance(50) ? "mother" : (r.chance(80) ? "father" : "other"));
            f["guardian_relation"] = rel;
            f["guardian_name"] = name(r);
            if (r.chance(90))
                f["guardian_phone"] = phone(r);
        }
        if (grade >= 4 || r.chance(10))
            f["boarding"] = r.chance(40) ? "yes" : "no";
        const int lb = r.below(100);
        f["left_behind"] = lb < 55 ? "no" : (lb < 85 ? "one_parent" : "both_parents");
        f["disability"] = r.chance(2) ? "yes" : "no";
        if (f["disability"] == "yes")
            f["disability_kind"] = Json::array({r.chance(50) ? "physical" : "hearing"});
        Json subsidies = Json::array({"free_textbooks", "nutrition"});
        if (r.chance(30))
            subsidies.push_back("fee_waiver");
        if (f.value("boarding", "") == "yes" && r.chance(60))
            subsidies.push_back("boarding_allowance");
        f["subsidies"] = subsidies;
        Pupil p{id(), grade, f["name"].get<std::string>(), village};
        out.push_back({"pupils", p.id, school, f});
        pupils.push_back(std::move(p));
    }

    std::vector<std::string> teacherNames;
    const int teachers = std::max(2, size.pupils * size.teachersPer100Pupils / 100);
    static const std::array<const char *, 11> subjects = {"chinese", "maths", "english", "science",   "ethics", "music",
                                                          "art",     "pe",    "it",      "bilingual", "other"};
    static const std::array<const char *, 4> statuses = {"establishment", "establishment", "special_post", "substitute"};
    static const std::array<const char *, 4> education = {"junior_college", "bachelor", "bachelor", "senior_secondary"};
    static const std::array<const char *, 5> titles = {"none", "level3", "level2", "level2", "level1"};
    for (int i = 0; i < teachers; ++i) {
        const bool male = r.chance(45);
        const int year = 1965 + r.below(35);
        const std::string born = date(year, r);
        const int start = std::min(2024, year + 19 + r.below(6));
        Json f{{"name", name(r)},
               {"gender", male ? "male" : "female"},
               {"birth_date", born},
               {"ethnicity", r.pick(kEthnic)},
               {"id_card", idCard(r, born, male)},
               {"phone", phone(r)},
               {"start_work_date", std::to_string(start) + "-08-" + two(20 + r.below(10))},
               {"years_of_service", 2025 - start},
               {"status", r.pick(statuses)},
               {"education", r.pick(education)},
               {"title", r.pick(titles)},
               {"certificate", "yes"},
               {"certificate_level", "primary"},
               {"subjects", Json::array({r.pick(subjects)})},
               {"homeroom", r.chance(40) ? "yes" : "no"}};
        if (r.chance(80))
            f["certificate_number"] = std::to_string(2000 + r.below(24)) + "5323" + std::to_string(100000 + r.below(900000));
        if (r.chance(40))
            f["subjects"].push_back(r.pick(subjects));
        teacherNames.push_back(f["name"].get<std::string>());
        out.push_back({"teachers", id(), school, f});
    }

    static const std::array<const char *, 6> reasons = {"routine",      "routine",     "routine",
                                                        "dropout_risk", "left_behind", "returned"};
    static const std::array<const char *, 6> met = {"grandparent", "mother", "father", "pupil", "relative", "grandparent"};
    for (int i = 0; i < size.pupils * size.visitsPerPupil; ++i) {
        const Pupil &p = pupils[size_t(r.below(int(pupils.size())))];
        const char *reason = r.pick(reasons);
        Json f{{"grade", std::to_string(p.grade)},
               {"pupil", p.id},
               {"visit_date", "2025-" + two(9 + r.below(4)) + "-" + two(1 + r.below(28))},
               {"visitors", teacherNames[size_t(r.below(int(teacherNames.size())))] +
                                (r.chance(30) ? "、" + teacherNames[size_t(r.below(int(teacherNames.size())))] : "")},
               {"reason", reason},
               {"met", Json::array({r.pick(met), "pupil"})},
               {"findings", std::string(r.pick(kFindingsA)) + r.pick(kFindingsB) +
                                (r.chance(40) ? std::string(r.pick(kFindingsB)) : std::string())},
               {"location", Json{{"lat", 25.0 + r.below(100000) / 100000.0},
                                 {"lon", 101.0 + r.below(100000) / 100000.0},
                                 {"accuracy", 5 + r.below(40)}}}};
        if (r.chance(70))
            f["agreed_actions"] = std::string(r.pick(kActions)) + (r.chance(30) ? std::string("，") + r.pick(kActions) : "");
        if (std::string(reason) == "dropout_risk") {
            f["days_absent"] = 3 + r.below(30);
            f["back_at_school"] = r.chance(70) ? "yes" : "no";
            if (f["back_at_school"] == "no")
                f["not_back_reason"] = r.chance(50) ? "work" : "poverty";
            f["follow_up_date"] = "2025-12-" + two(1 + r.below(28));
        }
        out.push_back({"home_visits", id(), school, f});
    }

    for (int i = 0; i < size.inspections; ++i) {
        Json f{{"school", school},
               {"inspection_date", "2025-" + two(9 + r.below(4)) + "-" + two(1 + r.below(28))},
               {"inspectors", name(r) + "、" + name(r)},
               {"has_canteen", "yes"},
               {"overall_comment", std::string(r.pick(kFindingsB)) + r.pick(kActions)}};
        int total = 0;
        for (const char *item : {"teaching", "safety", "hygiene", "canteen", "buildings", "records", "fees"}) {
            const int score = 8 + r.below(8);
            total += score;
            f[std::string("score_") + item] = score;
            if (r.chance(35))
                f[std::string("note_") + item] = r.pick(kFindingsB);
        }
        f["total_score"] = total;
        f["max_score"] = 105;
        f["problem_count"] = 0;
        out.push_back({"inspections", id(), school, f});
    }
    return out;
}

std::string canonicalJsonLines(const std::vector<DemoRecord> &records)
{
    std::string out;
    for (const auto &d : records) // nlohmann::json keeps object keys sorted: dump() is canonical
        out += Json{{"c", d.collection}, {"id", d.id}, {"school", d.school}, {"f", d.fields}}.dump() + "\n";
    return out;
}

} // namespace cx::demo

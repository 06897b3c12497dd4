// AnswerTypes: shapes of answers per field type.
#include "forms/AnswerTypes.h"
#include "protocol/Crypto.h"

#include <cmath>

// GCC 12 reports a false "maybe-uninitialized" for std::variant<std::string>
// moves in answerValue(); the value is always constructed.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace cx::forms {

bool isEmptyAnswer(const cx::Json &a)
{
    return a.is_null() || (a.is_string() && a.get_ref<const std::string &>().empty()) || (a.is_array() && a.empty()) ||
           (a.is_object() && a.empty());
}

static LocalText bad(const char *zh, const char *en) { return LocalText::of(zh, en); }

static bool isSha256Hex(const cx::Json &h) { return h.is_string() && cx::isSha256Hex(h.get_ref<const std::string &>()); }

// An attachment as the sync engine names it ({"sha256": HEX, "size": N, "type": ...},
// docs/protocol.md), an object with an "id", or a plain string (a file name kept
// by drafts made before photos went through the engine).
static bool isAttachmentRef(const cx::Json &a)
{
    if (a.is_string())
        return !a.get_ref<const std::string &>().empty();
    if (!a.is_object())
        return false;
    if (a.contains("sha256"))
        return isSha256Hex(a["sha256"]) && a.contains("size") && a["size"].is_number_integer() &&
               (a["size"].is_number_unsigned() || a["size"].get<int64_t>() >= 0);
    return a.contains("id") && a["id"].is_string() && !a["id"].get_ref<const std::string &>().empty();
}

std::optional<LocalText> answerTypeProblem(const Field &f, const cx::Json &a)
{
    switch (f.type) {
    case FieldType::Text:
        if (!a.is_string())
            return bad("应填写文字", "must be text");
        if (a.get_ref<const std::string &>().size() > 10000)
            return bad("文字过长（最多10000字节）", "text too long (at most 10000 bytes)");
        return std::nullopt;
    case FieldType::Integer:
        if (a.is_number_integer() || (a.is_number_float() && std::floor(a.get<double>()) == a.get<double>()))
            return std::nullopt;
        return bad("应填写整数", "must be a whole number");
    case FieldType::Decimal:
        if (a.is_number())
            return std::nullopt;
        return bad("应填写数字", "must be a number");
    case FieldType::Date:
        if (a.is_string() && parseDate(a.get_ref<const std::string &>()))
            return std::nullopt;
        return bad("日期格式应为 年-月-日（如 2025-09-01）", "must be a date written YYYY-MM-DD");
    case FieldType::Time:
        if (a.is_string() && isValidTime(a.get_ref<const std::string &>()))
            return std::nullopt;
        return bad("时间格式应为 时:分（如 08:30）", "must be a time written HH:MM");
    case FieldType::DateTime: {
        if (a.is_string() && parseDateTime(a.get_ref<const std::string &>()))
            return std::nullopt;
        // The value is named: a date-time has several parts to get wrong.
        const std::string given = a.is_string() ? a.get<std::string>() : a.dump();
        return LocalText::of("“" + given + "”不是有效的日期时间；格式应为 年-月-日T时:分:秒+时区（如 2026-12-07T09:30:00+08:00）",
                             "'" + given +
                                 "' is not a valid date and time; write YYYY-MM-DDTHH:MM:SS with the "
                                 "offset from UTC (e.g. 2026-12-07T09:30:00+08:00)");
    }
    case FieldType::SelectOne:
        if (a.is_string())
            return std::nullopt;
        return bad("应选择一项", "must be one choice");
    case FieldType::SelectMany:
        if (!a.is_array())
            return bad("应为多选列表", "must be a list of choices");
        for (size_t i = 0; i < a.size(); ++i) {
            if (!a[i].is_string())
                return bad("选项应为文字", "each choice must be text");
            for (size_t k = 0; k < i; ++k)
                if (a[k] == a[i])
                    return bad("同一选项选了两次", "the same choice is selected twice");
        }
        return std::nullopt;
    case FieldType::Geopoint: {
        if (!a.is_object() || !a.contains("lat") || !a.contains("lon") || !a["lat"].is_number() || !a["lon"].is_number())
            return bad("位置应包含纬度和经度", "a location needs lat and lon");
        double lat = a["lat"].get<double>(), lon = a["lon"].get<double>();
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
            return bad("纬度或经度超出范围", "lat or lon out of range");
        if (a.contains("accuracy") && (!a["accuracy"].is_number() || a["accuracy"].get<double>() < 0))
            return bad("定位精度无效", "accuracy must be a non-negative number");
        return std::nullopt;
    }
    case FieldType::Photo:
        if (f.multiple) {
            if (!a.is_array())
                return bad("应为照片列表", "must be a list of photos");
            for (const auto &p : a)
                if (!isAttachmentRef(p))
                    return bad("照片引用无效", "invalid photo reference");
            return std::nullopt;
        }
        if (isAttachmentRef(a))
            return std::nullopt;
        return bad("照片引用无效", "invalid photo reference");
    case FieldType::Signature:
        if (isAttachmentRef(a))
            return std::nullopt;
        return bad("签名引用无效", "invalid signature reference");
    case FieldType::Repeat:
        if (!a.is_array())
            return bad("应为多行列表", "must be a list of rows");
        for (const auto &r : a)
            if (!r.is_object())
                return bad("每一行应为对象", "each row must be an object");
        return std::nullopt;
    case FieldType::Note:
    case FieldType::Group:
        return bad("此项不需要填写", "this item takes no answer");
    }
    return std::nullopt;
}

Value answerValue(const Field &f, const cx::Json &a)
{
    if (isEmptyAnswer(a))
        return {};
    switch (a.type()) {
    case cx::Json::value_t::boolean:
        return Value(a.get<bool>());
    case cx::Json::value_t::number_integer:
    case cx::Json::value_t::number_unsigned:
    case cx::Json::value_t::number_float:
        return Value(a.get<double>());
    case cx::Json::value_t::string:
        return Value(a.get<std::string>());
    case cx::Json::value_t::array: {
        Value::List items;
        for (const auto &e : a) {
            if (f.type == FieldType::Repeat)
                items.push_back(Value(true));
            else if (e.is_object() && e.contains("sha256"))
                items.push_back(answerValue(f, e["sha256"]));
            else if (e.is_object() && e.contains("id"))
                items.push_back(answerValue(f, e["id"]));
            else if (e.is_string() || e.is_number() || e.is_boolean())
                items.push_back(answerValue(f, e));
        }
        return Value::list(std::move(items));
    }
    case cx::Json::value_t::object:
        if (f.type == FieldType::Geopoint && a.contains("lat") && a.contains("lon")) {
            if (!a["lat"].is_number() || !a["lon"].is_number())
                return {};
            return Value(formatNumber(a["lat"].get<double>()) + " " + formatNumber(a["lon"].get<double>()));
        }
        if (a.contains("sha256"))
            return answerValue(f, a["sha256"]);
        if (a.contains("id"))
            return answerValue(f, a["id"]);
        return {};
    default:
        return {};
    }
}

cx::Json valueAsAnswer(const Field &f, const Value &v)
{
    if (v.isNull())
        return nullptr;
    switch (f.type) {
    case FieldType::Integer:
    case FieldType::Decimal: {
        auto n = v.toNumber();
        if (!n || std::fabs(*n) > 9e15)
            return nullptr;
        if (f.type == FieldType::Integer)
            return static_cast<long long>(std::llround(*n));
        return Value(*n).toJson();
    }
    case FieldType::Text:
    case FieldType::Date:
    case FieldType::Time:
    case FieldType::DateTime:
    case FieldType::SelectOne:
        return v.toString();
    default:
        return v.toJson();
    }
}

} // namespace cx::forms

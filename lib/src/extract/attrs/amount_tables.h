// Word lists for FindAmounts (amount.h): currencies, scales, classifiers,
// count nouns and qualifiers. Private to lib/src/extract/attrs; included only
// by amount.cc. Constant data; thread-safe.
#ifndef NEWSGRAPH_EXTRACT_ATTRS_AMOUNT_TABLES_H_
#define NEWSGRAPH_EXTRACT_ATTRS_AMOUNT_TABLES_H_

#include <string_view>

namespace newsgraph::extract::attrs::amount_tables {

// A word and the ISO 4217 code it names.
struct Code {
  std::string_view text;
  std::string_view code;
};

// Currency words written after a number in Chinese text.
constexpr Code kZhCurrencies[] = {
    {"美元", "USD"},     {"美金", "USD"},     {"港元", "HKD"},
    {"港币", "HKD"},     {"港幣", "HKD"},     {"欧元", "EUR"},
    {"歐元", "EUR"},     {"英镑", "GBP"},     {"英鎊", "GBP"},
    {"日元", "JPY"},     {"日圆", "JPY"},     {"日圓", "JPY"},
    {"円", "JPY"},       {"韩元", "KRW"},     {"韓元", "KRW"},
    {"印度卢比", "INR"}, {"卢比", "INR"},     {"澳元", "AUD"},
    {"加元", "CAD"},     {"加币", "CAD"},     {"新台币", "TWD"},
    {"新台幣", "TWD"},   {"台币", "TWD"},     {"新加坡元", "SGD"},
    {"新元", "SGD"},     {"瑞士法郎", "CHF"}, {"瑞郎", "CHF"},
    {"卢布", "RUB"},     {"迪拉姆", "AED"},   {"里亚尔", "SAR"},
    {"元人民币", "CNY"}, {"人民币", "CNY"},   {"块钱", "CNY"},
    {"元", "CNY"},
};

// Words that start with 元 but are not the currency.
constexpr std::string_view kNotYuan[] = {"元宇宙", "元素", "元件",
                                         "元器件", "元老", "元年"};

// Currency symbols and codes written before a number.
constexpr Code kPrefixCurrencies[] = {
    {"us$", "USD"}, {"u.s.$", "USD"},  {"hk$", "HKD"}, {"au$", "AUD"},
    {"a$", "AUD"},  {"ca$", "CAD"},    {"c$", "CAD"},  {"s$", "SGD"},
    {"nt$", "TWD"}, {"nz$", "NZD"},    {"$", "USD"},   {"€", "EUR"},
    {"£", "GBP"},   {"¥", "JPY"},      {"₩", "KRW"},   {"₹", "INR"},
    {"₽", "RUB"}, {"usd", "USD"},    {"rmb", "CNY"}, {"cny", "CNY"},
    {"eur", "EUR"}, {"gbp", "GBP"},    {"jpy", "JPY"}, {"hkd", "HKD"},
    {"krw", "KRW"}, {"inr", "INR"},    {"aud", "AUD"}, {"cad", "CAD"},
    {"sgd", "SGD"}, {"chf", "CHF"},    {"twd", "TWD"}, {"rs.", "INR"},
    {"rs", "INR"},  {"人民币", "CNY"},
};

// Currency words and codes written after a number in English text.
constexpr Code kEnCurrencies[] = {
    {"u.s. dollars", "USD"},
    {"us dollars", "USD"},
    {"hong kong dollars", "HKD"},
    {"australian dollars", "AUD"},
    {"canadian dollars", "CAD"},
    {"singapore dollars", "SGD"},
    {"new taiwan dollars", "TWD"},
    {"taiwan dollars", "TWD"},
    {"dollars", "USD"},
    {"dollar", "USD"},
    {"yuan", "CNY"},
    {"renminbi", "CNY"},
    {"rmb", "CNY"},
    {"yen", "JPY"},
    {"euros", "EUR"},
    {"euro", "EUR"},
    {"pounds sterling", "GBP"},
    {"pounds", "GBP"},
    {"sterling", "GBP"},
    {"rupees", "INR"},
    {"swiss francs", "CHF"},
    {"francs", "CHF"},
    {"roubles", "RUB"},
    {"rubles", "RUB"},
    {"dirhams", "AED"},
    {"riyals", "SAR"},
    {"won", "KRW"},
    {"usd", "USD"},
    {"cny", "CNY"},
    {"eur", "EUR"},
    {"gbp", "GBP"},
    {"jpy", "JPY"},
    {"hkd", "HKD"},
    {"krw", "KRW"},
    {"inr", "INR"},
    {"aud", "AUD"},
    {"cad", "CAD"},
    {"sgd", "SGD"},
    {"chf", "CHF"},
    {"twd", "TWD"},
    {"rub", "RUB"},
    {"aed", "AED"},
    {"sar", "SAR"},
    {"nzd", "NZD"},
};

struct Scale {
  std::string_view text;
  int exp;
  bool attached_only;  // single letters: "$30m" but not "$30 m"
  bool plain;          // makes a bare number an amount ("30 billion")
};

constexpr Scale kScales[] = {
    {"trillion", 12, false, true}, {"billion", 9, false, true},
    {"million", 6, false, true},   {"thousand", 3, false, true},
    {"crores", 7, false, true},    {"crore", 7, false, true},
    {"lakhs", 5, false, true},     {"lakh", 5, false, true},
    {"trn", 12, false, true},      {"tn", 12, false, true},
    {"bln", 9, false, true},       {"bn", 9, false, true},
    {"mln", 6, false, false},      {"mn", 6, false, false},
    {"m", 6, true, false},         {"b", 9, true, false},
    {"k", 3, true, false},
};

// Chinese classifiers that make a number a count.
constexpr std::string_view kZhClassifiers[] = {
    "个", "块", "台", "张", "颗", "枚", "座", "家", "名", "位", "辆",
    "架", "套", "片", "部", "款", "项", "所", "艘", "栋", "只", "份",
    "条", "间", "处", "笔", "户", "人", "件", "支", "批", "种", "股",
};

// Classifier + word combinations that are not counts of things.
constexpr std::string_view kNotCounts[] = {
    "个月",   "个多月",   "个半月",   "个百分点", "个季度", "个小时",
    "个星期", "个工作日", "个交易日", "个财年",   "位数",   "种子",
    "股东",   "股权",     "股份",     "股价",     "股市",   "股票",
};

// English nouns that make a number a count.
constexpr std::string_view kEnUnits[] = {
    "units",        "unit",        "gpus",      "chips",        "processors",
    "accelerators", "servers",     "employees", "workers",      "staff",
    "jobs",         "people",      "users",     "customers",    "subscribers",
    "shares",       "vehicles",    "cars",      "evs",          "devices",
    "phones",       "smartphones", "robots",    "satellites",   "homes",
    "households",   "stores",      "factories", "data centers", "datacenters",
    "aircraft",     "planes",      "jets",      "engineers",    "researchers",
    "members",      "copies",      "licenses",  "patents",      "students",
};

// Words that cannot sit between a number and its count noun.
constexpr std::string_view kNotModifiers[] = {
    "and",  "or",  "of",   "in",   "on",    "at",    "to",     "for",
    "from", "by",  "with", "than", "more",  "less",  "the",    "a",
    "an",   "per", "each", "year", "years", "month", "months", "were",
    "was",  "are", "is",   "have", "has",   "had",   "will",   "that",
};

// Qualifiers written before an amount that make it approximate.
struct Marker {
  std::string_view text;
  bool chinese_run_only;  // only before a number in Chinese numerals
};

constexpr Marker kMarkers[] = {
    {"大约", false},
    {"约合", false},
    {"约", false},
    {"将近", false},
    {"接近", false},
    {"近", false},
    {"超过", false},
    {"超", false},
    {"逾", false},
    {"多达", false},
    {"高达", false},
    {"至少", false},
    {"不到", false},
    {"不足", false},
    {"不少于", false},
    {"不低于", false},
    {"最多", false},
    {"约为", false},
    {"不超过", false},
    {"不高于", false},
    {"最高", false},
    {"上", true},
    {"数", true},
    {"几", true},
    {"about", false},
    {"around", false},
    {"approximately", false},
    {"roughly", false},
    {"nearly", false},
    {"almost", false},
    {"close to", false},
    {"more than", false},
    {"over", false},
    {"up to", false},
    {"at least", false},
    {"as much as", false},
    {"as many as", false},
    {"less than", false},
    {"fewer than", false},
    {"upwards of", false},
    {"an estimated", false},
    {"estimated", false},
    {"some", false},
    {"~", false},
    {"≈", false},
};

// Characters that, right before 约 / 近, make them part of another word
// (合约 contract, 签约 signing, 最近 recently, ...).
constexpr std::string_view kNotYueBefore[] = {"合", "签", "条", "协", "契",
                                              "公", "预", "相", "制", "履",
                                              "违", "节", "邀", "特", "婚"};
constexpr std::string_view kNotJinBefore[] = {"最", "附", "临", "亲",
                                              "就", "靠", "贴", "逼"};

// Qualifiers written after an amount that make it approximate.
constexpr std::string_view kTailMarkers[] = {"左右", "上下", "以上", "之多"};

}  // namespace newsgraph::extract::attrs::amount_tables

#endif  // NEWSGRAPH_EXTRACT_ATTRS_AMOUNT_TABLES_H_

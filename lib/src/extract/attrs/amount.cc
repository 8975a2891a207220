#include "extract/attrs/amount.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <system_error>

#include "extract/attrs/cn_number.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs {

namespace {

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
constexpr std::string_view kNotYuan[] = {"元宇宙", "元素", "元件", "元器件",
                                         "元老", "元年"};

// Currency symbols and codes written before a number.
constexpr Code kPrefixCurrencies[] = {
    {"us$", "USD"}, {"u.s.$", "USD"}, {"hk$", "HKD"}, {"au$", "AUD"},
    {"a$", "AUD"},  {"ca$", "CAD"},   {"c$", "CAD"},  {"s$", "SGD"},
    {"nt$", "TWD"}, {"nz$", "NZD"},   {"$", "USD"},   {"€", "EUR"},
    {"£", "GBP"},   {"¥", "JPY"},     {"₩", "KRW"},   {"₹", "INR"},
    {"₽", "RUB"},   {"usd", "USD"},   {"rmb", "CNY"}, {"cny", "CNY"},
    {"eur", "EUR"}, {"gbp", "GBP"},   {"jpy", "JPY"}, {"hkd", "HKD"},
    {"krw", "KRW"}, {"inr", "INR"},   {"aud", "AUD"}, {"cad", "CAD"},
    {"sgd", "SGD"}, {"chf", "CHF"},   {"twd", "TWD"}, {"rs.", "INR"},
    {"rs", "INR"},  {"人民币", "CNY"},
};

// Currency words and codes written after a number in English text.
constexpr Code kEnCurrencies[] = {
    {"u.s. dollars", "USD"},       {"us dollars", "USD"},
    {"hong kong dollars", "HKD"},  {"australian dollars", "AUD"},
    {"canadian dollars", "CAD"},   {"singapore dollars", "SGD"},
    {"new taiwan dollars", "TWD"}, {"taiwan dollars", "TWD"},
    {"dollars", "USD"},            {"dollar", "USD"},
    {"yuan", "CNY"},               {"renminbi", "CNY"},
    {"rmb", "CNY"},                {"yen", "JPY"},
    {"euros", "EUR"},              {"euro", "EUR"},
    {"pounds sterling", "GBP"},    {"pounds", "GBP"},
    {"sterling", "GBP"},           {"rupees", "INR"},
    {"swiss francs", "CHF"},       {"francs", "CHF"},
    {"roubles", "RUB"},            {"rubles", "RUB"},
    {"dirhams", "AED"},            {"riyals", "SAR"},
    {"won", "KRW"},                {"usd", "USD"},
    {"cny", "CNY"},                {"eur", "EUR"},
    {"gbp", "GBP"},                {"jpy", "JPY"},
    {"hkd", "HKD"},                {"krw", "KRW"},
    {"inr", "INR"},                {"aud", "AUD"},
    {"cad", "CAD"},                {"sgd", "SGD"},
    {"chf", "CHF"},                {"twd", "TWD"},
    {"rub", "RUB"},                {"aed", "AED"},
    {"sar", "SAR"},                {"nzd", "NZD"},
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
    "条", "间", "处", "笔", "户", "人", "件", "支", "批", "种",
};

// Classifier + word combinations that are not counts of things.
constexpr std::string_view kNotCounts[] = {
    "个月",   "个多月", "个半月", "个百分点", "个季度", "个小时",
    "个星期", "个工作日", "个交易日", "个财年", "位数",   "种子",
};

// English nouns that make a number a count.
constexpr std::string_view kEnUnits[] = {
    "units",       "unit",       "gpus",        "chips",      "processors",
    "accelerators", "servers",   "employees",   "workers",    "staff",
    "jobs",        "people",     "users",       "customers",  "subscribers",
    "shares",      "vehicles",   "cars",        "evs",        "devices",
    "phones",      "smartphones", "robots",     "satellites", "homes",
    "households",  "stores",     "factories",   "data centers", "datacenters",
    "aircraft",    "planes",     "jets",        "engineers",  "researchers",
    "members",     "copies",     "licenses",    "patents",    "students",
};

// Qualifiers written before an amount that make it approximate.
struct Marker {
  std::string_view text;
  bool chinese_run_only;  // only before a number in Chinese numerals
};

constexpr Marker kMarkers[] = {
    {"大约", false}, {"约合", false}, {"约", false},     {"将近", false},
    {"接近", false}, {"近", false},   {"超过", false},   {"超", false},
    {"逾", false},   {"多达", false}, {"高达", false},   {"至少", false},
    {"不到", false}, {"不足", false}, {"不少于", false}, {"不低于", false},
    {"最多", false}, {"上", true},    {"数", true},      {"几", true},
    {"about", false},        {"around", false},     {"approximately", false},
    {"roughly", false},      {"nearly", false},     {"almost", false},
    {"close to", false},     {"more than", false},  {"over", false},
    {"up to", false},        {"at least", false},   {"as much as", false},
    {"as many as", false},   {"less than", false},  {"fewer than", false},
    {"upwards of", false},   {"an estimated", false}, {"estimated", false},
    {"some", false},         {"~", false},          {"≈", false},
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

// Longest entry of `table` found at text[pos]; for entries starting with an
// ASCII letter the match must also end at a word boundary. Returns the entry
// index or -1.
template <typename T, size_t N>
int Longest(std::string_view text, size_t pos, const T (&table)[N]) {
  int best = -1;
  for (size_t i = 0; i < N; ++i) {
    std::string_view w = table[i].text;
    if (!HasAt(text, pos, w)) continue;
    if (IsAsciiAlpha(w.back()) && !BoundaryAfter(text, pos + w.size())) {
      continue;
    }
    if (best < 0 || w.size() > table[best].text.size()) {
      best = static_cast<int>(i);
    }
  }
  return best;
}

template <size_t N>
int LongestWord(std::string_view text, size_t pos,
                const std::string_view (&table)[N]) {
  int best = -1;
  for (size_t i = 0; i < N; ++i) {
    std::string_view w = table[i];
    if (!HasAt(text, pos, w)) continue;
    if (IsAsciiAlpha(w.back()) && !BoundaryAfter(text, pos + w.size())) {
      continue;
    }
    if (best < 0 || w.size() > table[best].size()) best = static_cast<int>(i);
  }
  return best;
}

template <size_t N>
bool AnyEndsAt(std::string_view text, size_t pos,
               const std::string_view (&table)[N]) {
  for (std::string_view w : table) {
    if (EndsAt(text, pos, w)) return true;
  }
  return false;
}

// An amount being assembled.
struct Candidate {
  size_t begin = 0;
  size_t end = 0;
  double value = 0;
  std::string currency;
  std::string unit;
  bool approximate = false;
  bool big = false;      // has a multiplier that makes a bare number count
  bool grouped = false;  // written with thousands separators
  bool small_chinese = false;  // Chinese numeral below ten ("一", "两")
};

// Skips "多" / "余" ("300多亿", "100余家"); sets *approx when found.
size_t SkipMore(std::string_view text, size_t pos, bool* approx) {
  if (HasAt(text, pos, "多") || HasAt(text, pos, "余")) {
    *approx = true;
    return pos + 3;
  }
  return pos;
}

// Reads a Chinese multiplier run ("万", "亿", "千万") at pos, optionally
// after spaces. On success adds its exponent to *exp and returns its end;
// returns pos when there is none, and npos when numerals glued to the number
// are not a multiplier ("3万5千").
size_t ReadChineseMultiplier(std::string_view text, size_t pos, int* exp) {
  size_t start = SkipSpaces(text, pos);
  size_t len = ChineseNumeralLength(text.substr(start));
  if (len == 0) return pos;
  auto e = ChineseMultiplierExponent(text.substr(start, len));
  if (!e) return start == pos ? std::string_view::npos : pos;
  *exp += *e;
  return start + len;
}

// Reads an English scale ("billion", "bn", "m") at pos; single letters must
// be attached to the number. Returns the index into kScales or -1.
int ReadScale(std::string_view text, size_t pos, size_t* end) {
  int i = Longest(text, pos, kScales);
  if (i >= 0) {
    *end = pos + kScales[i].text.size();
    return i;
  }
  size_t s = SkipSpaces(text, pos);
  if (s == pos) return -1;
  i = Longest(text, s, kScales);
  if (i < 0 || kScales[i].attached_only) return -1;
  *end = s + kScales[i].text.size();
  return i;
}

bool IsPercentAt(std::string_view text, size_t pos) {
  size_t s = SkipSpaces(text, pos);
  if (HasAt(text, s, "%") || HasAt(text, s, "‰")) return true;
  for (std::string_view w : {"percent", "per cent", "pct", "percentage"}) {
    if (HasAt(text, s, w) && BoundaryAfter(text, s + w.size())) return true;
  }
  return false;
}

// Reads the currency or count word after a number ending at pos and any
// trailing qualifier, filling c->currency / c->unit / c->end. `fixed` is a
// currency already given by a prefix; only the same currency is consumed
// after the number then. `en_scale` tells whether an English scale word was
// read (needed for "won").
void ReadSuffix(std::string_view text, size_t pos, std::string_view fixed,
                bool en_scale, Candidate* c) {
  c->end = pos;
  size_t s = SkipSpaces(text, pos);
  int zc = Longest(text, s, kZhCurrencies);
  if (zc >= 0 && kZhCurrencies[zc].text == "元") {
    for (std::string_view w : kNotYuan) {
      if (HasAt(text, s, w)) zc = -1;
    }
  }
  if (zc >= 0) {
    if (fixed.empty() || fixed == kZhCurrencies[zc].code) {
      c->currency = std::string(kZhCurrencies[zc].code);
      c->end = s + kZhCurrencies[zc].text.size();
    }
  } else if (fixed.empty() && LongestWord(text, s, kZhClassifiers) >= 0) {
    if (LongestWord(text, s, kNotCounts) < 0) {
      int k = LongestWord(text, s, kZhClassifiers);
      c->unit = std::string(kZhClassifiers[k]);
      c->end = s + kZhClassifiers[k].size();
    }
  } else if (BoundaryBefore(text, s)) {
    int ec = Longest(text, s, kEnCurrencies);
    if (ec >= 0 && kEnCurrencies[ec].text == "won" && !en_scale) ec = -1;
    if (ec >= 0 && (fixed.empty() || fixed == kEnCurrencies[ec].code)) {
      c->currency = std::string(kEnCurrencies[ec].code);
      c->end = s + kEnCurrencies[ec].text.size();
    } else if (ec < 0 && fixed.empty() && s > pos) {
      int u = LongestWord(text, s, kEnUnits);
      if (u >= 0) {
        c->unit = std::string(kEnUnits[u]);
        c->end = s + kEnUnits[u].size();
      }
    }
  }
  int t = LongestWord(text, c->end, kTailMarkers);
  if (t >= 0 && (!c->currency.empty() || !c->unit.empty() || c->big)) {
    c->approximate = true;
    c->end += kTailMarkers[t].size();
  }
}

// True when an ASCII number may start at pos: not glued to a word, a model
// name ("h100"), another number or the "<n>" mask.
bool ValidNumberStart(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char p = text[pos - 1];
  if (IsAsciiAlnum(p) || p == '>' || p == '#' || p == '_') return false;
  if ((p == '.' || p == ',') && pos >= 2 &&
      (IsAsciiDigit(text[pos - 2]) || text[pos - 2] == '>')) {
    return false;
  }
  return true;
}

// A number in ASCII digits at pos, with `fixed` the currency of a prefix
// already read ("" for none).
std::optional<Candidate> ArabicAt(std::string_view text, size_t pos,
                                  std::string_view fixed) {
  auto num = ScanDecimal(text, pos);
  if (!num) return std::nullopt;
  Candidate c;
  c.begin = pos;
  c.grouped = num->grouped;
  size_t q = num->end;
  if (IsPercentAt(text, q)) return std::nullopt;
  int exp = 0;
  bool en_scale = false;
  size_t r = SkipMore(text, q, &c.approximate);
  size_t m = ReadChineseMultiplier(text, r, &exp);
  if (m == std::string_view::npos) return std::nullopt;
  if (m != r) {
    c.big = exp >= 4;
    r = SkipMore(text, m, &c.approximate);
  } else if (r == q) {
    size_t end = 0;
    int s = ReadScale(text, q, &end);
    if (s >= 0) {
      exp = kScales[s].exp;
      c.big = kScales[s].plain;
      en_scale = true;
      r = end;
    }
  }
  if (r == q && AlphaAt(text, q)) return std::nullopt;  // "1st", "5g", "3d"
  if (IsPercentAt(text, r)) return std::nullopt;
  c.value = DecimalValue(num->digits, exp);
  ReadSuffix(text, r, fixed, en_scale, &c);
  if (!fixed.empty()) c.currency = std::string(fixed);
  return c;
}

std::string ShortestFixed(double v) {
  if (!std::isfinite(v) || v < 0) v = 0;
  char buf[1100];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (res.ec != std::errc()) return "0";
  return std::string(buf, res.ptr);
}

// A number in Chinese numerals at pos ("五十亿", "三十多亿", "百亿").
std::optional<Candidate> ChineseAt(std::string_view text, size_t pos,
                                   size_t* run_end) {
  size_t len = ChineseNumeralLength(text.substr(pos));
  *run_end = pos + len;
  if (len == 0) return std::nullopt;
  std::string_view run = text.substr(pos, len);
  auto v = ParseChineseNumeral(run);
  if (!v) return std::nullopt;
  const bool digit_string = IsChineseDigitString(run);
  if (digit_string && len > 3) return std::nullopt;  // "二〇二四"
  size_t first_len = 0;
  const int first_exp = ChineseUnitExponent(DecodeAt(text, pos, &first_len));
  Candidate c;
  c.begin = pos;
  c.value = *v;
  c.small_chinese = digit_string && *v < 10;
  int exp = 0;
  size_t r = SkipMore(text, pos + len, &c.approximate);
  if (r != pos + len) {
    size_t m = ReadChineseMultiplier(text, r, &exp);
    if (m == std::string_view::npos) return std::nullopt;
    r = m;
    c.value = DecimalValue(ShortestFixed(*v), exp);
    c.small_chinese = false;
  }
  for (size_t i = 0; i < run.size();) {
    size_t l = 0;
    if (ChineseUnitExponent(DecodeAt(run, i, &l)) >= 4) c.big = true;
    i += l;
  }
  c.big = c.big || exp >= 4;
  if (IsPercentAt(text, r)) return std::nullopt;
  ReadSuffix(text, r, "", false, &c);
  if (first_exp >= 2) {
    // A leading unit is a magnitude: "百亿美元", "上千万", "上亿美元". Without
    // a currency or a vague prefix it is an idiom ("千家万户", "万一"); a
    // leading 万/亿 needs the prefix ("<n>多亿美元" is a masked number).
    const bool vague = EndsAt(text, pos, "上") || EndsAt(text, pos, "数") ||
                       EndsAt(text, pos, "几");
    if (!vague && (c.currency.empty() || first_exp >= 4)) return std::nullopt;
    c.approximate = true;
  }
  return c;
}

// English vague magnitudes: "tens of billions of dollars".
std::optional<Candidate> VagueEnglishAt(std::string_view text, size_t pos) {
  Candidate c;
  c.begin = pos;
  double mult = 1;
  size_t p = pos;
  for (auto [w, m] : {std::pair<std::string_view, double>{"tens of ", 10},
                      {"hundreds of ", 100}}) {
    if (HasAt(text, p, w)) {
      mult = m;
      p += w.size();
      break;
    }
  }
  int exp = -1;
  for (auto [w, e] : {std::pair<std::string_view, int>{"millions of ", 6},
                      {"billions of ", 9},
                      {"trillions of ", 12}}) {
    if (HasAt(text, p, w)) {
      exp = e;
      p += w.size();
      break;
    }
  }
  if (exp < 0) return std::nullopt;
  int ec = Longest(text, p, kEnCurrencies);
  if (ec < 0) return std::nullopt;
  c.value = mult * DecimalValue("1", exp);
  c.currency = std::string(kEnCurrencies[ec].code);
  c.end = p + kEnCurrencies[ec].text.size();
  c.approximate = true;
  return c;
}

// English number words with a scale: "two billion dollars", "a million
// units".
std::optional<Candidate> NumberWordAt(std::string_view text, size_t pos) {
  auto w = ScanNumberWord(text, pos, /*allow_article=*/true);
  if (!w) return std::nullopt;
  size_t s = SkipSpaces(text, w->end);
  if (s == w->end) return std::nullopt;
  int k = Longest(text, s, kScales);
  if (k < 0 || kScales[k].text.size() < 7) return std::nullopt;  // words only
  Candidate c;
  c.begin = pos;
  c.big = kScales[k].exp >= 6;  // "a thousand" alone is not an amount
  c.value = DecimalValue(std::to_string(w->value), kScales[k].exp);
  ReadSuffix(text, s + kScales[k].text.size(), "", true, &c);
  return c;
}

// A currency prefix ("$", "us$", "rmb ", "人民币") followed by a number.
std::optional<Candidate> PrefixCurrencyAt(std::string_view text, size_t pos) {
  int i = Longest(text, pos, kPrefixCurrencies);
  if (i < 0) {
    // Letter codes end at the number, not at a word boundary ("rmb5").
    for (size_t k = 0; k < std::size(kPrefixCurrencies); ++k) {
      std::string_view w = kPrefixCurrencies[k].text;
      if (HasAt(text, pos, w) && DigitAt(text, pos + w.size()) &&
          (i < 0 || w.size() > kPrefixCurrencies[i].text.size())) {
        i = static_cast<int>(k);
      }
    }
  }
  if (i < 0) return std::nullopt;
  std::string_view w = kPrefixCurrencies[i].text;
  if (IsAsciiAlpha(w.front()) && !BoundaryBefore(text, pos)) {
    return std::nullopt;
  }
  size_t n = SkipSpaces(text, pos + w.size());
  if (!DigitAt(text, n)) return std::nullopt;
  auto c = ArabicAt(text, n, kPrefixCurrencies[i].code);
  if (!c) return std::nullopt;
  c->begin = pos;
  return c;
}

// Start of the approximate qualifier just before `begin`, or `begin` when
// there is none; never before `floor`.
size_t QualifierStart(std::string_view text, size_t begin, size_t floor,
                      bool chinese_run, bool* approx) {
  size_t b = begin;
  while (b > floor && text[b - 1] == ' ') --b;
  int best = -1;
  for (size_t i = 0; i < std::size(kMarkers); ++i) {
    const Marker& m = kMarkers[i];
    if (m.chinese_run_only && !chinese_run) continue;
    if (!EndsAt(text, b, m.text) || b - m.text.size() < floor) continue;
    const size_t start = b - m.text.size();
    if (IsAsciiAlpha(m.text.front()) && !BoundaryBefore(text, start)) continue;
    if (m.text == "约" && AnyEndsAt(text, start, kNotYueBefore)) continue;
    if (m.text == "近" && AnyEndsAt(text, start, kNotJinBefore)) continue;
    if (best < 0 || m.text.size() > kMarkers[best].text.size()) {
      best = static_cast<int>(i);
    }
  }
  if (best < 0) return begin;
  *approx = true;
  return b - kMarkers[best].text.size();
}

// True when the amount at `begin` is an ordinal or a rank ("第3", "前10名",
// "top 10").
bool IsRank(std::string_view text, size_t begin) {
  return EndsAt(text, begin, "第") || EndsAt(text, begin, "前") ||
         EndsAt(text, begin, "top ") || EndsAt(text, begin, "no. ") ||
         EndsAt(text, begin, "no.");
}

// Decides whether a candidate is an amount and turns it into a mention.
std::optional<AmountMention> Accept(std::string_view text,
                                    const Candidate& c) {
  if (EndsAt(text, c.begin, "第")) return std::nullopt;
  if (!std::isfinite(c.value)) return std::nullopt;
  if (c.small_chinese) return std::nullopt;  // "一个", "两家", "三元"
  if (c.currency.empty()) {
    if (!c.unit.empty()) {
      if (IsRank(text, c.begin)) return std::nullopt;
    } else if (!((c.big || c.grouped) && c.value >= 1000)) {
      return std::nullopt;
    }
  }
  AmountMention a;
  a.begin = c.begin;
  a.end = c.end;
  a.value = c.value;
  a.currency = c.currency;
  a.unit = c.unit;
  a.approximate = c.approximate;
  return a;
}

// Position just past the ASCII word or number token at pos.
size_t SkipAsciiToken(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size() && (IsAsciiAlnum(text[i]) || text[i] == '_')) ++i;
  return i > pos ? i : pos + 1;
}

std::string GroupThousands(const std::string& fixed) {
  const size_t dot = fixed.find('.');
  const std::string integer = fixed.substr(0, dot);
  std::string out;
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += ',';
    out += integer[i];
  }
  if (dot != std::string::npos) out += fixed.substr(dot);
  return out;
}

}  // namespace

std::vector<AmountMention> FindAmounts(std::string_view text) {
  std::vector<AmountMention> out;
  size_t pos = 0;
  size_t floor = 0;  // end of the previous mention
  while (pos < text.size()) {
    std::optional<Candidate> c;
    bool chinese_run = false;
    size_t skip = 0;
    const char ch = text[pos];
    if (IsAsciiAlpha(ch) && BoundaryBefore(text, pos)) {
      c = VagueEnglishAt(text, pos);
      if (!c) c = NumberWordAt(text, pos);
    }
    if (!c && (!IsAsciiAlnum(ch) || BoundaryBefore(text, pos))) {
      c = PrefixCurrencyAt(text, pos);
    }
    if (!c && IsAsciiDigit(ch) && ValidNumberStart(text, pos)) {
      c = ArabicAt(text, pos, "");
    }
    if (!c && !IsAsciiAlnum(ch) && static_cast<unsigned char>(ch) >= 0x80) {
      size_t len = 0;
      const char32_t cp = DecodeAt(text, pos, &len);
      if (ChineseDigitValue(cp) >= 0 || ChineseUnitExponent(cp) >= 0) {
        size_t run_end = pos + len;
        const bool blocked =
            pos > 0 && (IsAsciiDigit(text[pos - 1]) || text[pos - 1] == '>' ||
                        EndsAt(text, pos, "分之"));
        if (!blocked) c = ChineseAt(text, pos, &run_end);
        chinese_run = true;
        if (!c) skip = run_end - pos;
      }
    }
    std::optional<AmountMention> a;
    if (c) a = Accept(text, *c);
    if (a) {
      a->begin = QualifierStart(text, a->begin, floor, chinese_run,
                                &a->approximate);
      pos = floor = a->end;
      out.push_back(std::move(*a));
      continue;
    }
    if (skip == 0) {
      skip = IsAsciiAlnum(ch) ? SkipAsciiToken(text, pos) - pos
                              : CodePointLength(text, pos);
    }
    pos += skip;
  }
  return out;
}

std::string FormatAmount(const AmountMention& a) {
  std::string out = a.approximate ? "~" : "";
  const std::string number = ShortestFixed(a.value);
  if (!a.currency.empty()) {
    out += number + " " + a.currency;
  } else if (!a.unit.empty()) {
    out += number;
    if (IsAsciiAlpha(a.unit.front())) out += ' ';
    out += a.unit;
  } else {
    out += GroupThousands(number);
  }
  return out;
}

}  // namespace newsgraph::extract::attrs

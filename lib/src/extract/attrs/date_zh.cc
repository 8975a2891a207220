// Chinese and numeric date patterns for FindDates.
#include <algorithm>
#include <string_view>

#include "extract/attrs/cn_number.h"
#include "extract/attrs/date_rules.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs::date_rules {

namespace {

using base::Date;
using namespace std::string_view_literals;

constexpr size_t kCjk = 3;  // bytes of one BMP CJK character in UTF-8

// Reads a small number within [1, max] in ASCII digits (one or two) or
// Chinese numerals at pos; *chinese tells which.
std::optional<int> ReadSmall(std::string_view text, size_t pos, int max,
                             size_t* end, bool* chinese) {
  *chinese = false;
  if (DigitAt(text, pos)) {
    auto v = ReadDigits(text, pos, 1, 2, end);
    if (!v || *v < 1 || *v > max) return std::nullopt;
    return v;
  }
  const size_t len = ChineseNumeralLength(text.substr(pos));
  if (len == 0 || len > 3 * kCjk) return std::nullopt;
  auto v = ParseChineseNumeral(text.substr(pos, len));
  if (!v || *v < 1 || *v > max) return std::nullopt;
  *chinese = true;
  *end = pos + len;
  return static_cast<int>(*v);
}

// "3月", "十二月": the month and the end after 月.
std::optional<int> ReadMonth(std::string_view text, size_t pos, size_t* end,
                             bool* chinese) {
  size_t e = 0;
  auto m = ReadSmall(text, pos, 12, &e, chinese);
  if (!m || !HasAt(text, e, "月")) return std::nullopt;
  *end = e + kCjk;
  return m;
}

// "11日", "11号", "十一日": the day and the end after 日/号.
std::optional<int> ReadDay(std::string_view text, size_t pos, size_t* end) {
  size_t e = 0;
  bool chinese = false;
  auto d = ReadSmall(text, pos, 31, &e, &chinese);
  if (!d || !(HasAt(text, e, "日") || HasAt(text, e, "号"))) {
    return std::nullopt;
  }
  *end = e + kCjk;
  return d;
}

// Words that end a month or year phrase without changing its value.
constexpr std::string_view kMonthTails[] = {"上旬", "中旬", "下旬", "初",
                                            "底",   "末",   "份"};
constexpr std::string_view kYearTails[] = {"年初", "年底", "年末", "年中",
                                           "初",   "底",   "末",   "度"};
// "初" that starts another word: 初步 (preliminary), 初次 (first time).
constexpr std::string_view kNotChu[] = {"初步", "初次", "初衷",
                                        "初心", "初创", "初期"};
constexpr std::string_view kSinceTails[] = {"起至今", "至今", "迄今", "以来"};

template <size_t N>
int LongestAt(std::string_view text, size_t pos,
              const std::string_view (&table)[N]) {
  int best = -1;
  for (size_t i = 0; i < N; ++i) {
    if (HasAt(text, pos, table[i]) &&
        (best < 0 || table[i].size() > table[best].size())) {
      best = static_cast<int>(i);
    }
  }
  return best;
}

// Moves *end past a tail from `table` ("初", "底", "上旬").
template <size_t N>
void SkipTail(std::string_view text, size_t* end,
              const std::string_view (&table)[N]) {
  const int t = LongestAt(text, *end, table);
  if (t < 0) return;
  const std::string_view tail = table[t];
  if (EndsAt(tail, tail.size(), "初") &&
      LongestAt(text, *end + tail.size() - kCjk, kNotChu) >= 0) {
    return;
  }
  *end += tail.size();
}

void SkipSince(std::string_view text, Found* f) {
  const int s = LongestAt(text, f->end, kSinceTails);
  if (s >= 0) {
    f->since = true;
    f->end += kSinceTails[s].size();
  }
}

// Reads "M月[D日]" (and a month tail) at f->end after a year whose value is
// f->date (or nullopt when unresolved). Returns false when no month follows.
bool ReadMonthDay(std::string_view text, Found* f) {
  size_t e = 0;
  bool chinese = false;
  auto m = ReadMonth(text, f->end, &e, &chinese);
  if (!m) return false;
  size_t de = 0;
  auto d = ReadDay(text, e, &de);
  if (d && Date{2000, *m, *d}.Valid()) {  // 2000 allows 2月29日
    auto full = WithMonthDay(f->date, *m, *d);
    if (!full || full->Valid()) {
      f->date = full;
      f->end = de;
      return true;
    }
  }
  f->date = WithMonthDay(f->date, *m, 0);
  f->end = e;
  SkipTail(text, &f->end, kMonthTails);
  return true;
}

// After a year: month/day or a year tail, then a "since" tail.
Found AfterYear(std::string_view text, Found f) {
  if (!ReadMonthDay(text, &f)) SkipTail(text, &f.end, kYearTails);
  SkipSince(text, &f);
  return f;
}

// Words after a year that make it a fiscal year ("2025财年").
constexpr std::string_view kFiscalYears[] = {"财年", "财政年度", "会计年度"};

// "2024年...", "2025财年", "二〇二四年": a year written out.
std::optional<Found> YearAt(std::string_view text, size_t pos) {
  int year = 0;
  size_t e = 0;
  if (DigitAt(text, pos)) {
    auto y = ReadDigits(text, pos, 4, 4, &e);
    if (!y) return std::nullopt;
    year = *y;
  } else {
    const size_t len = ChineseNumeralLength(text.substr(pos));
    std::string_view run = text.substr(pos, len);
    if (len != 4 * kCjk || !IsChineseDigitString(run)) return std::nullopt;
    year = static_cast<int>(ParseChineseNumeral(run).value_or(0));
    e = pos + len;
  }
  if (!PlausibleYear(year)) return std::nullopt;
  Found f;
  f.begin = pos;
  f.date = Date{year, 0, 0};
  f.names_year = true;
  for (std::string_view fiscal : kFiscalYears) {
    if (HasAt(text, e, fiscal)) {
      f.end = e + fiscal.size();
      return f;
    }
  }
  if (!HasAt(text, e, "年") || HasAt(text, e, "年代")) return std::nullopt;
  f.end = e + kCjk;
  return AfterYear(text, f);
}

// "2025-03-11", "2025/3/11".
std::optional<Found> NumericAt(std::string_view text, size_t pos) {
  size_t e = 0;
  auto y = ReadDigits(text, pos, 4, 4, &e);
  if (!y || !PlausibleYear(*y) || e >= text.size()) return std::nullopt;
  const char sep = text[e];
  if (sep != '-' && sep != '/') return std::nullopt;
  size_t me = 0, de = 0;
  auto m = ReadDigits(text, e + 1, 1, 2, &me);
  if (!m || me >= text.size() || text[me] != sep) return std::nullopt;
  auto d = ReadDigits(text, me + 1, 1, 2, &de);
  if (!d) return std::nullopt;
  if (de < text.size() && (text[de] == sep || IsAsciiAlnum(text[de]))) {
    return std::nullopt;
  }
  Date date{*y, *m, *d};
  if (!date.Valid()) return std::nullopt;
  Found f;
  f.begin = pos;
  f.end = de;
  f.date = date;
  f.names_year = true;
  return f;
}

// "3月11日", "9月", "三月十一日": a month of the document's year.
std::optional<Found> MonthDayAt(std::string_view text, size_t pos,
                                const DateContext& ctx) {
  // After "年" the year was there but unreadable ("<n>年3月").
  if (EndsAt(text, pos, "年") || EndsAt(text, pos, "第")) return std::nullopt;
  size_t e = 0;
  bool chinese = false;
  auto m = ReadMonth(text, pos, &e, &chinese);
  if (!m) return std::nullopt;
  size_t de = 0;
  auto d = ReadDay(text, e, &de);
  if (chinese && !d) return std::nullopt;  // "五月" alone may be a name
  if (d && !Date{2000, *m, *d}.Valid()) return std::nullopt;  // "2月30日"
  Found f;
  f.begin = pos;
  f.relative = true;
  f.date = DocNamedMonth(ctx, *m, MonthMode::kDocYear);
  if (d) {
    f.date = WithMonthDay(f.date, *m, *d);
    if (f.date && !f.date->Valid()) f.date.reset();  // 2月29日, no leap
    f.end = de;
  } else {
    f.end = e;
    SkipTail(text, &f.end, kMonthTails);
  }
  SkipSince(text, &f);
  return f;
}

enum class Kind { kYear, kContextYear, kMonth, kDay };

struct Deixis {
  std::string_view text;
  Kind kind;
  int delta;
  std::string_view not_before;  // characters that make it another word
  std::string_view not_after;
};

constexpr Deixis kDeixis[] = {
    {"今年", Kind::kYear, 0, "", ""},
    {"本年", Kind::kYear, 0, "", ""},
    {"去年", Kind::kYear, -1, "", ""},
    {"上年", Kind::kYear, -1, "以", "级纪"},
    {"前年", Kind::kYear, -2, "之此提目当年日以", "级纪"},
    {"明年", Kind::kYear, 1, "", ""},
    {"当年", Kind::kContextYear, 0, "", "龄"},
    {"同年", Kind::kContextYear, 0, "不", "龄级代"},
    {"次年", Kind::kContextYear, 1, "", ""},
    {"翌年", Kind::kContextYear, 1, "", ""},
    {"上个月", Kind::kMonth, -1, "", ""},
    {"上月", Kind::kMonth, -1, "", "球亮光台"},
    {"本月", Kind::kMonth, 0, "", ""},
    {"这个月", Kind::kMonth, 0, "", ""},
    {"下个月", Kind::kMonth, 1, "", ""},
    {"下月", Kind::kMonth, 1, "", "球亮光台"},
    {"今天", Kind::kDay, 0, "", ""},
    {"今日", Kind::kDay, 0, "", "头"},
    {"昨天", Kind::kDay, -1, "", ""},
    {"昨日", Kind::kDay, -1, "", ""},
    {"前天", Kind::kDay, -2, "提", ""},
    {"明天", Kind::kDay, 1, "", ""},
    {"明日", Kind::kDay, 1, "", "之前"},
};

// True when the code point before pos (or at pos) is one of `chars`.
bool CharBeforeIn(std::string_view text, size_t pos, std::string_view chars) {
  for (size_t i = 0; i + kCjk <= chars.size(); i += kCjk) {
    if (EndsAt(text, pos, chars.substr(i, kCjk))) return true;
  }
  return false;
}

bool CharAtIn(std::string_view text, size_t pos, std::string_view chars) {
  for (size_t i = 0; i + kCjk <= chars.size(); i += kCjk) {
    if (HasAt(text, pos, chars.substr(i, kCjk))) return true;
  }
  return false;
}

// "今年", "去年9月", "当年9月", "上月", "本月3日", "昨天".
std::optional<Found> DeixisAt(std::string_view text, size_t pos,
                              const DateContext& ctx) {
  int best = -1;
  for (size_t i = 0; i < std::size(kDeixis); ++i) {
    if (HasAt(text, pos, kDeixis[i].text) &&
        (best < 0 || kDeixis[i].text.size() > kDeixis[best].text.size())) {
      best = static_cast<int>(i);
    }
  }
  if (best < 0) return std::nullopt;
  const Deixis& d = kDeixis[best];
  const size_t e = pos + d.text.size();
  if (CharBeforeIn(text, pos, d.not_before) || CharAtIn(text, e, d.not_after)) {
    return std::nullopt;
  }
  Found f;
  f.begin = pos;
  f.end = e;
  f.relative = true;
  switch (d.kind) {
    case Kind::kYear:
      f.date = DocYear(ctx, d.delta);
      f.names_year = true;
      return AfterYear(text, f);
    case Kind::kContextYear:
      if (ctx.last_year) f.date = Date{*ctx.last_year + d.delta, 0, 0};
      f.names_year = true;
      return AfterYear(text, f);
    case Kind::kMonth: {
      f.date = DocMonth(ctx, d.delta);
      size_t de = 0;
      auto day = ReadDay(text, e, &de);
      if (day) {
        auto full =
            f.date ? WithMonthDay(f.date, f.date->month, *day) : std::nullopt;
        if (!full || full->Valid()) {
          f.date = full;
          f.end = de;
        }
      }
      if (f.end == e) SkipTail(text, &f.end, kMonthTails);
      SkipSince(text, &f);
      return f;
    }
    case Kind::kDay:
      f.date = DocDay(ctx, d.delta);
      return f;
  }
  return std::nullopt;
}

// A weekday: an optional week ("上周三") and a name, then the day.
constexpr std::pair<std::string_view, WeekMode> kWeekPrefixes[] = {
    {"上", WeekMode::kLastWeek},
    {"本", WeekMode::kThisWeek},
    {"这", WeekMode::kThisWeek},
    {"下", WeekMode::kNextWeek},
};
constexpr std::string_view kWeekNames[] = {"星期", "礼拜", "禮拜", "周", "週"};

// "周三", "星期三", "週三", "礼拜天", "上周五", "本周一".
std::optional<Found> WeekdayAt(std::string_view text, size_t pos,
                               const DateContext& ctx) {
  if (EndsAt(text, pos, "每")) return std::nullopt;
  size_t len = 0;
  const char32_t before = DecodeBefore(text, pos, &len);
  if (IsChineseNumeral(before) ||
      (before < 0x80 && IsAsciiDigit(static_cast<char>(before)))) {
    return std::nullopt;  // "一周一次", "两周三次"
  }
  size_t p = pos;
  WeekMode mode = WeekMode::kOnOrBefore;
  for (auto [w, m] : kWeekPrefixes) {
    if (HasAt(text, p, w)) {
      mode = m;
      p += w.size();
      break;
    }
  }
  size_t name_end = 0;
  for (std::string_view name : kWeekNames) {
    if (HasAt(text, p, name)) {
      name_end = p + name.size();
      break;
    }
  }
  if (name_end == 0) return std::nullopt;
  constexpr std::string_view kDays = "一二三四五六日天";
  int weekday = -1;
  for (size_t i = 0; i + kCjk <= kDays.size(); i += kCjk) {
    if (HasAt(text, name_end, kDays.substr(i, kCjk))) {
      weekday = std::min(static_cast<int>(i / kCjk), 6);
      break;
    }
  }
  if (weekday < 0) return std::nullopt;
  if (HasAt(text, name_end + kCjk, "级")) return std::nullopt;  // 本周二级市场
  Found f;
  f.begin = pos;
  f.end = name_end + kCjk;
  f.relative = true;
  f.date = DocWeekday(ctx, weekday, mode);
  return f;
}

// The characters the Chinese forms start with: a deixis, a weekday, or
// any of them and the numerals.
struct StartSets {
  BmpSet deixis;
  BmpSet weekday;
  BmpSet any;
};

char32_t FirstChar(std::string_view s) {
  size_t len = 0;
  return DecodeAt(s, 0, &len);
}

const StartSets& Starts() {
  static const StartSets kStarts = [] {
    StartSets s;
    s.any = ChineseNumeralSet();
    for (const Deixis& d : kDeixis) s.deixis.Add(FirstChar(d.text));
    for (const auto& [w, m] : kWeekPrefixes) s.weekday.Add(FirstChar(w));
    for (std::string_view w : kWeekNames) s.weekday.Add(FirstChar(w));
    s.any.AddAll(s.deixis);
    s.any.AddAll(s.weekday);
    return s;
  }();
  return kStarts;
}

}  // namespace

const BmpSet& ChineseDateStarts() { return Starts().any; }

bool NumeralDateTailAt(std::string_view text, size_t pos) {
  if (HasAt(text, pos, "年") || HasAt(text, pos, "月")) return true;
  for (std::string_view fiscal : kFiscalYears) {
    if (HasAt(text, pos, fiscal)) return true;
  }
  return false;
}

std::optional<Found> MatchChinese(std::string_view text, size_t pos,
                                  const DateContext& ctx) {
  if (pos >= text.size()) return std::nullopt;
  const char ch = text[pos];
  if (IsAsciiDigit(ch)) {
    if (!ValidNumberStart(text, pos)) return std::nullopt;
    if (auto f = YearAt(text, pos)) return f;
    if (auto f = NumericAt(text, pos)) return f;
    return MonthDayAt(text, pos, ctx);
  }
  if (static_cast<unsigned char>(ch) < 0x80) return std::nullopt;
  size_t len = 0;
  const char32_t cp = DecodeAtInline(text, pos, &len);
  if (IsChineseNumeral(cp)) {
    if (!ValidNumberStart(text, pos)) return std::nullopt;
    if (auto f = YearAt(text, pos)) return f;
    return MonthDayAt(text, pos, ctx);
  }
  if (Starts().deixis.Contains(cp))
    if (auto f = DeixisAt(text, pos, ctx)) return f;
  if (!Starts().weekday.Contains(cp)) return std::nullopt;
  return WeekdayAt(text, pos, ctx);
}

}  // namespace newsgraph::extract::attrs::date_rules

#include "extract/attrs/date_rules.h"

#include "extract/attrs/cn_number.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs::date_rules {

using base::Date;

bool PlausibleYear(int year) { return year >= 1900 && year <= 2100; }

std::optional<Date> DocYear(const DateContext& ctx, int delta) {
  const auto& doc = ctx.document_date;
  if (!doc || doc->year == 0) return std::nullopt;
  return Date{doc->year + delta, 0, 0};
}

std::optional<Date> DocMonth(const DateContext& ctx, int delta) {
  const auto& doc = ctx.document_date;
  if (!doc || doc->year < 1 || doc->month < 1 || doc->month > 12) {
    return std::nullopt;
  }
  const int index = doc->year * 12 + (doc->month - 1) + delta;
  return Date{index / 12, index % 12 + 1, 0};
}

std::optional<Date> DocDay(const DateContext& ctx, int delta) {
  const auto& doc = ctx.document_date;
  if (!doc || doc->day == 0 || !doc->Valid()) return std::nullopt;
  return doc->AddDays(delta);
}

std::optional<Date> DocWeekday(const DateContext& ctx, int weekday,
                               WeekMode mode) {
  const auto& doc = ctx.document_date;
  if (!doc || doc->day == 0 || !doc->Valid()) return std::nullopt;
  const int today = doc->Weekday();
  const int back = (today - weekday + 7) % 7;
  const int ahead = (weekday - today + 7) % 7;
  switch (mode) {
    case WeekMode::kOnOrBefore:
      return doc->AddDays(-back);
    case WeekMode::kBefore:
      return doc->AddDays(back == 0 ? -7 : -back);
    case WeekMode::kAfter:
      return doc->AddDays(ahead == 0 ? 7 : ahead);
    case WeekMode::kLastWeek:
      return doc->AddDays(weekday - today - 7);
    case WeekMode::kThisWeek:
      return doc->AddDays(weekday - today);
    case WeekMode::kNextWeek:
      return doc->AddDays(weekday - today + 7);
  }
  return std::nullopt;
}

std::optional<Date> DocNamedMonth(const DateContext& ctx, int month,
                                  MonthMode mode) {
  const auto& doc = ctx.document_date;
  if (!doc || doc->year == 0) return std::nullopt;
  if (mode == MonthMode::kDocYear) return Date{doc->year, month, 0};
  if (doc->month < 1 || doc->month > 12) return std::nullopt;
  int year = doc->year;
  switch (mode) {
    case MonthMode::kBefore:
      if (month >= doc->month) --year;
      break;
    case MonthMode::kOnOrBefore:
      if (month > doc->month) --year;
      break;
    case MonthMode::kAfter:
      if (month <= doc->month) ++year;
      break;
    case MonthMode::kDocYear:
      break;
  }
  return Date{year, month, 0};
}

std::optional<Date> WithMonthDay(std::optional<Date> year, int month, int day) {
  if (!year) return std::nullopt;
  year->month = month;
  year->day = month == 0 ? 0 : day;
  return year;
}

bool ValidNumberStart(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  if (pos > text.size()) return false;
  const char p = text[pos - 1];
  if (IsAsciiAlnum(p) || p == '>' || p == '#' || p == '$') return false;
  if ((p == '.' || p == ',' || p == '-' || p == '/' || p == ':') && pos >= 2 &&
      (IsAsciiDigit(text[pos - 2]) || text[pos - 2] == '>')) {
    return false;
  }
  size_t len = 0;
  const char32_t before = DecodeBefore(text, pos, &len);
  return !IsChineseNumeral(before);
}

std::optional<int> ReadDigits(std::string_view text, size_t pos, int min,
                              int max, size_t* end) {
  size_t i = pos;
  while (DigitAt(text, i) && static_cast<int>(i - pos) <= max) ++i;
  const int n = static_cast<int>(i - pos);
  if (n < min || n > max) return std::nullopt;
  int v = 0;
  for (size_t k = pos; k < i; ++k) v = v * 10 + (text[k] - '0');
  *end = i;
  return v;
}

}  // namespace newsgraph::extract::attrs::date_rules

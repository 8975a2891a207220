#include "base/date.h"

#include <chrono>
#include <fmt/compile.h>

namespace newsgraph::base {

namespace {

std::chrono::year_month_day Ymd(const Date& d) {
  return std::chrono::year_month_day{std::chrono::year{d.year},
                                     std::chrono::month{unsigned(d.month)},
                                     std::chrono::day{unsigned(d.day)}};
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::string Date::ToIso() const {
  // fmt, not snprintf: snprintf took about 1,000 instructions a call, once
  // for every dated relation. The same spelling, also for fields outside
  // the widths.
  if (month == 0) return fmt::format(FMT_COMPILE("{:04d}"), year);
  if (day == 0) return fmt::format(FMT_COMPILE("{:04d}-{:02d}"), year, month);
  return fmt::format(FMT_COMPILE("{:04d}-{:02d}-{:02d}"), year, month, day);
}

bool Date::Valid() const {
  if (year < 1 || year > 9999) return false;
  if (month == 0) return day == 0;
  if (month < 1 || month > 12) return false;
  if (day == 0) return true;
  return Ymd(*this).ok();
}

std::optional<Date> Date::ParseIso(std::string_view s) {
  Date d;
  if (s.size() < 4 || !AllDigits(s.substr(0, 4))) return std::nullopt;
  d.year = ToInt(s.substr(0, 4));
  if (s.size() > 4) {
    if (s.size() < 7 || s[4] != '-' || !AllDigits(s.substr(5, 2)))
      return std::nullopt;
    d.month = ToInt(s.substr(5, 2));
    if (s.size() > 7) {
      if (s.size() != 10 || s[7] != '-' || !AllDigits(s.substr(8, 2)))
        return std::nullopt;
      d.day = ToInt(s.substr(8, 2));
    }
  }
  // "2025-00" and "2025-03-00" are malformed, not a lower precision.
  if ((s.size() > 4 && d.month == 0) || (s.size() > 7 && d.day == 0))
    return std::nullopt;
  if (!d.Valid()) return std::nullopt;
  return d;
}

int Date::Weekday() const {
  std::chrono::weekday wd{std::chrono::sys_days{Ymd(*this)}};
  return int(wd.iso_encoding()) - 1;
}

Date Date::AddDays(int days) const {
  std::chrono::sys_days sd{Ymd(*this)};
  std::chrono::year_month_day r{sd + std::chrono::days{days}};
  return Date{int(r.year()), int(unsigned(r.month())), int(unsigned(r.day()))};
}

}  // namespace newsgraph::base

#include "base/date.h"

#include <chrono>
#include <cstdio>

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
  // Written digit by digit: snprintf took about 1,000 instructions a call,
  // once for every dated relation. Fields outside the form's widths keep
  // snprintf's spelling.
  const bool fits = year >= 0 && year <= 9999 && month >= 0 && month <= 99 &&
                    day >= 0 && day <= 99;
  if (!fits) {
    char buf[40];
    if (month == 0) {
      std::snprintf(buf, sizeof buf, "%04d", year);
    } else if (day == 0) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    }
    return buf;
  }
  const size_t size = month == 0 ? 4 : day == 0 ? 7 : 10;
  std::string out(size, '-');
  out[0] = char('0' + year / 1000);
  out[1] = char('0' + year / 100 % 10);
  out[2] = char('0' + year / 10 % 10);
  out[3] = char('0' + year % 10);
  if (size > 4) {
    out[5] = char('0' + month / 10);
    out[6] = char('0' + month % 10);
  }
  if (size > 7) {
    out[8] = char('0' + day / 10);
    out[9] = char('0' + day % 10);
  }
  return out;
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

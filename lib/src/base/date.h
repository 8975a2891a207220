// A calendar date of variable precision: a year, a month or a day.
#ifndef NEWSGRAPH_BASE_DATE_H_
#define NEWSGRAPH_BASE_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace newsgraph::base {

struct Date {
  int year = 0;   // e.g. 2025
  int month = 0;  // 1..12, or 0 when only the year is known
  int day = 0;    // 1..31, or 0 when the day is not known

  // "YYYY", "YYYY-MM" or "YYYY-MM-DD".
  std::string ToIso() const;
  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (checked: month 1..12, day valid
  // for the month). Returns nullopt for anything else.
  static std::optional<Date> ParseIso(std::string_view s);
  // True when year/month/day name a real calendar date (of its precision).
  bool Valid() const;
  // Day of week of a full date: 0 = Monday .. 6 = Sunday. Requires day != 0.
  int Weekday() const;
  // This full date moved by `days` (may be negative). Requires day != 0.
  Date AddDays(int days) const;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_DATE_H_

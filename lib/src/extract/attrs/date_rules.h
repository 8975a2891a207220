// Internals of FindDates (date_finder.h): the candidate type, resolution
// against the document date, and the Chinese and English matchers. Private
// to lib/src/extract/attrs; all functions are pure and thread-safe.
#ifndef NEWSGRAPH_EXTRACT_ATTRS_DATE_RULES_H_
#define NEWSGRAPH_EXTRACT_ATTRS_DATE_RULES_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/date.h"
#include "extract/attrs/date_finder.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs::date_rules {

// A date matched at some position, before it becomes a DateMention.
struct Found {
  size_t begin = 0;
  size_t end = 0;
  std::optional<base::Date> date;
  bool relative = false;
  bool since = false;
  bool names_year = false;  // the phrase names a year: updates last_year
};

// Years outside 1900..2100 are not dates.
bool PlausibleYear(int year);

// The document's year / month / day moved by `delta`; nullopt when the
// document date is missing or too coarse.
std::optional<base::Date> DocYear(const DateContext& ctx, int delta);
std::optional<base::Date> DocMonth(const DateContext& ctx, int delta);
std::optional<base::Date> DocDay(const DateContext& ctx, int delta);

// How a weekday is placed relative to the document date.
enum class WeekMode {
  kOnOrBefore,  // "周三", "wednesday": the most recent, today included
  kBefore,      // "last wednesday": the most recent before today
  kAfter,       // "next wednesday": the first after today
  kLastWeek,    // "上周三": in the previous ISO week
  kThisWeek,    // "本周三", "this wednesday": in the same ISO week
  kNextWeek,    // "下周三": in the next ISO week
};

// Weekday `weekday` (0 = Monday) placed by `mode`; needs a full date.
std::optional<base::Date> DocWeekday(const DateContext& ctx, int weekday,
                                     WeekMode mode);

// How a named month without a year is placed relative to the document.
enum class MonthMode {
  kDocYear,     // "3月11日", "in september": the document's year
  kBefore,      // "last september": the most recent before the doc month
  kOnOrBefore,  // "since september": the most recent, doc month included
  kAfter,       // "next september": the first after the doc month
};

// Month `month` (1..12) placed by `mode`.
std::optional<base::Date> DocNamedMonth(const DateContext& ctx, int month,
                                        MonthMode mode);

// `year` (a resolved year-precision date, or nullopt) with month and day
// set; nullopt stays nullopt.
std::optional<base::Date> WithMonthDay(std::optional<base::Date> year,
                                       int month, int day);

// True when a number may start at pos: no ASCII letter or digit, Chinese
// numeral, "<n>" mask or numeric separator after a digit touches it.
bool ValidNumberStart(std::string_view text, size_t pos);

// Reads min..max ASCII digits at pos that are not followed by another digit;
// sets *end.
std::optional<int> ReadDigits(std::string_view text, size_t pos, int min,
                              int max, size_t* end);

// The non-ASCII characters a Chinese date form starts with: Chinese
// numerals and the first characters of deixis ("今年", "上月") and weekdays
// ("周三", "星期三"). MatchChinese returns nullopt at any other non-ASCII
// character.
const BmpSet& ChineseDateStarts();

// True when a run of Chinese numerals ending at pos may be (part of) a
// date: 年, 月 or a fiscal-year word ("财年") follows. Every Chinese form
// that starts with a numeral reads the whole run and needs one of them right
// after it ("二〇二四年", "三月", "十一月五日").
bool NumeralDateTailAt(std::string_view text, size_t pos);

// The words an English date form starts with: "fiscal", "fy", a deixis, a
// modifier ("last", "since"), a weekday or a month name. MatchEnglish
// returns nullopt at a word start whose run of ASCII letters is not one.
const WordSet& EnglishDateFirstWords();

// EnglishDateFirstWords().Contains(word).
bool MayStartEnglishDate(std::string_view word);

// MayStartEnglishDate by binary search over the whole word list: the
// reference the unit tests hold it to.
bool MayStartEnglishDateReference(std::string_view word);

// Matches a Chinese date at pos ("2024年3月5日", "去年9月", "周三",
// "3月11日", "2025-03-11"). Resolves relative parts against ctx.
std::optional<Found> MatchChinese(std::string_view text, size_t pos,
                                  const DateContext& ctx);

// Matches an English date starting at pos, a word start ("march 11, 2025",
// "11 march 2025", "since 2019", "last september", "last month",
// "wednesday"); a year alone needs a preposition before it ("in 2019").
// Resolves relative parts against ctx.
std::optional<Found> MatchEnglish(std::string_view text, size_t pos,
                                  const DateContext& ctx);

}  // namespace newsgraph::extract::attrs::date_rules

#endif  // NEWSGRAPH_EXTRACT_ATTRS_DATE_RULES_H_

// Dates in a normalized (NFKC_Casefold) sentence, absolute ("2024年3月5日",
// "march 11, 2025") and relative ("去年9月", "周三", "last month"), resolved
// against the document's date.
#ifndef NEWSGRAPH_EXTRACT_ATTRS_DATE_FINDER_H_
#define NEWSGRAPH_EXTRACT_ATTRS_DATE_FINDER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace newsgraph::extract::attrs {

// What relative dates resolve against. One per document, passed to
// FindDates for each sentence in document order.
struct DateContext {
  // Publication date (any precision); nullopt when unknown.
  std::optional<base::Date> document_date;
  // Year most recently named earlier in the document, for "当年" / "同年";
  // updated by FindDates.
  std::optional<int> last_year;
};

// One date found in a sentence.
struct DateMention {
  size_t begin = 0, end = 0;       // byte span in the input
  std::optional<base::Date> date;  // resolved date; nullopt when relative
                                   // and unresolvable
  bool relative = false;           // depends on the document date or on
                                   // context
  bool since = false;              // start of an ongoing period:
                                   // "2019年至今", "since 2019"
  std::string surface;             // the matched text
};

// Finds dates in one normalized sentence and returns them in text order,
// non-overlapping. Relative dates resolve against ctx->document_date (never
// the clock); one whose anchor is missing or too coarse (a weekday against a
// year-only document date) gets date == nullopt and relative == true.
// Resolution rules:
// - "3月11日", "jan. 22", "in september": the document's year.
// - "周三", "星期三", "wednesday", "on wednesday": the most recent such day on
//   or before the document date; "last wednesday" strictly before;
//   "上周三" / "本周三" / "下周三" in the previous / same / next ISO week.
// - "last september": the most recent September before the document's
//   month; "next september" the first after it; "since september" the most
//   recent on or before it.
// - "当年" / "同年" (and "次年", one more) use ctx->last_year.
// - Month-precision phrases ("今年1月初", "earlier this month", "2024年底")
//   keep the precision they name.
// Fiscal years ("2025财年", "fiscal 2025", "fy2025", "fy25") are reported as
// the year of their label, year precision, with the label in `surface`.
// Years must lie in 1900..2100. Amounts ("130亿"), durations ("五年", "4年",
// "未来四年") and the "<n>" mask are not dates.
//
// ctx may be null (nothing resolves that needs it). Otherwise, after each
// mention that names a year (absolute dates, "去年", "this year", "last
// september"; not "3月11日", weekdays, "上月" or "today"), ctx->last_year is
// set to that year, so later mentions in this and later sentences see it.
// Not thread-safe for a shared ctx; otherwise pure.
std::vector<DateMention> FindDates(std::string_view normalized,
                                   DateContext* ctx);

// FindDates trying the date matchers at every character and word start:
// the reference FindDates must agree with (it passes over the characters and
// words no date form starts with), kept for the unit tests.
std::vector<DateMention> FindDatesReference(std::string_view normalized,
                                            DateContext* ctx);

}  // namespace newsgraph::extract::attrs

#endif  // NEWSGRAPH_EXTRACT_ATTRS_DATE_FINDER_H_

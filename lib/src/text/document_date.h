// Publication dates in article headers.
#ifndef NEWSGRAPH_TEXT_DOCUMENT_DATE_H_
#define NEWSGRAPH_TEXT_DOCUMENT_DATE_H_

#include <optional>
#include <string_view>

#include "base/date.h"
#include "text/span.h"

namespace newsgraph::text {

// A full date found in a line and the bytes it covers (time of day and
// labels excluded).
struct DateMatch {
  base::Date date;
  Span span;
};

// The first full (year, month and day), valid date in `line` with a year in
// 1900..2100. Recognized forms (case-insensitive month names, full or
// abbreviated, with or without a period; "Sept." too; ordinal suffixes
// allowed):
//   2025年03月20日  2025年3月20日  2025 年 3 月 20 日  2025年3月20号
//   2025-03-20  2025/3/20  2025.03.20  2025-03-20T20:42:00Z
//   March 20, 2025  Mar. 20, 2025  Mar 20 2025  March 20th, 2025
//   20 March 2025  20 Mar. 2025  20th March, 2025
// Numbers glued to other digits (as in "12025-03-201") are not dates; D/M/Y
// and M/D/Y numeric forms are not recognized (ambiguous). nullopt when
// there is no date. Pure; thread-safe.
std::optional<DateMatch> FindDateInLine(std::string_view line);

// The date of a "date line": a line of at most 80 code points that contains
// a date (FindDateInLine) and otherwise holds at most 30 letters and no
// sentence-final 。！？!? — e.g. "2025年03月20日 20:42 来源：某报",
// "Published: March 20, 2025 8:42 p.m. ET". nullopt for anything else,
// in particular for body paragraphs that mention a date.
std::optional<base::Date> ParseDateLine(std::string_view line);

// The publication date of an article: the date of the first date line
// (ParseDateLine) among the first 15 non-empty lines of `text` that start in
// its first 3000 bytes. `text` is the original UTF-8 text. nullopt when the
// header has no date line; dates further down are never taken. Pure;
// thread-safe.
std::optional<base::Date> FindDocumentDate(std::string_view text);

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_DOCUMENT_DATE_H_

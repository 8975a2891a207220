// Lengths of time in a normalized (NFKC_Casefold) sentence: "为期五年",
// "未来四年", "18个月", "five-year", "over five years", "a decade".
#ifndef NEWSGRAPH_EXTRACT_ATTRS_DURATION_H_
#define NEWSGRAPH_EXTRACT_ATTRS_DURATION_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsgraph::extract::attrs {

// One duration found in a sentence.
struct DurationMention {
  size_t begin = 0, end = 0;  // byte span in the input, including an
                              // introducer ("为期", "未来", "over the next")
  double years = 0;  // length in years: "18个月" -> 1.5
};

// Finds durations counted in years, half years ("半年", "两年半"), quarters
// ("个季度") or months ("个月", "months"; "decades" count ten years) in
// `normalized`. Returns non-overlapping mentions in text order;
// deterministic, safe on any input and thread-safe.
//
// Not durations: years and dates ("2024年", "3月"), offsets ("三年前",
// "5 years ago", "两年后"), ages ("5-year-old"), grades and eras ("三年级",
// "90年代"), vague spans ("多年", "数年", "several years"), the first/second
// half of a year ("上半年"), ordinals ("第三年") and the "<n>" mask. Weeks
// and days are not reported.
std::vector<DurationMention> FindDurations(std::string_view normalized);

// FindDurations trying every form at every character and ASCII word: the
// reference FindDurations must agree with (it passes over what no form
// starts with), kept for the unit tests.
std::vector<DurationMention> FindDurationsReference(
    std::string_view normalized);

}  // namespace newsgraph::extract::attrs

#endif  // NEWSGRAPH_EXTRACT_ATTRS_DURATION_H_

// Money amounts and counts in a normalized (NFKC_Casefold) sentence:
// "300亿美元", "us$11.9bn", "10万个", "100,000 gpus", "1000亿".
#ifndef NEWSGRAPH_EXTRACT_ATTRS_AMOUNT_H_
#define NEWSGRAPH_EXTRACT_ATTRS_AMOUNT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::extract::attrs {

// One amount found in a sentence.
struct AmountMention {
  size_t begin = 0, end = 0;  // byte span in the input, including qualifiers
                              // such as "约", "about", "多", "左右"
  double value = 0;           // absolute value: "300亿美元" -> 3e10
  std::string currency;       // ISO 4217 code (USD, CNY, EUR, GBP, JPY, HKD,
                              // KRW, INR, ...); "" for a count or a number
  std::string unit;           // for counts the classifier or noun ("个",
                              // "台", "gpus", "units"); "" otherwise
  bool approximate = false;  // qualified (约, 近, 超过, 多达, about, nearly,
                             // more than, up to, ~) or vague (数十亿, 上百亿,
                             // 百亿, billions of dollars)
};

// Finds amounts in `normalized`, a sentence already passed through ICU
// NFKC_Casefold (lower case, ASCII digits and punctuation). Returns
// non-overlapping mentions in text order. Deterministic and safe on any
// input; thread-safe.
//
// What counts as an amount:
// - money: a number with a currency word or symbol, in either order
//   ("300亿美元", "3亿元人民币", "$30bn", "us$ 11.9 billion", "€350m",
//   "rmb 5 billion", "5 billion yuan", "30000000000 usd"). "¥" is JPY;
//   "元" alone is CNY.
// - counts: a number with a Chinese classifier ("10万个", "300台") or an
//   English count noun ("100,000 gpus", "1 million units"); "个月" and
//   "个百分点" are not classifiers.
// - plain numbers: a number with a large multiplier and nothing after it
//   ("1000亿", "五十亿", "30 billion"), or one written with thousands
//   separators ("1,000,000"), when the value is at least 1000.
// A single Chinese digit with no multiplier is skipped even with a
// classifier or currency: "一个", "两家" are determiners and "三元" is as
// often a company name as three yuan.
// Vague magnitudes are reported, marked approximate, with the value of the
// magnitude: "数十亿美元" and "上百亿美元" give 1e9 and 1e10 USD, "百亿美元"
// (a leading unit with no digit) 1e10, "tens of billions of dollars" 1e10.
// Not amounts: years, dates and bare numbers ("2024年", "in 2019",
// "3月11日"), percentages ("5%", "百分之五"), ordinals and ranks ("第一",
// "1st", "#3", "前10名"), model names ("h100"), and the "<n>" number mask.
std::vector<AmountMention> FindAmounts(std::string_view normalized);

// FindAmounts trying every form at every character and ASCII token: the
// reference FindAmounts must agree with (it passes over what no form starts
// with), kept for the unit tests.
std::vector<AmountMention> FindAmountsReference(std::string_view normalized);

// Canonical rendering of `a` that FindAmounts reads back (after ASCII
// lower-casing, as normalization would) with the same value, currency and
// unit: "30000000000 USD", "100000 gpus", "100000个", "1,000,000" for a
// plain number, with a leading "~" when approximate. Values are written in
// the shortest form that round-trips exactly.
std::string FormatAmount(const AmountMention& a);

}  // namespace newsgraph::extract::attrs

#endif  // NEWSGRAPH_EXTRACT_ATTRS_AMOUNT_H_

// Chinese numerals to numbers: 零〇一二两三四五六七八九 and the units
// 十百千万亿, plus the financial (壹贰叁肆伍陆柒捌玖拾佰仟) and traditional
// (兩萬億) forms. Pure functions; thread-safe.
#ifndef NEWSGRAPH_EXTRACT_ATTRS_CN_NUMBER_H_
#define NEWSGRAPH_EXTRACT_ATTRS_CN_NUMBER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs {

// Value 0..9 of a Chinese digit character (零 and 〇 are 0, 两 is 2), or -1
// when `cp` is not one.
int ChineseDigitValue(char32_t cp);

// Power of ten of a Chinese unit character (十 1, 百 2, 千 3, 万 4, 亿 8), or
// -1 when `cp` is not one.
int ChineseUnitExponent(char32_t cp);

// True when `cp` is a Chinese digit or unit character (ChineseDigitValue or
// ChineseUnitExponent is not -1); one bit lookup.
bool IsChineseNumeral(char32_t cp);

// The characters IsChineseNumeral accepts, for building sets of characters
// that start something.
const BmpSet& ChineseNumeralSet();

// Byte length of the longest prefix of `text` made only of Chinese digit and
// unit characters; 0 when `text` does not start with one.
size_t ChineseNumeralLength(std::string_view text);

// Value of `text`, which must consist only of Chinese numeral characters.
// Units follow the usual grammar: "五十亿" 5e9, "两千万" 2e7, "十五" 15,
// "一千零五" 1005, "一亿五千万" 1.5e8, "万亿" 1e12; a leading unit means one
// of it ("百亿" 1e10); a trailing bare digit continues the last unit
// ("一万五" 15000, "三千五" 3500). Digits without any unit read
// positionally ("二〇二四" 2024). Returns nullopt for an empty or malformed
// numeral ("十十", "五六十", "千百") and for one over 32 characters.
std::optional<double> ParseChineseNumeral(std::string_view text);

// True when `text` (a whole numeral) is a run of digits with no unit, such as
// "二〇二四" or "三".
bool IsChineseDigitString(std::string_view text);

// Power of ten expressed by a run of unit characters written after an Arabic
// number: "万" 4, "千万" 7, "十亿" 9, "万亿" 12, "千" 3. At most one of 十百千,
// then at most one 万, then at most one 亿, in that order. nullopt for
// anything else, including digits.
std::optional<int> ChineseMultiplierExponent(std::string_view text);

}  // namespace newsgraph::extract::attrs

#endif  // NEWSGRAPH_EXTRACT_ATTRS_CN_NUMBER_H_

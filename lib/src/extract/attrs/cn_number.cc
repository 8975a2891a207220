#include "extract/attrs/cn_number.h"


#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs {

namespace {

// Every numeral character: a digit (exp < 0) or a unit (digit < 0). The
// one list ChineseDigitValue, ChineseUnitExponent and IsChineseNumeral read.
struct NumeralChar {
  char32_t cp;
  int digit;
  int exp;
};

constexpr NumeralChar kNumeralChars[] = {
    {U'零', 0, -1}, {U'〇', 0, -1},
    {U'一', 1, -1}, {U'壹', 1, -1},
    {U'二', 2, -1}, {U'两', 2, -1}, {U'兩', 2, -1},
    {U'贰', 2, -1}, {U'貳', 2, -1},
    {U'三', 3, -1}, {U'叁', 3, -1}, {U'參', 3, -1},
    {U'四', 4, -1}, {U'肆', 4, -1},
    {U'五', 5, -1}, {U'伍', 5, -1},
    {U'六', 6, -1}, {U'陆', 6, -1}, {U'陸', 6, -1},
    {U'七', 7, -1}, {U'柒', 7, -1},
    {U'八', 8, -1}, {U'捌', 8, -1},
    {U'九', 9, -1}, {U'玖', 9, -1},
    {U'十', -1, 1}, {U'拾', -1, 1},
    {U'百', -1, 2}, {U'佰', -1, 2},
    {U'千', -1, 3}, {U'仟', -1, 3},
    {U'万', -1, 4}, {U'萬', -1, 4},
    {U'亿', -1, 8}, {U'億', -1, 8},
};

// The characters of kNumeralChars: most text characters are not numerals,
// and one bit tells.
constexpr BmpSet kNumeralSet = [] {
  BmpSet set;
  for (const NumeralChar& n : kNumeralChars) set.Add(n.cp);
  return set;
}();

const NumeralChar* FindNumeral(char32_t cp) {
  if (!kNumeralSet.Contains(cp)) return nullptr;
  for (const NumeralChar& n : kNumeralChars) {
    if (n.cp == cp) return &n;
  }
  return nullptr;
}

// One numeral character: a digit (exp < 0) or a unit (digit < 0).
struct Token {
  int digit = -1;
  int exp = -1;
};

// Longer numerals are not numbers people write; the limit also bounds the
// recursion in ParseUnits.
constexpr size_t kMaxTokens = 32;

double Pow10(int e) {
  double v = 1;
  for (int i = 0; i < e; ++i) v *= 10;
  return v;
}

// The tokens of a numeral, in a fixed array: numerals longer than
// kMaxTokens are refused before they are parsed.
struct Tokens {
  Token t[kMaxTokens];
  size_t n = 0;
  const Token& operator[](size_t i) const { return t[i]; }
  size_t size() const { return n; }
  const Token* begin() const { return t; }
  const Token* end() const { return t + n; }
};

// Calls f(token) for each character of `text`; false (and stops) when a
// character is not a numeral or f returns false.
template <typename F>
bool ForEachToken(std::string_view text, F f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t len = 0;
    const NumeralChar* n = FindNumeral(DecodeAtInline(text, pos, &len));
    if (!n) return false;
    if (!f(Token{n->digit, n->exp})) return false;
    pos += len;
  }
  return true;
}

// A section below 10^4: digits and 十百千, with 零 marking skipped places.
std::optional<double> ParseSection(const Tokens& t, size_t lo,
                                   size_t hi) {
  if (lo >= hi) return std::nullopt;
  double value = 0;
  int pending = -1;   // digit waiting for its unit
  int last_exp = 4;   // exponent of the last unit seen in this section
  bool zero = false;  // a 零 since the last unit
  bool seen = false;  // any token consumed
  for (size_t i = lo; i < hi; ++i) {
    if (t[i].exp < 0) {
      if (pending >= 0) return std::nullopt;  // two digits in a row
      if (t[i].digit == 0) {
        zero = true;
      } else {
        pending = t[i].digit;
      }
    } else {
      const int e = t[i].exp;
      if (e >= 4) return std::nullopt;
      if (pending < 0) {
        // "十五", "百": a leading unit means one of it; so does 十 after 零.
        if (seen && !(e == 1 && zero)) return std::nullopt;
        pending = 1;
      }
      if (e >= last_exp) return std::nullopt;
      value += pending * Pow10(e);
      last_exp = e;
      pending = -1;
      zero = false;
    }
    seen = true;
  }
  if (pending >= 0) {
    // "三千五" is 3500: a trailing digit right after 百/千 continues it.
    if (!zero && (last_exp == 2 || last_exp == 3)) {
      value += pending * Pow10(last_exp - 1);
    } else {
      value += pending;
    }
  }
  return value;
}

std::optional<double> ParseUnits(const Tokens& t, size_t lo,
                                 size_t hi);

// The part after a 万 or 亿 (worth 10^exp); must stay below 10^exp.
std::optional<double> ParseLow(const Tokens& t, size_t lo,
                               size_t hi, int exp) {
  if (lo >= hi) return 0.0;
  if (t[lo].exp >= 2) return std::nullopt;  // "亿万", "万千" are not numbers
  if (hi - lo == 1 && t[lo].exp < 0 && t[lo].digit > 0) {
    return t[lo].digit * Pow10(exp - 1);  // "一万五" is 15000
  }
  auto v = ParseUnits(t, lo, hi);
  if (!v || *v >= Pow10(exp)) return std::nullopt;
  return v;
}

std::optional<double> ParseUnits(const Tokens& t, size_t lo,
                                 size_t hi) {
  if (lo >= hi) return std::nullopt;
  for (int big : {8, 4}) {
    size_t k = hi;
    for (size_t i = hi; i-- > lo;) {
      if (t[i].exp == big) {
        k = i;
        break;
      }
    }
    if (k == hi) continue;
    std::optional<double> high = 1.0;  // "亿", "万亿": a leading unit is one
    if (k > lo) high = ParseUnits(t, lo, k);
    if (!high) return std::nullopt;
    auto low = ParseLow(t, k + 1, hi, big);
    if (!low) return std::nullopt;
    return *high * Pow10(big) + *low;
  }
  return ParseSection(t, lo, hi);
}

}  // namespace

int ChineseDigitValue(char32_t cp) {
  const NumeralChar* n = FindNumeral(cp);
  return n ? n->digit : -1;
}

int ChineseUnitExponent(char32_t cp) {
  const NumeralChar* n = FindNumeral(cp);
  return n ? n->exp : -1;
}

bool IsChineseNumeral(char32_t cp) { return kNumeralSet.Contains(cp); }

const BmpSet& ChineseNumeralSet() { return kNumeralSet; }

size_t ChineseNumeralLength(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t len = 0;
    if (!IsChineseNumeral(DecodeAtInline(text, pos, &len))) break;
    pos += len;
  }
  return pos;
}

std::optional<double> ParseChineseNumeral(std::string_view text) {
  Tokens tokens;
  bool too_long = false;
  const bool ok = ForEachToken(text, [&](const Token& t) {
    if (tokens.n == kMaxTokens) {
      too_long = true;  // keep checking the rest is numerals; refused below
      return true;
    }
    tokens.t[tokens.n++] = t;
    return true;
  });
  if (!ok || tokens.size() == 0 || too_long) return std::nullopt;
  bool any_unit = false;
  for (const Token& t : tokens) any_unit = any_unit || t.exp >= 0;
  if (!any_unit) {
    double v = 0;
    for (const Token& t : tokens) v = v * 10 + t.digit;
    return v;
  }
  return ParseUnits(tokens, 0, tokens.size());
}

bool IsChineseDigitString(std::string_view text) {
  if (text.empty()) return false;
  return ForEachToken(text, [](const Token& t) { return t.exp < 0; });
}

std::optional<int> ChineseMultiplierExponent(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int total = 0;
  int stage = 0;  // 0: nothing yet, 1: after 十百千, 2: after 万, 3: after 亿
  const bool ok = ForEachToken(text, [&](const Token& t) {
    if (t.exp < 0) return false;
    const int s = t.exp <= 3 ? 1 : (t.exp == 4 ? 2 : 3);
    if (s <= stage) return false;
    stage = s;
    total += t.exp;
    return true;
  });
  if (!ok) return std::nullopt;
  return total;
}

}  // namespace newsgraph::extract::attrs

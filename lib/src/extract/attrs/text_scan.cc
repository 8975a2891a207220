#include "extract/attrs/text_scan.h"

#include <charconv>
#include <iterator>
#include <limits>
#include <string>
#include <system_error>

namespace newsgraph::extract::attrs {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

struct WordValue {
  std::string_view word;
  int value;
};

constexpr WordValue kUnits[] = {
    {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},
    {"five", 5},       {"six", 6},       {"seven", 7},     {"eight", 8},
    {"nine", 9},       {"ten", 10},      {"eleven", 11},   {"twelve", 12},
    {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
};

constexpr WordValue kTens[] = {
    {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
};

// Read as 1 with allow_article, longest first.
constexpr std::string_view kArticles[] = {"an", "a"};

// Matches one whole ASCII word from `table` at pos; returns its index or -1.
template <size_t N>
int MatchWord(std::string_view text, size_t pos, const WordValue (&table)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (HasAt(text, pos, table[i].word) &&
        BoundaryAfter(text, pos + table[i].word.size())) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace

char32_t DecodeAt(std::string_view text, size_t pos, size_t* len) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  *len = 1;
  if (pos >= n) return kReplacement;
  unsigned char c = s[pos];
  if (c < 0x80) return c;
  size_t need;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) {
    need = 1;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    need = 2;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    need = 3;
    cp = c & 0x07;
  } else {
    return kReplacement;
  }
  for (size_t i = 1; i <= need; ++i) {
    if (pos + i >= n || !IsContinuation(s[pos + i])) return kReplacement;
    cp = (cp << 6) | (s[pos + i] & 0x3F);
  }
  *len = need + 1;
  return cp;
}

char32_t DecodeBefore(std::string_view text, size_t pos, size_t* len) {
  *len = 0;
  if (pos == 0 || pos > text.size()) return 0;
  size_t start = pos - 1;
  // Walk back over at most three continuation bytes to a lead byte.
  while (start > 0 && pos - start < 4 &&
         IsContinuation(static_cast<unsigned char>(text[start]))) {
    --start;
  }
  size_t l = 0;
  char32_t cp = DecodeAt(text, start, &l);
  if (start + l != pos) {  // not a well-formed sequence ending at pos
    *len = 1;
    return kReplacement;
  }
  *len = l;
  return cp;
}

size_t MultiByteCodePointLength(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  size_t len = 1;
  DecodeAt(text, pos, &len);
  return len;
}

std::optional<DecimalNumber> ScanDecimal(std::string_view text, size_t pos) {
  if (!DigitAt(text, pos)) return std::nullopt;
  DecimalNumber num;
  size_t i = pos;
  while (DigitAt(text, i)) num.digits.push_back(text[i++]);
  // Thousands groups: only after a 1-3 digit lead, exactly three digits each.
  if (i - pos <= 3) {
    while (i < text.size() && text[i] == ',' && DigitAt(text, i + 1) &&
           DigitAt(text, i + 2) && DigitAt(text, i + 3) &&
           !DigitAt(text, i + 4)) {
      num.digits.append(text.substr(i + 1, 3));
      num.grouped = true;
      i += 4;
    }
  }
  num.integer_digits = static_cast<int>(num.digits.size());
  if (i < text.size() && text[i] == '.' && DigitAt(text, i + 1)) {
    num.digits.push_back('.');
    ++i;
    while (DigitAt(text, i)) num.digits.push_back(text[i++]);
    num.fraction = true;
  }
  num.end = i;
  return num;
}

double DecimalValue(std::string_view digits, int exp10) {
  std::string s(digits);
  s += 'e';
  s += std::to_string(exp10);
  double v = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (res.ec == std::errc::result_out_of_range) {
    return std::numeric_limits<double>::infinity();
  }
  return v;
}

std::optional<NumberWord> ScanNumberWord(std::string_view text, size_t pos,
                                         bool allow_article) {
  if (!BoundaryBefore(text, pos) || pos >= text.size()) return std::nullopt;
  // Every word below starts with one of these letters.
  switch (text[pos]) {
    case 'a': case 'e': case 'f': case 'n': case 'o': case 's': case 't':
      break;
    default:
      return std::nullopt;
  }
  if (allow_article) {
    for (std::string_view a : kArticles) {
      if (HasAt(text, pos, a) && BoundaryAfter(text, pos + a.size())) {
        return NumberWord{1, pos + a.size()};
      }
    }
  }
  int t = MatchWord(text, pos, kTens);
  if (t >= 0) {
    NumberWord w{kTens[t].value, pos + kTens[t].word.size()};
    if (w.end < text.size() && text[w.end] == '-') {
      int u = MatchWord(text, w.end + 1, kUnits);
      if (u >= 0 && kUnits[u].value < 10) {
        w.value += kUnits[u].value;
        w.end += 1 + kUnits[u].word.size();
      }
    }
    return w;
  }
  // Longest unit word first ("seventeen" before "seven"): MatchWord requires
  // a boundary after the word, so a prefix never matches.
  int u = MatchWord(text, pos, kUnits);
  if (u >= 0) return NumberWord{kUnits[u].value, pos + kUnits[u].word.size()};
  return std::nullopt;
}

std::vector<std::string_view> NumberWords(bool allow_article) {
  std::vector<std::string_view> words;
  if (allow_article) words.assign(std::begin(kArticles), std::end(kArticles));
  for (const WordValue& w : kTens) words.push_back(w.word);
  for (const WordValue& w : kUnits) words.push_back(w.word);
  return words;
}

}  // namespace newsgraph::extract::attrs

#include "extract/attrs/duration.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "extract/attrs/cn_number.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs {

namespace {

// A number followed by a unit of time, before any introducer.
struct Core {
  size_t begin = 0;
  size_t end = 0;
  double years = 0;
  bool needs_introducer = false;  // "a year" alone is not a duration
};

// What may follow "N年" when it is not a length of time: grades, eras,
// offsets and parts of a year, or a month that makes it a date.
constexpr std::string_view kNotAfterNian[] = {
    "级", "代", "度", "前", "后", "底", "初", "末", "终", "薪", "月", "报",
};

constexpr std::string_view kZhIntroducers[] = {"为期", "未来", "过去",
                                               "今后", "长达", "近"};

constexpr std::string_view kEnIntroducers[] = {
    "over the next",   "over the past", "over the last", "over the coming",
    "for the next",    "for the past",  "for the last",  "in the next",
    "within the next", "in the past",   "over",          "for",
    "within",          "lasting",
};

// Whole-phrase durations in English, in years.
constexpr std::pair<std::string_view, double> kEnPhrases[] = {
    {"decade-long", 10},     {"year-long", 1},       {"the past decade", 10},
    {"the last decade", 10}, {"the next decade", 10}, {"the coming decade", 10},
};

// Words after "N years" that make it an offset or an age.
constexpr std::string_view kEnNotAfter[] = {"ago",   "later",  "earlier", "old",
                                            "older", "before", "after"};

bool IsChineseNumeralAt(std::string_view text, size_t pos, size_t* len) {
  if (pos >= text.size()) return false;
  char32_t cp = DecodeAt(text, pos, len);
  return IsChineseNumeral(cp);
}

// True when no digit, letter, numeral or "<n>" mask touches pos from the
// left, and the number is not an ordinal ("第三年").
bool ValidStart(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char p = text[pos - 1];
  if (IsAsciiAlnum(p) || p == '>' || p == '#') return false;
  if ((p == '.' || p == ',') && pos >= 2 && IsAsciiDigit(text[pos - 2])) {
    return false;
  }
  size_t len = 0;
  const char32_t before = DecodeBefore(text, pos, &len);
  if (IsChineseNumeral(before)) {
    return false;
  }
  return !EndsAt(text, pos, "第");
}

// Reads a number at pos: ASCII digits below 1000 or a Chinese numeral (not a
// digit string such as "二〇二四"). Sets *end past it.
std::optional<double> ReadNumber(std::string_view text, size_t pos,
                                 size_t* end) {
  if (!ValidStart(text, pos)) return std::nullopt;
  if (DigitAt(text, pos)) {
    auto num = ScanDecimal(text, pos);
    if (!num || num->grouped || num->integer_digits >= 4) return std::nullopt;
    *end = num->end;
    return DecimalValue(num->digits, 0);
  }
  const size_t len = ChineseNumeralLength(text.substr(pos));
  if (len == 0) return std::nullopt;
  std::string_view run = text.substr(pos, len);
  if (IsChineseDigitString(run) && len > 3) return std::nullopt;
  size_t first = 0;
  if (ChineseUnitExponent(DecodeAt(text, pos, &first)) >= 2) {
    return std::nullopt;  // "百年企业": century-old, an adjective
  }
  auto v = ParseChineseNumeral(run);
  if (!v || *v >= 1000) return std::nullopt;
  *end = pos + len;
  return v;
}

template <size_t N>
bool AnyAt(std::string_view text, size_t pos,
           const std::string_view (&table)[N]) {
  for (std::string_view w : table) {
    if (HasAt(text, pos, w)) return true;
  }
  return false;
}

// "五年", "3年", "两年半", "18个月", "三个季度", "半年", "五年期".
std::optional<Core> ChineseAt(std::string_view text, size_t pos) {
  Core c;
  c.begin = pos;
  double n = 0;
  size_t q = pos;
  if (HasAt(text, pos, "半年")) {
    for (std::string_view w : {"上", "下", "前", "后", "每", "大"}) {
      if (EndsAt(text, pos, w)) return std::nullopt;  // 上半年: a period
    }
    for (std::string_view w : {"报", "度", "末", "初", "底"}) {
      if (HasAt(text, pos + 6, w)) return std::nullopt;  // 半年报: a report
    }
    c.years = 0.5;
    c.end = pos + std::string_view("半年").size();
    return c;
  }
  auto v = ReadNumber(text, pos, &q);
  if (!v) return std::nullopt;
  n = *v;
  if (HasAt(text, q, "多")) q += std::string_view("多").size();
  if (HasAt(text, q, "年")) {
    size_t e = q + std::string_view("年").size();
    if (AnyAt(text, e, kNotAfterNian) || DigitAt(text, e)) return std::nullopt;
    size_t len = 0;
    if (IsChineseNumeralAt(text, e, &len)) {
      // "二十年三月" reads as a date, not a duration.
      const size_t run = ChineseNumeralLength(text.substr(e));
      if (HasAt(text, e + run, "月")) return std::nullopt;
    }
    c.years = n;
    if (HasAt(text, e, "半")) {
      c.years += 0.5;
      e += std::string_view("半").size();
    }
    c.end = e;
  } else if (HasAt(text, q, "个")) {
    size_t e = q + std::string_view("个").size();
    double extra = 0;
    if (HasAt(text, e, "多")) {
      e += std::string_view("多").size();
    } else if (HasAt(text, e, "半")) {
      extra = 0.5;
      e += std::string_view("半").size();
    }
    if (HasAt(text, e, "月")) {
      c.years = (n + extra) / 12;
      e += std::string_view("月").size();
    } else if (HasAt(text, e, "季度")) {
      c.years = (n + extra) / 4;
      e += std::string_view("季度").size();
    } else {
      return std::nullopt;
    }
    if (HasAt(text, e, "前") || HasAt(text, e, "后")) return std::nullopt;
    c.end = e;
  } else {
    return std::nullopt;
  }
  if (HasAt(text, c.end, "期")) c.end += std::string_view("期").size();
  return c;
}

// "five-year", "5 years", "18-month", "a decade", "two decades".
std::optional<Core> EnglishAt(std::string_view text, size_t pos) {
  if (!BoundaryBefore(text, pos) || pos >= text.size()) return std::nullopt;
  // A form starts with a digit, "decade-long", "year-long", "the ..." or a
  // number word or article (ScanNumberWord: a e f n o s t).
  switch (text[pos]) {
    case 'a': case 'd': case 'e': case 'f': case 'n': case 'o': case 's':
    case 't': case 'y':
      break;
    default:
      if (!IsAsciiDigit(text[pos])) return std::nullopt;
  }
  Core c;
  c.begin = pos;
  for (auto [w, y] : kEnPhrases) {
    if (HasAt(text, pos, w) && BoundaryAfter(text, pos + w.size())) {
      c.years = y;
      c.end = pos + w.size();
      return c;
    }
  }
  double n = 0;
  size_t q = pos;
  bool article = false;
  if (DigitAt(text, pos)) {
    if (!ValidStart(text, pos)) return std::nullopt;
    auto num = ScanDecimal(text, pos);
    if (!num || num->grouped || num->integer_digits >= 4) return std::nullopt;
    n = DecimalValue(num->digits, 0);
    q = num->end;
  } else {
    auto w = ScanNumberWord(text, pos, /*allow_article=*/true);
    if (!w) return std::nullopt;
    n = w->value;
    q = w->end;
    article = HasAt(text, pos, "a") && (q - pos) <= 2;
  }
  size_t s = q;
  if (HasAt(text, s, "-")) {
    ++s;
  } else {
    s = SkipSpaces(text, q);
    if (s == q) return std::nullopt;
  }
  double per = 0;
  size_t e = s;
  for (auto [w, y] : {std::pair<std::string_view, double>{"decades", 10},
                      {"decade", 10},
                      {"years", 1},
                      {"year", 1},
                      {"months", 1.0 / 12},
                      {"month", 1.0 / 12}}) {
    if (HasAt(text, s, w) && BoundaryAfter(text, s + w.size())) {
      per = y;
      e = s + w.size();
      break;
    }
  }
  if (per == 0) return std::nullopt;
  if (HasAt(text, e, "-old")) return std::nullopt;
  if (HasAt(text, e, "-long") && BoundaryAfter(text, e + 5)) e += 5;
  const size_t after = SkipSpaces(text, e);
  for (std::string_view w : kEnNotAfter) {
    if (HasAt(text, after, w) && BoundaryAfter(text, after + w.size())) {
      return std::nullopt;
    }
  }
  c.years = per == 1.0 / 12 ? n / 12 : n * per;
  c.end = e;
  c.needs_introducer = article && per < 10;
  return c;
}

// Start of the introducer ("为期", "over the next") right before `begin`, or
// `begin`; never before `floor`.
size_t IntroducerStart(std::string_view text, size_t begin, size_t floor) {
  size_t best = begin;
  for (std::string_view w : kZhIntroducers) {
    if (EndsAt(text, begin, w) && begin - w.size() >= floor) {
      best = std::min(best, begin - w.size());
    }
  }
  size_t b = begin;
  while (b > floor && text[b - 1] == ' ') --b;
  if (b == begin) return best;
  for (std::string_view w : kEnIntroducers) {
    if (EndsAt(text, b, w) && b - w.size() >= floor &&
        BoundaryBefore(text, b - w.size())) {
      best = std::min(best, b - w.size());
    }
  }
  return best;
}

// Tries the duration forms at pos, with `floor` the end of the previous
// mention. On a match appends the mention to *out and returns its end;
// returns 0 otherwise.
size_t MatchAt(std::string_view text, size_t pos, size_t floor,
               std::vector<DurationMention>* out) {
  const char ch = text[pos];
  std::optional<Core> c;
  if (IsAsciiAlnum(ch)) {
    c = EnglishAt(text, pos);
    if (!c && IsAsciiDigit(ch)) c = ChineseAt(text, pos);
  } else if (static_cast<unsigned char>(ch) >= 0x80) {
    // ChineseAt needs "半年" or a Chinese numeral here.
    size_t len = 0;
    if (HasAt(text, pos, "半") || IsChineseNumeralAt(text, pos, &len)) {
      c = ChineseAt(text, pos);
    }
  }
  if (!c) return 0;
  const size_t begin = IntroducerStart(text, c->begin, floor);
  if (c->needs_introducer && begin == c->begin) return 0;
  out->push_back(DurationMention{begin, c->end, c->years});
  return c->end;
}

// The default step after a position where nothing matched: the ASCII word
// or number, or the character.
size_t NextPosition(std::string_view text, size_t pos) {
  if (!IsAsciiAlnum(text[pos])) return pos + CodePointLength(text, pos);
  while (pos < text.size() && IsAsciiAlnum(text[pos])) ++pos;
  return pos;
}

// Tries the duration forms at pos (MatchAt; `floor` is the end of the last
// mention, moved on by a new one); returns where the scan goes on.
size_t TryAt(std::string_view text, size_t pos, size_t* floor,
             std::vector<DurationMention>* out) {
  if (const size_t end = MatchAt(text, pos, *floor, out)) return *floor = end;
  return NextPosition(text, pos);
}

// What MatchAt may find something at, besides ASCII digits: the first words
// of kEnPhrases ("decade", "the") and the words ScanNumberWord reads
// ("five", "a"); "半" and the Chinese numerals.
struct StartSet {
  WordSet words;
  BmpSet chars;
};

const StartSet& Starts() {
  static const StartSet kStarts = [] {
    StartSet s;
    for (const auto& [w, y] : kEnPhrases) {
      size_t e = 0;
      while (e < w.size() && IsAsciiAlpha(w[e])) ++e;
      s.words.Add(w.substr(0, e));
    }
    for (std::string_view w : NumberWords(/*allow_article=*/true)) {
      s.words.Add(w);
    }
    s.chars.Add(U'半');
    s.chars.AddAll(ChineseNumeralSet());
    return s;
  }();
  return kStarts;
}

}  // namespace

std::vector<DurationMention> FindDurations(std::string_view text) {
  const StartSet& starts = Starts();
  std::vector<DurationMention> out;
  const size_t n = text.size();
  size_t pos = 0;
  size_t floor = 0;
  while (pos < n) {
    // Pass over what no form starts with (see StartSet); the rest is tried
    // as FindDurationsReference tries it.
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      if (IsAsciiAlpha(static_cast<char>(b))) {
        size_t word_end = 0;
        if (!WordAtIn(text, pos, starts.words, &word_end)) {
          pos = NextPosition(text, pos);
          continue;
        }
      } else if (!IsAsciiDigit(static_cast<char>(b))) {
        pos = SkipAsciiOther(text, pos + 1);
        continue;
      }
    } else {
      size_t len = 0;
      if (!starts.chars.Contains(DecodeAtInline(text, pos, &len))) {
        pos += len;
        continue;
      }
    }
    pos = TryAt(text, pos, &floor, &out);
  }
  return out;
}

std::vector<DurationMention> FindDurationsReference(std::string_view text) {
  std::vector<DurationMention> out;
  size_t pos = 0;
  size_t floor = 0;
  while (pos < text.size()) pos = TryAt(text, pos, &floor, &out);
  return out;
}

}  // namespace newsgraph::extract::attrs

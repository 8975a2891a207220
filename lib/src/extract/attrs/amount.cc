#include "extract/attrs/amount.h"

#include <array>
#include <cstdint>
#include <charconv>
#include <cmath>
#include <optional>
#include <system_error>

#include "extract/attrs/amount_tables.h"
#include "extract/attrs/cn_number.h"
#include "extract/attrs/table_index.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs {

namespace {

using amount_tables::Code;
using amount_tables::kEnCurrencies;
using amount_tables::kEnUnits;
using amount_tables::kMarkers;
using amount_tables::kNotCounts;
using amount_tables::kNotJinBefore;
using amount_tables::kNotModifiers;
using amount_tables::kNotYuan;
using amount_tables::kNotYueBefore;
using amount_tables::kPrefixCurrencies;
using amount_tables::kScales;
using amount_tables::kTailMarkers;
using amount_tables::kZhClassifiers;
using amount_tables::kZhCurrencies;
using amount_tables::Marker;

// True when text[0, pos) ends with any word of `table`.
template <size_t N>
bool AnyEndsAt(std::string_view text, size_t pos,
               const std::string_view (&table)[N]) {
  for (std::string_view w : table) {
    if (EndsAt(text, pos, w)) return true;
  }
  return false;
}

// An amount being assembled.
struct Candidate {
  size_t begin = 0;
  size_t end = 0;
  double value = 0;
  std::string currency;
  std::string unit;
  bool approximate = false;
  bool big = false;      // has a multiplier that makes a bare number count
  bool grouped = false;  // written with thousands separators
  bool small_chinese = false;  // Chinese numeral below ten ("一", "两")
};

// Skips "多" / "余" ("300多亿", "100余家"); sets *approx when found.
size_t SkipMore(std::string_view text, size_t pos, bool* approx) {
  if (HasAt(text, pos, "多") || HasAt(text, pos, "余")) {
    *approx = true;
    return pos + 3;
  }
  return pos;
}

// Reads a Chinese multiplier run ("万", "亿", "千万") at pos, optionally
// after spaces. On success adds its exponent to *exp and returns its end;
// returns pos when there is none, and npos when numerals glued to the number
// are not a multiplier ("3万5千").
size_t ReadChineseMultiplier(std::string_view text, size_t pos, int* exp) {
  size_t start = SkipSpaces(text, pos);
  size_t len = ChineseNumeralLength(text.substr(start));
  if (len == 0) return pos;
  auto e = ChineseMultiplierExponent(text.substr(start, len));
  if (!e) return start == pos ? std::string_view::npos : pos;
  *exp += *e;
  return start + len;
}

// Reads an English scale ("billion", "bn", "m") at pos; single letters must
// be attached to the number. Returns the index into kScales or -1.
int ReadScale(std::string_view text, size_t pos, size_t* end) {
  int i = Longest<kScales>(text, pos);
  if (i >= 0) {
    *end = pos + kScales[i].text.size();
    return i;
  }
  size_t s = SkipSpaces(text, pos);
  if (s == pos) return -1;
  i = Longest<kScales>(text, s);
  if (i < 0 || kScales[i].attached_only) return -1;
  *end = s + kScales[i].text.size();
  return i;
}

// True when a percent sign or word follows pos ("5%", "5 percent").
bool IsPercentAt(std::string_view text, size_t pos) {
  size_t s = SkipSpaces(text, pos);
  if (HasAt(text, s, "%") || HasAt(text, s, "‰")) return true;
  for (std::string_view w : {"percent", "per cent", "pct", "percentage"}) {
    if (HasAt(text, s, w) && BoundaryAfter(text, s + w.size())) return true;
  }
  return false;
}

// Reads an English count noun at pos, directly ("100,000 gpus") or after up
// to two modifiers ("200,000 nvidia h100 gpus", "3,000 new employees").
// Returns the index into kEnUnits and sets *end, or returns -1.
int ReadEnglishUnit(std::string_view text, size_t pos, size_t* end) {
  size_t p = pos;
  for (int words = 0; words <= 2; ++words) {
    int u = Longest<kEnUnits>(text, p);
    if (u >= 0) {
      *end = p + kEnUnits[u].size();
      return u;
    }
    size_t e = p;
    while (e < text.size() && (IsAsciiAlnum(text[e]) || text[e] == '-')) ++e;
    if (e == p || !AlphaAt(text, p)) return -1;
    const std::string_view word = text.substr(p, e - p);
    for (std::string_view stop : kNotModifiers) {
      if (word == stop) return -1;
    }
    p = e;
    if (!HasAt(text, p, " ")) return -1;
    p = SkipSpaces(text, p);
  }
  return -1;
}

// Reads the currency or count word after a number ending at pos and any
// trailing qualifier, filling c->currency / c->unit / c->end. `fixed` is a
// currency already given by a prefix; only the same currency is consumed
// after the number then. `en_scale` tells whether an English scale word was
// read (needed for "won").
void ReadSuffix(std::string_view text, size_t pos, std::string_view fixed,
                bool en_scale, Candidate* c) {
  c->end = pos;
  size_t s = SkipSpaces(text, pos);
  int zc = Longest<kZhCurrencies>(text, s);
  if (zc >= 0 && kZhCurrencies[zc].text == "元") {
    for (std::string_view w : kNotYuan) {
      if (HasAt(text, s, w)) zc = -1;
    }
  }
  if (zc >= 0) {
    if (fixed.empty() || fixed == kZhCurrencies[zc].code) {
      c->currency = std::string(kZhCurrencies[zc].code);
      c->end = s + kZhCurrencies[zc].text.size();
    }
  } else if (fixed.empty() && Longest<kZhClassifiers>(text, s) >= 0) {
    if (Longest<kNotCounts>(text, s) < 0) {
      int k = Longest<kZhClassifiers>(text, s);
      c->unit = std::string(kZhClassifiers[k]);
      c->end = s + kZhClassifiers[k].size();
    }
  } else if (BoundaryBefore(text, s)) {
    int ec = Longest<kEnCurrencies>(text, s);
    if (ec >= 0 && kEnCurrencies[ec].text == "won" && !en_scale) ec = -1;
    if (ec >= 0 && (fixed.empty() || fixed == kEnCurrencies[ec].code)) {
      c->currency = std::string(kEnCurrencies[ec].code);
      c->end = s + kEnCurrencies[ec].text.size();
    } else if (ec < 0 && fixed.empty() && s > pos) {
      size_t unit_end = 0;
      int u = ReadEnglishUnit(text, s, &unit_end);
      if (u >= 0) {
        c->unit = std::string(kEnUnits[u]);
        c->end = unit_end;
      }
    }
  }
  int t = Longest<kTailMarkers>(text, c->end);
  if (t >= 0 && (!c->currency.empty() || !c->unit.empty() || c->big)) {
    c->approximate = true;
    c->end += kTailMarkers[t].size();
  }
}

// True when an ASCII number may start at pos: not glued to a word, a model
// name ("h100"), another number or the "<n>" mask.
bool ValidNumberStart(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char p = text[pos - 1];
  if (IsAsciiAlnum(p) || p == '>' || p == '#') return false;
  if ((p == '.' || p == ',') && pos >= 2 &&
      (IsAsciiDigit(text[pos - 2]) || text[pos - 2] == '>')) {
    return false;
  }
  return true;
}

// A number in ASCII digits at pos, with `fixed` the currency of a prefix
// already read ("" for none).
std::optional<Candidate> ArabicAt(std::string_view text, size_t pos,
                                  std::string_view fixed) {
  auto num = ScanDecimal(text, pos);
  if (!num) return std::nullopt;
  Candidate c;
  c.begin = pos;
  c.grouped = num->grouped;
  size_t q = num->end;
  if (IsPercentAt(text, q)) return std::nullopt;
  int exp = 0;
  bool en_scale = false;
  size_t r = SkipMore(text, q, &c.approximate);
  size_t m = ReadChineseMultiplier(text, r, &exp);
  if (m == std::string_view::npos) return std::nullopt;
  if (m != r) {
    c.big = exp >= 4;
    r = SkipMore(text, m, &c.approximate);
  } else if (r == q) {
    size_t end = 0;
    int s = ReadScale(text, q, &end);
    if (s >= 0) {
      exp = kScales[s].exp;
      c.big = kScales[s].plain;
      en_scale = true;
      r = end;
    }
  }
  if (r == q && AlphaAt(text, q)) return std::nullopt;  // "1st", "5g", "3d"
  if (IsPercentAt(text, r)) return std::nullopt;
  c.value = DecimalValue(num->digits, exp);
  ReadSuffix(text, r, fixed, en_scale, &c);
  if (!fixed.empty()) c.currency = std::string(fixed);
  return c;
}

// `v` in fixed notation with the fewest digits that read back exactly
// ("30000000000", "1.5"); "0" for negative or non-finite values.
std::string ShortestFixed(double v) {
  if (!std::isfinite(v) || v < 0) v = 0;
  char buf[1100];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (res.ec != std::errc()) return "0";
  return std::string(buf, res.ptr);
}

// A number in Chinese numerals at pos ("五十亿", "三十多亿", "百亿").
std::optional<Candidate> ChineseAt(std::string_view text, size_t pos,
                                   size_t* run_end) {
  size_t len = ChineseNumeralLength(text.substr(pos));
  *run_end = pos + len;
  if (len == 0) return std::nullopt;
  std::string_view run = text.substr(pos, len);
  auto v = ParseChineseNumeral(run);
  if (!v) return std::nullopt;
  const bool digit_string = IsChineseDigitString(run);
  if (digit_string && len > 3) return std::nullopt;  // "二〇二四"
  size_t first_len = 0;
  const int first_exp = ChineseUnitExponent(DecodeAt(text, pos, &first_len));
  Candidate c;
  c.begin = pos;
  c.value = *v;
  c.small_chinese = digit_string && *v < 10;
  int exp = 0;
  size_t r = SkipMore(text, pos + len, &c.approximate);
  if (r != pos + len) {
    size_t m = ReadChineseMultiplier(text, r, &exp);
    if (m == std::string_view::npos) return std::nullopt;
    r = m;
    c.value = DecimalValue(ShortestFixed(*v), exp);
    c.small_chinese = false;
  }
  for (size_t i = 0; i < run.size();) {
    size_t l = 0;
    if (ChineseUnitExponent(DecodeAt(run, i, &l)) >= 4) c.big = true;
    i += l;
  }
  c.big = c.big || exp >= 4;
  if (IsPercentAt(text, r)) return std::nullopt;
  ReadSuffix(text, r, "", false, &c);
  if (first_exp >= 2) {
    // A leading unit is a magnitude: "百亿美元", "上千万", "上亿美元". Without
    // a currency or a vague prefix it is an idiom ("千家万户", "万一"); a
    // leading 万/亿 needs the prefix ("<n>多亿美元" is a masked number).
    const bool vague = EndsAt(text, pos, "上") || EndsAt(text, pos, "数") ||
                       EndsAt(text, pos, "几");
    if (!vague && (c.currency.empty() || first_exp >= 4)) return std::nullopt;
    c.approximate = true;
  }
  return c;
}

// English vague magnitudes: "tens of billions of dollars", an optional
// multiplier then a scale.
constexpr std::pair<std::string_view, double> kVagueMultipliers[] = {
    {"tens of ", 10}, {"hundreds of ", 100}};
constexpr std::pair<std::string_view, int> kVagueScales[] = {
    {"millions of ", 6}, {"billions of ", 9}, {"trillions of ", 12}};

std::optional<Candidate> VagueEnglishAt(std::string_view text, size_t pos) {
  Candidate c;
  c.begin = pos;
  double mult = 1;
  size_t p = pos;
  for (auto [w, m] : kVagueMultipliers) {
    if (HasAt(text, p, w)) {
      mult = m;
      p += w.size();
      break;
    }
  }
  int exp = -1;
  for (auto [w, e] : kVagueScales) {
    if (HasAt(text, p, w)) {
      exp = e;
      p += w.size();
      break;
    }
  }
  if (exp < 0) return std::nullopt;
  int ec = Longest<kEnCurrencies>(text, p);
  if (ec < 0) return std::nullopt;
  c.value = mult * DecimalValue("1", exp);
  c.currency = std::string(kEnCurrencies[ec].code);
  c.end = p + kEnCurrencies[ec].text.size();
  c.approximate = true;
  return c;
}

// English number words with a scale: "two billion dollars", "a million
// units".
std::optional<Candidate> NumberWordAt(std::string_view text, size_t pos) {
  auto w = ScanNumberWord(text, pos, /*allow_article=*/true);
  if (!w) return std::nullopt;
  size_t s = SkipSpaces(text, w->end);
  if (s == w->end) return std::nullopt;
  int k = Longest<kScales>(text, s);
  if (k < 0 || kScales[k].text.size() < 7) return std::nullopt;  // words only
  Candidate c;
  c.begin = pos;
  c.big = kScales[k].exp >= 6;  // "a thousand" alone is not an amount
  c.value = DecimalValue(std::to_string(w->value), kScales[k].exp);
  ReadSuffix(text, s + kScales[k].text.size(), "", true, &c);
  return c;
}

// A currency prefix ("$", "us$", "rmb ", "人民币") followed by a number.
std::optional<Candidate> PrefixCurrencyAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const auto& index = kTableIndex<kPrefixCurrencies>;
  const unsigned char first = static_cast<unsigned char>(text[pos]);
  const size_t lo = index.begin[first];
  const size_t hi = index.begin[first + 1];
  if (lo == hi) return std::nullopt;
  int i = Longest<kPrefixCurrencies>(text, pos);
  if (i < 0) {
    // Letter codes end at the number, not at a word boundary ("rmb5").
    for (size_t x = lo; x < hi; ++x) {
      const size_t k = index.entries[x];
      std::string_view w = kPrefixCurrencies[k].text;
      if (HasAt(text, pos, w) && DigitAt(text, pos + w.size()) &&
          (i < 0 || w.size() > kPrefixCurrencies[i].text.size())) {
        i = static_cast<int>(k);
      }
    }
  }
  if (i < 0) return std::nullopt;
  std::string_view w = kPrefixCurrencies[i].text;
  if (IsAsciiAlpha(w.front()) && !BoundaryBefore(text, pos)) {
    return std::nullopt;
  }
  size_t n = SkipSpaces(text, pos + w.size());
  if (!DigitAt(text, n)) return std::nullopt;
  auto c = ArabicAt(text, n, kPrefixCurrencies[i].code);
  if (!c) return std::nullopt;
  c->begin = pos;
  return c;
}

// Start of the approximate qualifier just before `begin`, or `begin` when
// there is none; never before `floor`.
size_t QualifierStart(std::string_view text, size_t begin, size_t floor,
                      bool chinese_run, bool* approx) {
  size_t b = begin;
  while (b > floor && text[b - 1] == ' ') --b;
  int best = -1;
  for (size_t i = 0; i < std::size(kMarkers); ++i) {
    const Marker& m = kMarkers[i];
    if (m.chinese_run_only && !chinese_run) continue;
    if (!EndsAt(text, b, m.text) || b - m.text.size() < floor) continue;
    const size_t start = b - m.text.size();
    if (IsAsciiAlpha(m.text.front()) && !BoundaryBefore(text, start)) continue;
    if (m.text == "约" && AnyEndsAt(text, start, kNotYueBefore)) continue;
    if (m.text == "近" && AnyEndsAt(text, start, kNotJinBefore)) continue;
    if (best < 0 || m.text.size() > kMarkers[best].text.size()) {
      best = static_cast<int>(i);
    }
  }
  if (best < 0) return begin;
  *approx = true;
  return b - kMarkers[best].text.size();
}

// True when the amount at `begin` is an ordinal or a rank ("第3", "前10名",
// "top 10").
bool IsRank(std::string_view text, size_t begin) {
  return EndsAt(text, begin, "第") || EndsAt(text, begin, "前") ||
         EndsAt(text, begin, "top ") || EndsAt(text, begin, "no. ") ||
         EndsAt(text, begin, "no.");
}

// Decides whether a candidate is an amount and turns it into a mention.
std::optional<AmountMention> Accept(std::string_view text, const Candidate& c) {
  if (EndsAt(text, c.begin, "第")) return std::nullopt;
  if (!std::isfinite(c.value)) return std::nullopt;
  if (c.small_chinese) return std::nullopt;  // "一个", "两家", "三元"
  if (c.currency.empty()) {
    if (!c.unit.empty()) {
      if (IsRank(text, c.begin)) return std::nullopt;
    } else if (!((c.big || c.grouped) && c.value >= 1000)) {
      return std::nullopt;
    }
  }
  AmountMention a;
  a.begin = c.begin;
  a.end = c.end;
  a.value = c.value;
  a.currency = c.currency;
  a.unit = c.unit;
  a.approximate = c.approximate;
  return a;
}

// Position just past the ASCII word or number token at pos.
size_t SkipAsciiToken(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size() && (IsAsciiAlnum(text[i]) || text[i] == '_')) ++i;
  return i > pos ? i : pos + 1;
}

// `fixed` ("1000000.5") with "," between groups of three integer digits.
std::string GroupThousands(const std::string& fixed) {
  const size_t dot = fixed.find('.');
  const std::string integer = fixed.substr(0, dot);
  std::string out;
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += ',';
    out += integer[i];
  }
  if (dot != std::string::npos) out += fixed.substr(dot);
  return out;
}

// "100亿至150亿美元": the lower bound of a range takes the currency or unit
// written only after the upper one.
void InheritAcrossRanges(std::string_view text,
                         std::vector<AmountMention>* out) {
  for (size_t i = 0; i + 1 < out->size(); ++i) {
    AmountMention& low = (*out)[i];
    const AmountMention& high = (*out)[i + 1];
    if (!low.currency.empty() || !low.unit.empty()) continue;
    if (high.currency.empty() && high.unit.empty()) continue;
    size_t b = SkipSpaces(text, low.end);
    size_t e = high.begin;
    while (e > b && text[e - 1] == ' ') --e;
    const std::string_view gap = text.substr(b, e - b);
    if (gap == "至" || gap == "到" || gap == "-" || gap == "–" || gap == "—" ||
        gap == "to") {
      low.currency = high.currency;
      low.unit = high.unit;
    }
  }
}

// Tries every amount form at pos, with `floor` the end of the previous
// mention. On a match appends the mention to *out and returns its end.
// Otherwise returns 0 and sets *skip to the bytes to move on by (0 for the
// default step: the ASCII token or the character at pos).
size_t MatchAt(std::string_view text, size_t pos, size_t floor,
               std::vector<AmountMention>* out, size_t* skip) {
  std::optional<Candidate> c;
  bool chinese_run = false;
  *skip = 0;
  const char ch = text[pos];
  if (IsAsciiAlpha(ch) && BoundaryBefore(text, pos)) {
    c = VagueEnglishAt(text, pos);
    if (!c) c = NumberWordAt(text, pos);
  }
  if (!c && (!IsAsciiAlnum(ch) || BoundaryBefore(text, pos))) {
    c = PrefixCurrencyAt(text, pos);
  }
  if (!c && IsAsciiDigit(ch) && ValidNumberStart(text, pos)) {
    c = ArabicAt(text, pos, "");
  }
  if (!c && !IsAsciiAlnum(ch) && static_cast<unsigned char>(ch) >= 0x80) {
    size_t len = 0;
    const char32_t cp = DecodeAt(text, pos, &len);
    if (IsChineseNumeral(cp)) {
      size_t run_end = pos + len;
      const bool blocked =
          pos > 0 && (IsAsciiDigit(text[pos - 1]) || text[pos - 1] == '>' ||
                      EndsAt(text, pos, "分之"));
      if (!blocked) c = ChineseAt(text, pos, &run_end);
      chinese_run = true;
      if (!c) *skip = run_end - pos;
    }
  }
  std::optional<AmountMention> a;
  if (c) a = Accept(text, *c);
  if (!a) return 0;
  a->begin =
      QualifierStart(text, a->begin, floor, chinese_run, &a->approximate);
  out->push_back(std::move(*a));
  return out->back().end;
}

// The default step after a position where nothing matched.
size_t NextPosition(std::string_view text, size_t pos) {
  return IsAsciiAlnum(text[pos]) ? SkipAsciiToken(text, pos)
                                 : pos + CodePointLength(text, pos);
}

// Tries the amount forms at pos (MatchAt; `floor` is the end of the last
// mention, moved on by a new one); returns where the scan goes on.
size_t TryAt(std::string_view text, size_t pos, size_t* floor,
             std::vector<AmountMention>* out) {
  size_t skip = 0;
  if (const size_t end = MatchAt(text, pos, *floor, out, &skip))
    return *floor = end;
  return skip ? pos + skip : NextPosition(text, pos);
}

// What MatchAt may find something at, by the character or ASCII word at a
// position: digits, currency prefixes by their first byte or character,
// Chinese numerals, and the ASCII words that start a prefix ("rmb", the
// "us" of "us$"), a vague magnitude ("tens", "billions") or a number word
// with a scale ("two", "a").
struct StartSet {
  std::array<bool, 0x80> prefix_byte{};  // ASCII first bytes of prefixes
  WordSet words;
  BmpSet chars;  // non-ASCII: Chinese numerals, first characters of prefixes
};

const StartSet& Starts() {
  static const StartSet kStarts = [] {
    StartSet s;
    for (const Code& p : kPrefixCurrencies) {
      const auto b = static_cast<unsigned char>(p.text.front());
      if (b >= 0x80) {
        size_t len = 0;
        s.chars.Add(DecodeAt(p.text, 0, &len));
      } else if (IsAsciiAlpha(p.text.front())) {
        size_t e = 0;
        while (e < p.text.size() && IsAsciiAlpha(p.text[e])) ++e;
        s.words.Add(p.text.substr(0, e));
      } else {
        s.prefix_byte[b] = true;
      }
    }
    for (const auto& [w, m] : kVagueMultipliers) {
      s.words.Add(w.substr(0, w.find(' ')));
    }
    for (const auto& [w, e] : kVagueScales) {
      s.words.Add(w.substr(0, w.find(' ')));
    }
    for (std::string_view w : NumberWords(/*allow_article=*/true)) {
      s.words.Add(w);
    }
    s.chars.AddAll(ChineseNumeralSet());
    return s;
  }();
  return kStarts;
}

}  // namespace

std::vector<AmountMention> FindAmounts(std::string_view text) {
  const StartSet& starts = Starts();
  std::vector<AmountMention> out;
  const size_t n = text.size();
  size_t pos = 0;
  size_t floor = 0;  // end of the previous mention
  while (pos < n) {
    // Pass over what no form starts with (see StartSet); the rest is tried
    // as FindAmountsReference tries it.
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      if (IsAsciiAlpha(static_cast<char>(b))) {
        size_t word_end = 0;
        if (!WordAtIn(text, pos, starts.words, &word_end)) {
          pos = SkipAsciiToken(text, pos);
          continue;
        }
      } else if (!IsAsciiDigit(static_cast<char>(b)) &&
                 !starts.prefix_byte[b]) {
        ++pos;
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
  InheritAcrossRanges(text, &out);
  return out;
}

std::vector<AmountMention> FindAmountsReference(std::string_view text) {
  std::vector<AmountMention> out;
  size_t pos = 0;
  size_t floor = 0;
  while (pos < text.size()) pos = TryAt(text, pos, &floor, &out);
  InheritAcrossRanges(text, &out);
  return out;
}

std::string FormatAmount(const AmountMention& a) {
  std::string out = a.approximate ? "~" : "";
  const std::string number = ShortestFixed(a.value);
  if (!a.currency.empty()) {
    out += number + " " + a.currency;
  } else if (!a.unit.empty()) {
    out += number;
    if (IsAsciiAlpha(a.unit.front())) out += ' ';
    out += a.unit;
  } else {
    out += GroupThousands(number);
  }
  return out;
}

}  // namespace newsgraph::extract::attrs

// English date patterns for FindDates.
#include <algorithm>
#include <iterator>
#include <string_view>

#include "extract/attrs/date_rules.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs::date_rules {

namespace {

using base::Date;

struct MonthName {
  std::string_view text;
  int month;
  bool full;  // a full name; abbreviations may take a '.'
};

constexpr MonthName kMonths[] = {
    {"january", 1, true},   {"jan", 1, false},      {"february", 2, true},
    {"feb", 2, false},      {"march", 3, true},     {"mar", 3, false},
    {"april", 4, true},     {"apr", 4, false},      {"may", 5, true},
    {"june", 6, true},      {"jun", 6, false},      {"july", 7, true},
    {"jul", 7, false},      {"august", 8, true},    {"aug", 8, false},
    {"september", 9, true}, {"sept", 9, false},     {"sep", 9, false},
    {"october", 10, true},  {"oct", 10, false},     {"november", 11, true},
    {"nov", 11, false},     {"december", 12, true}, {"dec", 12, false},
};

constexpr std::string_view kWeekdays[] = {"monday",   "tuesday", "wednesday",
                                          "thursday", "friday",  "saturday",
                                          "sunday"};

// Words before a bare year or a bare month name that make it a date:
// "in 2019", "by march", "mid-2024", "early september".
constexpr std::string_view kDateWords[] = {
    "in",         "by",     "until", "till",  "from",  "during", "through",
    "throughout", "before", "after", "early", "late",  "mid",    "around",
    "circa",      "of",     "for",   "end",   "since",
};

enum class Kind { kYear, kMonth, kDay };

struct Deixis {
  std::string_view text;
  Kind kind;
  int delta;
};

constexpr Deixis kDeixis[] = {
    {"yesterday", Kind::kDay, -1},
    {"today", Kind::kDay, 0},
    {"tonight", Kind::kDay, 0},
    {"tomorrow", Kind::kDay, 1},
    {"earlier this month", Kind::kMonth, 0},
    {"later this month", Kind::kMonth, 0},
    {"this month", Kind::kMonth, 0},
    {"last month", Kind::kMonth, -1},
    {"next month", Kind::kMonth, 1},
    {"earlier this year", Kind::kYear, 0},
    {"later this year", Kind::kYear, 0},
    {"this year", Kind::kYear, 0},
    {"last year", Kind::kYear, -1},
    {"next year", Kind::kYear, 1},
};

// Whole ASCII word `w` at pos.
bool WordAt(std::string_view text, size_t pos, std::string_view w) {
  return HasAt(text, pos, w) && BoundaryAfter(text, pos + w.size());
}

// A month name at pos; sets *end (past a '.' after an abbreviation).
std::optional<MonthName> ReadMonthName(std::string_view text, size_t pos,
                                       size_t* end) {
  const MonthName* best = nullptr;
  for (const MonthName& m : kMonths) {
    if (WordAt(text, pos, m.text) &&
        (!best || m.text.size() > best->text.size())) {
      best = &m;
    }
  }
  if (!best) return std::nullopt;
  *end = pos + best->text.size();
  if (!best->full && *end < text.size() && text[*end] == '.') ++*end;
  return *best;
}

// A weekday name at pos (0 = Monday); sets *end.
std::optional<int> ReadWeekday(std::string_view text, size_t pos, size_t* end) {
  for (size_t i = 0; i < std::size(kWeekdays); ++i) {
    if (WordAt(text, pos, kWeekdays[i])) {
      *end = pos + kWeekdays[i].size();
      return static_cast<int>(i);
    }
  }
  return std::nullopt;
}

// True when a number ending at pos goes on as a number ("1,000", "5.5",
// "5%") or a word ("5g").
bool NumberContinues(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const char c = text[pos];
  if (IsAsciiAlnum(c) || c == '%') return true;
  return (c == '.' || c == ',' || c == ':') && DigitAt(text, pos + 1);
}

// "11", "11th": a day of month at pos.
std::optional<int> ReadDay(std::string_view text, size_t pos, size_t* end) {
  size_t e = 0;
  auto d = ReadDigits(text, pos, 1, 2, &e);
  if (!d || *d < 1 || *d > 31) return std::nullopt;
  for (std::string_view s : {"st", "nd", "rd", "th"}) {
    if (WordAt(text, e, s)) {
      e += s.size();
      break;
    }
  }
  if (NumberContinues(text, e)) return std::nullopt;
  *end = e;
  return d;
}

// True when the word after pos makes the number before it a quantity:
// "may 10 times larger", "march 5 million".
bool QuantityWordAfter(std::string_view text, size_t pos) {
  static constexpr std::string_view kWords[] = {
      "times",    "percent", "per",   "million", "billion", "trillion",
      "thousand", "year",    "years", "months",  "days",    "weeks",
      "hours",    "minutes", "units", "people",  "shares",  "points",
  };
  const size_t s = SkipSpaces(text, pos);
  if (s == pos) return false;
  for (std::string_view w : kWords) {
    if (WordAt(text, s, w)) return true;
  }
  return false;
}

// A year 1900..2100 at pos.
std::optional<int> ReadYear(std::string_view text, size_t pos, size_t* end) {
  size_t e = 0;
  auto y = ReadDigits(text, pos, 4, 4, &e);
  if (!y || !PlausibleYear(*y) || NumberContinues(text, e)) return std::nullopt;
  *end = e;
  return y;
}

// Optional "," and spaces, then a year; sets *end.
std::optional<int> ReadTrailingYear(std::string_view text, size_t pos,
                                    size_t* end) {
  size_t s = pos;
  if (s < text.size() && text[s] == ',') ++s;
  size_t y = SkipSpaces(text, s);
  if (y == pos) return std::nullopt;
  return ReadYear(text, y, end);
}

// The ASCII word just before pos, across spaces or one hyphen ("mid-").
std::string_view PreviousWord(std::string_view text, size_t pos) {
  size_t e = pos;
  if (e > 0 && text[e - 1] == '-') {
    --e;
  } else {
    while (e > 0 && text[e - 1] == ' ') --e;
    if (e == pos) return {};
  }
  size_t b = e;
  while (b > 0 && IsAsciiAlpha(text[b - 1])) --b;
  return text.substr(b, e - b);
}

template <size_t N>
bool In(std::string_view w, const std::string_view (&table)[N]) {
  for (std::string_view t : table) {
    if (w == t) return true;
  }
  return false;
}

// Month forms at pos: "march 11, 2025", "mar. 11", "march 2024",
// "september" (alone only with `alone` set, resolved by `mode`).
std::optional<Found> MonthAt(std::string_view text, size_t pos,
                             const DateContext& ctx, bool alone,
                             MonthMode mode) {
  size_t me = 0;
  auto m = ReadMonthName(text, pos, &me);
  if (!m) return std::nullopt;
  Found f;
  f.begin = pos;
  const size_t s = SkipSpaces(text, me);
  size_t de = 0;
  if (s > me) {
    if (auto d = ReadDay(text, s, &de)) {
      if (!Date{2000, m->month, *d}.Valid()) return std::nullopt;
      size_t e = de;
      size_t re = 0;
      if (e < text.size() && text[e] == '-' && ReadDay(text, e + 1, &re)) {
        e = re;  // "march 11-12": the first day
      }
      size_t ye = 0;
      if (auto y = ReadTrailingYear(text, e, &ye)) {
        Date date{*y, m->month, *d};
        if (!date.Valid()) return std::nullopt;
        f.date = date;
        f.end = ye;
        f.names_year = true;
        return f;
      }
      if (QuantityWordAfter(text, e)) return std::nullopt;
      f.date = WithMonthDay(DocNamedMonth(ctx, m->month, MonthMode::kDocYear),
                            m->month, *d);
      if (f.date && !f.date->Valid()) f.date.reset();
      f.end = e;
      f.relative = true;
      return f;
    }
  }
  size_t ye = 0;
  if (auto y = ReadTrailingYear(text, me, &ye)) {
    f.date = Date{*y, m->month, 0};
    f.end = ye;
    f.names_year = true;
    return f;
  }
  if (!alone || !m->full) return std::nullopt;
  f.date = DocNamedMonth(ctx, m->month, mode);
  f.end = me;
  f.relative = true;
  f.names_year = mode != MonthMode::kDocYear;
  return f;
}

// "fiscal 2025", "fiscal year 2025", "fy2025", "fy 2025", "fy25".
std::optional<Found> FiscalAt(std::string_view text, size_t pos) {
  size_t p = 0;
  bool short_ok = false;
  if (HasAt(text, pos, "fiscal year ")) {
    p = pos + 12;
  } else if (HasAt(text, pos, "fiscal ")) {
    p = pos + 7;
  } else if (HasAt(text, pos, "fy")) {
    p = pos + 2;
    if (p < text.size() && (text[p] == ' ' || text[p] == '-')) ++p;
    short_ok = true;
  } else {
    return std::nullopt;
  }
  size_t e = 0;
  std::optional<int> year = ReadYear(text, p, &e);
  if (!year && short_ok) {
    auto yy = ReadDigits(text, p, 2, 2, &e);
    if (yy && !NumberContinues(text, e)) year = 2000 + *yy;
  }
  if (!year) return std::nullopt;
  Found f;
  f.begin = pos;
  f.end = e;
  f.date = Date{*year, 0, 0};
  f.names_year = true;
  return f;
}

std::optional<Found> DeixisAt(std::string_view text, size_t pos,
                              const DateContext& ctx) {
  for (const Deixis& d : kDeixis) {
    if (!WordAt(text, pos, d.text)) continue;
    Found f;
    f.begin = pos;
    f.end = pos + d.text.size();
    f.relative = true;
    switch (d.kind) {
      case Kind::kYear:
        f.date = DocYear(ctx, d.delta);
        f.names_year = true;
        break;
      case Kind::kMonth:
        f.date = DocMonth(ctx, d.delta);
        break;
      case Kind::kDay:
        f.date = DocDay(ctx, d.delta);
        break;
    }
    return f;
  }
  return std::nullopt;
}

// "last wednesday", "next september", "since 2019", "since march 2024".
std::optional<Found> ModifiedAt(std::string_view text, size_t pos,
                                const DateContext& ctx) {
  struct Modifier {
    std::string_view word;
    WeekMode week;
    MonthMode month;
  };
  constexpr Modifier kModifiers[] = {
      {"last", WeekMode::kBefore, MonthMode::kBefore},
      {"this", WeekMode::kThisWeek, MonthMode::kDocYear},
      {"next", WeekMode::kAfter, MonthMode::kAfter},
      {"since", WeekMode::kOnOrBefore, MonthMode::kOnOrBefore},
  };
  for (const Modifier& m : kModifiers) {
    if (!WordAt(text, pos, m.word)) continue;
    const size_t q = SkipSpaces(text, pos + m.word.size());
    if (q == pos + m.word.size()) return std::nullopt;
    const bool since = m.word == "since";
    std::optional<Found> f;
    size_t e = 0;
    if (auto wd = ReadWeekday(text, q, &e)) {
      f = Found{};
      f->end = e;
      f->date = DocWeekday(ctx, *wd, m.week);
      f->relative = true;
    } else if (since && ReadYear(text, q, &e)) {
      f = Found{};
      f->end = e;
      f->date = Date{*ReadYear(text, q, &e), 0, 0};
      f->names_year = true;
    } else {
      f = MonthAt(text, q, ctx, /*alone=*/true, m.month);
      if (f && !since && !f->relative) return std::nullopt;  // "last march 5"
    }
    if (!f) return std::nullopt;
    f->begin = pos;
    f->since = since;
    return f;
  }
  return std::nullopt;
}

// "11 march 2025", "11 march".
std::optional<Found> DayFirstAt(std::string_view text, size_t pos,
                                const DateContext& ctx) {
  size_t de = 0;
  auto d = ReadDay(text, pos, &de);
  if (!d) return std::nullopt;
  const size_t s = SkipSpaces(text, de);
  size_t me = 0;
  if (s == de) return std::nullopt;
  auto m = ReadMonthName(text, s, &me);
  if (!m || !Date{2000, m->month, *d}.Valid()) return std::nullopt;
  Found f;
  f.begin = pos;
  size_t ye = 0;
  if (auto y = ReadTrailingYear(text, me, &ye)) {
    Date date{*y, m->month, *d};
    if (!date.Valid()) return std::nullopt;
    f.date = date;
    f.end = ye;
    f.names_year = true;
    return f;
  }
  if (!m->full || m->text == "may") return std::nullopt;  // "5 may rise"
  f.date = WithMonthDay(DocNamedMonth(ctx, m->month, MonthMode::kDocYear),
                        m->month, *d);
  if (f.date && !f.date->Valid()) f.date.reset();
  f.end = me;
  f.relative = true;
  return f;
}

// The words an English date form may start with (MayStartEnglishDate),
// sorted.
constexpr std::string_view kFirstWords[] = {
    "apr",      "april",   "aug",      "august",   "dec",      "december",
    "earlier",  "feb",     "february", "fiscal",   "friday",   "fy",
    "jan",      "january", "jul",      "july",     "jun",      "june",
    "last",     "later",   "mar",      "march",    "may",      "monday",
    "next",     "nov",     "november", "oct",      "october",  "saturday",
    "sep",      "sept",    "september", "since",   "sunday",   "this",
    "thursday", "today",   "tomorrow", "tonight",  "tuesday",  "wednesday",
    "yesterday",
};
static_assert(std::is_sorted(std::begin(kFirstWords), std::end(kFirstWords)));

}  // namespace

const WordSet& EnglishDateFirstWords() {
  static const WordSet kSet = [] {
    WordSet set;
    for (std::string_view w : kFirstWords) set.Add(w);
    return set;
  }();
  return kSet;
}

bool MayStartEnglishDate(std::string_view word) {
  return EnglishDateFirstWords().Contains(word);
}

bool MayStartEnglishDateReference(std::string_view word) {
  if (word.size() < 2 || word.size() > 9) return false;
  return std::binary_search(std::begin(kFirstWords), std::end(kFirstWords),
                            word);
}

std::optional<Found> MatchEnglish(std::string_view text, size_t pos,
                                  const DateContext& ctx) {
  if (pos >= text.size() || !BoundaryBefore(text, pos)) return std::nullopt;
  if (DigitAt(text, pos)) {
    if (!ValidNumberStart(text, pos)) return std::nullopt;
    if (auto f = DayFirstAt(text, pos, ctx)) return f;
    size_t e = 0;
    auto y = ReadYear(text, pos, &e);
    if (!y || !In(PreviousWord(text, pos), kDateWords)) return std::nullopt;
    if (e < text.size() && static_cast<unsigned char>(text[e]) >= 0x80) {
      return std::nullopt;  // "in 2019亿": a Chinese unit follows
    }
    Found f;
    f.begin = pos;
    f.end = e;
    f.date = Date{*y, 0, 0};
    f.names_year = true;
    return f;
  }
  if (!AlphaAt(text, pos)) return std::nullopt;
  size_t word_end = pos;
  while (word_end < text.size() && IsAsciiAlpha(text[word_end])) ++word_end;
  if (!MayStartEnglishDate(text.substr(pos, word_end - pos))) {
    return std::nullopt;
  }
  if (auto f = FiscalAt(text, pos)) return f;
  if (auto f = DeixisAt(text, pos, ctx)) return f;
  if (auto f = ModifiedAt(text, pos, ctx)) return f;
  size_t e = 0;
  if (auto wd = ReadWeekday(text, pos, &e)) {
    Found f;
    f.begin = pos;
    f.end = e;
    f.relative = true;
    f.date = DocWeekday(ctx, *wd, WeekMode::kOnOrBefore);
    return f;
  }
  const bool alone = In(PreviousWord(text, pos), kDateWords);
  return MonthAt(text, pos, ctx, alone, MonthMode::kDocYear);
}

}  // namespace newsgraph::extract::attrs::date_rules

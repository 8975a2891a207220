#include "text/document_date.h"

#include <cstddef>

#include "text/char_class.h"
#include "text/utf8.h"

namespace newsgraph::text {

namespace {

constexpr size_t kMaxHeaderLines = 15;
constexpr size_t kMaxHeaderBytes = 3000;
constexpr size_t kMaxDateLineCodePoints = 80;
constexpr size_t kMaxDateLineOtherLetters = 30;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// English month names and abbreviations, lower case, with their numbers.
struct MonthName {
  std::string_view name;
  int month;
};
constexpr MonthName kMonthNames[] = {
    {"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
    {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"sept", 9},      {"jan", 1},      {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},      {"jul", 7},       {"aug", 8},
    {"sep", 9},       {"oct", 10},     {"nov", 11},      {"dec", 12},
};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A cursor over one line.
class Scanner {
 public:
  Scanner(std::string_view s, size_t pos) : s_(s), pos_(pos) {}
  size_t pos() const { return pos_; }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[pos_]; }

  // Reads min..max ASCII digits not followed by another digit.
  bool Number(size_t min, size_t max, int* value) {
    size_t n = 0;
    int v = 0;
    while (!AtEnd() && IsAsciiDigit(s_[pos_]) && n <= max) {
      v = v * 10 + (s_[pos_] - '0');
      ++pos_;
      ++n;
    }
    if (n < min || n > max) return false;
    *value = v;
    return true;
  }
  bool Literal(std::string_view lit) {
    if (s_.substr(pos_, lit.size()) != lit) return false;
    pos_ += lit.size();
    return true;
  }
  bool Char(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  // Skips ASCII spaces, tabs, NBSP and U+3000; returns how many were seen.
  size_t Spaces() {
    size_t n = 0;
    while (true) {
      if (Char(' ') || Char('\t') || Literal("\xC2\xA0") ||
          Literal("\xE3\x80\x80")) {
        ++n;
      } else {
        return n;
      }
    }
  }
  // A month name as a whole word, optionally followed by a period.
  bool Month(int* month) {
    size_t n = 0;
    while (pos_ + n < s_.size() && IsAsciiAlpha(s_[pos_ + n])) ++n;
    if (n < 3) return false;
    std::string word(s_.substr(pos_, n));
    for (char& c : word) c = static_cast<char>(c | 0x20);
    for (const MonthName& m : kMonthNames) {
      if (word == m.name) {
        pos_ += n;
        Char('.');
        *month = m.month;
        return true;
      }
    }
    return false;
  }
  // An optional English ordinal suffix: st, nd, rd, th.
  void Ordinal() {
    static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd", "th"};
    for (std::string_view suffix : kSuffixes) {
      if (s_.substr(pos_, 2) == suffix &&
          (pos_ + 2 >= s_.size() || !IsAsciiAlpha(s_[pos_ + 2]))) {
        pos_ += 2;
        return;
      }
    }
  }

 private:
  std::string_view s_;
  size_t pos_;
};

std::optional<DateMatch> Make(int year, int month, int day, size_t begin,
                              size_t end) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  base::Date date{year, month, day};
  if (month == 0 || day == 0 || !date.Valid()) return std::nullopt;
  return DateMatch{date, {begin, end}};
}

// 2025年3月20日, 2025-03-20, 2025/3/20, 2025.03.20 at `begin`.
std::optional<DateMatch> NumericDate(std::string_view line, size_t begin) {
  Scanner sc(line, begin);
  int year = 0, month = 0, day = 0;
  if (!sc.Number(4, 4, &year)) return std::nullopt;
  sc.Spaces();
  if (sc.Literal("年")) {
    sc.Spaces();
    if (!sc.Number(1, 2, &month)) return std::nullopt;
    sc.Spaces();
    if (!sc.Literal("月")) return std::nullopt;
    sc.Spaces();
    if (!sc.Number(1, 2, &day)) return std::nullopt;
    sc.Spaces();
    if (!sc.Literal("日") && !sc.Literal("号")) return std::nullopt;
    return Make(year, month, day, begin, sc.pos());
  }
  Scanner strict(line, begin + 4);  // no spaces around - / .
  const char sep = strict.Peek();
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  strict.Char(sep);
  if (!strict.Number(1, 2, &month) || !strict.Char(sep) ||
      !strict.Number(1, 2, &day)) {
    return std::nullopt;
  }
  // "2025.03.20.1" or "2025-03-20-7" look like version strings or codes.
  if (strict.Peek() == sep && strict.pos() + 1 < line.size() &&
      IsAsciiDigit(line[strict.pos() + 1])) {
    return std::nullopt;
  }
  return Make(year, month, day, begin, strict.pos());
}

// March 20, 2025 / Mar. 20 2025 / March 20th, 2025 at `begin`.
std::optional<DateMatch> MonthFirstDate(std::string_view line, size_t begin) {
  Scanner sc(line, begin);
  int year = 0, month = 0, day = 0;
  if (!sc.Month(&month)) return std::nullopt;
  const size_t after_month = sc.pos();
  if (sc.Spaces() == 0 && line[after_month - 1] != '.') return std::nullopt;
  if (!sc.Number(1, 2, &day)) return std::nullopt;
  sc.Ordinal();
  const bool comma = sc.Char(',');
  if (sc.Spaces() == 0 && !comma) return std::nullopt;
  if (!sc.Number(4, 4, &year)) return std::nullopt;
  return Make(year, month, day, begin, sc.pos());
}

// 20 March 2025 / 20 Mar. 2025 / 20th March, 2025 at `begin`.
std::optional<DateMatch> DayFirstDate(std::string_view line, size_t begin) {
  Scanner sc(line, begin);
  int year = 0, month = 0, day = 0;
  if (!sc.Number(1, 2, &day)) return std::nullopt;
  sc.Ordinal();
  if (sc.Spaces() == 0) return std::nullopt;
  if (!sc.Month(&month)) return std::nullopt;
  const bool comma = sc.Char(',');
  if (sc.Spaces() == 0 && !comma) return std::nullopt;
  if (!sc.Number(4, 4, &year)) return std::nullopt;
  return Make(year, month, day, begin, sc.pos());
}

bool IsSentenceFinal(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == '!' || c == '?';
}

}  // namespace

std::optional<DateMatch> FindDateInLine(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char prev = i > 0 ? line[i - 1] : ' ';
    std::optional<DateMatch> m;
    if (IsAsciiDigit(c) && !IsAsciiDigit(prev)) {
      m = NumericDate(line, i);
      if (!m) m = DayFirstDate(line, i);
    } else if (IsAsciiAlpha(c) && !IsAsciiAlpha(prev)) {
      m = MonthFirstDate(line, i);
    }
    if (m) return m;
  }
  return std::nullopt;
}

std::optional<base::Date> ParseDateLine(std::string_view line) {
  line = TrimWhiteSpace(line);
  if (line.empty() || CountCodePoints(line) > kMaxDateLineCodePoints) {
    return std::nullopt;
  }
  const std::optional<DateMatch> m = FindDateInLine(line);
  if (!m) return std::nullopt;
  size_t other_letters = 0;
  for (size_t pos = 0; pos < line.size();) {
    const Decoded d = DecodeUtf8(line, pos);
    if (pos < m->span.begin || pos >= m->span.end) {
      if (IsSentenceFinal(d.code_point)) return std::nullopt;
      if (IsLetter(d.code_point)) ++other_letters;
    }
    pos += d.length;
  }
  if (other_letters > kMaxDateLineOtherLetters) return std::nullopt;
  return m->date;
}

std::optional<base::Date> FindDocumentDate(std::string_view text) {
  size_t non_empty = 0;
  for (size_t start = 0; start < text.size() && start < kMaxHeaderBytes;) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (TrimWhiteSpace(line).empty()) continue;
    if (++non_empty > kMaxHeaderLines) break;
    if (auto date = ParseDateLine(line)) return date;
  }
  return std::nullopt;
}

}  // namespace newsgraph::text

#include "text/chrome_filter.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "text/char_class.h"
#include "text/chrome_vocabulary.h"
#include "text/document_date.h"
#include "text/utf8.h"

namespace newsgraph::text {

namespace {

// Link and call-to-action lines end with one of these.
constexpr std::string_view kLinkEndings[] = {">>", "》》", "\xC2\xBB",
                                             "→",  "›",    ">"};
// Breadcrumb separators ("首页 > 正文", "Home › Tech").
constexpr std::string_view kArrows[] = {">", "›", "\xC2\xBB", "＞", "→"};
// Menu separators ("关于我们|联系我们|…", "News / World / Asia").
constexpr std::string_view kMenuSeparators[] = {"|", "｜", "/"};
// List separators ("甲基金、乙基金、…", "Alpha, Beta, Gamma, …").
constexpr std::string_view kListSeparators[] = {",",  "，", "、", ";",
                                                "；", "|",  "｜", "/"};

// Short English words that headlines contain and tag clouds lack.
constexpr std::string_view kFunctionWords[] = {
    "a",    "an",   "the",   "and",  "or",   "but",  "to",   "of",
    "in",   "on",   "for",   "with", "as",   "at",   "by",   "from",
    "into", "over", "after", "is",   "are",  "was",  "be",   "its",
    "not",  "new",  "how",   "why",  "what", "amid", "says", "than",
};

constexpr size_t kMinProseLetters = 12;
constexpr size_t kMinUnterminatedProse = 30;
constexpr size_t kLongUnpunctuated = 40;  // with no space: an index run
constexpr size_t kTooLongUnpunctuated = 80;
constexpr size_t kMinRepeatedBigram = 3;
constexpr size_t kMinTagCloudTokens = 6;
constexpr size_t kMaxCrumbItem = 15;
constexpr size_t kMaxMenuItem = 12;
constexpr size_t kMinListItems = 5;
constexpr size_t kMaxListItemAverage = 10;
constexpr size_t kMaxBylineCodePoints = 60;
constexpr size_t kTitleSearchLines = 10;
constexpr size_t kMinTitleCodePoints = 6;
constexpr size_t kMaxTitleCodePoints = 80;
constexpr size_t kMinTitleLetters = 4;

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

// What a line is made of; computed once per line.
struct LineInfo {
  std::string_view line;  // trimmed
  std::string lower;      // `line` with ASCII letters lower-cased
  std::string_view head;  // `lower` after leading brackets and bullets
  size_t code_points = 0;
  size_t letters = 0;
  size_t letters_outside_date = 0;
  size_t digits = 0;
  size_t punctuation = 0;  // sentence punctuation outside a date
  bool has_final = false;  // a sentence-final mark outside a date
  bool has_date = false;
};

// Leading characters skipped before matching line-start vocabulary.
bool IsLeadingDecoration(char32_t c) {
  switch (c) {
    case '(':
    case '[':
    case '<':
    case '-':
    case '*':
    case '>':
    case '#':
    case '|':
    case U'（':
    case U'【':
    case U'〔':
    case U'「':
    case U'『':
    case U'《':
    case U'•':
    case U'·':
    case U'●':
    case U'■':
    case U'□':
    case U'◆':
    case U'▶':
    case U'►':
    case U'▪':
    case U'—':
      return true;
    default:
      return IsWhiteSpace(c);
  }
}

// Classifies the code point `c`, followed by the byte `next` (0 at the end),
// as sentence punctuation: 0 none, 1 non-final, 2 final.
int PunctuationKind(char32_t c, char next) {
  switch (c) {
    case U'。':
    case U'！':
    case U'？':
    case U'…':
      return 2;
    case U'；':
    case U'，':
      return 1;
    case '.':
    case '!':
    case '?':
      return IsAsciiAlnum(next) ? 0 : 2;
    case ';':
    case ',':
      return IsAsciiAlnum(next) ? 0 : 1;
    default:
      return 0;
  }
}

LineInfo Analyze(std::string_view line) {
  LineInfo info;
  info.line = line;
  info.lower.assign(line);
  for (char& c : info.lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  size_t head = 0;
  while (head < info.lower.size()) {
    const Decoded d = DecodeUtf8(info.lower, head);
    if (!IsLeadingDecoration(d.code_point)) break;
    head += d.length;
  }
  info.head = std::string_view(info.lower).substr(head);

  const std::optional<DateMatch> date = FindDateInLine(line);
  info.has_date = date.has_value();
  for (size_t pos = 0; pos < line.size();) {
    const Decoded d = DecodeUtf8(line, pos);
    const bool in_date =
        date && pos >= date->span.begin && pos < date->span.end;
    ++info.code_points;
    if (IsLetter(d.code_point)) {
      ++info.letters;
      if (!in_date) ++info.letters_outside_date;
    } else if (IsDigit(d.code_point)) {
      ++info.digits;
    } else if (!in_date) {
      const size_t after = pos + d.length;
      const int kind =
          PunctuationKind(d.code_point, after < line.size() ? line[after] : 0);
      if (kind > 0) ++info.punctuation;
      if (kind == 2) info.has_final = true;
    }
    pos += d.length;
  }
  return info;
}

// Splits `s` at any of `separators`; returns the items' code point counts
// (white space excluded), including empty items.
std::vector<size_t> ItemSizes(std::string_view s,
                              const std::string_view* separators,
                              size_t separator_count) {
  std::vector<size_t> sizes;
  size_t start = 0;
  for (size_t pos = 0; pos <= s.size();) {
    size_t sep_length = 0;
    for (size_t k = 0; k < separator_count && pos < s.size(); ++k) {
      if (s.substr(pos, separators[k].size()) == separators[k]) {
        sep_length = separators[k].size();
        break;
      }
    }
    if (pos == s.size() || sep_length > 0) {
      sizes.push_back(
          CountCodePoints(TrimWhiteSpace(s.substr(start, pos - start))));
      if (pos == s.size()) break;
      pos += sep_length;
      start = pos;
    } else {
      pos += DecodeUtf8(s, pos).length;
    }
  }
  return sizes;
}

template <size_t N>
std::vector<size_t> ItemSizes(std::string_view s,
                              const std::string_view (&separators)[N]) {
  return ItemSizes(s, separators, N);
}

bool IsBreadcrumbOrMenu(const LineInfo& info) {
  if (info.punctuation > 0) return false;
  const std::vector<size_t> crumbs = ItemSizes(info.line, kArrows);
  if (crumbs.size() >= 2) {
    bool all_short = true;
    for (size_t n : crumbs) all_short = all_short && n <= kMaxCrumbItem;
    if (all_short) return true;
  }
  const std::vector<size_t> items = ItemSizes(info.line, kMenuSeparators);
  if (items.size() >= 3) {
    bool all_short = true;
    for (size_t n : items) all_short = all_short && n <= kMaxMenuItem;
    if (all_short) return true;
  }
  return false;
}

// A token that reads as a code or a number: "MSFT_0", "600519.SH", "H100",
// "AAPL.O", "+1.25%", "39,000".
bool IsCodeToken(std::string_view t) {
  while (!t.empty() && (t.front() == '(' || t.front() == '[')) {
    t.remove_prefix(1);
  }
  while (!t.empty() &&
         (t.back() == ',' || t.back() == ';' || t.back() == ':' ||
          t.back() == ')' || t.back() == ']' || t.back() == '.')) {
    t.remove_suffix(1);
  }
  if (t.empty() || !IsAscii(t)) return false;
  bool digit = false, upper = false, lower = false, numeric = true;
  bool underscore = false;
  size_t dots = 0;
  for (char c : t) {
    digit |= c >= '0' && c <= '9';
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
    underscore |= c == '_';
    dots += c == '.';
    if (!((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '+' ||
          c == '-' || c == '%')) {
      numeric = false;
    }
  }
  if (underscore) return true;
  if (numeric && digit) return true;
  if (digit && upper && !lower) return true;
  return upper && !lower && !digit && dots == 1 && t.back() != '.';
}

bool IsTickerLine(const std::vector<std::string_view>& tokens) {
  size_t codes = 0;
  for (std::string_view t : tokens) codes += IsCodeToken(t);
  return codes > 0 && 2 * codes >= tokens.size();
}

bool IsListLine(const LineInfo& info) {
  if (info.has_final) return false;
  const std::vector<size_t> items = ItemSizes(info.line, kListSeparators);
  return items.size() >= kMinListItems &&
         info.code_points / items.size() <= kMaxListItemAverage;
}

// Splits `s` at white space.
std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t start = 0;
  for (size_t pos = 0; pos <= s.size();) {
    bool space = pos == s.size();
    size_t length = 1;
    if (!space) {
      const Decoded d = DecodeUtf8(s, pos);
      space = IsWhiteSpace(d.code_point);
      length = d.length;
    }
    if (space) {
      if (pos > start) tokens.push_back(s.substr(start, pos - start));
      start = pos + length;
    }
    pos += length;
  }
  return tokens;
}

// True when some pair of adjacent letters occurs kMinRepeatedBigram times or
// more, as "基金" does in "甲基金乙基金丙基金".
bool HasRepeatedBigram(std::string_view s) {
  std::vector<std::pair<char32_t, char32_t>> pairs;
  char32_t prev = 0;
  for (size_t pos = 0; pos < s.size();) {
    const Decoded d = DecodeUtf8(s, pos);
    pos += d.length;
    // Latin words repeat letter pairs naturally; count CJK pairs only.
    const char32_t c = IsCjk(d.code_point) ? d.code_point : 0;
    if (prev != 0 && c != 0) pairs.emplace_back(prev, c);
    prev = c;
  }
  std::sort(pairs.begin(), pairs.end());
  size_t run = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    run = (i > 0 && pairs[i] == pairs[i - 1]) ? run + 1 : 1;
    if (run >= kMinRepeatedBigram) return true;
  }
  return false;
}

// A run of Latin keywords without any function word.
bool IsTagCloud(const std::vector<std::string_view>& tokens,
                std::string_view lower_line) {
  if (tokens.size() < kMinTagCloudTokens) return false;
  for (std::string_view word : kFunctionWords) {
    if (ContainsWord(lower_line, word)) return false;
  }
  return true;
}

// Lines without sentence punctuation that are indexes, lists or tag clouds
// rather than headings: very long ones, long ones without any space, ones
// repeating a CJK letter pair ("…基金…基金…基金"), and keyword runs.
bool IsUnpunctuatedIndex(const LineInfo& info) {
  if (info.punctuation > 0) return false;
  if (info.code_points > kTooLongUnpunctuated) return true;
  if (HasRepeatedBigram(info.line)) return true;
  if (info.code_points < kLongUnpunctuated) return false;
  const std::vector<std::string_view> tokens = Tokens(info.line);
  return tokens.size() == 1 || IsTagCloud(tokens, info.lower);
}

bool EndsWithLink(const LineInfo& info) {
  for (std::string_view ending : kLinkEndings) {
    if (info.line.size() >= ending.size() &&
        info.line.substr(info.line.size() - ending.size()) == ending) {
      return true;
    }
  }
  return false;
}

bool IsByline(const LineInfo& info) {
  return info.head.substr(0, 3) == "by " && !info.has_final &&
         info.code_points <= kMaxBylineCodePoints;
}

LineClass Classify(const LineInfo& info) {
  if (info.line.empty()) return LineClass::kBlank;
  const VocabularyMatch vocabulary =
      MatchVocabulary(info.lower, info.head, info.code_points);
  if (vocabulary == VocabularyMatch::kFooter) return LineClass::kFooter;
  if (vocabulary == VocabularyMatch::kChrome || info.code_points == 1 ||
      EndsWithLink(info) || IsBreadcrumbOrMenu(info) || IsByline(info) ||
      IsTickerLine(Tokens(info.line)) ||
      (info.has_date && info.letters_outside_date < kMinProseLetters &&
       ParseDateLine(info.line)) ||
      IsListLine(info) || IsUnpunctuatedIndex(info)) {
    return LineClass::kChrome;
  }
  if (info.punctuation > 0 && info.letters >= kMinProseLetters &&
      info.letters >= info.digits &&
      (info.has_final || info.code_points >= kMinUnterminatedProse)) {
    return LineClass::kProse;
  }
  return LineClass::kOther;
}

bool IsTitle(const LineInfo& info, LineClass c) {
  return (c == LineClass::kOther || c == LineClass::kProse) &&
         !info.has_final && info.code_points >= kMinTitleCodePoints &&
         info.code_points <= kMaxTitleCodePoints &&
         info.letters >= kMinTitleLetters && info.letters > info.digits &&
         !(info.has_date && ParseDateLine(info.line));
}

}  // namespace

LineClass ClassifyLine(std::string_view line) {
  return Classify(Analyze(TrimWhiteSpace(line)));
}

ContentLayout FindContent(std::string_view text) {
  ContentLayout layout;
  size_t non_blank = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const Span line = TrimSpan(text, {start, end});
    start = end + 1;
    if (line.empty()) continue;
    ++non_blank;
    const LineInfo info = Analyze(line.In(text));
    const LineClass c = Classify(info);
    const bool seen_content = !layout.blocks.empty();
    if (c == LineClass::kFooter && seen_content) break;
    if (!layout.title && !seen_content && non_blank <= kTitleSearchLines &&
        IsTitle(info, c)) {
      layout.title = line;
      continue;
    }
    if (c == LineClass::kProse) layout.blocks.push_back(line);
  }
  return layout;
}

}  // namespace newsgraph::text

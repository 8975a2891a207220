#include "extract/attrs/date_finder.h"

#include "extract/attrs/cn_number.h"
#include "extract/attrs/date_rules.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs {

namespace {

// Tries the date matchers at pos. On a match appends the mention to *out,
// updates ctx and returns its end; returns 0 otherwise.
size_t MatchAt(std::string_view text, size_t pos, DateContext& ctx,
               std::vector<DateMention>* out) {
  const char ch = text[pos];
  std::optional<date_rules::Found> f;
  if (IsAsciiDigit(ch)) {
    f = date_rules::MatchChinese(text, pos, ctx);
    if (!f) f = date_rules::MatchEnglish(text, pos, ctx);
  } else if (IsAsciiAlpha(ch)) {
    f = date_rules::MatchEnglish(text, pos, ctx);
  } else {
    f = date_rules::MatchChinese(text, pos, ctx);
  }
  if (!f || f->end <= pos || f->begin != pos) return 0;
  if (f->date &&
      (!date_rules::PlausibleYear(f->date->year) || !f->date->Valid())) {
    f->date.reset();
  }
  if (f->names_year && f->date) ctx.last_year = f->date->year;
  DateMention m;
  m.begin = f->begin;
  m.end = f->end;
  m.date = f->date;
  m.relative = f->relative;
  m.since = f->since;
  m.surface = std::string(text.substr(f->begin, f->end - f->begin));
  out->push_back(std::move(m));
  return f->end;
}

// Position after the run of ASCII letters and digits starting at pos.
size_t AlnumRunEnd(std::string_view text, size_t pos) {
  while (pos < text.size() && IsAsciiAlnum(text[pos])) ++pos;
  return pos;
}

// Tries the date forms at pos (MatchAt); returns where the scan goes on:
// after the date, else after the ASCII word or number, else the character.
size_t TryAt(std::string_view text, size_t pos, DateContext& ctx,
             std::vector<DateMention>* out) {
  if (const size_t end = MatchAt(text, pos, ctx, out)) return end;
  return IsAsciiAlnum(text[pos]) ? AlnumRunEnd(text, pos)
                                 : pos + CodePointLength(text, pos);
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, DateContext* ctx) {
  DateContext none;
  DateContext& c = ctx ? *ctx : none;
  const WordSet& first_words = date_rules::EnglishDateFirstWords();
  const BmpSet& chinese_starts = date_rules::ChineseDateStarts();
  std::vector<DateMention> out;
  const size_t n = text.size();
  size_t pos = 0;
  while (pos < n) {
    // Pass over what starts no date form: ASCII other than letters and
    // digits (spaces, punctuation, the '_' of masked names), words that are
    // not a date form's first word, characters no Chinese form starts with
    // and runs of Chinese numerals not followed by 年 / 月. What is left is
    // tried as FindDatesReference tries it.
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      if (IsAsciiAlpha(static_cast<char>(b))) {
        size_t word_end = 0;
        if (!WordAtIn(text, pos, first_words, &word_end)) {
          pos = AlnumRunEnd(text, word_end);
          continue;
        }
      } else if (!IsAsciiDigit(static_cast<char>(b))) {
        pos = SkipAsciiOther(text, pos + 1);
        continue;
      }
    } else {
      size_t len = 0;
      const char32_t cp = DecodeAtInline(text, pos, &len);
      if (!chinese_starts.Contains(cp)) {
        pos += len;
        continue;
      }
      if (IsChineseNumeral(cp)) {
        // No position in a numeral run starts a date unless 年, 月 or a
        // fiscal-year word follows the run.
        const size_t run_end = pos + ChineseNumeralLength(text.substr(pos));
        if (!date_rules::NumeralDateTailAt(text, run_end)) {
          pos = run_end;
          continue;
        }
      }
    }
    pos = TryAt(text, pos, c, &out);
  }
  return out;
}

std::vector<DateMention> FindDatesReference(std::string_view text,
                                            DateContext* ctx) {
  DateContext none;
  DateContext& c = ctx ? *ctx : none;
  std::vector<DateMention> out;
  size_t pos = 0;
  while (pos < text.size()) pos = TryAt(text, pos, c, &out);
  return out;
}

}  // namespace newsgraph::extract::attrs

#include "extract/attrs/date_finder.h"

#include "extract/attrs/date_rules.h"
#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs {

std::vector<DateMention> FindDates(std::string_view text, DateContext* ctx) {
  DateContext none;
  DateContext& c = ctx ? *ctx : none;
  std::vector<DateMention> out;
  size_t pos = 0;
  while (pos < text.size()) {
    const char ch = text[pos];
    std::optional<date_rules::Found> f;
    if (IsAsciiDigit(ch)) {
      f = date_rules::MatchChinese(text, pos, c);
      if (!f) f = date_rules::MatchEnglish(text, pos, c);
    } else if (IsAsciiAlpha(ch)) {
      f = date_rules::MatchEnglish(text, pos, c);
    } else {
      f = date_rules::MatchChinese(text, pos, c);
    }
    if (f && f->end > pos && f->begin == pos) {
      if (f->date &&
          (!date_rules::PlausibleYear(f->date->year) || !f->date->Valid())) {
        f->date.reset();
      }
      if (f->names_year && f->date) c.last_year = f->date->year;
      DateMention m;
      m.begin = f->begin;
      m.end = f->end;
      m.date = f->date;
      m.relative = f->relative;
      m.since = f->since;
      m.surface = std::string(text.substr(f->begin, f->end - f->begin));
      out.push_back(std::move(m));
      pos = f->end;
      continue;
    }
    if (IsAsciiAlnum(ch)) {
      while (pos < text.size() && IsAsciiAlnum(text[pos])) ++pos;
    } else {
      pos += CodePointLength(text, pos);
    }
  }
  return out;
}

}  // namespace newsgraph::extract::attrs

// Fuzzes the date parsers: base::Date::ParseIso and the sentence date
// finder with a document date. The first bytes choose the document date
// (none, a year, a month or a day) and the rest is the sentence.
// Invariants: ParseIso accepts only what ToIso writes back unchanged;
// mentions are ordered, non-overlapping and inside the sentence; resolved
// dates are valid calendar dates in 1900..2100 that round-trip through
// ISO; the finder is deterministic for the same context and agrees with
// FindDatesReference (which tries every position).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "extract/attrs/date_finder.h"
#include "fuzz_common.h"

using namespace newsgraph;
using extract::attrs::DateContext;
using extract::attrs::DateMention;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (auto d = base::Date::ParseIso(in)) {
    FUZZ_CHECK(d->Valid(), std::string(in));
    FUZZ_CHECK(d->ToIso() == in, std::string(in));
  }
  if (size < 3) return 0;
  DateContext ctx;
  base::Date doc;
  doc.year = 1900 + data[0] % 201;
  doc.month = data[1] % 13;
  doc.day = doc.month ? data[2] % 32 : 0;
  switch (data[0] % 4) {
    case 0: break;  // no document date
    case 1: ctx.document_date = base::Date{doc.year, 0, 0}; break;
    case 2: ctx.document_date = base::Date{doc.year, doc.month, 0}; break;
    default: ctx.document_date = doc;
  }
  if (ctx.document_date && !ctx.document_date->Valid()) ctx.document_date = {};
  std::string_view sentence = in.substr(3);
  DateContext ctx2 = ctx;
  DateContext ctx3 = ctx;
  std::vector<DateMention> found = extract::attrs::FindDates(sentence, &ctx);
  size_t last = 0;
  for (const DateMention& m : found) {
    FUZZ_CHECK(m.begin >= last && m.begin < m.end && m.end <= sentence.size(),
               "date span");
    last = m.end;
    if (m.date) {
      FUZZ_CHECK(m.date->Valid(), m.surface);
      FUZZ_CHECK(m.date->year >= 1900 && m.date->year <= 2100, m.surface);
      auto back = base::Date::ParseIso(m.date->ToIso());
      FUZZ_CHECK(back && *back == *m.date, m.surface);
    }
  }
  if (ctx.last_year)
    FUZZ_CHECK(*ctx.last_year >= 1900 && *ctx.last_year <= 2100, "last year");
  std::vector<DateMention> again = extract::attrs::FindDates(sentence, &ctx2);
  FUZZ_CHECK(again.size() == found.size(), "deterministic");
  for (size_t i = 0; i < found.size(); ++i)
    FUZZ_CHECK(again[i].begin == found[i].begin &&
                   again[i].end == found[i].end &&
                   again[i].date == found[i].date,
               "deterministic");
  std::vector<DateMention> ref =
      extract::attrs::FindDatesReference(sentence, &ctx3);
  FUZZ_CHECK(ref.size() == found.size() && ctx3.last_year == ctx.last_year,
             "reference");
  for (size_t i = 0; i < found.size(); ++i)
    FUZZ_CHECK(ref[i].begin == found[i].begin && ref[i].end == found[i].end &&
                   ref[i].date == found[i].date &&
                   ref[i].relative == found[i].relative &&
                   ref[i].since == found[i].since,
               "reference");
  return 0;
}

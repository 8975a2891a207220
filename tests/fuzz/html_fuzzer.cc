// Fuzzes HTML page extraction (libxml2 in recovery mode, chrome removal,
// metadata). Invariants: the text is always well-formed UTF-8, its lines
// carry no leading or trailing white space, a date is a valid ISO date,
// errors name the page, and a second run gives the same result.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/date.h"
#include "fuzz_common.h"
#include "html/html_text.h"
#include "text/utf8.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view page(reinterpret_cast<const char*>(data), size);
  (void)html::LooksLikeHtml(page);
  auto r = html::HtmlToText(page, "page.html");
  if (!r.ok()) {
    FUZZ_CHECK(r.status().message().rfind("page.html", 0) == 0,
               r.status().message());
    return 0;
  }
  for (const std::string* s : {&r->text, &r->title, &r->date, &r->lang})
    FUZZ_CHECK(text::FindInvalidUtf8(*s) == std::string_view::npos,
               "output is UTF-8");
  if (!r->date.empty()) {
    auto d = base::Date::ParseIso(r->date);
    FUZZ_CHECK(d && d->ToIso() == r->date, r->date);
  }
  FUZZ_CHECK(r->text.empty() || r->text.back() == '\n', "ends with a newline");
  auto again = html::HtmlToText(page, "page.html");
  FUZZ_CHECK(again.ok() && again->text == r->text && again->title == r->title &&
                 again->date == r->date && again->lang == r->lang,
             "deterministic");
  return 0;
}

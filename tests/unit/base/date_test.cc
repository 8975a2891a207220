#include <catch2/catch.hpp>

#include "base/date.h"

using newsgraph::base::Date;

TEST_CASE("Date::ParseIso accepts the three precisions and rejects the rest") {
  struct Case {
    const char* text;
    bool ok;
    const char* iso;
  };
  const Case cases[] = {
      {"2025", true, "2025"},         {"2025-03", true, "2025-03"},
      {"2025-03-20", true, "2025-03-20"}, {"2024-02-29", true, "2024-02-29"},
      {"2025-02-29", false, ""},      {"2025-13", false, ""},
      {"2025-00", false, ""},         {"25-03-20", false, ""},
      {"2025/03/20", false, ""},      {"", false, ""},
      {"2025-03-20x", false, ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto d = Date::ParseIso(c.text);
    REQUIRE(d.has_value() == c.ok);
    if (c.ok) CHECK(d->ToIso() == c.iso);
  }
}

TEST_CASE("Date weekday and day arithmetic") {
  Date thursday{2025, 3, 20};
  CHECK(thursday.Weekday() == 3);  // Monday = 0
  CHECK(thursday.AddDays(-1).ToIso() == "2025-03-19");
  CHECK(Date{2025, 3, 1}.AddDays(-1).ToIso() == "2025-02-28");
  CHECK(Date{2024, 12, 31}.AddDays(1).ToIso() == "2025-01-01");
}

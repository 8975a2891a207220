#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

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

TEST_CASE("Date::ToIso spells every field as printf's %04d / %02d would") {
  // ToIso formats with fmt; printf, its spelling before, is the reference,
  // also for fields outside the widths (negative, past 9999, a month of
  // 100).
  auto reference = [](const Date& d) {
    char buf[64];
    if (d.month == 0) {
      std::snprintf(buf, sizeof buf, "%04d", d.year);
    } else if (d.day == 0) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    }
    return std::string(buf);
  };
  const int years[] = {0, 1, 7, 42, 999, 1000, 1999, 2025, 9999, 10000, -1,
                       -2025, 123456};
  const int fields[] = {0, 1, 9, 10, 12, 31, 99, 100, -1};
  for (int y : years)
    for (int m : fields)
      for (int d : fields) {
        const Date date{y, m, d};
        INFO(y << "-" << m << "-" << d);
        CHECK(date.ToIso() == reference(date));
      }
  CHECK(Date{2025, 3, 0}.ToIso() == "2025-03");
  CHECK(Date{987, 0, 0}.ToIso() == "0987");
}

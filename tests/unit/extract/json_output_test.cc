// ToJsonLine writes JSON by hand; these tests hold it to the nlohmann-based
// implementation it replaced (kept below as the reference), byte for byte:
// hand-written lines, every short string over the bytes where UTF-8 and
// JSON escaping change behaviour, and random relations.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "newsgraph/extractor.h"

using namespace newsgraph;

namespace {

// The implementation ToJsonLine had before it wrote JSON by hand.
nlohmann::ordered_json ReferenceEntity(const EntityRef& e) {
  nlohmann::ordered_json j;
  j["name"] = e.name;
  j["type"] = e.type;
  j["mention"] = e.mention;
  if (e.discovered) j["discovered"] = true;
  if (e.coreference) j["coreference"] = true;
  return j;
}

void ReferenceNumber(nlohmann::ordered_json& j, const char* key, double v) {
  if (std::fabs(v) < 9e15 && v == std::floor(v))
    j[key] = static_cast<long long>(v);
  else
    j[key] = v;
}

std::string ReferenceJsonLine(const Relation& r) {
  nlohmann::ordered_json j;
  j["doc"] = r.doc;
  j["subject"] = ReferenceEntity(r.subject);
  j["relation"] = r.relation;
  j["object"] = ReferenceEntity(r.object);
  nlohmann::ordered_json a = nlohmann::ordered_json::object();
  const Attributes& at = r.attrs;
  if (at.amount) {
    ReferenceNumber(a, "amount", *at.amount);
    if (!at.currency.empty()) a["currency"] = at.currency;
    a["amount_text"] = at.amount_text;
  }
  if (!at.date.empty()) a["date"] = at.date;
  if (!at.date_text.empty()) a["date_text"] = at.date_text;
  if (at.date_unresolved) a["date_unresolved"] = true;
  if (at.since) a["since"] = true;
  if (at.duration_years)
    ReferenceNumber(a, "duration_years", *at.duration_years);
  a["status"] = at.status;
  j["attrs"] = std::move(a);
  nlohmann::ordered_json ev;
  ev["sentence"] = r.evidence.sentence;
  ev["start"] = r.evidence.start;
  ev["end"] = r.evidence.end;
  j["evidence"] = std::move(ev);
  j["rule"] = r.rule;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `s` with bytes outside printable ASCII (and the backslash) as \xNN, for
// failure messages.
std::string Visible(const std::string& s) {
  std::ostringstream o;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      o << c;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      o << "\\x" << kHex[c >> 4] << kHex[c & 0xF];
    }
  }
  return o.str();
}

// Where `got` first differs from `want`, with some context.
std::string Difference(const std::string& got, const std::string& want) {
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  const size_t from = i < 40 ? 0 : i - 40;
  return "first difference at byte " + std::to_string(i) + "\n  got:  ..." +
         Visible(got.substr(from, 100)) + "\n  want: ..." +
         Visible(want.substr(from, 100));
}

// A relation holding `s` in its "doc" and nothing else, and the line
// expected for it given the JSON string `quoted`.
Relation DocOnly(const std::string& s) {
  Relation r;
  r.doc = s;
  return r;
}
std::string DocOnlyLine(const std::string& quoted) {
  return R"({"doc":)" + quoted +
         R"(,"subject":{"name":"","type":"","mention":""},"relation":"",)"
         R"("object":{"name":"","type":"","mention":""},)"
         R"("attrs":{"status":"asserted"},)"
         R"("evidence":{"sentence":"","start":0,"end":0},"rule":""})";
}

}  // namespace

TEST_CASE("ToJsonLine writes every key in order", "[json_output]") {
  Relation r;
  r.doc = "000_a.txt";
  r.subject = {"Microsoft", "company", "微软", false, true};
  r.relation = "investor_in";
  r.object = {"OpenAI", "company", "OpenAI", true, false};
  r.attrs.amount = 13e9;
  r.attrs.currency = "USD";
  r.attrs.amount_text = "130亿美元";
  r.attrs.date = "2019";
  r.attrs.date_text = "2019年至今";
  r.attrs.since = true;
  r.attrs.duration_years = 5;
  r.evidence = {"微软向OpenAI投资130亿美元。", 3321, 3436};
  r.rule = "zh.investor.is_investor";
  const std::string want =
      R"({"doc":"000_a.txt",)"
      R"("subject":{"name":"Microsoft","type":"company","mention":"微软","coreference":true},)"
      R"("relation":"investor_in",)"
      R"("object":{"name":"OpenAI","type":"company","mention":"OpenAI","discovered":true},)"
      R"("attrs":{"amount":13000000000,"currency":"USD","amount_text":"130亿美元",)"
      R"("date":"2019","date_text":"2019年至今","since":true,"duration_years":5,)"
      R"("status":"asserted"},)"
      R"("evidence":{"sentence":"微软向OpenAI投资130亿美元。","start":3321,"end":3436},)"
      R"("rule":"zh.investor.is_investor"})";
  CHECK(ToJsonLine(r) == want);
  CHECK(ReferenceJsonLine(r) == want);

  // Without a currency, with an unresolved date and no date text.
  Relation s;
  s.attrs.amount = 3;
  s.attrs.amount_text = "three";
  s.attrs.date = "2020";
  s.attrs.date_unresolved = true;
  s.attrs.status = "planned";
  const std::string want_s =
      R"({"doc":"","subject":{"name":"","type":"","mention":""},"relation":"",)"
      R"("object":{"name":"","type":"","mention":""},)"
      R"("attrs":{"amount":3,"amount_text":"three","date":"2020",)"
      R"("date_unresolved":true,"status":"planned"},)"
      R"("evidence":{"sentence":"","start":0,"end":0},"rule":""})";
  CHECK(ToJsonLine(s) == want_s);
  CHECK(ReferenceJsonLine(s) == want_s);

  CHECK(ToJsonLine(Relation{}) == DocOnlyLine("\"\""));
}

TEST_CASE("ToJsonLine escapes strings like nlohmann", "[json_output]") {
  struct Case {
    const char* name;
    std::string in;
    std::string want;  // the JSON string, quotes included
  };
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  const std::vector<Case> cases = {
      {"plain", "abc", "\"abc\""},
      {"quote and backslash", "a\"b\\c", R"("a\"b\\c")"},
      {"short escapes", "\b\f\n\r\t", R"("\b\f\n\r\t")"},
      {"other controls in lower-case hex",
       std::string("\x00\x01\x0b\x1a\x1f", 5),
       R"("\u0000\u0001\u000b\u001a\u001f")"},
      {"DEL and slash as they are", "\x7f/", "\"\x7f/\""},
      {"two-, three- and four-byte UTF-8 as they are", "é微😀\xF4\x8F\xBF\xBF",
       "\"é微😀\xF4\x8F\xBF\xBF\""},
      {"lone continuation byte", "a\x80z", "\"a" + r + "z\""},
      {"two continuation bytes", "\x80\xBF", "\"" + r + r + "\""},
      {"truncated two-byte at the end", "a\xC3", "\"a" + r + "\""},
      {"truncated two-byte before ASCII", "\xC3\x41", "\"" + r + "A\""},
      {"truncated three-byte at the end: one U+FFFD", "\xE4\xB8",
       "\"" + r + "\""},
      {"truncated three-byte before a quote", "\xE4\xB8\"",
       "\"" + r + "\\\"\""},
      {"truncated four-byte before a valid sequence", "\xF0\x9F\x98\xC3\xA9",
       "\"" + r + "é\""},
      {"truncated before another lead byte", "\xE4\xE4\xB8\xAD",
       "\"" + r + "中\""},
      {"overlong C0 80", "\xC0\x80", "\"" + r + r + "\""},
      {"overlong E0 80 80", "\xE0\x80\x80", "\"" + r + r + r + "\""},
      {"overlong F0 80 80 80", "\xF0\x80\x80\x80", "\"" + r + r + r + r + "\""},
      {"surrogate ED A0 80", "\xED\xA0\x80", "\"" + r + r + r + "\""},
      {"ED 9F BF is U+D7FF", "\xED\x9F\xBF", "\"\xED\x9F\xBF\""},
      {"past U+10FFFF", "\xF4\x90\x80\x80", "\"" + r + r + r + r + "\""},
      {"F5 to FF", "\xF5\xF8\xFF", "\"" + r + r + r + "\""},
      {"U+FFFD itself", r, "\"" + r + "\""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Relation rel = DocOnly(c.in);
    CHECK(Visible(ToJsonLine(rel)) == Visible(DocOnlyLine(c.want)));
    CHECK(Visible(ReferenceJsonLine(rel)) == Visible(DocOnlyLine(c.want)));
  }
}

TEST_CASE("ToJsonLine prints numbers like nlohmann", "[json_output]") {
  struct Case {
    const char* name;
    double amount;
    std::string want;
  };
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<Case> cases = {
      {"whole", 13e9, "13000000000"},
      {"zero", 0, "0"},
      {"negative zero", -0.0, "0"},
      {"negative whole", -42, "-42"},
      {"largest whole below 9e15", 8999999999999999.0, "8999999999999999"},
      {"9e15 is a double", 9e15, "9e+15"},
      {"huge", 1e21, "1e+21"},
      {"fraction", 1.5, "1.5"},
      {"negative fraction", -2.25, "-2.25"},
      {"shortest round trip", 0.1, "0.1"},
      {"small", 1e-7, "1e-07"},
      {"smallest subnormal", 5e-324, "5e-324"},
      {"NaN", std::nan(""), "null"},
      {"infinity", inf, "null"},
      {"minus infinity", -inf, "null"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Relation r;
    r.attrs.amount = c.amount;
    r.attrs.duration_years = c.amount;
    const std::string want =
        R"({"doc":"","subject":{"name":"","type":"","mention":""},"relation":"",)"
        R"("object":{"name":"","type":"","mention":""},)"
        R"("attrs":{"amount":)" +
        c.want + R"(,"amount_text":"","duration_years":)" + c.want +
        R"(,"status":"asserted"},"evidence":{"sentence":"","start":0,"end":0},"rule":""})";
    CHECK(ToJsonLine(r) == want);
    CHECK(ReferenceJsonLine(r) == want);
  }
  Relation r;
  r.evidence.start = std::numeric_limits<size_t>::max();
  r.evidence.end = 7;
  const std::string line = ToJsonLine(r);
  CHECK(line == ReferenceJsonLine(r));
  CHECK(line.find(R"("start":18446744073709551615,"end":7})") !=
        std::string::npos);
}

TEST_CASE("ToJsonLine agrees with nlohmann on every short string",
          "[json_output]") {
  // Each string goes into "doc" of an otherwise empty relation and is
  // compared with nlohmann's own dump of it. Every string of one and two
  // bytes; three and four bytes over the bytes where decoding or escaping
  // changes.
  auto check = [](const std::string& s) {
    const std::string want = DocOnlyLine(nlohmann::json(s).dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace));
    const std::string got = ToJsonLine(DocOnly(s));
    if (got != want)
      FAIL("string " << Visible(s) << ": " << Difference(got, want));
  };
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, char(a)));
    for (int b = 0; b < 256; ++b) check(std::string{char(a), char(b)});
  }
  const std::vector<unsigned char> edges = {
      0x00, 0x1F, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
      0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
      0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  for (unsigned char a : edges)
    for (unsigned char b : edges)
      for (unsigned char c : edges)
        check(std::string{char(a), char(b), char(c)});
  const std::vector<unsigned char> few = {0x22, 0x41, 0x80, 0x8F, 0x90,
                                          0xA0, 0xBF, 0xC2, 0xE0, 0xED,
                                          0xEF, 0xF0, 0xF4, 0xFF};
  for (unsigned char a : few)
    for (unsigned char b : few)
      for (unsigned char c : few)
        for (unsigned char d : few)
          check(std::string{char(a), char(b), char(c), char(d)});
  SUCCEED("all strings agree");
}

namespace {

// Random relations for the comparison with the reference.
class RandomRelations {
 public:
  explicit RandomRelations(uint32_t seed) : rng_(seed) {}

  Relation Next() {
    Relation r;
    r.doc = String();
    r.subject = Entity();
    r.relation = String();
    r.object = Entity();
    Attributes& at = r.attrs;
    if (Chance(2)) at.amount = Number();
    // Empty strings matter: some keys are left out when theirs are empty.
    at.currency = Chance(2) ? String() : "";
    at.amount_text = Chance(4) ? "" : String();
    at.date = Chance(2) ? String() : "";
    at.date_text = Chance(2) ? String() : "";
    at.date_unresolved = Chance(2);
    at.since = Chance(2);
    if (Chance(2)) at.duration_years = Number();
    at.status = Chance(4) ? "" : String();
    r.evidence.sentence = String(40);
    r.evidence.start = Size();
    r.evidence.end = Size();
    r.rule = String();
    return r;
  }

 private:
  bool Chance(int one_in) { return Uniform(0, one_in - 1) == 0; }
  uint32_t Uniform(uint32_t lo, uint32_t hi) {
    return std::uniform_int_distribution<uint32_t>(lo, hi)(rng_);
  }

  EntityRef Entity() {
    EntityRef e;
    e.name = String();
    e.type = String();
    e.mention = String();
    e.discovered = Chance(2);
    e.coreference = Chance(2);
    return e;
  }

  size_t Size() {
    switch (Uniform(0, 3)) {
      case 0:
        return Uniform(0, 100);
      case 1:
        return std::numeric_limits<size_t>::max() - Uniform(0, 3);
      default:
        return std::uniform_int_distribution<size_t>()(rng_);
    }
  }

  double Number() {
    static const double kEdges[] = {0.0,
                                    -0.0,
                                    9e15,
                                    -9e15,
                                    8999999999999999.0,
                                    -8999999999999999.0,
                                    9007199254740993.0,
                                    1e16,
                                    1e300,
                                    5e-324,
                                    2.2250738585072014e-308,
                                    std::numeric_limits<double>::max(),
                                    std::numeric_limits<double>::lowest(),
                                    std::nan(""),
                                    std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity(),
                                    0.5,
                                    -0.5,
                                    1e15 + 0.5};
    switch (Uniform(0, 7)) {
      case 0:
        return kEdges[Uniform(0, std::size(kEdges) - 1)];
      case 1:
        return double(int(Uniform(0, 2000000)) - 1000000);  // whole
      case 2:
        return double(Uniform(0, 100000)) * 1e6;  // whole, large
      case 3:
        return double(int(Uniform(0, 20000)) - 10000) / 8;  // x.125...
      case 4:  // any magnitude, mostly non-integral
        return std::uniform_real_distribution<double>(-1, 1)(rng_) *
               std::pow(10.0, int(Uniform(0, 40)) - 20);
      case 5:
        return double(Uniform(1, 1000)) * 1e13;  // around 9e15
      case 6: {  // any bit pattern: subnormals, NaNs with payloads, ...
        uint64_t bits = std::uniform_int_distribution<uint64_t>()(rng_);
        double d;
        std::memcpy(&d, &bits, sizeof(d));
        return d;
      }
      default:
        return std::uniform_real_distribution<double>(0, 10)(rng_);
    }
  }

  // UTF-8 of a code point (no check: surrogates come out as ED A0..BF xx).
  static std::string Encode(uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
      s += char(cp);
    } else if (cp < 0x800) {
      s += char(0xC0 | (cp >> 6));
      s += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += char(0xE0 | (cp >> 12));
      s += char(0x80 | ((cp >> 6) & 0x3F));
      s += char(0x80 | (cp & 0x3F));
    } else {
      s += char(0xF0 | (cp >> 18));
      s += char(0x80 | ((cp >> 12) & 0x3F));
      s += char(0x80 | ((cp >> 6) & 0x3F));
      s += char(0x80 | (cp & 0x3F));
    }
    return s;
  }

  uint32_t ValidCodePoint() {
    switch (Uniform(0, 4)) {
      case 0:
        return Uniform(0x80, 0x7FF);
      case 1:
        return Uniform(0x4E00, 0x9FFF);  // CJK, the common case
      case 2: {
        uint32_t cp = Uniform(0x800, 0xFFFF - 0x800);
        return cp >= 0xD800 ? cp + 0x800 : cp;  // no surrogates
      }
      case 3:
        return Uniform(0x10000, 0x10FFFF);
      default: {
        static const uint32_t kEdges[] = {0x80,    0x7FF,   0x800,  0xD7FF,
                                          0xE000,  0xFFFD,  0xFFFF, 0x10000,
                                          0x1F600, 0x10FFFF};
        return kEdges[Uniform(0, std::size(kEdges) - 1)];
      }
    }
  }

  // One piece of a string: ASCII, something to escape, well-formed UTF-8 or
  // ill-formed bytes.
  std::string Piece() {
    switch (Uniform(0, 13)) {
      case 0:
      case 1:
      case 2: {  // a run of printable ASCII
        std::string s;
        for (uint32_t n = Uniform(1, 8); n > 0; --n)
          s += char(Uniform(0x20, 0x7E));
        return s;
      }
      case 3:
        return Chance(2) ? "\"" : "\\";
      case 4:
        return std::string(1, char(Chance(3) ? 0x7F : Uniform(0, 0x1F)));
      case 5:
      case 6:
      case 7:
        return Encode(ValidCodePoint());
      case 8:  // a lone continuation byte
        return std::string(1, char(Uniform(0x80, 0xBF)));
      case 9: {  // a well-formed sequence cut short
        const std::string s = Encode(Uniform(0x80, 0x10FFFF));
        return s.substr(0, Uniform(1, uint32_t(s.size()) - 1));
      }
      case 10: {  // an overlong form
        const uint32_t cp = Uniform(0, 0x7F);
        switch (Uniform(0, 2)) {
          case 0:
            return {char(0xC0 | (cp >> 6)), char(0x80 | (cp & 0x3F))};
          case 1:
            return {char(0xE0), char(0x80 | (cp >> 6)),
                    char(0x80 | (cp & 0x3F))};
          default:
            return {char(0xF0), char(0x80 | Uniform(0, 0xF)),
                    char(0x80 | (cp >> 6)), char(0x80 | (cp & 0x3F))};
        }
      }
      case 11:  // a surrogate, or a code point past U+10FFFF
        if (Chance(2)) return Encode(Uniform(0xD800, 0xDFFF));
        return {char(0xF4 + Uniform(0, 3)), char(Uniform(0x80, 0xBF)),
                char(Uniform(0x80, 0xBF)), char(Uniform(0x80, 0xBF))};
      case 12:
        return std::string(1, char(Uniform(0xF5, 0xFF)));
      default:
        return std::string(1, char(Uniform(0, 255)));  // any byte
    }
  }

  std::string String(uint32_t max_pieces = 10) {
    std::string s;
    for (uint32_t n = Uniform(0, max_pieces); n > 0; --n) s += Piece();
    return s;
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("ToJsonLine agrees with nlohmann on random relations",
          "[json_output]") {
  for (uint32_t seed : {1u, 2u, 3u, 20240601u}) {
    RandomRelations gen(seed);
    for (int i = 0; i < 5000; ++i) {
      const Relation r = gen.Next();
      const std::string want = ReferenceJsonLine(r);
      const std::string got = ToJsonLine(r);
      if (got != want)
        FAIL("seed " << seed << ", relation " << i << ": "
                     << Difference(got, want));
    }
  }
  SUCCEED("all relations agree");
}

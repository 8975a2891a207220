#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <tuple>

#include <nlohmann/json.hpp>

#include "dict/dictionary.h"
#include "dict/matcher.h"
#include "ontology/ontology.h"
#include "text/normalizer.h"

using namespace newsgraph;

namespace {

struct Fixture {
  Fixture() {
    auto o = ontology::Ontology::Load(std::string(NEWSGRAPH_SOURCE_DIR) +
                                      "/schemas");
    REQUIRE(o.ok());
    onto = std::make_unique<ontology::Ontology>(std::move(o).value());
    dict = std::make_unique<dict::Dictionary>(onto.get());
    auto n = text::Normalizer::Create();
    REQUIRE(n.ok());
    norm = std::move(n).value();
  }
  void Add(const char* line) {
    auto e = dict::ParseEntityLine(line, "test");
    REQUIRE(e.ok());
    REQUIRE(dict->Add(std::move(e).value(), "test").ok());
  }
  // "name@begin" for each selected mention, in source bytes.
  std::vector<std::string> Find(const std::string& text) {
    auto m = dict::Matcher::Build(*dict, *norm);
    REQUIRE(m.ok());
    auto nt = norm->Normalize(text);
    std::vector<dict::Candidate> all;
    (*m)->FindAll(text, nt, &all);
    dict::SelectLeftmostLongest(&all);
    std::vector<std::string> out;
    for (const auto& c : all)
      out.push_back(dict->entities()[c.entity].name + "@" +
                    std::to_string(nt.SourceBegin(c.begin)));
    return out;
  }
  std::unique_ptr<ontology::Ontology> onto;
  std::unique_ptr<dict::Dictionary> dict;
  std::unique_ptr<text::Normalizer> norm;
};

}  // namespace

TEST_CASE("matcher: word boundaries, case rules, leftmost-longest") {
  Fixture f;
  f.Add(R"({"name":"Microsoft","type":"company","aliases":["微软","微软公司","MSFT"]})");
  f.Add(R"({"name":"GE","type":"company","aliases":["通用电气"]})");
  f.Add(R"({"name":"GE Vernova","type":"company"})");
  f.Add(R"({"name":"AIP","type":"alliance"})");
  f.Add(R"({"name":"Meta","type":"company","exact":["Meta"]})");
  f.Add(R"({"name":"xAI","type":"company"})");
  f.Add(R"({"name":"Elon Musk","type":"person","aliases":["埃隆·马斯克"]})");
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"Microsoft and GE", {"Microsoft@0", "GE@14"}},
      {"microsoft", {"Microsoft@0"}},                     // case-insensitive
      {"MICROSOFTS", {}},                                 // word boundary
      {"ge appliances", {}},                              // GE is case-sensitive
      {"GE Vernova rose", {"GE Vernova@0"}},              // longest wins
      {"微软公司宣布", {"Microsoft@0"}},                  // CJK: no boundary
      {"英伟达与微软合作", {"Microsoft@12"}},
      {"the aip rules", {}},                              // short upper-case alias
      {"the AIP said", {"AIP@4"}},
      {"meta-analysis shows", {}},                        // exact alias
      {"Meta said", {"Meta@0"}},
      {"XAI and xAI", {"xAI@0", "xAI@8"}},                // mixed case: loose
      {"MSFT_0", {}},                                     // '_' is a word character
      {"马斯克的xAI已上线", {"xAI@12"}},
      {"埃隆・马斯克表示", {"Elon Musk@0"}},                // other middle dot
      {"埃隆·马斯克表示", {"Elon Musk@0"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(f.Find(c.text) == c.want);
  }
}

TEST_CASE("dictionary: duplicate aliases and bad lines are reported with their place") {
  Fixture f;
  f.Add(R"({"name":"Oracle","type":"company","aliases":["甲骨文"]})");
  auto e = dict::ParseEntityLine(R"({"name":"Oracle Bone","type":"product","aliases":["甲骨文"]})", "x.jsonl:7");
  REQUIRE(e.ok());
  auto st = f.dict->Add(std::move(e).value(), "x.jsonl:7");
  REQUIRE_FALSE(st.ok());
  CHECK(st.message() == "x.jsonl:7: alias '甲骨文' of 'Oracle Bone' already names 'Oracle'");

  const std::pair<const char*, const char*> bad[] = {
      {"not json", "d.jsonl:3: not a JSON object"},
      {R"({"type":"company"})", "d.jsonl:3: missing string field 'name'"},
      {R"({"name":"X"})", "d.jsonl:3: missing string field 'type'"},
      {R"({"name":"X","type":"company","aliases":"X"})",
       "d.jsonl:3: 'aliases' must be an array of strings"},
      {R"({"name":"X","type":"company","aliases":[""]})",
       "d.jsonl:3: empty name in 'aliases'"},
  };
  for (const auto& [line, msg] : bad) {
    INFO(line);
    auto r = dict::ParseEntityLine(line, "d.jsonl:3");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == msg);
  }
  auto unknown = dict::ParseEntityLine(R"({"name":"X","type":"robot"})", "d.jsonl:4");
  REQUIRE(unknown.ok());
  auto st2 = f.dict->Add(std::move(unknown).value(), "d.jsonl:4");
  CHECK(st2.message() == "d.jsonl:4: unknown entity type 'robot' for 'X'");
}

TEST_CASE("the shipped dictionary loads without conflicts") {
  Fixture f;
  REQUIRE(f.dict
              ->LoadDirectory(std::string(NEWSGRAPH_SOURCE_DIR) +
                              "/dictionaries/entities")
              .ok());
  CHECK(f.dict->entities().size() >= 300);
  // Every entity of the seed gold is present.
  for (const char* name :
       {"Microsoft", "OpenAI", "BlackRock", "NVIDIA", "xAI", "Elon Musk",
        "Stargate", "SoftBank", "Oracle", "GAIIP", "AIP", "GIP", "MGX",
        "GE Vernova", "GE", "NextEra Energy", "Satya Nadella", "Colossus",
        "Sam Altman", "CoreWeave", "Inflection", "Mustafa Suleyman", "MAI",
        "Anthropic", "DeepSeek", "Meta", "Google", "Gemini", "Llama",
        "Copilot", "H100"}) {
    INFO(name);
    CHECK(f.dict->Find(name) >= 0);
  }
}

namespace {

// A random string over a small alphabet that makes aliases overlap and
// share prefixes and suffixes: Latin letters of both cases, digits, spaces
// and punctuation, CJK characters that share lead and continuation bytes,
// middle dots and a full-width letter that normalizes to ASCII.
std::string RandomText(std::mt19937& rng, size_t max_chars) {
  static const char* kPieces[] = {
      "a",  "b",  "A",  "B",  "c",  "1",  " ",  "-",  "_",  ".",
      "微", "软", "公", "司", "英", "伟", "达", "司", "·", "・",
      "Ａ", "ß",  "é",  "\xe4\xb8\x80", "\xe4\xb8\x81", "\xef\xbc\x8c"};
  std::uniform_int_distribution<size_t> len(1, max_chars);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (size_t n = len(rng); n > 0; --n) s += kPieces[pick(rng)];
  return s;
}

// Adds 1 to 30 entities with random names, aliases and exact forms to the
// fixture's dictionary (aliases another entity has taken are refused; that
// is fine here).
void AddRandomEntities(std::mt19937& rng, Fixture* f) {
  std::uniform_int_distribution<int> count(1, 30);
  const int entities = count(rng);
  for (int e = 0; e < entities; ++e) {
    nlohmann::json j;
    j["name"] = "E" + std::to_string(e) + RandomText(rng, 4);
    j["type"] = "company";
    std::vector<std::string> aliases, exact;
    for (int k = rng() % 4; k > 0; --k) aliases.push_back(RandomText(rng, 4));
    for (int k = rng() % 2; k > 0; --k) exact.push_back(RandomText(rng, 3));
    j["aliases"] = aliases;
    j["exact"] = exact;
    auto parsed = dict::ParseEntityLine(j.dump(), "random");
    if (!parsed.ok()) continue;
    (void)f->dict->Add(std::move(parsed).value(), "random");
  }
}

}  // namespace

TEST_CASE("matcher: the automaton agrees with a pattern-by-pattern scan") {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 40; ++round) {
    Fixture f;
    AddRandomEntities(rng, &f);
    if (f.dict->entities().empty()) continue;
    std::vector<std::unique_ptr<dict::Matcher>> matchers;
    for (int depth : {0, 1, 2, 3, 8}) {
      auto m = dict::Matcher::Build(*f.dict, *f.norm, depth);
      REQUIRE(m.ok());
      matchers.push_back(std::move(m).value());
    }
    for (int t = 0; t < 30; ++t) {
      const std::string text = RandomText(rng, 40);
      auto nt = f.norm->Normalize(text);
      std::vector<dict::Candidate> want;
      matchers[0]->FindAllSlow(text, nt, &want);
      for (const auto& m : matchers) {
        std::vector<dict::Candidate> got;
        m->FindAll(text, nt, &got);
        INFO(text << " dense states " << m->dense_state_count());
        REQUIRE(got.size() == want.size());
        for (size_t k = 0; k < got.size(); ++k) {
          CHECK(got[k].begin == want[k].begin);
          CHECK(got[k].end == want[k].end);
          CHECK(got[k].entity == want[k].entity);
        }
      }
    }
  }
}

TEST_CASE("matcher: the shipped dictionary agrees with a pattern-by-pattern scan") {
  Fixture f;
  REQUIRE(f.dict
              ->LoadDirectory(std::string(NEWSGRAPH_SOURCE_DIR) +
                              "/dictionaries/entities")
              .ok());
  auto dense = dict::Matcher::Build(*f.dict, *f.norm);
  auto sparse = dict::Matcher::Build(*f.dict, *f.norm, 0);
  REQUIRE(dense.ok());
  REQUIRE(sparse.ok());
  CHECK((*dense)->dense_state_count() > (*sparse)->dense_state_count());
  const std::string texts[] = {
      "微软公司与英伟达合作，OpenAI和Microsoft宣布；埃隆・马斯克的xAI已上线。",
      "GE Vernova and NVIDIA said BlackRock's GIP, MGX and Microsoft formed AIP.",
      "Sam Altman、萨提亚·纳德拉和黄仁勋出席。SoftBank 软银 Arm ARM arm",
  };
  for (const std::string& text : texts) {
    INFO(text);
    auto nt = f.norm->Normalize(text);
    std::vector<dict::Candidate> want, a, b;
    (*dense)->FindAllSlow(text, nt, &want);
    (*dense)->FindAll(text, nt, &a);
    (*sparse)->FindAll(text, nt, &b);
    CHECK(!want.empty());
    REQUIRE(a.size() == want.size());
    REQUIRE(b.size() == want.size());
    for (size_t k = 0; k < want.size(); ++k) {
      CHECK(a[k].begin == want[k].begin);
      CHECK(a[k].end == want[k].end);
      CHECK(a[k].entity == want[k].entity);
      CHECK(b[k].begin == want[k].begin);
      CHECK(b[k].entity == want[k].entity);
    }
  }
}

TEST_CASE("matcher: leftmost-longest selection, in place, agrees with a plain one") {
  // The plain selection: sort, then keep each candidate that starts at or
  // after the end of the last one kept, in a separate vector.
  auto plain = [](std::vector<dict::Candidate> all) {
    std::sort(all.begin(), all.end(),
              [](const dict::Candidate& a, const dict::Candidate& b) {
                return std::tie(a.begin, b.end, a.entity) <
                       std::tie(b.begin, a.end, b.entity);
              });
    std::vector<dict::Candidate> kept;
    for (const auto& c : all)
      if (kept.empty() || c.begin >= kept.back().end) kept.push_back(c);
    return kept;
  };
  auto key = [](const std::vector<dict::Candidate>& v) {
    std::vector<std::tuple<uint32_t, uint32_t, int>> k;
    for (const auto& c : v) k.emplace_back(c.begin, c.end, c.entity);
    return k;
  };
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::vector<dict::Candidate> all(rng() % 12);
    for (auto& c : all) {
      c.begin = rng() % 20;
      c.end = c.begin + 1 + rng() % 6;
      c.entity = static_cast<int>(rng() % 4);
    }
    std::vector<dict::Candidate> in_place = all;
    dict::SelectLeftmostLongest(&in_place);
    CHECK(key(in_place) == key(plain(all)));
  }
}

TEST_CASE("matcher: a document's texts scanned together give each what FindAll gives it") {
  // FindAllEach joins the texts with newlines for one literal scan
  // (Hyperscan); every candidate must go to its own text, with its own
  // offsets, word boundaries and case checks. Compared as sets (the order
  // within a text may differ; SelectLeftmostLongest orders them).
  auto sorted = [](std::vector<dict::Candidate> v) {
    std::sort(v.begin(), v.end(), [](const dict::Candidate& a, const dict::Candidate& b) {
      return std::tie(a.begin, a.end, a.entity) < std::tie(b.begin, b.end, b.entity);
    });
    return v;
  };
  auto check_each = [&](const dict::Matcher& m, const Fixture& f,
                        const std::vector<std::string>& texts) {
    std::vector<text::Normalized> norms;
    for (const auto& t : texts) norms.push_back(f.norm->Normalize(t));
    std::vector<dict::Matcher::Text> each;
    for (size_t i = 0; i < texts.size(); ++i) each.push_back({texts[i], &norms[i]});
    std::vector<std::vector<dict::Candidate>> got;
    m.FindAllEach(each, &got);
    REQUIRE(got.size() == texts.size());
    size_t total = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
      std::vector<dict::Candidate> want;
      m.FindAll(texts[i], norms[i], &want);
      INFO("text " << i << ": " << texts[i]);
      const auto a = sorted(got[i]), b = sorted(want);
      REQUIRE(a.size() == b.size());
      for (size_t k = 0; k < a.size(); ++k)
        CHECK(std::tie(a[k].begin, a[k].end, a[k].entity) ==
              std::tie(b[k].begin, b[k].end, b[k].entity));
      total += want.size();
    }
    return total;
  };
  std::mt19937 rng(20261130);
  size_t total = 0;
  for (int round = 0; round < 40; ++round) {
    Fixture f;
    AddRandomEntities(rng, &f);
    if (f.dict->entities().empty()) continue;
    auto m = dict::Matcher::Build(*f.dict, *f.norm,
                                  dict::Matcher::kDefaultDenseDepth, true);
    REQUIRE(m.ok());
    for (int doc = 0; doc < 10; ++doc) {
      std::vector<std::string> texts(1 + rng() % 6);
      for (auto& t : texts)
        if (rng() % 5 != 0) t = RandomText(rng, 30);  // some empty
      total += check_each(**m, f, texts);
    }
  }
  CHECK(total > 1000);

  // The shipped dictionary, on sentences of both languages.
  Fixture f;
  REQUIRE(f.dict
              ->LoadDirectory(std::string(NEWSGRAPH_SOURCE_DIR) +
                              "/dictionaries/entities")
              .ok());
  auto m = dict::Matcher::Build(*f.dict, *f.norm,
                                  dict::Matcher::kDefaultDenseDepth, true);
  REQUIRE(m.ok());
  CHECK(check_each(**m, f,
                   {"微软公司与英伟达合作，OpenAI和Microsoft宣布。",
                    "GE Vernova and NVIDIA said BlackRock's GIP formed AIP.", "",
                    "Arm ARM arm 软银 SoftBank", "xAI"}) > 10);
}

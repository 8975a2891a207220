#include <catch2/catch.hpp>

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
    std::vector<std::string> out;
    for (const auto& c : dict::SelectLeftmostLongest(all))
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

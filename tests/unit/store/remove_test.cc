// RemoveDocument retracts evidence; aggregates stay equal to a recompute.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "store_test_util.h"

namespace newsgraph {
namespace {

using testing::Doc;
using testing::Ent;
using testing::OpenStore;
using testing::QueryInt;
using testing::QueryText;
using testing::Rel;
using testing::TempDir;

const EntityRef kMicrosoft = Ent("Microsoft", "company", false, "微软");
const EntityRef kOpenAI = Ent("OpenAI", "company");
const EntityRef kOracle = Ent("Oracle", "company");
const EntityRef kInflection = Ent("Inflection", "company");

TEST_CASE("Removing a document retracts its evidence", "[store][remove]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  auto add = [&](const StoredDocument& d, const std::vector<Relation>& r) {
    auto res = store->AddDocument(d, r);
    INFO(res.status().message());
    REQUIRE(res.ok());
  };
  add(Doc("d1", "2024-03", "en"), {Rel(kMicrosoft, "licensed_to", kInflection),
                                   Rel(kMicrosoft, "investor_in", kOpenAI)});
  add(Doc("d2", "2025-01", "zh"), {Rel(kMicrosoft, "investor_in", kOpenAI),
                                   Rel(kOracle, "partner_of", kOpenAI)});

  struct Step {
    const char* selector;
    size_t evidence_rows;
    size_t relations_updated, relations_deleted, entities_deleted;
    int64_t relations_left, entities_left, aliases_left;
  };
  const std::vector<Step> steps = {
      // d1: licensed_to disappears with Inflection; investor_in loses a doc.
      {"d1", 2, 1, 1, 1, 2, 3, 1},
      // d2 by its path: everything goes, the alias too.
      {"/corpus/d2.txt", 2, 0, 2, 3, 0, 0, 0},
  };
  for (const Step& s : steps) {
    INFO(s.selector);
    auto r = store->RemoveDocument(s.selector);
    INFO(r.status().message());
    REQUIRE(r.ok());
    REQUIRE(r->documents.size() == 1);
    CHECK(r->documents[0].evidence_rows == s.evidence_rows);
    CHECK(r->relations_updated == s.relations_updated);
    CHECK(r->relations_deleted == s.relations_deleted);
    CHECK(r->entities_deleted == s.entities_deleted);
    auto stats = store->Stats();
    REQUIRE(stats.ok());
    CHECK(stats->relations == s.relations_left);
    CHECK(stats->entities == s.entities_left);
    CHECK(stats->aliases == s.aliases_left);
    Status v = store->Verify();
    INFO(v.message());
    CHECK(v.ok());
    if (std::string(s.selector) == "d1") {
      CHECK(QueryText(path,
                      "SELECT first_seen || '/' || languages FROM "
                      "relations WHERE type = 'investor_in'") == "2025-01/zh");
    }
  }
  CHECK(QueryInt(path, "SELECT COUNT(*) FROM documents") == 0);
  CHECK(QueryInt(path, "SELECT COUNT(*) FROM evidence") == 0);
}

TEST_CASE("RemoveDocument reports unknown and ambiguous selectors",
          "[store][remove]") {
  TempDir dir;
  auto store = OpenStore(dir.File("g.db"));
  StoredDocument a = Doc("same"), b = Doc("same");
  b.content_hash = "other";
  b.path = b.source = "/elsewhere/same.txt";
  REQUIRE(store->AddDocument(a, {Rel(kOracle, "partner_of", kOpenAI)}).ok());
  REQUIRE(store->AddDocument(b, {Rel(kOracle, "partner_of", kOpenAI)}).ok());

  auto none = store->RemoveDocument("nothing-like-this");
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kNotFound);
  CHECK(none.status().message() ==
        dir.File("g.db") +
            ": no stored document matches 'nothing-like-this' (give a doc "
            "id, a path or a URL)");
  auto ambiguous = store->RemoveDocument("same");
  REQUIRE_FALSE(ambiguous.ok());
  CHECK(ambiguous.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(ambiguous.status().message(),
             Catch::Contains("'same' names 2 documents") &&
                 Catch::Contains("/elsewhere/same.txt"));
  auto by_path = store->RemoveDocument("/elsewhere/same.txt");
  REQUIRE(by_path.ok());
  CHECK(by_path->relations_updated == 1);
  CHECK(store->RemoveDocument("same").ok());
  CHECK(store->Stats()->relations == 0);
}

TEST_CASE("Aggregates equal a recompute after random adds and removes",
          "[store][remove]") {
  TempDir dir;
  auto store = OpenStore(dir.File("g.db"));
  const std::vector<EntityRef> ents = {kMicrosoft,
                                       kOpenAI,
                                       kOracle,
                                       kInflection,
                                       Ent("xAI", "company", true),
                                       Ent("XAI", "company", true)};
  const char* types[] = {"partner_of", "investor_in", "rival_of"};
  const char* statuses[] = {"asserted", "reported", "denied", "negated",
                            "planned"};
  const char* langs[] = {"en", "zh", ""};
  const char* dates[] = {"2024", "2024-09", "2025-01-21", ""};
  std::mt19937 rng(12345);
  std::vector<std::string> stored;
  for (int step = 0; step < 120; ++step) {
    INFO("step " << step);
    if (!stored.empty() && rng() % 3 == 0) {
      size_t k = rng() % stored.size();
      auto r = store->RemoveDocument(stored[k]);
      INFO(r.status().message());
      REQUIRE(r.ok());
      stored.erase(stored.begin() + static_cast<long>(k));
    } else {
      std::string key = "r" + std::to_string(step);
      std::vector<Relation> rels;
      for (unsigned n = rng() % 4; n > 0; --n) {
        const EntityRef& s = ents[rng() % ents.size()];
        const EntityRef& o = ents[rng() % ents.size()];
        if (s.name == o.name) continue;
        rels.push_back(Rel(s, types[rng() % 3], o, statuses[rng() % 5]));
      }
      auto r = store->AddDocument(Doc(key, dates[rng() % 4], langs[rng() % 3]),
                                  rels);
      INFO(r.status().message());
      REQUIRE(r.ok());
      stored.push_back(key);
    }
    Status v = store->Verify();
    INFO(v.message());
    REQUIRE(v.ok());
  }
}

TEST_CASE("Alliances keep their identity across a rename",
          "[store][alliance]") {
  TempDir dir;
  auto store = OpenStore(dir.File("g.db"));
  const EntityRef gaiip = Ent("GAIIP", "alliance");
  const EntityRef aip = Ent("AIP", "alliance");
  auto add = [&](const std::string& key, const std::string& date,
                 const std::vector<Relation>& rels) {
    auto r = store->AddDocument(Doc(key, date), rels);
    INFO(r.status().message());
    REQUIRE(r.ok());
  };
  EntityRef blackrock = Ent("BlackRock", "investor");
  EntityRef mgx = Ent("MGX", "investor");
  EntityRef nvidia = Ent("NVIDIA", "company");
  EntityRef vernova = Ent("GE Vernova", "company");
  add("founding", "2024-09-17",
      {Rel(kMicrosoft, "member_of", gaiip, "asserted", "2024-09"),
       Rel(blackrock, "member_of", gaiip, "asserted", "2024-09-17"),
       Rel(mgx, "member_of", gaiip, "asserted", "2024-09")});
  add("expansion", "2025-03-20",
      {Rel(gaiip, "renamed_to", aip, "asserted", "2025-03-19"),
       Rel(nvidia, "member_of", aip, "asserted", "2025-03-19"),
       Rel(aip, "partner_of", vernova),
       Rel(kOpenAI, "member_of", aip, "negated"),
       Rel(kMicrosoft, "member_of", aip)});

  auto chain = store->RenameChain("AIP");
  REQUIRE(chain.ok());
  REQUIRE(chain->size() == 2);
  CHECK((*chain)[0].name == "GAIIP");
  CHECK((*chain)[1].name == "AIP");
  CHECK((*chain)[1].since == "2025-03-19");
  auto from_old = store->RenameChain("GAIIP");
  REQUIRE(from_old.ok());
  CHECK(from_old->size() == 2);
  auto single = store->RenameChain("NVIDIA");
  REQUIRE(single.ok());
  CHECK(single->size() == 1);
  CHECK(store->RenameChain("Nobody").status().code() == StatusCode::kNotFound);

  struct Want {
    const char* member;
    const char* role;
    const char* since;
    const char* via;
  };
  const std::vector<Want> want = {
      {"MGX", "founding_member", "2024-09", "GAIIP"},
      {"Microsoft", "founding_member", "2024-09", "GAIIP"},
      {"BlackRock", "founding_member", "2024-09-17", "GAIIP"},
      {"NVIDIA", "member", "2025-03-19", "AIP"},
      {"GE Vernova", "partner", "2025-03-20", "AIP"},
  };
  for (const char* name : {"AIP", "GAIIP"}) {
    INFO("asked as " << name);
    auto members = store->AllianceMembers(name);
    INFO(members.status().message());
    REQUIRE(members.ok());
    REQUIRE(members->size() == want.size());  // OpenAI (negated) absent
    for (size_t i = 0; i < want.size(); ++i) {
      INFO(want[i].member);
      CHECK((*members)[i].member == want[i].member);
      CHECK((*members)[i].role == want[i].role);
      CHECK((*members)[i].since == want[i].since);
      CHECK((*members)[i].via_name == want[i].via);
    }
  }
  CHECK(store->AllianceMembers("Microsoft").status().code() ==
        StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsgraph

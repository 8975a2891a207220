// GraphQuery over a store built from hand-made relations.
#include <algorithm>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "../store/store_test_util.h"
#include "newsgraph/query.h"

namespace newsgraph {
namespace {

using testing::Doc;
using testing::Ent;
using testing::OpenStore;
using testing::QueryInt;
using testing::Rel;
using testing::TempDir;

const EntityRef kMicrosoft = Ent("Microsoft", "company", false, "微软");
const EntityRef kOpenAI = Ent("OpenAI", "company");
const EntityRef kMusk = Ent("Elon Musk", "person");
const EntityRef kXai = Ent("xAI", "company");
const EntityRef kBlackRock = Ent("BlackRock", "investor");
const EntityRef kNvidia = Ent("NVIDIA", "company");
const EntityRef kGeVernova = Ent("GE Vernova", "company");
const EntityRef kGaiip = Ent("GAIIP", "alliance");
const EntityRef kAip = Ent("AIP", "alliance");
const EntityRef kMercuryCo = Ent("Mercury", "company");
const EntityRef kMercuryProduct = Ent("Mercury", "product");

// Builds the store once per test and opens a GraphQuery on it.
class Fixture {
 public:
  using Docs = std::vector<std::pair<StoredDocument, std::vector<Relation>>>;
  explicit Fixture(const Docs& extra = {}) : path_(dir_.File("g.db")) {
    {
      auto store = OpenStore(path_);
      auto add = [&](const StoredDocument& d, const std::vector<Relation>& r) {
        auto res = store->AddDocument(d, r);
        INFO(res.status().message());
        REQUIRE(res.ok());
      };
      add(Doc("d1", "2019-07-22"), {Rel(kMicrosoft, "investor_in", kOpenAI)});
      add(Doc("d2", "2024-03-01"),
          {Rel(kMusk, "sued", kOpenAI), Rel(kMusk, "owns", kXai)});
      add(Doc("d3", "2025-01-10"), {Rel(kXai, "rival_of", kOpenAI)});
      add(Doc("d4", "2024-09-17"),
          {Rel(kMicrosoft, "member_of", kGaiip, "asserted", "2024-09"),
           Rel(kBlackRock, "member_of", kGaiip, "asserted", "2024-09")});
      add(Doc("d5", "2025-03-19"),
          {Rel(kGaiip, "renamed_to", kAip, "asserted", "2025-03-19"),
           Rel(kNvidia, "member_of", kAip, "asserted", "2025-03-19"),
           Rel(kGeVernova, "partner_of", kAip),
           Rel(kOpenAI, "member_of", kAip, "denied")});
      add(Doc("d6", "2025-04-01"),
          {Rel(kMercuryCo, "developed", kMercuryProduct)});
      for (const auto& [doc, rels] : extra) add(doc, rels);
    }
    auto q = GraphQuery::Open(path_);
    INFO(q.status().message());
    REQUIRE(q.ok());
    query_ = std::move(q).value();
  }
  GraphQuery& q() { return *query_; }
  const std::string& path() const { return path_; }

 private:
  TempDir dir_;
  std::string path_;
  std::unique_ptr<GraphQuery> query_;
};

TEST_CASE("Entities are found by any name, case-insensitively",
          "[query][resolve]") {
  Fixture fx;
  struct Case {
    const char* name;
    StatusCode code;
    const char* want;  // canonical name, or a part of the message
  };
  const std::vector<Case> cases = {
      {"Microsoft", StatusCode::kOk, "Microsoft"},
      {"microsoft", StatusCode::kOk, "Microsoft"},
      {"  MICROSOFT ", StatusCode::kOk, "Microsoft"},
      {"微软", StatusCode::kOk, "Microsoft"},
      {"elon musk", StatusCode::kOk, "Elon Musk"},
      {"Nobody", StatusCode::kNotFound, "unknown entity 'Nobody'"},
      {"x' OR 1=1 --", StatusCode::kNotFound, "unknown entity 'x' OR 1=1 --'"},
      {"\"; DROP TABLE entities; --", StatusCode::kNotFound, "unknown entity"},
      {"%", StatusCode::kNotFound, "unknown entity '%'"},
      {"Mercury", StatusCode::kInvalidArgument,
       "'Mercury': it names Mercury (company), Mercury (product)"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto r = fx.q().Resolve(c.name);
    CHECK(r.status().code() == c.code);
    if (r.ok()) {
      CHECK(r->name == c.want);
    } else {
      CHECK_THAT(r.status().message(), Catch::Contains(c.want));
    }
  }
  CHECK(QueryInt(fx.path(), "SELECT COUNT(*) FROM entities") == 11);
}

TEST_CASE("Entity groups relations by type", "[query][entity]") {
  Fixture fx;
  auto e = fx.q().Entity("微软", {});
  INFO(e.status().message());
  REQUIRE(e.ok());
  CHECK(e->name == "Microsoft");
  CHECK(e->type == "company");
  CHECK(e->aliases == std::vector<std::string>{"微软"});
  CHECK(e->degree == 2);
  REQUIRE(e->groups.size() == 2);
  CHECK(e->groups[0].type == "investor_in");
  CHECK(e->groups[0].first_date == "2019-07-22");
  CHECK(e->groups[1].type == "member_of");
  CHECK(e->groups[1].first_date == "2024-09");

  QueryFilter before;
  before.as_of = "2020-01-01";
  auto old = fx.q().Entity("Microsoft", before);
  REQUIRE(old.ok());
  CHECK(old->degree == 1);
}

std::vector<std::string> Names(const std::vector<Neighbor>& ns) {
  std::vector<std::string> out;
  for (const Neighbor& n : ns)
    out.push_back(n.name + "@" + std::to_string(n.depth));
  return out;
}

TEST_CASE("Neighbors honour depth, types, dates and statuses",
          "[query][neighbors]") {
  Fixture fx;
  struct Case {
    const char* name;
    const char* entity;
    NeighborOptions options;
    std::vector<std::string> want;
  };
  NeighborOptions d1, d2, sued, as_of, since, denied;
  d2.depth = 2;
  sued.filter.relation_types = {"sued"};
  as_of.filter.as_of = "2024-12-31";
  as_of.depth = 2;
  since.since = "2025-01-01";
  denied.filter.statuses = {"denied"};
  const std::vector<Case> cases = {
      {"depth 1", "Elon Musk", d1, {"OpenAI@1", "xAI@1"}},
      // OpenAI's AIP membership is denied: AIP is not reached.
      {"depth 2", "Elon Musk", d2, {"OpenAI@1", "xAI@1", "Microsoft@2"}},
      {"one type", "Elon Musk", sued, {"OpenAI@1"}},
      {"as of 2024", "Elon Musk", as_of, {"OpenAI@1", "xAI@1", "Microsoft@2"}},
      {"since 2025", "OpenAI", since, {"xAI@1"}},
      {"denied only", "OpenAI", denied, {"AIP@1"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto ns = fx.q().Neighbors(c.entity, c.options);
    INFO(ns.status().message());
    REQUIRE(ns.ok());
    CHECK(Names(*ns) == c.want);
  }
}

TEST_CASE("Path finds the k shortest paths with evidence", "[query][path]") {
  Fixture fx;
  PathOptions o;
  o.k = 5;
  auto paths = fx.q().Path("Elon Musk", "微软", o);
  INFO(paths.status().message());
  REQUIRE(paths.ok());
  REQUIRE(paths->size() >= 2);
  const GraphPath& p = (*paths)[0];
  REQUIRE(p.hops.size() == 2);
  CHECK(p.hops[0].from == "Elon Musk");
  CHECK(p.hops[0].relation == "sued");
  CHECK(p.hops[0].direction == "->");
  CHECK(p.hops[1].to == "Microsoft");
  CHECK(p.hops[1].relation == "investor_in");
  CHECK(p.hops[1].direction == "<-");
  CHECK((*paths)[1].hops.size() == 3);
  for (const GraphPath& path : *paths)
    for (const PathHop& h : path.hops) {
      INFO(h.from << " " << h.relation << " " << h.to);
      CHECK_FALSE(h.evidence.sentence.empty());
      CHECK_FALSE(h.evidence.doc.empty());
    }

  o.k = 1;
  o.filter.relation_types = {"owns", "rival_of"};
  auto none = fx.q().Path("Elon Musk", "Microsoft", o);
  REQUIRE(none.ok());
  CHECK(none->empty());
  CHECK(fx.q().Path("Microsoft", "微软", o).status().code() ==
        StatusCode::kInvalidArgument);
}

TEST_CASE("Alliance inherits members through renames", "[query][alliance]") {
  Fixture fx;
  for (const char* name : {"AIP", "GAIIP", "aip"}) {
    INFO(name);
    auto a = fx.q().Alliance(name, {});
    INFO(a.status().message());
    REQUIRE(a.ok());
    CHECK(a->name == "AIP");
    REQUIRE(a->names.size() == 2);
    CHECK(a->names[0].name == "GAIIP");
    std::vector<std::string> members;
    for (const auto& m : a->members)
      members.push_back(m.member + "/" + m.role + "/" + m.since + "/" +
                        m.via_name);
    CHECK(members ==
          std::vector<std::string>{"BlackRock/founding_member/2024-09/GAIIP",
                                   "Microsoft/founding_member/2024-09/GAIIP",
                                   "NVIDIA/member/2025-03-19/AIP"});
    REQUIRE(a->partners.size() == 1);
    CHECK(a->partners[0].member == "GE Vernova");
    REQUIRE_FALSE(a->timeline.empty());
    CHECK(a->timeline.front().link.first_date == "2024-09");
  }
  CHECK(fx.q().Alliance("Microsoft", {}).status().code() ==
        StatusCode::kNotFound);
  auto all = fx.q().Alliances();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 1);
  CHECK(all->at(0).name == "AIP");
  CHECK(all->at(0).members == 3);
  CHECK(all->at(0).partners == 1);
}

TEST_CASE("Comparing alliances shows shared players and ties",
          "[query][alliance][compare]") {
  const EntityRef stargate = Ent("Stargate", "alliance");
  Fixture fx({{Doc("d7", "2025-05-01"),
               {Rel(kOpenAI, "member_of", stargate),
                Rel(Ent("Oracle", "company"), "member_of", stargate),
                Rel(kBlackRock, "member_of", stargate),
                Rel(kXai, "member_of", kAip)}}});
  auto c = fx.q().CompareAlliances("GAIIP", "stargate", {});
  INFO(c.status().message());
  REQUIRE(c.ok());
  CHECK(c->a == "AIP");
  CHECK(c->b == "Stargate");
  CHECK(c->shared == std::vector<std::string>{"BlackRock"});
  std::vector<std::string> ties;
  for (const AllianceTie& t : c->ties)
    ties.push_back(t.a + " (" + t.a_role + ") " + t.link.type + " " +
                   t.link.direction + " " + t.link.other);
  CHECK(ties == std::vector<std::string>{
                    "Elon Musk (owns xAI) sued out OpenAI",
                    "Microsoft (founding_member) investor_in out OpenAI",
                    "xAI (member) rival_of both OpenAI"});
  CHECK(fx.q().CompareAlliances("AIP", "GAIIP", {}).status().code() ==
        StatusCode::kInvalidArgument);
}

TEST_CASE("Camps split cooperation groups along rivalries", "[query][camps]") {
  const EntityRef stargate = Ent("Stargate", "alliance");
  const EntityRef oracle = Ent("Oracle", "company");
  Fixture fx(
      {{Doc("d7", "2025-05-01"),
        {Rel(kOpenAI, "member_of", stargate),
         Rel(oracle, "member_of", stargate), Rel(kXai, "member_of", kAip),
         // A rivalry inside a camp disagrees with the partition.
         Rel(kBlackRock, "rival_of", kNvidia)}}});
  // With a rivalry weighing as much as a cooperation, the rivalry stays
  // inside the camp and disagrees with the partition.
  CampOptions even;
  even.rivalry_weight = 1;
  auto c = fx.q().Camps(even);
  INFO(c.status().message());
  REQUIRE(c.ok());
  using Names = std::vector<std::string>;
  REQUIRE(c->camps.size() == 2);
  CHECK(c->camps[0] == Names{"AIP", "BlackRock", "GAIIP", "GE Vernova",
                             "Microsoft", "NVIDIA", "xAI"});
  CHECK(c->camps[1] == Names{"OpenAI", "Oracle", "Stargate"});
  CHECK(c->unaligned == Names{"Elon Musk"});
  REQUIRE(c->disagreements.size() == 1);
  CHECK(c->disagreements[0].relation == "rival_of");

  // By default a rivalry weighs three cooperations: BlackRock, with fewer
  // ties than that inside the camp, leaves it rather than stay at odds.
  auto weighted = fx.q().Camps({});
  REQUIRE(weighted.ok());
  CHECK(std::find(weighted->unaligned.begin(), weighted->unaligned.end(),
                  "BlackRock") != weighted->unaligned.end());
  CHECK(weighted->disagreements.size() == 1);

  CampOptions none;
  none.against = {};
  auto merged = fx.q().Camps(none);
  REQUIRE(merged.ok());
  CHECK(merged->camps.size() == 2);
  CHECK(merged->disagreements.empty());
}

TEST_CASE("Timeline and evidence", "[query][timeline][evidence]") {
  Fixture fx;
  auto t = fx.q().Timeline("OpenAI", {});
  REQUIRE(t.ok());
  std::vector<std::string> got;
  for (const Link& l : *t) got.push_back(l.first_date + " " + l.type);
  CHECK(got == std::vector<std::string>{"2019-07-22 investor_in",
                                        "2024-03-01 sued",
                                        "2025-01-10 rival_of"});
  auto ev = fx.q().Evidence("OpenAI", "member_of", "AIP", {});
  REQUIRE(ev.ok());
  REQUIRE(ev->size() == 1);
  CHECK(ev->at(0).status == "denied");
  CHECK(ev->at(0).doc == "d5");
  auto sym = fx.q().Evidence("OpenAI", "rival_of", "xAI", {});
  REQUIRE(sym.ok());
  CHECK(sym->size() == 1);
  QueryFilter asserted;
  asserted.statuses = {"asserted"};
  auto none = fx.q().Evidence("OpenAI", "member_of", "AIP", asserted);
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("Sql runs single read-only queries only", "[query][sql]") {
  Fixture fx;
  struct Case {
    const char* sql;
    bool ok;
  };
  const std::vector<Case> cases = {
      {"SELECT COUNT(*) FROM entities", true},
      {"  -- comment\n select name from entities;  ", true},
      {"WITH x AS (SELECT 1) SELECT * FROM x", true},
      {"DELETE FROM entities", false},
      {"SELECT 1; DELETE FROM entities", false},
      {"WITH x AS (SELECT 1) DELETE FROM entities", false},
      {"PRAGMA user_version = 9", false},
      {"ATTACH 'x.db' AS x", false},
      {"", false},
      {"SELECT * FROM no_such_table", false},
  };
  for (const Case& c : cases) {
    INFO(c.sql);
    auto r = fx.q().Sql(c.sql, 100);
    INFO(r.status().message());
    CHECK(r.ok() == c.ok);
    if (!r.ok()) CHECK(r.status().code() == StatusCode::kInvalidArgument);
  }
  CHECK(QueryInt(fx.path(), "SELECT COUNT(*) FROM entities") == 11);
  auto limited = fx.q().Sql("SELECT name FROM entities ORDER BY name", 2);
  REQUIRE(limited.ok());
  CHECK(limited->columns == std::vector<std::string>{"name"});
  CHECK(limited->rows.size() == 2);
  CHECK(limited->truncated);
}

TEST_CASE("A missing store is not created", "[query][open]") {
  TempDir dir;
  std::string path = dir.File("none.db");
  auto q = GraphQuery::Open(path);
  CHECK(q.status().code() == StatusCode::kNotFound);
  CHECK_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace newsgraph

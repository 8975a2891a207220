#include <algorithm>

#include <catch2/catch.hpp>

#include "ontology/ontology.h"

using newsgraph::ontology::Ontology;

TEST_CASE("the shipped ontology loads and holds the relation inventory") {
  auto o = Ontology::Load(std::string(NEWSGRAPH_SOURCE_DIR) + "/schemas");
  REQUIRE(o.ok());
  for (const char* r :
       {"investor_in", "partner_of", "member_of", "rival_of", "sued",
        "acquired", "subsidiary_of", "spun_off_from", "supplier_of",
        "licensed_to", "founded", "ceo_of", "chairman_of", "employee_of",
        "left", "owns", "renamed_to", "developed", "operates"}) {
    INFO(r);
    CHECK(o->FindRelationType(r) != nullptr);
  }
  CHECK(o->FindRelationType("partner_of")->symmetric);
  CHECK_FALSE(o->FindRelationType("investor_in")->symmetric);
  const auto& ceo = *o->FindRelationType("ceo_of");
  CHECK(ceo.subject_types == std::vector<std::string>{"person"});
}

TEST_CASE("type groups expand") {
  auto o = Ontology::Load(std::string(NEWSGRAPH_SOURCE_DIR) + "/schemas");
  REQUIRE(o.ok());
  auto org = o->ExpandTypeGroup("org");
  CHECK(std::find(org.begin(), org.end(), "company") != org.end());
  CHECK(std::find(org.begin(), org.end(), "person") == org.end());
  auto player = o->ExpandTypeGroup("player");
  CHECK(std::find(player.begin(), player.end(), "person") != player.end());
  CHECK(o->ExpandTypeGroup("robot").empty());
  CHECK(o->ExpandTypeGroup("*").size() == o->entity_types().size());
}

TEST_CASE("a missing schema directory is a clear error") {
  auto o = Ontology::Load("/nonexistent/schemas");
  REQUIRE_FALSE(o.ok());
  CHECK(o.status().message().find("/nonexistent/schemas/entity_types.tsv") !=
        std::string::npos);
}

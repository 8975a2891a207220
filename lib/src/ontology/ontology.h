// The entity and relation type tables, loaded from schemas/*.tsv.
#ifndef NEWSGRAPH_ONTOLOGY_ONTOLOGY_H_
#define NEWSGRAPH_ONTOLOGY_ONTOLOGY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/status.h"

namespace newsgraph::ontology {

struct EntityType {
  int id = 0;
  std::string name;  // "company"
  char code = '?';   // one letter used in slotted sentences
};

struct RelationType {
  int id = 0;
  std::string name;  // "investor_in"
  bool symmetric = false;
  std::vector<std::string> subject_types;  // expanded entity type names
  std::vector<std::string> object_types;
  bool has_amount = false, has_date = false, has_duration = false;
};

// Immutable after Load; thread-safe for reading.
class Ontology {
 public:
  // Loads entity_types.tsv and relation_types.tsv from `schema_dir`.
  // Errors read "<file>:<line>: <what>".
  static Result<Ontology> Load(const std::string& schema_dir);

  const std::vector<EntityType>& entity_types() const { return entity_types_; }
  const std::vector<RelationType>& relation_types() const {
    return relation_types_;
  }
  const EntityType* FindEntityType(std::string_view name) const;
  const EntityType* FindEntityTypeByCode(char code) const;
  const RelationType* FindRelationType(std::string_view name) const;
  // Expands a type group: "org" -> every entity type but person, product and
  // facility; "player" -> org + person; "*" / "any" -> all; a single type
  // name -> itself. Returns an empty vector for an unknown name.
  std::vector<std::string> ExpandTypeGroup(std::string_view group) const;

 private:
  std::vector<EntityType> entity_types_;
  std::vector<RelationType> relation_types_;
};

}  // namespace newsgraph::ontology

#endif  // NEWSGRAPH_ONTOLOGY_ONTOLOGY_H_

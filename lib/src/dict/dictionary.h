// The entity dictionary: canonical entities with typed aliases, loaded from
// JSON Lines files (format: docs/dictionary-format.md).
#ifndef NEWSGRAPH_DICT_DICTIONARY_H_
#define NEWSGRAPH_DICT_DICTIONARY_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/status.h"
#include "ontology/ontology.h"

namespace newsgraph::dict {

struct Entity {
  std::string name;                  // canonical name
  std::string type;                  // an entity type of the ontology
  std::vector<std::string> aliases;  // matched case-insensitively
  std::vector<std::string> exact;    // matched case-sensitively
  std::vector<std::string> former;   // former names (matched like aliases)
  std::string ticker;                // informational
  bool discovered = false;           // not from a dictionary file
};

// A set of entities. Built by Load/Add, then read-only (thread-safe reads).
class Dictionary {
 public:
  explicit Dictionary(const ontology::Ontology* ontology)
      : ontology_(ontology) {}

  // Adds every entity of a JSON Lines file. Errors read "<path>:<line>: ...".
  // An alias already used by another entity is an error (name both).
  Status LoadFile(const std::string& path);
  // Loads every *.jsonl file of a directory, in name order.
  Status LoadDirectory(const std::string& dir);
  // Adds one entity; `where` prefixes error messages. An entity whose
  // canonical name exists already (same type) is merged: its aliases are
  // added. A different type for the same name is an error.
  Status Add(Entity entity, const std::string& where);

  const std::vector<Entity>& entities() const { return entities_; }
  // Index of the entity with this canonical name (exact), or -1.
  int Find(std::string_view canonical_name) const;
  // Index of the entity one of whose names or aliases is `form` (ASCII
  // case-insensitive), or -1.
  int FindForm(std::string_view form) const;
  const ontology::Ontology& ontology() const { return *ontology_; }

 private:
  const ontology::Ontology* ontology_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, int> by_name_;
  // Case-folded alias -> entity index, to report duplicates.
  std::unordered_map<std::string, int> alias_owner_;
};

// Parses one dictionary line (a JSON object) into an Entity. `where` is
// "<path>:<line>" for messages.
Result<Entity> ParseEntityLine(std::string_view line, const std::string& where);

}  // namespace newsgraph::dict

#endif  // NEWSGRAPH_DICT_DICTIONARY_H_

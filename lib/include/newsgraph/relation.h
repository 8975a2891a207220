// Relation: one typed, evidenced edge extracted from a sentence.
#ifndef NEWSGRAPH_RELATION_H_
#define NEWSGRAPH_RELATION_H_

#include <cstddef>
#include <optional>
#include <string>

namespace newsgraph {

struct EntityRef {
  std::string name;     // canonical name
  std::string type;     // entity type
  std::string mention;  // surface text in the sentence (original bytes)
  bool discovered = false;  // not from a dictionary
  bool coreference = false; // resolved from a pronoun-like phrase
};

struct Attributes {
  std::optional<double> amount;   // absolute value, e.g. 3e10
  std::string currency;           // ISO 4217 ("USD"), "" for counts
  std::string amount_text;        // surface form of the amount
  std::string date;               // ISO YYYY[-MM[-DD]] or ""
  std::string date_text;          // surface form of the date
  bool date_unresolved = false;   // relative date with no document date
  bool since = false;             // date starts an ongoing period
  std::optional<double> duration_years;
  std::string status = "asserted";  // asserted, reported, planned, negated,
                                    // denied
};

struct Evidence {
  std::string sentence;     // the sentence, original bytes
  size_t start = 0;         // byte offsets of the sentence in the document
  size_t end = 0;
};

struct Relation {
  std::string doc;
  EntityRef subject;
  std::string relation;     // relation type name
  EntityRef object;
  Attributes attrs;
  Evidence evidence;
  std::string rule;         // id of the rule that fired
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RELATION_H_

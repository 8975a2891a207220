// JSON node-link output (schemas/graph.schema.json).
#include <nlohmann/json.hpp>
#include <string>

#include "export/writers.h"

namespace newsgraph::exporter {

namespace {

using ojson = nlohmann::ordered_json;

ojson OrNull(const std::string& s) { return s.empty() ? ojson() : ojson(s); }

}  // namespace

std::string WriteJson(const ExportGraph& g) {
  ojson graph = {{"name", "newsgraph"},
                 {"focus", OrNull(g.focus)},
                 {"depth", g.focus.empty() ? ojson() : ojson(g.depth)},
                 {"as_of", OrNull(g.filter.as_of)},
                 {"statuses", g.filter.statuses},
                 {"relation_types", g.filter.relation_types}};
  ojson nodes = ojson::array();
  for (const ExportNode& n : g.nodes) {
    ojson j = {{"id", n.id},
               {"name", n.name},
               {"type", n.type},
               {"alliance", OrNull(n.alliance)}};
    if (n.depth >= 0) j["depth"] = n.depth;
    nodes.push_back(std::move(j));
  }
  ojson links = ojson::array();
  for (const ExportEdge& e : g.edges) {
    links.push_back({{"source", e.source},
                     {"target", e.target},
                     {"key", e.type},
                     {"id", e.id},
                     {"type", e.type},
                     {"symmetric", e.symmetric},
                     {"docs", e.docs},
                     {"evidence", e.evidence},
                     {"first_date", OrNull(e.first_date)},
                     {"last_date", OrNull(e.last_date)},
                     {"amount", e.amount ? ojson(*e.amount) : ojson()},
                     {"currency", OrNull(e.currency)},
                     {"status", OrNull(e.status)},
                     {"sentence", OrNull(e.sentence)},
                     {"doc", OrNull(e.doc)}});
  }
  ojson root = {{"directed", true},
                {"multigraph", true},
                {"graph", std::move(graph)},
                {"nodes", std::move(nodes)},
                {"links", std::move(links)}};
  return root.dump(1, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace newsgraph::exporter

// GraphViz dot output.
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "export/escape.h"
#include "export/writers.h"

namespace newsgraph::exporter {

namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string Title(const ExportGraph& g) {
  std::string t = "newsgraph: " + std::to_string(g.nodes.size()) +
                  " entities, " + std::to_string(g.edges.size()) + " relations";
  if (!g.focus.empty())
    t += "\nwithin " + std::to_string(g.depth) + " hop" +
         (g.depth == 1 ? "" : "s") + " of " + g.focus;
  if (!g.filter.relation_types.empty())
    t += "\nrelations: " + Join(g.filter.relation_types);
  if (!g.filter.statuses.empty()) t += "\nstatuses: " + Join(g.filter.statuses);
  if (!g.filter.as_of.empty()) t += "\nas of " + g.filter.as_of;
  return t;
}

std::string EdgeLabel(const ExportEdge& e) {
  std::string label = e.type;
  std::string detail;
  if (e.amount) detail = ShortAmount(*e.amount, e.currency);
  if (!e.first_date.empty()) {
    if (!detail.empty()) detail += ", ";
    detail += e.first_date;
    if (!e.last_date.empty() && e.last_date != e.first_date)
      detail += " to " + e.last_date;
  }
  if (!detail.empty()) label += "\n" + detail;
  return label;
}

void NodeLine(const ExportNode& n, const Styles& styles,
              const std::string& indent, std::string* out) {
  const Style& s = styles.Entity(n.type);
  *out += indent + n.id + " [label=" + DotQuote(n.name) + ", shape=" + s.style +
          ", fillcolor=" + DotQuote(s.colour) +
          ", tooltip=" + DotQuote(n.name + " (" + n.type + ")");
  if (n.depth == 0) *out += ", penwidth=3";
  *out += "];\n";
}

}  // namespace

std::string ShortAmount(double amount, const std::string& currency) {
  struct Unit {
    double scale;
    const char* suffix;
  };
  const Unit units[] = {{1e12, " tn"}, {1e9, " bn"}, {1e6, " M"}, {1, ""}};
  std::string out;
  for (const Unit& u : units) {
    if (std::fabs(amount) >= u.scale || u.scale == 1) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.4g", amount / u.scale);
      out = std::string(buf) + u.suffix;
      break;
    }
  }
  if (!currency.empty()) out += " " + currency;
  return out;
}

std::string WriteDot(const ExportGraph& g, const Styles& styles) {
  std::string out = "digraph newsgraph {\n";
  out += "  graph [label=" + DotQuote(Title(g)) +
         ", labelloc=t, fontname=\"sans-serif\", rankdir=LR, "
         "overlap=false];\n";
  out += "  node [fontname=\"sans-serif\", fontsize=11, style=filled];\n";
  out += "  edge [fontname=\"sans-serif\", fontsize=9];\n";
  std::set<std::string> clustered;
  for (size_t i = 0; i < g.clusters.size(); ++i) {
    const ExportCluster& c = g.clusters[i];
    out += "  subgraph cluster_" + std::to_string(i) + " {\n";
    out += "    label=" + DotQuote(c.alliance) +
           "; style=\"rounded,filled\"; fillcolor=\"#f6f3fb\"; "
           "color=\"#9467bd\";\n";
    for (const std::string& id : c.node_ids) clustered.insert(id);
    for (const ExportNode& n : g.nodes)
      if (clustered.count(n.id) && n.alliance == c.alliance)
        NodeLine(n, styles, "    ", &out);
    out += "  }\n";
  }
  for (const ExportNode& n : g.nodes)
    if (!clustered.count(n.id)) NodeLine(n, styles, "  ", &out);
  for (const ExportEdge& e : g.edges) {
    const Style& s = styles.Relation(e.type);
    out += "  " + e.source + " -> " + e.target + " [id=" + DotQuote(e.id) +
           ", label=" + DotQuote(EdgeLabel(e)) +
           ", color=" + DotQuote(s.colour) +
           ", fontcolor=" + DotQuote(s.colour) + ", style=" + s.style;
    if (e.symmetric) out += ", dir=none";
    if (!e.sentence.empty())
      out += ", tooltip=" + DotQuote(e.sentence + " (" + e.doc + ")");
    out += "];\n";
  }
  // Legend: the entity and relation types that occur.
  std::set<std::string> entity_types;
  std::map<std::string, bool> relation_types;  // type -> symmetric
  for (const ExportNode& n : g.nodes) entity_types.insert(n.type);
  for (const ExportEdge& e : g.edges) relation_types[e.type] = e.symmetric;
  out += "  subgraph cluster_legend {\n";
  out +=
      "    label=\"Legend\"; style=dashed; color=\"#999999\"; "
      "fontsize=10;\n";
  int i = 0;
  for (const std::string& t : entity_types) {
    const Style& s = styles.Entity(t);
    out += "    legend_e" + std::to_string(i++) + " [label=" + DotQuote(t) +
           ", shape=" + s.style + ", fillcolor=" + DotQuote(s.colour) +
           ", fontsize=9];\n";
  }
  i = 0;
  for (const auto& [t, symmetric] : relation_types) {
    const Style& s = styles.Relation(t);
    std::string a = "legend_r" + std::to_string(i) + "a",
                b = "legend_r" + std::to_string(i) + "b";
    ++i;
    out += "    " + a + " [label=\"\", shape=point, width=0.05];\n";
    out += "    " + b + " [label=\"\", shape=point, width=0.05];\n";
    out += "    " + a + " -> " + b + " [label=" + DotQuote(t) +
           ", color=" + DotQuote(s.colour) +
           ", fontcolor=" + DotQuote(s.colour) + ", style=" + s.style +
           (symmetric ? ", dir=none" : "") + "];\n";
  }
  out += "  }\n}\n";
  return out;
}

}  // namespace newsgraph::exporter

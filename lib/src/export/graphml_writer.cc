// GraphML output: every attribute declared by a typed <key>.
#include <cstdio>
#include <string>

#include "export/escape.h"
#include "export/writers.h"

namespace newsgraph::exporter {

namespace {

struct Key {
  const char* id;
  const char* domain;  // node, edge, graph
  const char* name;
  const char* type;  // string, int, double, boolean
};

// Key ids are "<domain letter>_<name>" so node and edge names never clash.
constexpr Key kKeys[] = {
    {"g_focus", "graph", "focus", "string"},
    {"g_depth", "graph", "depth", "int"},
    {"g_as_of", "graph", "as_of", "string"},
    {"g_statuses", "graph", "statuses", "string"},
    {"g_relation_types", "graph", "relation_types", "string"},
    {"n_name", "node", "name", "string"},
    {"n_type", "node", "type", "string"},
    {"n_alliance", "node", "alliance", "string"},
    {"n_depth", "node", "depth", "int"},
    {"e_type", "edge", "type", "string"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_docs", "edge", "docs", "int"},
    {"e_evidence", "edge", "evidence", "int"},
    {"e_first_date", "edge", "first_date", "string"},
    {"e_last_date", "edge", "last_date", "string"},
    {"e_amount", "edge", "amount", "double"},
    {"e_currency", "edge", "currency", "string"},
    {"e_status", "edge", "status", "string"},
    {"e_sentence", "edge", "sentence", "string"},
    {"e_doc", "edge", "doc", "string"},
};

void Data(const std::string& indent, const char* key, const std::string& value,
          std::string* out) {
  if (value.empty()) return;
  *out +=
      indent + "<data key=\"" + key + "\">" + XmlEscape(value) + "</data>\n";
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string Double(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

std::string WriteGraphml(const ExportGraph& g) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys)
    out += std::string("  <key id=\"") + k.id + "\" for=\"" + k.domain +
           "\" attr.name=\"" + k.name + "\" attr.type=\"" + k.type + "\"/>\n";
  out += "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n";
  const std::string in = "    ", in2 = "      ";
  Data(in, "g_focus", g.focus, &out);
  if (!g.focus.empty()) Data(in, "g_depth", std::to_string(g.depth), &out);
  Data(in, "g_as_of", g.filter.as_of, &out);
  Data(in, "g_statuses", Join(g.filter.statuses), &out);
  Data(in, "g_relation_types", Join(g.filter.relation_types), &out);
  for (const ExportNode& n : g.nodes) {
    out += in + "<node id=\"" + XmlEscape(n.id, true) + "\">\n";
    Data(in2, "n_name", n.name, &out);
    Data(in2, "n_type", n.type, &out);
    Data(in2, "n_alliance", n.alliance, &out);
    if (n.depth >= 0) Data(in2, "n_depth", std::to_string(n.depth), &out);
    out += in + "</node>\n";
  }
  for (const ExportEdge& e : g.edges) {
    out += in + "<edge id=\"" + XmlEscape(e.id, true) + "\" source=\"" +
           XmlEscape(e.source, true) + "\" target=\"" +
           XmlEscape(e.target, true) + "\">\n";
    Data(in2, "e_type", e.type, &out);
    Data(in2, "e_symmetric", e.symmetric ? "true" : "false", &out);
    Data(in2, "e_docs", std::to_string(e.docs), &out);
    Data(in2, "e_evidence", std::to_string(e.evidence), &out);
    Data(in2, "e_first_date", e.first_date, &out);
    Data(in2, "e_last_date", e.last_date, &out);
    if (e.amount) Data(in2, "e_amount", Double(*e.amount), &out);
    Data(in2, "e_currency", e.currency, &out);
    Data(in2, "e_status", e.status, &out);
    Data(in2, "e_sentence", e.sentence, &out);
    Data(in2, "e_doc", e.doc, &out);
    out += in + "</edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace newsgraph::exporter

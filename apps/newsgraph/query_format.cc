#include "query_format.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "table.h"

namespace newsgraph::cli {

using json = nlohmann::json;

std::string Arrow(const std::string& direction) {
  return direction == "out" ? "->" : direction == "in" ? "<-" : "--";
}

std::string Amount(const std::optional<double>& a, const std::string& cur) {
  if (!a) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", *a);
  return cur.empty() ? buf : cur + " " + buf;
}

void Print(const json& j) {
  std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

json ToJson(const EvidenceItem& e) {
  json j = {{"subject", e.subject},   {"relation", e.relation},
            {"object", e.object},     {"sentence", e.sentence},
            {"doc", e.doc},           {"source", e.source},
            {"doc_date", e.doc_date}, {"date", e.date},
            {"rule", e.rule},         {"status", e.status}};
  if (e.amount) {
    j["amount"] = *e.amount;
    j["currency"] = e.currency;
  }
  return j;
}

json ToJson(const Link& l) {
  return {{"relation", l.type},      {"direction", l.direction},
          {"other", l.other},        {"other_type", l.other_type},
          {"docs", l.docs},          {"first_date", l.first_date},
          {"last_date", l.last_date}};
}

json ToJson(const AllianceMember& m) {
  return {{"name", m.member},  {"type", m.member_type},
          {"role", m.role},    {"since", m.since},
          {"via", m.via_name}, {"support_docs", m.support_docs}};
}

void LinkTable(const std::vector<Link>& links, const std::string& indent) {
  Table t({"date", "relation", "dir", "other", "type", "docs"});
  for (const Link& l : links)
    t.Add({l.first_date, l.type, Arrow(l.direction), l.other, l.other_type,
           std::to_string(l.docs)});
  t.Print(std::cout, indent);
}

void EvidenceLines(const EvidenceItem& e, const std::string& indent) {
  std::string date = e.date.empty() ? e.doc_date : e.date;
  std::cout << indent << "\"" << e.sentence << "\"\n"
            << indent << "  (" << e.doc << (date.empty() ? "" : ", " + date)
            << ", " << e.status << ", " << e.rule << ")\n";
}

std::vector<std::string> SplitList(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      std::string item = v.substr(start, comma - start);
      if (!item.empty()) out.push_back(item);
      start = comma + 1;
    }
  }
  return out;
}

Status CheckFilter(GraphQuery& q, const std::string& verb,
                   const QueryFilter& f) {
  static const std::vector<std::string> kStatuses = {
      "asserted", "reported", "planned", "negated", "denied"};
  for (const std::string& s : f.statuses)
    if (std::find(kStatuses.begin(), kStatuses.end(), s) == kStatuses.end())
      return Status::InvalidArgument(
          verb + ": unknown --status '" + s +
          "' (expected asserted, reported, planned, negated or denied)");
  if (f.relation_types.empty()) return Status::Ok();
  auto types = q.Sql("SELECT name FROM relation_types", 1000);
  if (!types.ok()) return types.status();
  for (const std::string& t : f.relation_types) {
    bool known = false;
    for (const auto& row : types->rows) known |= row[0] == t;
    if (!known)
      return Status::InvalidArgument(verb + ": unknown relation type '" + t +
                                     "'; see schemas/relation_types.tsv");
  }
  return Status::Ok();
}

}  // namespace newsgraph::cli

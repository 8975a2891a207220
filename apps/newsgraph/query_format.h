// Output helpers of the query verbs: JSON objects and table lines for the
// GraphQuery result types.
#ifndef NEWSGRAPH_APPS_QUERY_FORMAT_H_
#define NEWSGRAPH_APPS_QUERY_FORMAT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli.h"
#include "newsgraph/query.h"

namespace newsgraph::cli {

// The items of comma-separated option values, empty items dropped.
std::vector<std::string> SplitList(const std::vector<std::string>& values);

// "->" for "out", "<-" for "in", "--" otherwise (symmetric).
std::string Arrow(const std::string& direction);
// "USD 3e+10"-style text of an amount, "" when absent.
std::string Amount(const std::optional<double>& a, const std::string& cur);
// Checks --rel and --status values against the store's relation types and
// the known statuses; errors start with `verb`.
Status CheckFilter(GraphQuery& q, const std::string& verb,
                   const QueryFilter& f);
// Prints `j` on stdout, indented; invalid UTF-8 is replaced.
void Print(const nlohmann::json& j);

nlohmann::json ToJson(const EvidenceItem& e);
nlohmann::json ToJson(const Link& l);
nlohmann::json ToJson(const AllianceMember& m);

// A table of links (date, relation, dir, other, type, docs) on stdout.
void LinkTable(const std::vector<Link>& links, const std::string& indent);
// The sentence in quotes, then (document, date, status, rule), on stdout.
void EvidenceLines(const EvidenceItem& e, const std::string& indent);

// Query verbs over an open store (alliance_command.cc); each prints a
// table, or JSON when `json_out`, and returns the exit code.
int RunAlliance(GraphQuery& q, const Args& a, const QueryFilter& f,
                bool json_out);  // also --compare
int RunAlliances(GraphQuery& q, const Args& a, const QueryFilter& f,
                 bool json_out);
int RunCamps(GraphQuery& q, const Args& a, const QueryFilter& f, bool json_out);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_APPS_QUERY_FORMAT_H_

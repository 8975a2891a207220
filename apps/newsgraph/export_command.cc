// newsgraph export: the graph (or the part around one entity) as dot, SVG,
// GraphML or JSON node-link data.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "newsgraph/export.h"
#include "newsgraph/query.h"
#include "query_format.h"

namespace newsgraph::cli {

namespace {

constexpr const char* kExportHelp =
    R"(usage: newsgraph export --format dot|svg|graphml|json [options]

Exports the graph store: every relation whose evidence passes the filters,
with the entities at its ends; with --focus, only the entities within
--depth hops of one entity and the relations among them. Output is
deterministic (nodes by name, edges by subject, type, object).

  dot      GraphViz: one cluster per alliance (its names and members),
           colour and style per relation type (schemas/export_styles.tsv),
           edge labels with amount and date, a legend
  svg      the dot picture drawn by GraphViz's 'dot' program (must be
           installed: apt-get install graphviz)
  graphml  GraphML with a typed <key> for every attribute
  json     node-link JSON (networkx/cytoscape; schemas/graph.schema.json)

Options:
  --format F         dot, svg, graphml or json (required)
  --focus NAME       only the entities around NAME (any alias)
  --depth N          hops around --focus, 1..10 (default: 1)
  --rel TYPE,...     only these relation types (schemas/relation_types.tsv)
  --as-of YYYY-MM-DD only evidence of documents dated on or before it
  --status S,...     evidence statuses to count (asserted, reported,
                     planned, negated, denied; default: all but negated
                     and denied)
  -o, --output FILE  write FILE (atomically: a failure never leaves a
                     partial file) instead of standard output
  --db FILE          the store (default: $NEWSGRAPH_DB, else newsgraph.db);
                     it must exist: export never creates it
  -h, --help         show this help

Exit codes: 0 ok; 1 unknown focus, missing store or GraphViz, failed
write; 2 bad command line or ambiguous focus.
)";


}  // namespace

int RunExport(int argc, char** argv) {
  auto parsed = ParseArgs(
      argc, argv, 2,
      {"format", "focus", "depth", "rel", "as-of", "status", "output", "db"},
      {});
  if (!parsed.ok()) return Fail(parsed.status());
  const Args& args = *parsed;
  if (args.Flag("help")) {
    std::cout << kExportHelp;
    return kExitOk;
  }
  if (!args.positional.empty())
    return Fail(Status::InvalidArgument("export: unexpected argument '" +
                                        args.positional[0] +
                                        "'; see 'newsgraph export --help'"));
  if (args.Value("format").empty())
    return Fail(Status::InvalidArgument(
        "export: --format is required (dot, svg, graphml or json)"));
  auto format = ParseExportFormat(args.Value("format"));
  if (!format.ok()) return Fail(format.status());

  ExportOptions o;
  o.focus = args.Value("focus");
  std::string depth = args.Value("depth");
  if (!depth.empty()) {
    if (o.focus.empty())
      return Fail(Status::InvalidArgument("export: --depth needs --focus"));
    char* end = nullptr;
    long n = std::strtol(depth.c_str(), &end, 10);
    if (*end != '\0' || n < 1 || n > 10)
      return Fail(Status::InvalidArgument("export: bad --depth '" + depth +
                                          "' (expected 1..10)"));
    o.depth = static_cast<int>(n);
  }
  o.filter.as_of = args.Value("as-of");
  if (Status st = CheckDateOption("export", o.filter.as_of, "--as-of");
      !st.ok())
    return Fail(st);
  o.filter.statuses = SplitList(args.Values("status"));
  o.filter.relation_types = SplitList(args.Values("rel"));
  std::string output = args.Value("output");
  if (args.values.count("output") && output.empty())
    return Fail(Status::InvalidArgument("export: empty --output"));

  auto query = GraphQuery::Open(DbPath(args));
  if (!query.ok()) return Fail(query.status());
  if (Status st = CheckFilter(**query, "export", o.filter); !st.ok()) return Fail(st);
  auto text = ExportGraphText(**query, *format, o);
  if (!text.ok()) return Fail(text.status());
  if (output.empty() || output == "-") {
    std::cout << *text;
    std::cout.flush();
    if (!std::cout)
      return Fail(Status::IoError("export: cannot write standard output"));
    return kExitOk;
  }
  if (Status st = WriteFileAtomically(output, *text); !st.ok()) return Fail(st);
  return kExitOk;
}

}  // namespace newsgraph::cli

// Export of the graph store (or a part of it) as GraphViz dot, SVG,
// GraphML or JSON node-link data.
//
//   auto q = newsgraph::GraphQuery::Open("news.db");
//   newsgraph::ExportOptions o;
//   o.focus = "AIP";  // the entities within o.depth hops of AIP
//   auto text = newsgraph::ExportGraphText(**q, newsgraph::ExportFormat::kDot,
//   o); NEWSGRAPH_RETURN_IF_ERROR(newsgraph::WriteFileAtomically("aip.dot",
//   *text));
//
// The exported graph holds the relations whose evidence passes
// ExportOptions::filter (relation types, statuses, as_of: QueryFilter in
// newsgraph/query.h) and the entities at their ends; with a focus, only the
// entities within `depth` hops of it and the relations among them. Nodes
// are ordered by name, type and id, edges by subject, type and object, so
// the same store always exports the same bytes.
//
// Node ids are "n<entity id>", edge ids "r<relation id>" (the store's row
// ids). Every format escapes names and sentences for itself (quotes,
// backslashes, new lines, <>&, any UTF-8); control characters that a
// format cannot carry (XML 1.0 forbids most of them) become U+FFFD.
//
// Colours and styles of the dot and SVG pictures come from
// <resource_dir>/schemas/export_styles.tsv; the SVG is drawn by GraphViz's
// `dot` program, run as a child process (docs/decisions/0003).
//
// Thread safety: the functions are thread-safe for distinct GraphQuery
// objects (a GraphQuery is not thread-safe).
#ifndef NEWSGRAPH_EXPORT_H_
#define NEWSGRAPH_EXPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/query.h"
#include "newsgraph/status.h"

namespace newsgraph {

enum class ExportFormat { kDot, kSvg, kGraphml, kJson };

// "dot", "svg", "graphml" or "json"; kInvalidArgument naming the choices
// otherwise.
Result<ExportFormat> ParseExportFormat(const std::string& name);

struct ExportOptions {
  QueryFilter filter;        // which relations and evidence (default: all
                             // types, supporting statuses, no date limit)
  std::string focus;         // "" = the whole graph; else an entity name
                             // (any alias, as GraphQuery::Resolve)
  int depth = 1;             // hops around the focus, >= 1
  std::string resource_dir;  // holds schemas/export_styles.tsv; "" =
                             // DefaultResourceDir()
  std::string dot_program = "dot";  // SVG: the GraphViz program (looked up
                                    // on PATH unless it holds a '/')
};

struct ExportNode {
  int64_t entity_id = 0;
  std::string id;  // "n<entity_id>"
  std::string name, type;
  std::string alliance;  // the alliance whose cluster holds it, or ""
  int depth = -1;        // hops from the focus; -1 without a focus
};

struct ExportEdge {
  int64_t relation_id = 0;
  std::string id;              // "r<relation_id>"
  std::string source, target;  // node ids: subject, object
  std::string type;
  bool symmetric = false;
  int64_t docs = 0, evidence = 0;
  std::string first_date, last_date;  // "" when undated
  // From the best evidence (asserted first, earliest): its status, and the
  // first amount stated by any passing evidence in that order.
  std::optional<double> amount;
  std::string currency;
  std::string status;
  std::string sentence, doc;  // the best evidence sentence and its document
};

// An alliance and the nodes its dot cluster holds: its names present in
// the graph and its members (roles founding_member and member; partners
// stay outside). A node in several alliances sits in the first by name.
struct ExportCluster {
  std::string alliance;               // current name
  std::vector<std::string> node_ids;  // in node order
};

struct ExportGraph {
  std::string focus;  // canonical name of the focus, or ""
  int depth = 0;      // 0 without a focus
  QueryFilter filter;
  std::vector<ExportNode> nodes;
  std::vector<ExportEdge> edges;
  std::vector<ExportCluster> clusters;  // by alliance name
};

// Reads the graph described by `options` from `q`. Errors: unknown or
// ambiguous focus (as GraphQuery::Resolve), depth < 1 (kInvalidArgument),
// store errors.
Result<ExportGraph> LoadExportGraph(GraphQuery& q,
                                    const ExportOptions& options);

// Renders `g` in `format`. dot and SVG read the style table
// (kNotFound / kDataError naming file and line when it is missing or bad);
// SVG runs GraphViz (kNotFound when the program is missing, kIoError naming
// its message when it fails).
Result<std::string> RenderExport(const ExportGraph& g, ExportFormat format,
                                 const ExportOptions& options);

// LoadExportGraph then RenderExport.
Result<std::string> ExportGraphText(GraphQuery& q, ExportFormat format,
                                    const ExportOptions& options);

// Writes `content` to `path` through a temporary file in the same
// directory, renamed over `path` once complete and flushed: readers see the
// old file or the new one, never a part. kIoError naming the path on
// failure (the temporary file is removed).
Status WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_H_

// The format writers of newsgraph::RenderExport. Each is a pure function
// of the graph (and the styles): deterministic bytes.
#ifndef NEWSGRAPH_EXPORT_WRITERS_H_
#define NEWSGRAPH_EXPORT_WRITERS_H_

#include <string>

#include "export/styles.h"
#include "newsgraph/export.h"

namespace newsgraph::exporter {

// GraphViz dot: a cluster per alliance, colour and style per relation type,
// edge labels with amount and date, a legend cluster.
std::string WriteDot(const ExportGraph& g, const Styles& styles);

// GraphML with a typed <key> for every attribute.
std::string WriteGraphml(const ExportGraph& g);

// JSON node-link data (networkx node_link_data / cytoscape style).
std::string WriteJson(const ExportGraph& g);

// "30 bn USD", "1.5 M", "800 EUR": a short amount for edge labels.
std::string ShortAmount(double amount, const std::string& currency);

// Runs `program` -Tsvg with `dot` on its standard input and returns its
// standard output. kNotFound when the program cannot be started, kIoError
// with its first error line when it fails.
Result<std::string> RunDot(const std::string& program, const std::string& dot);

}  // namespace newsgraph::exporter

#endif  // NEWSGRAPH_EXPORT_WRITERS_H_

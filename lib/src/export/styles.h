// The colours and styles of dot/SVG exports (schemas/export_styles.tsv).
#ifndef NEWSGRAPH_EXPORT_STYLES_H_
#define NEWSGRAPH_EXPORT_STYLES_H_

#include <map>
#include <string>

#include "newsgraph/status.h"

namespace newsgraph::exporter {

struct Style {
  std::string colour;  // a GraphViz colour: name or #rrggbb
  std::string style;   // relations: solid, dashed, dotted, bold;
                       // entities: a node shape (box, ellipse, ...)
};

class Styles {
 public:
  // Parses the table: '#' comments, blank lines, and rows
  // "relation|entity <TAB> type or * <TAB> colour <TAB> style". `file`
  // names the source in errors ("file:line: ..."). Both kinds need a '*'
  // row (the default for types without a row of their own).
  static Result<Styles> Parse(const std::string& text, const std::string& file);
  // Reads <dir>/schemas/export_styles.tsv ("" = DefaultResourceDir()).
  static Result<Styles> Load(const std::string& resource_dir);

  const Style& Relation(const std::string& type) const;
  const Style& Entity(const std::string& type) const;

 private:
  std::map<std::string, Style> relations_, entities_;
};

}  // namespace newsgraph::exporter

#endif  // NEWSGRAPH_EXPORT_STYLES_H_

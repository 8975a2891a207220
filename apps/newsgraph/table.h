// A plain-text table for the query verbs: columns padded to the display
// width of their widest cell (CJK and full-width characters count two).
#ifndef NEWSGRAPH_APPS_TABLE_H_
#define NEWSGRAPH_APPS_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace newsgraph::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> headers)
      : headers_(std::move(headers)) {}

  // Adds a row; missing cells are blank, extra cells are dropped. Tabs and
  // line breaks in a cell are shown as spaces.
  void Add(std::vector<std::string> row);
  bool empty() const { return rows_.empty(); }

  // Writes the header, a rule and the rows, each line indented by `indent`.
  void Print(std::ostream& out, const std::string& indent = "") const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// The number of terminal columns `s` (UTF-8) takes.
size_t DisplayWidth(const std::string& s);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_APPS_TABLE_H_

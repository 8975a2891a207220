#include "export/styles.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "base/file_util.h"
#include "newsgraph/resource_dir.h"

namespace newsgraph::exporter {

namespace {

const char* const kEdgeStyles[] = {"solid", "dashed", "dotted", "bold"};
const char* const kShapes[] = {
    "box",           "ellipse", "oval",     "circle",        "diamond",
    "hexagon",       "octagon", "house",    "component",     "note",
    "tab",           "folder",  "cylinder", "parallelogram", "trapezium",
    "doubleoctagon", "egg",     "triangle"};

bool ValidColour(const std::string& c) {
  if (c.empty()) return false;
  if (c[0] == '#') {
    return (c.size() == 7 || c.size() == 9) &&
           std::all_of(c.begin() + 1, c.end(), [](char ch) {
             return std::isxdigit(static_cast<unsigned char>(ch));
           });
  }
  return std::all_of(c.begin(), c.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
  });
}

template <size_t N>
bool OneOf(const std::string& s, const char* const (&choices)[N]) {
  return std::any_of(std::begin(choices), std::end(choices),
                     [&](const char* c) { return s == c; });
}

}  // namespace

Result<Styles> Styles::Parse(const std::string& text, const std::string& file) {
  Styles st;
  size_t n = 0;
  for (std::string_view raw : base::SplitLines(text)) {
    ++n;
    std::string_view line = base::Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    std::string where = file + ":" + std::to_string(n);
    auto f = base::Split(line, '\t');
    if (f.size() != 4)
      return Status::DataError(where +
                               ": expected 4 tab-separated fields "
                               "(kind, type, colour, style), found " +
                               std::to_string(f.size()));
    std::string kind(base::Trim(f[0])), type(base::Trim(f[1])),
        colour(base::Trim(f[2])), style(base::Trim(f[3]));
    if (type.empty()) return Status::DataError(where + ": empty type");
    if (!ValidColour(colour))
      return Status::DataError(where + ": bad colour '" + colour +
                               "' (a lower-case name or #rrggbb)");
    std::map<std::string, Style>* table = nullptr;
    if (kind == "relation") {
      if (!OneOf(style, kEdgeStyles))
        return Status::DataError(where + ": bad relation style '" + style +
                                 "' (solid, dashed, dotted or bold)");
      table = &st.relations_;
    } else if (kind == "entity") {
      if (!OneOf(style, kShapes))
        return Status::DataError(where + ": unknown node shape '" + style +
                                 "'");
      table = &st.entities_;
    } else {
      return Status::DataError(where + ": unknown kind '" + kind +
                               "' (relation or entity)");
    }
    if (!table->emplace(type, Style{colour, style}).second)
      return Status::DataError(where + ": duplicate row for " + kind + " '" +
                               type + "'");
  }
  for (auto [kind, table] : {std::pair{"relation", &st.relations_},
                             std::pair{"entity", &st.entities_}})
    if (!table->count("*"))
      return Status::DataError(file + ": no default row ('" +
                               std::string(kind) + "\t*') ");
  return st;
}

Result<Styles> Styles::Load(const std::string& resource_dir) {
  std::string dir = resource_dir.empty() ? DefaultResourceDir() : resource_dir;
  std::string path =
      (std::filesystem::path(dir) / "schemas" / "export_styles.tsv").string();
  auto text = base::ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

const Style& Styles::Relation(const std::string& type) const {
  auto it = relations_.find(type);
  return it != relations_.end() ? it->second : relations_.at("*");
}

const Style& Styles::Entity(const std::string& type) const {
  auto it = entities_.find(type);
  return it != entities_.end() ? it->second : entities_.at("*");
}

}  // namespace newsgraph::exporter

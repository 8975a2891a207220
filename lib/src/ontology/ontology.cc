#include "ontology/ontology.h"

#include <algorithm>

#include "base/file_util.h"

namespace newsgraph::ontology {

namespace {

std::string Where(const std::string& path, size_t line) {
  return path + ":" + std::to_string(line);
}

}  // namespace

const EntityType* Ontology::FindEntityType(std::string_view name) const {
  for (const auto& t : entity_types_)
    if (t.name == name) return &t;
  return nullptr;
}

const EntityType* Ontology::FindEntityTypeByCode(char code) const {
  for (const auto& t : entity_types_)
    if (t.code == code) return &t;
  return nullptr;
}

const RelationType* Ontology::FindRelationType(std::string_view name) const {
  for (const auto& t : relation_types_)
    if (t.name == name) return &t;
  return nullptr;
}

std::vector<std::string> Ontology::ExpandTypeGroup(
    std::string_view group) const {
  std::vector<std::string> out;
  auto is_org = [](const std::string& n) {
    return n != "person" && n != "product" && n != "facility";
  };
  for (const auto& t : entity_types_) {
    if (group == "*" || group == "any" || group == t.name ||
        (group == "org" && is_org(t.name)) ||
        (group == "player" && (is_org(t.name) || t.name == "person"))) {
      out.push_back(t.name);
    }
  }
  return out;
}

Result<Ontology> Ontology::Load(const std::string& schema_dir) {
  Ontology o;
  {
    std::string path = schema_dir + "/entity_types.tsv";
    auto text = base::ReadFile(path);
    if (!text.ok()) return text.status();
    size_t n = 0;
    for (std::string_view line : base::SplitLines(*text)) {
      ++n;
      if (base::Trim(line).empty() || line[0] == '#') continue;
      auto f = base::Split(line, '\t');
      if (f.size() < 3 || f[2].size() != 1)
        return Status::DataError(
            Where(path, n) + ": expected 'id<TAB>name<TAB>code<TAB>description'");
      EntityType t;
      t.id = std::atoi(std::string(f[0]).c_str());
      t.name = std::string(f[1]);
      t.code = f[2][0];
      if (t.id <= 0 || o.FindEntityType(t.name) ||
          o.FindEntityTypeByCode(t.code))
        return Status::DataError(Where(path, n) +
                                 ": bad or duplicate id, name or code");
      o.entity_types_.push_back(t);
    }
  }
  std::string path = schema_dir + "/relation_types.tsv";
  auto text = base::ReadFile(path);
  if (!text.ok()) return text.status();
  size_t n = 0;
  for (std::string_view line : base::SplitLines(*text)) {
    ++n;
    if (base::Trim(line).empty() || line[0] == '#') continue;
    auto f = base::Split(line, '\t');
    if (f.size() < 6)
      return Status::DataError(
          Where(path, n) +
          ": expected 'id name symmetric subject_types object_types attrs "
          "description' separated by tabs");
    RelationType t;
    t.id = std::atoi(std::string(f[0]).c_str());
    t.name = std::string(f[1]);
    t.symmetric = f[2] == "1";
    for (int side = 0; side < 2; ++side) {
      auto& dst = side == 0 ? t.subject_types : t.object_types;
      for (std::string_view g : base::Split(f[3 + side], ',')) {
        auto names = o.ExpandTypeGroup(base::Trim(g));
        if (names.empty())
          return Status::DataError(Where(path, n) + ": unknown entity type '" +
                                   std::string(g) + "'");
        for (auto& nm : names)
          if (std::find(dst.begin(), dst.end(), nm) == dst.end())
            dst.push_back(nm);
      }
    }
    for (std::string_view a : base::Split(f[5], ',')) {
      a = base::Trim(a);
      if (a == "amount") t.has_amount = true;
      else if (a == "date") t.has_date = true;
      else if (a == "duration") t.has_duration = true;
      else if (!a.empty() && a != "-")
        return Status::DataError(Where(path, n) + ": unknown attribute '" +
                                 std::string(a) + "'");
    }
    if (t.id <= 0 || o.FindRelationType(t.name))
      return Status::DataError(Where(path, n) + ": bad or duplicate relation");
    o.relation_types_.push_back(std::move(t));
  }
  return o;
}

}  // namespace newsgraph::ontology

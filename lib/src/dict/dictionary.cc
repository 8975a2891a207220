#include "dict/dictionary.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/file_util.h"

namespace newsgraph::dict {

namespace {

std::string FoldKey(std::string_view s) {
  // ASCII case folding is enough for duplicate detection of Latin aliases;
  // CJK aliases compare byte for byte.
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

Status ReadStringList(const nlohmann::json& j, const char* field,
                      std::vector<std::string>* out, const std::string& where) {
  if (!j.contains(field)) return Status::Ok();
  const auto& v = j[field];
  if (!v.is_array())
    return Status::DataError(where + ": '" + field +
                             "' must be an array of strings");
  for (const auto& a : v) {
    if (!a.is_string())
      return Status::DataError(where + ": '" + field +
                               "' must be an array of strings");
    std::string s = a.get<std::string>();
    if (base::Trim(s).empty())
      return Status::DataError(where + ": empty name in '" + field + "'");
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

}  // namespace

Result<Entity> ParseEntityLine(std::string_view line,
                               const std::string& where) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::DataError(where + ": not a JSON object");
  Entity e;
  if (!j.contains("name") || !j["name"].is_string() ||
      base::Trim(j["name"].get<std::string>()).empty())
    return Status::DataError(where + ": missing string field 'name'");
  e.name = j["name"].get<std::string>();
  if (!j.contains("type") || !j["type"].is_string())
    return Status::DataError(where + ": missing string field 'type'");
  e.type = j["type"].get<std::string>();
  NEWSGRAPH_RETURN_IF_ERROR(ReadStringList(j, "aliases", &e.aliases, where));
  NEWSGRAPH_RETURN_IF_ERROR(ReadStringList(j, "exact", &e.exact, where));
  NEWSGRAPH_RETURN_IF_ERROR(ReadStringList(j, "former", &e.former, where));
  if (j.contains("ticker")) {
    if (!j["ticker"].is_string())
      return Status::DataError(where + ": 'ticker' must be a string");
    e.ticker = j["ticker"].get<std::string>();
  }
  return e;
}

int Dictionary::Find(std::string_view canonical_name) const {
  auto it = by_name_.find(std::string(canonical_name));
  return it == by_name_.end() ? -1 : it->second;
}

int Dictionary::FindForm(std::string_view form) const {
  auto it = alias_owner_.find(FoldKey(form));
  return it == alias_owner_.end() ? -1 : it->second;
}

Status Dictionary::Add(Entity e, const std::string& where) {
  if (!ontology_->FindEntityType(e.type))
    return Status::DataError(where + ": unknown entity type '" + e.type +
                             "' for '" + e.name + "'");
  int idx = Find(e.name);
  if (idx >= 0 && entities_[idx].type != e.type)
    return Status::DataError(where + ": '" + e.name +
                             "' is already an entity of type " +
                             entities_[idx].type + ", not " + e.type);
  if (idx < 0) {
    idx = int(entities_.size());
    Entity base;
    base.name = e.name;
    base.type = e.type;
    base.discovered = e.discovered;
    entities_.push_back(std::move(base));
    by_name_[e.name] = idx;
  }
  Entity& dst = entities_[idx];
  if (!e.ticker.empty()) dst.ticker = e.ticker;
  // Every surface form, checked against other entities' forms.
  auto claim = [&](const std::string& form) -> Status {
    std::string key = FoldKey(form);
    auto [it, inserted] = alias_owner_.emplace(key, idx);
    if (!inserted && it->second != idx)
      return Status::DataError(where + ": alias '" + form + "' of '" +
                               dst.name + "' already names '" +
                               entities_[it->second].name + "'");
    return Status::Ok();
  };
  NEWSGRAPH_RETURN_IF_ERROR(claim(e.name));
  auto add_all = [&](std::vector<std::string>& from,
                     std::vector<std::string>& to) -> Status {
    for (auto& a : from) {
      NEWSGRAPH_RETURN_IF_ERROR(claim(a));
      if (std::find(to.begin(), to.end(), a) == to.end())
        to.push_back(std::move(a));
    }
    return Status::Ok();
  };
  NEWSGRAPH_RETURN_IF_ERROR(add_all(e.aliases, dst.aliases));
  NEWSGRAPH_RETURN_IF_ERROR(add_all(e.exact, dst.exact));
  NEWSGRAPH_RETURN_IF_ERROR(add_all(e.former, dst.former));
  return Status::Ok();
}

Status Dictionary::LoadFile(const std::string& path) {
  auto text = base::ReadFile(path);
  if (!text.ok()) return text.status();
  size_t n = 0;
  for (std::string_view line : base::SplitLines(*text)) {
    ++n;
    std::string_view t = base::Trim(line);
    if (t.empty() || t[0] == '#') continue;
    std::string where = path + ":" + std::to_string(n);
    auto e = ParseEntityLine(t, where);
    if (!e.ok()) return e.status();
    NEWSGRAPH_RETURN_IF_ERROR(Add(std::move(e).value(), where));
  }
  return Status::Ok();
}

Status Dictionary::LoadDirectory(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& ent : std::filesystem::directory_iterator(dir, ec)) {
    if (ent.is_regular_file() && ent.path().extension() == ".jsonl")
      files.push_back(ent.path().string());
  }
  if (ec) return Status::NotFound(dir + ": cannot list directory: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) NEWSGRAPH_RETURN_IF_ERROR(LoadFile(f));
  return Status::Ok();
}

}  // namespace newsgraph::dict

#include "pipeline/corpus_line.h"

#include <cstdint>

#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace newsgraph::pipeline {

namespace {

Result<std::string> OptString(const nlohmann::json& j, const char* key,
                              const std::string& where) {
  if (!j.contains(key) || j[key].is_null()) return std::string();
  if (!j[key].is_string())
    return Status::DataError(where + ": field '" + key + "' must be a string");
  return j[key].get<std::string>();
}

// True when the line holds a byte below 0x20 (the reference rejects one
// inside a string) or what may be an escaped surrogate ("\uD8".."\uDF":
// the reference rejects a lone one). simdjson 3.0 rejected both as well in
// the tests, but the fast path does not rely on it. A false alarm (a tab
// between fields, a valid surrogate pair) only sends the line to the
// reference.
bool NeedsReference(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    const auto b = static_cast<unsigned char>(line[i]);
    if (b < 0x20) return true;
    if (b == '\\' && i + 3 < line.size() && line[i + 1] == 'u' &&
        (line[i + 2] == 'd' || line[i + 2] == 'D')) {
      const char c = line[i + 3];
      if ((c >= '8' && c <= '9') || (c >= 'a' && c <= 'f') ||
          (c >= 'A' && c <= 'F'))
        return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Document> ParseCorpusLineFast(std::string_view line,
                                            const std::string& where) {
  if (NeedsReference(line)) return std::nullopt;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object object;
  // The line is copied into the parser's padded buffer.
  if (parser.parse(line.data(), line.size()).get_object().get(object) !=
      simdjson::SUCCESS)
    return std::nullopt;
  Document d;
  d.kind = Document::Kind::kClean;
  enum Field { kId, kText, kDate, kTitle, kUrl, kLang, kCount };
  bool seen[kCount] = {};
  bool have_text = false;
  for (const auto field : object) {
    const std::string_view key = field.key;
    std::string* dst = nullptr;
    Field f;
    if (key == "text") { f = kText; dst = &d.text; }
    else if (key == "id") { f = kId; dst = &d.id; }
    else if (key == "date") { f = kDate; dst = &d.date; }
    else if (key == "title") { f = kTitle; dst = &d.title; }
    else if (key == "url") { f = kUrl; dst = &d.url; }
    else if (key == "lang") { f = kLang; dst = &d.lang; }
    else if (key == "entities") {
      if (!field.value.is_null()) return std::nullopt;
      continue;
    } else {
      continue;  // a field the reader does not use
    }
    // A repeated field: the reference keeps the last; let it decide.
    if (seen[f]) return std::nullopt;
    seen[f] = true;
    const simdjson::dom::element& v = field.value;
    if (v.is_string()) {
      std::string_view s;
      if (v.get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
      dst->assign(s.data(), s.size());
      if (f == kText) have_text = true;
    } else if (f == kId && v.is_int64()) {
      int64_t n = 0;
      if (v.get_int64().get(n) != simdjson::SUCCESS) return std::nullopt;
      d.id = std::to_string(n);
    } else if (!v.is_null() || f == kText) {
      return std::nullopt;  // the reference reports it
    }
  }
  if (!have_text) return std::nullopt;
  if (d.id.empty()) d.id = where;
  return d;
}

Result<Document> ParseCorpusLineReference(std::string_view line,
                                          const std::string& where) {
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded())
    return Status::DataError(where + ": not valid JSON");
  if (!j.is_object())
    return Status::DataError(where + ": expected a JSON object");
  Document d;
  d.kind = Document::Kind::kClean;
  if (!j.contains("text") || !j["text"].is_string())
    return Status::DataError(where + ": missing string field 'text'");
  d.text = std::move(j["text"].get_ref<std::string&>());  // the largest field
  if (j.contains("id") && j["id"].is_number_integer())
    d.id = std::to_string(j["id"].get<long long>());
  else {
    auto id = OptString(j, "id", where);
    if (!id.ok()) return id.status();
    d.id = id->empty() ? where : *id;
  }
  for (auto [key, dst] : {std::pair{"date", &d.date}, {"title", &d.title},
                          {"url", &d.url}, {"lang", &d.lang}}) {
    auto v = OptString(j, key, where);
    if (!v.ok()) return v.status();
    *dst = std::move(v).value();
  }
  if (j.contains("entities") && !j["entities"].is_null()) {
    if (!j["entities"].is_array())
      return Status::DataError(where + ": 'entities' must be an array");
    for (const auto& e : j["entities"]) {
      if (!e.is_object() || !e.contains("name") || !e["name"].is_string())
        return Status::DataError(where +
                                 ": every entity needs a string 'name'");
      DocumentEntity de;
      de.name = e["name"].get<std::string>();
      auto t = OptString(e, "type", where);
      if (!t.ok()) return t.status();
      de.type = *t;
      if (e.contains("aliases")) {
        if (!e["aliases"].is_array())
          return Status::DataError(where + ": 'aliases' must be an array");
        for (const auto& a : e["aliases"]) {
          if (!a.is_string())
            return Status::DataError(where + ": aliases must be strings");
          de.aliases.push_back(a.get<std::string>());
        }
      }
      d.entities.push_back(std::move(de));
    }
  }
  return d;
}

}  // namespace newsgraph::pipeline

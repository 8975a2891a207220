#include "newsgraph/input.h"

#include <filesystem>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/file_util.h"
#include "html/html_text.h"

namespace newsgraph {

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ".html" / ".htm", in any case.
bool IsHtmlPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return ext == ".html" || ext == ".htm";
}

// One document from a web page: the article text, already free of chrome.
Status ReadHtml(std::string_view content, const std::string& id,
                const std::string& name,
                const std::function<Status(Document&&)>& sink,
                std::vector<InputProblem>* problems) {
  auto page = html::HtmlToText(content, name);
  if (!page.ok()) {
    problems->push_back({name, page.status().message()});
    return page.status();
  }
  Document d;
  d.id = id;
  d.kind = Document::Kind::kClean;
  d.text = std::move(page->text);
  d.title = std::move(page->title);
  d.date = std::move(page->date);
  d.lang = std::move(page->lang);
  return sink(std::move(d));
}

// Reports a document whose input is over the size limit; true when it is.
bool TooLarge(size_t bytes, const std::string& where,
              const InputOptions& options,
              std::vector<InputProblem>* problems) {
  if (options.max_doc_bytes == 0 || bytes <= options.max_doc_bytes)
    return false;
  problems->push_back({where, where + ": document too large (" +
                                  std::to_string(bytes) +
                                  " bytes; the limit is " +
                                  std::to_string(options.max_doc_bytes) +
                                  " bytes)"});
  return true;
}

Result<std::string> OptString(const nlohmann::json& j, const char* key,
                              const std::string& where) {
  if (!j.contains(key) || j[key].is_null()) return std::string();
  if (!j[key].is_string())
    return Status::DataError(where + ": field '" + key + "' must be a string");
  return j[key].get<std::string>();
}

Status ReadJsonLines(std::string_view text, const std::string& name,
                     const std::function<Status(Document&&)>& sink,
                     std::vector<InputProblem>* problems,
                     const InputOptions& options) {
  size_t n = 0, pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = base::Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++n;
    if (raw.empty()) continue;
    std::string where = name + ":" + std::to_string(n);
    if (TooLarge(raw.size(), where, options, problems)) continue;
    std::string line(raw);
    auto doc = ParseCorpusLine(line, where);
    if (!doc.ok()) {
      problems->push_back({where, doc.status().message()});
      continue;
    }
    NEWSGRAPH_RETURN_IF_ERROR(sink(std::move(doc).value()));
  }
  return Status::Ok();
}

}  // namespace

Result<Document> ParseCorpusLine(const std::string& line,
                                 const std::string& where) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded())
    return Status::DataError(where + ": not valid JSON");
  if (!j.is_object())
    return Status::DataError(where + ": expected a JSON object");
  Document d;
  d.kind = Document::Kind::kClean;
  if (!j.contains("text") || !j["text"].is_string())
    return Status::DataError(where + ": missing string field 'text'");
  d.text = j["text"].get<std::string>();
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

Status ReadDocuments(const std::string& path,
                     const std::function<Status(Document&&)>& sink,
                     std::vector<InputProblem>* problems) {
  return ReadDocuments(path, sink, problems, InputOptions());
}

Status ReadDocuments(const std::string& path,
                     const std::function<Status(Document&&)>& sink,
                     std::vector<InputProblem>* problems,
                     const InputOptions& options) {
  const auto too_large = [&](size_t bytes) {
    return TooLarge(bytes, path == "-" ? "stdin" : path, options, problems)
               ? Status::DataError(problems->back().message)
               : Status::Ok();
  };
  std::string content;
  std::string name = path;
  if (path == "-") {
    name = "stdin";
    content.assign(std::istreambuf_iterator<char>(std::cin),
                   std::istreambuf_iterator<char>());
    size_t first = content.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && content[first] == '{')
      return ReadJsonLines(content, name, sink, problems, options);
    NEWSGRAPH_RETURN_IF_ERROR(too_large(content.size()));
    if (html::LooksLikeHtml(content))
      return ReadHtml(content, name, name, sink, problems);
  } else {
    // A page over the limit is not even read.
    std::error_code ec;
    if (!EndsWith(path, ".jsonl") &&
        std::filesystem::is_regular_file(path, ec)) {
      uintmax_t bytes = std::filesystem::file_size(path, ec);
      if (!ec) NEWSGRAPH_RETURN_IF_ERROR(too_large(size_t(bytes)));
    }
    auto t = base::ReadFile(path);
    if (!t.ok()) {
      problems->push_back({path, t.status().message()});
      return t.status();
    }
    content = std::move(t).value();
    if (EndsWith(path, ".jsonl"))
      return ReadJsonLines(content, path, sink, problems, options);
    NEWSGRAPH_RETURN_IF_ERROR(too_large(content.size()));
    if (IsHtmlPath(path))
      return ReadHtml(content, std::filesystem::path(path).filename().string(),
                      path, sink, problems);
  }
  // A NUL byte never occurs in text (UTF-16, which the extractor names by
  // its byte-order mark, aside): the file is binary.
  if (size_t nul = content.find('\0'); nul != std::string::npos &&
      content.rfind("\xFF\xFE", 0) != 0 && content.rfind("\xFE\xFF", 0) != 0) {
    std::string where = path == "-" ? "stdin" : path;
    problems->push_back({where, where + ": binary data (a NUL byte at byte " +
                                    std::to_string(nul) +
                                    "), not a text file"});
    return Status::DataError(problems->back().message);
  }
  Document d;
  d.id = path == "-" ? "stdin"
                     : std::filesystem::path(path).filename().string();
  d.kind = Document::Kind::kPage;
  d.text = std::move(content);
  return sink(std::move(d));
}

}  // namespace newsgraph

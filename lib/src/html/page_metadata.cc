#include "html/page_metadata.h"

#include <array>
#include <nlohmann/json.hpp>
#include <vector>

#include "html/element_kinds.h"
#include "html/text_builder.h"
#include "text/document_date.h"

namespace newsgraph::html {

namespace {

constexpr std::array<std::string_view, 19> kDateMetaKeys = {
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date"};

// JSON-LD blocks larger than this are not searched.
constexpr size_t kMaxJsonLdBytes = 1 << 20;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return out;
}

std::string Collapse(std::string_view s) {
  TextBuilder tb;
  tb.Append(s);
  std::string out = tb.Finish();
  if (!out.empty()) out.pop_back();
  return out;
}

// The concatenated text nodes under `element` (for dates and scripts).
std::string RawText(const Dom& dom, int element) {
  std::string out;
  const int end = SubtreeEnd(dom, element);
  for (int i = element + 1; i < end; ++i)
    if (dom.node(i).type == Node::Type::kText) out += dom.node(i).text;
  return out;
}

// The meta key of element `i`: its property, name or itemprop, lower case.
std::vector<std::string> MetaKeys(const Dom& dom, int i) {
  std::vector<std::string> keys;
  for (const char* attr : {"property", "name", "itemprop"})
    if (const std::string* v = dom.Attribute(i, attr))
      keys.push_back(Lower(*v));
  return keys;
}

std::string MetaContent(const Dom& dom, std::string_view key) {
  for (int i = 0; i < dom.size(); ++i) {
    if (!dom.IsElement(i, "meta")) continue;
    for (const std::string& k : MetaKeys(dom, i)) {
      if (k != key) continue;
      if (const std::string* c = dom.Attribute(i, "content")) return *c;
    }
  }
  return "";
}

// Date of a <time> or itemprop element: datetime/content attribute or text.
std::string ElementDate(const Dom& dom, int i) {
  for (const char* attr : {"datetime", "content"}) {
    if (const std::string* v = dom.Attribute(i, attr)) {
      std::string d = NormalizeDate(*v);
      if (!d.empty()) return d;
    }
  }
  return NormalizeDate(RawText(dom, i));
}

// "datePublished" anywhere in a JSON-LD value, depth first, iteratively.
std::string JsonLdDate(const nlohmann::json& root) {
  std::vector<const nlohmann::json*> stack = {&root};
  while (!stack.empty()) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_object()) {
      auto it = j->find("datePublished");
      if (it != j->end() && it->is_string()) {
        std::string d = NormalizeDate(it->get<std::string>());
        if (!d.empty()) return d;
      }
    }
    if (j->is_structured()) {
      std::vector<const nlohmann::json*> children;
      for (const auto& child : *j) children.push_back(&child);
      for (auto c = children.rbegin(); c != children.rend(); ++c)
        stack.push_back(*c);
    }
  }
  return "";
}

std::string TimeDate(const Dom& dom, const PageLayout& layout, int begin,
                     int end) {
  int first = -1;
  for (int i = begin; i < end; ++i) {
    if (layout.dropped[size_t(i)] || !dom.IsElement(i, "time")) continue;
    if (dom.Attribute(i, "pubdate") != nullptr) {
      std::string d = ElementDate(dom, i);
      if (!d.empty()) return d;
    }
    if (first < 0 && !ElementDate(dom, i).empty()) first = i;
  }
  return first >= 0 ? ElementDate(dom, first) : "";
}

}  // namespace

std::string PageLanguage(const Dom& dom) {
  std::string lang;
  const int html = dom.FindFirst("html");
  if (html >= 0) {
    for (const char* attr : {"lang", "xml:lang"}) {
      const std::string* v = dom.Attribute(html, attr);
      if (v != nullptr && !v->empty()) {
        lang = *v;
        break;
      }
    }
  }
  if (lang.empty()) {
    for (int i = 0; i < dom.size() && lang.empty(); ++i) {
      const std::string* eq = dom.Attribute(i, "http-equiv");
      if (dom.IsElement(i, "meta") && eq != nullptr &&
          Lower(*eq) == "content-language")
        if (const std::string* c = dom.Attribute(i, "content")) lang = *c;
    }
  }
  size_t b = lang.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = lang.find_first_of("-_ ,;", b);
  return Lower(lang.substr(b, e == std::string::npos ? e : e - b));
}

std::string NormalizeDate(std::string_view value) {
  auto m = text::FindDateInLine(value);
  if (!m || m->date.day == 0) return "";
  return m->date.ToIso();
}

std::string DeclaredDate(const Dom& dom, const PageLayout& layout) {
  for (std::string_view key : kDateMetaKeys) {
    std::string d = NormalizeDate(MetaContent(dom, key));
    if (!d.empty()) return d;
  }
  for (int i = 0; i < dom.size(); ++i) {
    const std::string* p = dom.Attribute(i, "itemprop");
    if (p == nullptr || Lower(*p) != "datepublished") continue;
    std::string d = ElementDate(dom, i);
    if (!d.empty()) return d;
  }
  for (int i = 0; i < dom.size(); ++i) {
    const std::string* type = dom.Attribute(i, "type");
    if (!dom.IsElement(i, "script") || type == nullptr ||
        Lower(*type).find("ld+json") == std::string::npos)
      continue;
    std::string json = RawText(dom, i);
    if (json.size() > kMaxJsonLdBytes) continue;
    nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded()) continue;
    std::string d = JsonLdDate(j);
    if (!d.empty()) return d;
  }
  const int root = layout.content_root;
  std::string d = TimeDate(dom, layout, root, SubtreeEnd(dom, root));
  if (d.empty()) d = TimeDate(dom, layout, 0, dom.size());
  return d;
}

std::string DeclaredTitle(const Dom& dom) {
  for (const char* key : {"og:title", "twitter:title"}) {
    std::string t = Collapse(MetaContent(dom, key));
    if (!t.empty()) return t;
  }
  const int title = dom.FindFirst("title");
  if (title < 0) return "";
  std::string t = Collapse(RawText(dom, title));
  std::string best;
  size_t pos = 0;
  while (true) {
    size_t bar = t.find(" | ", pos);
    std::string part =
        t.substr(pos, bar == std::string::npos ? bar : bar - pos);
    if (part.size() > best.size()) best = part;
    if (bar == std::string::npos) break;
    pos = bar + 3;
  }
  return best;
}

std::string InlineText(const Dom& dom, int element, const PageLayout& layout) {
  TextBuilder tb;
  Walk(
      dom, element,
      [&](int i) {
        const Node& n = dom.node(i);
        if (n.type == Node::Type::kText) {
          tb.Append(n.text);
          return false;
        }
        if (i != element && layout.dropped[size_t(i)]) return false;
        if (n.name == "br" || IsBlockTag(n.name)) tb.Append(" ");
        return true;
      },
      [&](int i) {
        if (IsBlockTag(dom.node(i).name)) tb.Append(" ");
      });
  std::string out = tb.Finish();
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace newsgraph::html

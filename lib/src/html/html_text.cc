#include "html/html_text.h"

#include <utility>

#include "html/charset.h"
#include "html/dom.h"
#include "html/element_kinds.h"
#include "html/libxml2_parser.h"
#include "html/page_layout.h"
#include "html/page_metadata.h"
#include "html/text_builder.h"
#include "text/document_date.h"

namespace newsgraph::html {

namespace {

// The text of the content root, without chrome and without the title <h1>.
std::string BodyText(const Dom& dom, const PageLayout& layout) {
  TextBuilder tb;
  int preformatted = 0;
  Walk(
      dom, layout.content_root,
      [&](int i) {
        const Node& n = dom.node(i);
        if (n.type == Node::Type::kText) {
          tb.Append(n.text, preformatted > 0);
          return false;
        }
        if (n.type == Node::Type::kDocument) return true;
        const bool block = IsBlockTag(n.name);
        if (layout.dropped[size_t(i)] || i == layout.title_node) {
          if (block) tb.BlockBreak();
          return false;
        }
        if (n.name == "br") {
          tb.LineBreak();
          return false;
        }
        if (block) tb.BlockBreak();
        if (IsPreformattedTag(n.name)) ++preformatted;
        return true;
      },
      [&](int i) {
        const Node& n = dom.node(i);
        if (n.type != Node::Type::kElement) return;
        if (IsBlockTag(n.name)) tb.BlockBreak();
        if (IsPreformattedTag(n.name)) --preformatted;
      });
  return tb.Finish();
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(s[i]) != prefix[i]) return false;
  return true;
}

}  // namespace

Result<HtmlText> HtmlToText(std::string_view html, const std::string& name) {
  const std::string utf8 = DecodeToUtf8(html, nullptr);
  auto dom = ParseHtml(utf8, name);
  if (!dom.ok()) return dom.status();
  PageLayout layout = AnalyzeLayout(*dom);

  HtmlText out;
  out.lang = PageLanguage(*dom);
  if (layout.title_node >= 0)
    out.title = InlineText(*dom, layout.title_node, layout);
  if (out.title.empty()) out.title = DeclaredTitle(*dom);
  const std::string body = BodyText(*dom, layout);
  out.date = DeclaredDate(*dom, layout);
  if (out.date.empty()) {
    if (auto d = text::FindDocumentDate(body)) {
      if (d->day != 0) out.date = d->ToIso();
    }
  }

  for (const std::string* head : {&out.title, &out.date}) {
    if (head->empty()) continue;
    out.text += *head;
    out.text += "\n\n";
  }
  out.text += body;
  if (body.empty() && !out.text.empty()) out.text.pop_back();
  return out;
}

bool LooksLikeHtml(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 1024);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  size_t pos = 0;
  while (true) {
    pos = s.find_first_not_of(" \t\r\n\f", pos);
    if (pos == std::string_view::npos) return false;
    std::string_view rest = s.substr(pos);
    if (StartsWithNoCase(rest, "<!doctype html") ||
        StartsWithNoCase(rest, "<html"))
      return true;
    // Skip a leading comment or XML declaration and look again.
    std::string_view close;
    if (rest.substr(0, 4) == "<!--")
      close = "-->";
    else if (rest.substr(0, 5) == "<?xml")
      close = "?>";
    else
      return false;
    size_t end = s.find(close, pos);
    if (end == std::string_view::npos) return false;
    pos = end + close.size();
  }
}

}  // namespace newsgraph::html

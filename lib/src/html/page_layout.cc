#include "html/page_layout.h"

#include <cstdint>
#include <string>

#include "html/chrome_rules.h"

namespace newsgraph::html {

namespace {

// What a subtree holds (bit set).
constexpr uint8_t kHoldsH1 = 1;
constexpr uint8_t kHoldsMain = 2;
constexpr uint8_t kHoldsArticle = 4;

bool HasRole(const Dom& dom, int i, const char* role) {
  const std::string* r = dom.Attribute(i, "role");
  return r != nullptr && *r == role;
}

bool IsArticle(const Dom& dom, int i) {
  return dom.IsElement(i, "article") || HasRole(dom, i, "article");
}

bool IsMain(const Dom& dom, int i) {
  return dom.IsElement(i, "main") || HasRole(dom, i, "main");
}

size_t VisibleBytes(const std::string& text) {
  size_t n = 0;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++n;
  return n;
}

// The first element of [begin, end) named `name` that is not dropped.
int FirstKept(const Dom& dom, const PageLayout& layout, int begin, int end,
              const char* name) {
  for (int i = begin; i < end; ++i)
    if (!layout.dropped[size_t(i)] && dom.IsElement(i, name)) return i;
  return -1;
}

}  // namespace

int SubtreeEnd(const Dom& dom, int i) {
  for (int n = i; n >= 0; n = dom.node(n).parent)
    if (dom.node(n).next_sibling >= 0) return dom.node(n).next_sibling;
  return dom.size();
}

PageLayout AnalyzeLayout(const Dom& dom) {
  const size_t n = size_t(dom.size());
  PageLayout layout;
  layout.dropped.assign(n, 0);

  // What each subtree holds (children come after their parent).
  std::vector<uint8_t> holds(n, 0);
  for (size_t i = n; i-- > 1;) {
    const int e = int(i);
    if (dom.IsElement(e, "h1")) holds[i] |= kHoldsH1;
    if (IsMain(dom, e)) holds[i] |= kHoldsMain;
    if (IsArticle(dom, e)) holds[i] |= kHoldsArticle;
    holds[size_t(dom.node(e).parent)] |= holds[i];
  }
  const bool has_story = (holds[0] & (kHoldsMain | kHoldsArticle)) != 0;

  // Chrome, top down (parents come before their children).
  std::vector<char> in_story(n, 0);
  for (size_t i = 1; i < n; ++i) {
    const int e = int(i);
    const Node& node = dom.node(e);
    const size_t parent = size_t(node.parent);
    in_story[i] = in_story[parent];
    layout.dropped[i] = layout.dropped[parent];
    if (node.type != Node::Type::kElement || layout.dropped[i]) continue;
    const bool story = IsArticle(dom, e) || IsMain(dom, e);
    in_story[i] = in_story[i] || story;
    bool chrome = IsChromeTag(node.name);
    if (node.name == "header" && !in_story[parent])
      chrome = has_story || (holds[i] & kHoldsH1) == 0;
    if (!chrome && node.name != "html" && node.name != "body") {
      const bool class_rules =
          !story && (holds[i] & (kHoldsH1 | kHoldsMain)) == 0;
      chrome = IsChromeByAttributes(dom, e, class_rules);
    }
    if (chrome) layout.dropped[i] = 1;
  }

  // Visible text per subtree, counting only what is kept.
  std::vector<size_t> text(n, 0);
  for (size_t i = n; i-- > 1;) {
    const Node& node = dom.node(int(i));
    if (node.type == Node::Type::kText) text[i] = VisibleBytes(node.text);
    if (!layout.dropped[i]) text[size_t(node.parent)] += text[i];
  }

  int body = dom.FindFirst("body");
  if (body < 0 || layout.dropped[size_t(body)]) body = Dom::kDocument;
  layout.content_root = body;
  int best_article = -1;
  for (size_t i = 1; i < n; ++i) {
    if (layout.dropped[i] || !IsArticle(dom, int(i))) continue;
    if (best_article < 0 || text[i] > text[size_t(best_article)])
      best_article = int(i);
  }
  if (best_article >= 0 && text[size_t(best_article)] > 0 &&
      text[size_t(best_article)] * 5 >= text[size_t(body)]) {
    layout.content_root = best_article;
  } else {
    for (size_t i = 1; i < n; ++i) {
      if (!layout.dropped[i] && IsMain(dom, int(i)) && text[i] > 0) {
        layout.content_root = int(i);
        break;
      }
    }
  }

  const int root = layout.content_root;
  layout.title_node = FirstKept(dom, layout, root, SubtreeEnd(dom, root), "h1");
  if (layout.title_node < 0)
    layout.title_node = FirstKept(dom, layout, 1, dom.size(), "h1");
  return layout;
}

}  // namespace newsgraph::html

// Dom: a parsed HTML page as a flat, immutable tree of elements and text.
//
// Nodes live in one vector in document order (a parent always comes before
// its children), linked by indices, so building, walking and destroying a
// tree never recurses however deep the page nests.
#ifndef NEWSGRAPH_HTML_DOM_H_
#define NEWSGRAPH_HTML_DOM_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph::html {

struct Node {
  enum class Type { kDocument, kElement, kText };

  Type type = Type::kElement;
  std::string name;  // elements: lower-case tag name ("div"); else ""
  std::string text;  // text nodes: UTF-8 content, entities decoded; else ""
  // Elements: attributes in source order, lower-case names, decoded values.
  std::vector<std::pair<std::string, std::string>> attributes;
  int parent = -1;  // -1 for the document node only
  int first_child = -1;
  int last_child = -1;
  int next_sibling = -1;
};

// A tree built in document order by AddElement/AddText, then read.
// Thread safety: const methods may be called concurrently.
class Dom {
 public:
  static constexpr int kDocument = 0;  // index of the document node

  Dom();  // holds the document node only

  // Appends a last child of `parent` (which must be the document or an
  // element added before, so the vector stays in document order) and returns
  // its index.
  int AddElement(int parent, std::string name,
                 std::vector<std::pair<std::string, std::string>> attributes);
  int AddText(int parent, std::string text);

  int size() const { return int(nodes_.size()); }
  const Node& node(int i) const { return nodes_[size_t(i)]; }

  // True when node `i` is an element named `name` (lower case).
  bool IsElement(int i, std::string_view name) const;

  // The value of attribute `name` (lower case) of node `i`, or nullptr.
  const std::string* Attribute(int i, std::string_view name) const;

  // The first element named `name` in document order, or -1.
  int FindFirst(std::string_view name) const;

  // True when `ancestor` is `node` or one of its ancestors.
  bool Contains(int ancestor, int node) const;

 private:
  int Add(int parent, Node node);

  std::vector<Node> nodes_;
};

// Visits the subtree of `root` in document order without recursion:
// enter(i) is called for every node reached and returns whether to visit its
// children; exit(i) follows the children of every node whose enter returned
// true (also when it has none).
template <typename Enter, typename Exit>
void Walk(const Dom& dom, int root, Enter&& enter, Exit&& exit) {
  if (!enter(root)) return;
  int n = dom.node(root).first_child;
  if (n < 0) {
    exit(root);
    return;
  }
  while (true) {
    if (enter(n)) {
      if (dom.node(n).first_child >= 0) {
        n = dom.node(n).first_child;
        continue;
      }
      exit(n);
    }
    while (dom.node(n).next_sibling < 0) {
      n = dom.node(n).parent;
      exit(n);
      if (n == root) return;
    }
    n = dom.node(n).next_sibling;
  }
}

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_DOM_H_

#include "html/dom.h"

namespace newsgraph::html {

Dom::Dom() {
  Node doc;
  doc.type = Node::Type::kDocument;
  nodes_.push_back(std::move(doc));
}

int Dom::Add(int parent, Node node) {
  const int index = size();
  node.parent = parent;
  Node& p = nodes_[size_t(parent)];
  if (p.last_child >= 0)
    nodes_[size_t(p.last_child)].next_sibling = index;
  else
    p.first_child = index;
  p.last_child = index;
  nodes_.push_back(std::move(node));
  return index;
}

int Dom::AddElement(
    int parent, std::string name,
    std::vector<std::pair<std::string, std::string>> attributes) {
  Node n;
  n.type = Node::Type::kElement;
  n.name = std::move(name);
  n.attributes = std::move(attributes);
  return Add(parent, std::move(n));
}

int Dom::AddText(int parent, std::string text) {
  Node n;
  n.type = Node::Type::kText;
  n.text = std::move(text);
  return Add(parent, std::move(n));
}

bool Dom::IsElement(int i, std::string_view name) const {
  const Node& n = node(i);
  return n.type == Node::Type::kElement && n.name == name;
}

const std::string* Dom::Attribute(int i, std::string_view name) const {
  for (const auto& [key, value] : node(i).attributes)
    if (key == name) return &value;
  return nullptr;
}

int Dom::FindFirst(std::string_view name) const {
  for (int i = 0; i < size(); ++i)
    if (IsElement(i, name)) return i;
  return -1;
}

bool Dom::Contains(int ancestor, int n) const {
  // Document order: an ancestor never has a larger index.
  for (; n >= ancestor && n >= 0; n = node(n).parent)
    if (n == ancestor) return true;
  return false;
}

}  // namespace newsgraph::html

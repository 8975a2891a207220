// Span: a half-open byte range of a text.
#ifndef NEWSGRAPH_TEXT_SPAN_H_
#define NEWSGRAPH_TEXT_SPAN_H_

#include <cstddef>
#include <string_view>

namespace newsgraph::text {

// Byte offsets [begin, end) into a UTF-8 text; begin <= end.
struct Span {
  size_t begin = 0;
  size_t end = 0;

  // Length in bytes.
  size_t size() const { return end - begin; }
  // True when the span covers no bytes.
  bool empty() const { return begin == end; }
  // The bytes of `text` this span covers. Requires end <= text.size().
  std::string_view In(std::string_view text) const {
    return text.substr(begin, end - begin);
  }

  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_SPAN_H_

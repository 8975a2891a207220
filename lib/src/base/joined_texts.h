// Several texts joined into one buffer for a single scan, and the way back
// from an offset in the buffer to the text it falls in.
#ifndef NEWSGRAPH_BASE_JOINED_TEXTS_H_
#define NEWSGRAPH_BASE_JOINED_TEXTS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::base {

// The texts joined by a newline between each two. A match that does not
// hold the newline lies inside one text. Reused from call to call (keep
// one per thread).
class JoinedTexts {
 public:
  // Joins `texts` (of `T`, with `view(T)` giving its string_view). False
  // when the buffer would outgrow 32-bit offsets.
  template <typename T, typename View>
  bool Join(std::span<const T> texts, View view) {
    text_.clear();
    ends_.clear();
    for (size_t k = 0; k < texts.size(); ++k) {
      if (k > 0) text_.push_back('\n');
      text_.append(view(texts[k]));
      if (text_.size() > UINT32_MAX) return false;
      ends_.push_back(uint32_t(text_.size()));
    }
    return true;
  }

  const std::string& text() const { return text_; }

  // The text a match ending at `end` (an offset past its last byte) ends
  // in: the first whose end is not before it. A match that takes in the
  // newline after text k goes to text k + 1.
  size_t TextOf(uint64_t end) const {
    return size_t(std::lower_bound(ends_.begin(), ends_.end(), end) -
                  ends_.begin());
  }

  // Where text k starts in the buffer; its length is `length`.
  uint32_t Start(size_t k, size_t length) const {
    return ends_[k] - uint32_t(length);
  }

 private:
  std::string text_;
  std::vector<uint32_t> ends_;  // where each text ends in text_
};

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_JOINED_TEXTS_H_

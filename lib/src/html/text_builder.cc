#include "html/text_builder.h"

#include "text/char_class.h"
#include "text/utf8.h"

namespace newsgraph::html {

namespace {

// East Asian wide characters between which a segment break disappears.
bool IsWideForBreaks(char32_t c) {
  if (c < 0x2E80) return false;
  if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
      (c >= 0xAC00 && c <= 0xD7AF))
    return false;  // Hangul: Korean separates words with spaces
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFFE0 && c <= 0xFFE6))
    return true;  // CJK and full-width punctuation
  return text::IsCjk(c);
}

}  // namespace

void TextBuilder::AppendCodePoint(std::string_view bytes, char32_t c) {
  if (pending_space_ && !line_.empty()) {
    bool drop = false;
    if (pending_break_ && IsWideForBreaks(c)) {
      size_t p = text::PreviousCodePointStart(line_, line_.size());
      drop = IsWideForBreaks(text::DecodeUtf8(line_, p).code_point);
    }
    if (!drop) line_ += ' ';
  }
  pending_space_ = pending_break_ = false;
  line_.append(bytes);
}

void TextBuilder::Append(std::string_view text, bool preformatted) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == '\n' && preformatted) {
        LineBreak();
      } else if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' ||
                 b == '\v') {
        pending_space_ = true;
        if (b == '\n' || b == '\r') pending_break_ = true;
      } else {
        AppendCodePoint(text.substr(i, 1), b);
      }
      ++i;
      continue;
    }
    const text::Decoded d = text::DecodeUtf8(text, i);
    if (d.valid && (d.code_point == 0x200B || d.code_point == 0xFEFF)) {
      // Invisible: neither a letter nor a space.
    } else if (d.valid && text::IsWhiteSpace(d.code_point)) {
      pending_space_ = true;
    } else if (d.valid) {
      AppendCodePoint(text.substr(i, d.length), d.code_point);
    } else {
      AppendCodePoint(text::kReplacementUtf8, 0xFFFD);
    }
    i += d.length;
  }
}

void TextBuilder::LineBreak() {
  pending_space_ = pending_break_ = false;
  if (line_.empty()) return;
  if (!out_.empty()) out_ += block_open_ ? "\n" : "\n\n";
  out_ += line_;
  line_.clear();
  block_open_ = true;
}

void TextBuilder::BlockBreak() {
  LineBreak();
  block_open_ = false;
}

std::string TextBuilder::Finish() {
  BlockBreak();
  std::string result = std::move(out_);
  if (!result.empty()) result += '\n';
  out_.clear();
  return result;
}

}  // namespace newsgraph::html

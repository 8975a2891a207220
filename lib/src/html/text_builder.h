// TextBuilder: lays out the text of HTML elements as lines and blocks the
// way a browser would show them, minus styling.
#ifndef NEWSGRAPH_HTML_TEXT_BUILDER_H_
#define NEWSGRAPH_HTML_TEXT_BUILDER_H_

#include <string>
#include <string_view>

namespace newsgraph::html {

// Accumulates text into blocks (paragraphs, headings, list items...) made of
// lines. Finish() returns the blocks separated by one blank line, the lines
// of a block by a line break, and a final line break; empty lines and
// empty blocks never appear.
//
// White space: inside a line every run of white space (text::IsWhiteSpace:
// ASCII spaces, tabs and line breaks, U+00A0, U+3000, U+2000..U+200A...)
// becomes one ASCII space, and lines are trimmed; the invisible U+200B and
// U+FEFF are dropped. A run that contains a line
// break and sits between two East Asian wide characters (Han, kana,
// bopomofo, CJK and full-width punctuation; not Hangul) is dropped instead,
// as CSS Text 3 does for segment breaks, so "软银\n集团" reads "软银集团".
// Not thread-safe; one builder per page.
class TextBuilder {
 public:
  // Appends UTF-8 text. With `preformatted` (inside <pre>), line breaks in
  // `text` end lines instead of becoming spaces.
  void Append(std::string_view text, bool preformatted = false);
  // Ends the current line (<br>); the block goes on.
  void LineBreak();
  // Ends the current block (the start or end of <p>, <div>, <li>...).
  void BlockBreak();
  // True when nothing has been appended to the current line yet.
  bool LineEmpty() const { return line_.empty(); }
  // The text laid out so far, with the current block ended. The builder is
  // left empty.
  std::string Finish();

 private:
  void AppendCodePoint(std::string_view bytes, char32_t c);

  std::string out_;          // finished lines
  std::string line_;         // the current line, without pending space
  bool block_open_ = false;  // a line of the current block is in out_
  bool pending_space_ = false;
  bool pending_break_ = false;  // the pending space held a line break
};

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_TEXT_BUILDER_H_

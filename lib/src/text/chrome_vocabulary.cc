#include "text/chrome_vocabulary.h"

namespace newsgraph::text {

namespace {

// Boilerplate vocabulary.
//
// Each entry is matched against the line with ASCII letters lower-cased.
// Latin entries match whole words only (no ASCII letter right before or
// after), so "share" never matches "shares". Where an entry may match:
//   kStart      at the start of the line, after leading brackets, bullets
//               and spaces ("(文章来源：…)", "【免责声明】…", "• Read more");
//   kLabel      like kStart, followed by optional spaces and ':' or '：'
//               ("来源：…", "Source: …"; a plain "来源于…" sentence is not);
//   kAnywhere   anywhere; phrases that never occur in news prose;
//   kShortLine  anywhere in a line of at most kShortLineMax code points:
//               button and widget words that prose does use in longer lines.
// `footer` entries also end the article once a content block has been seen.
enum class Where { kStart, kLabel, kAnywhere, kShortLine };

struct Marker {
  std::string_view text;
  Where where;
  bool footer;
};

constexpr size_t kShortLineMax = 24;

constexpr Marker kMarkers[] = {
    // Source, editor and byline labels.
    {"来源", Where::kLabel, false},
    {"编辑", Where::kLabel, false},
    {"作者", Where::kLabel, false},
    {"记者", Where::kLabel, false},
    {"出处", Where::kLabel, false},
    {"摄影", Where::kLabel, false},
    {"图片", Where::kLabel, false},
    {"标签", Where::kLabel, false},
    {"关键词", Where::kLabel, false},
    {"关键字", Where::kLabel, false},
    {"时间", Where::kLabel, false},
    {"日期", Where::kLabel, false},
    {"发布时间", Where::kLabel, false},
    {"发表时间", Where::kLabel, false},
    {"更新时间", Where::kLabel, false},
    {"当前位置", Where::kLabel, false},
    {"您的位置", Where::kLabel, false},
    {"您现在的位置", Where::kLabel, false},
    {"source", Where::kLabel, false},
    {"sources", Where::kLabel, false},
    {"editor", Where::kLabel, false},
    {"author", Where::kLabel, false},
    {"tags", Where::kLabel, false},
    {"topics", Where::kLabel, false},
    {"photo", Where::kLabel, false},
    {"image", Where::kLabel, false},
    {"credit", Where::kLabel, false},
    {"share", Where::kLabel, false},
    {"you are here", Where::kLabel, false},
    {"责任编辑", Where::kStart, true},
    {"文章来源", Where::kStart, true},
    {"原标题", Where::kStart, true},
    {"本文来源", Where::kStart, false},
    {"文/", Where::kStart, false},
    {"文|", Where::kStart, false},
    {"文｜", Where::kStart, false},
    {"published", Where::kStart, false},
    {"updated", Where::kStart, false},
    {"last updated", Where::kStart, false},
    {"posted", Where::kStart, false},
    {"reporting by", Where::kStart, false},
    {"writing by", Where::kStart, false},
    {"editing by", Where::kStart, false},
    {"additional reporting", Where::kStart, false},
    {"compiled by", Where::kStart, false},
    // Disclaimers and copyright.
    {"郑重声明", Where::kAnywhere, true},
    {"免责声明", Where::kStart, false},
    {"特别声明", Where::kStart, false},
    {"风险提示", Where::kStart, false},
    {"不构成投资建议", Where::kAnywhere, false},
    {"不构成任何投资建议", Where::kAnywhere, false},
    {"版权所有", Where::kAnywhere, false},
    {"版权声明", Where::kAnywhere, false},
    {"版权归", Where::kAnywhere, false},
    {"disclaimer", Where::kStart, false},
    {"copyright", Where::kStart, false},
    {"all rights reserved", Where::kAnywhere, true},
    {"\xC2\xA9", Where::kAnywhere, false},  // ©
    {"版权", Where::kShortLine, false},
    // Share buttons, comment boxes and widgets.
    {"分享到", Where::kAnywhere, false},
    {"一键分享", Where::kAnywhere, false},
    {"网友评论", Where::kAnywhere, true},
    {"提交评论", Where::kAnywhere, false},
    {"发表评论", Where::kAnywhere, false},
    {"还可输入", Where::kAnywhere, false},
    {"加载更多", Where::kAnywhere, false},
    {"查看全部评论", Where::kAnywhere, false},
    {"leave a comment", Where::kAnywhere, false},
    {"post a comment", Where::kAnywhere, false},
    {"add a comment", Where::kAnywhere, false},
    {"评论", Where::kShortLine, false},
    {"comments", Where::kShortLine, false},
    {"share this", Where::kShortLine, false},
    {"share on", Where::kShortLine, false},
    {"follow us", Where::kShortLine, false},
    {"返回顶部", Where::kShortLine, false},
    {"back to top", Where::kShortLine, false},
    {"上一篇", Where::kShortLine, false},
    {"下一篇", Where::kShortLine, false},
    {"打印", Where::kShortLine, false},
    {"收藏", Where::kShortLine, false},
    // Ads and calls to action.
    {"下载app", Where::kAnywhere, false},
    {"扫码下载", Where::kAnywhere, false},
    {"扫描二维码", Where::kAnywhere, false},
    {"点击查看", Where::kAnywhere, false},
    {"点击进入", Where::kAnywhere, false},
    {"click here", Where::kAnywhere, false},
    {"sign up for", Where::kAnywhere, false},
    {"subscribe to our", Where::kAnywhere, false},
    {"开户", Where::kShortLine, false},
    {"下载", Where::kShortLine, false},
    {"广告", Where::kShortLine, false},
    {"订阅", Where::kShortLine, false},
    {"关注我们", Where::kShortLine, false},
    {"subscribe", Where::kShortLine, false},
    {"sign up", Where::kShortLine, false},
    {"newsletter", Where::kShortLine, false},
    {"advertisement", Where::kShortLine, false},
    {"sponsored", Where::kShortLine, false},
    {"download", Where::kShortLine, false},
    // Site footers.
    {"关于我们", Where::kAnywhere, false},
    {"联系我们", Where::kAnywhere, false},
    {"客服热线", Where::kAnywhere, false},
    {"icp备", Where::kAnywhere, false},
    {"icp证", Where::kAnywhere, false},
    {"privacy policy", Where::kAnywhere, false},
    {"terms of use", Where::kAnywhere, false},
    {"terms of service", Where::kAnywhere, false},
    {"cookie policy", Where::kAnywhere, false},
    {"contact us", Where::kAnywhere, false},
    {"about us", Where::kAnywhere, false},
    {"icp", Where::kShortLine, false},
    // Related-content sections after the article.
    {"相关阅读", Where::kStart, true},
    {"相关新闻", Where::kStart, true},
    {"相关文章", Where::kStart, true},
    {"推荐阅读", Where::kStart, true},
    {"延伸阅读", Where::kStart, true},
    {"related articles", Where::kStart, true},
    {"related stories", Where::kStart, true},
    {"related coverage", Where::kStart, true},
    {"read more", Where::kStart, true},
    {"more from", Where::kStart, true},
    {"you may also like", Where::kStart, true},
    {"recommended for you", Where::kStart, true},
};

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// True when `word` occurs in `s` at `at` as a whole word.
bool WordBoundedAt(std::string_view s, std::string_view word, size_t at) {
  if (IsAsciiAlpha(word.front()) && at > 0 && IsAsciiAlpha(s[at - 1])) {
    return false;
  }
  const size_t end = at + word.size();
  if (IsAsciiAlpha(word.back()) && end < s.size() && IsAsciiAlpha(s[end])) {
    return false;
  }
  return true;
}

bool Matches(const Marker& m, std::string_view lower, std::string_view head,
             size_t code_points) {
  switch (m.where) {
    case Where::kStart:
      return head.substr(0, m.text.size()) == m.text &&
             WordBoundedAt(head, m.text, 0);
    case Where::kLabel: {
      if (head.substr(0, m.text.size()) != m.text) return false;
      std::string_view rest = head.substr(m.text.size());
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
        rest.remove_prefix(1);
      }
      return rest.substr(0, 1) == ":" || rest.substr(0, 3) == "：";
    }
    case Where::kAnywhere:
      return ContainsWord(lower, m.text);
    case Where::kShortLine:
      return code_points <= kShortLineMax && ContainsWord(lower, m.text);
  }
  return false;
}

}  // namespace

bool ContainsWord(std::string_view s, std::string_view word) {
  if (word.empty()) return false;
  for (size_t at = s.find(word); at != std::string_view::npos;
       at = s.find(word, at + 1)) {
    if (WordBoundedAt(s, word, at)) return true;
  }
  return false;
}

VocabularyMatch MatchVocabulary(std::string_view lower, std::string_view head,
                                size_t code_points) {
  VocabularyMatch result = VocabularyMatch::kNone;
  for (const Marker& m : kMarkers) {
    if (!Matches(m, lower, head, code_points)) continue;
    if (m.footer) return VocabularyMatch::kFooter;
    result = VocabularyMatch::kChrome;
  }
  return result;
}

}  // namespace newsgraph::text

// FindDates, FindAmounts and FindDurations pass over the characters and
// words no form starts with; their *Reference versions try every form at
// every position. The two must agree on any input: generated sentences
// (numerals, dates, amounts, durations, masked '_' runs, ASCII words, broken
// UTF-8), every BMP character in front of date, amount and duration tails,
// and the example documents.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/attrs/amount.h"
#include "extract/attrs/date_finder.h"
#include "extract/attrs/date_rules.h"
#include "extract/attrs/duration.h"

namespace attrs = newsgraph::extract::attrs;
using newsgraph::base::Date;

namespace {

const Date kDocDate{2025, 3, 20};

std::string Utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// Runs both date finders on `text` with the same context; true when they
// agree on every field and on the context they leave.
bool DatesAgree(const std::string& text, std::optional<Date> doc,
                std::optional<int> last_year) {
  attrs::DateContext fast_ctx{doc, last_year};
  attrs::DateContext ref_ctx{doc, last_year};
  const auto fast = attrs::FindDates(text, &fast_ctx);
  const auto ref = attrs::FindDatesReference(text, &ref_ctx);
  if (fast.size() != ref.size() || fast_ctx.last_year != ref_ctx.last_year) {
    return false;
  }
  for (size_t i = 0; i < fast.size(); ++i) {
    const auto& a = fast[i];
    const auto& b = ref[i];
    if (a.begin != b.begin || a.end != b.end || a.date != b.date ||
        a.relative != b.relative || a.since != b.since ||
        a.surface != b.surface) {
      return false;
    }
  }
  return true;
}

bool AmountsAgree(const std::string& text) {
  const auto fast = attrs::FindAmounts(text);
  const auto ref = attrs::FindAmountsReference(text);
  if (fast.size() != ref.size()) return false;
  for (size_t i = 0; i < fast.size(); ++i) {
    const auto& a = fast[i];
    const auto& b = ref[i];
    if (a.begin != b.begin || a.end != b.end || a.value != b.value ||
        a.currency != b.currency || a.unit != b.unit ||
        a.approximate != b.approximate) {
      return false;
    }
  }
  return true;
}

bool DurationsAgree(const std::string& text) {
  const auto fast = attrs::FindDurations(text);
  const auto ref = attrs::FindDurationsReference(text);
  if (fast.size() != ref.size()) return false;
  for (size_t i = 0; i < fast.size(); ++i) {
    const auto& a = fast[i];
    const auto& b = ref[i];
    if (a.begin != b.begin || a.end != b.end || a.years != b.years) {
      return false;
    }
  }
  return true;
}

// Pieces of sentences the finders care about, and some they do not.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      // Chinese numerals, all forms.
      "〇", "零", "一", "二", "两", "兩", "三", "四", "五", "六", "七", "八",
      "九", "十", "百", "千", "万", "亿", "萬", "億", "壹", "贰", "叁", "肆",
      "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟", "貳", "參", "陸",
      // Date characters and words.
      "年", "月", "日", "号", "周", "週", "星期", "礼拜", "禮拜", "天", "上",
      "下", "本", "这", "今", "去", "明", "昨", "前", "当", "同", "次", "翌",
      "个", "初", "底", "末", "份", "旬", "中旬", "至今", "以来", "财年",
      "年代", "级", "每", "第", "之", "以", "提", "龄", "不", "二〇二五财年",
      "二〇二四年", "十一月", "财政年度", "会计年度",
      // Amount words.
      "美元", "元", "人民币", "港元", "日元", "多", "余", "约", "近", "超过",
      "左右", "以上", "数", "几", "分之", "百分之", "%", "‰", "块钱", "元宇宙",
      "台", "家", "股", "股东", "个月", "个百分点",
      // Currency symbols and codes.
      "$", "us$", "u.s.$", "hk$", "a$", "nt$", "€", "£", "¥", "₩", "₹", "₽",
      "rmb", "usd", "rs.", "rs", "eur",
      // English words: date forms, number words, scales, units, others.
      "march", "mar.", "may", "june", "sept", "september", "monday",
      "wednesday", "last", "next", "this", "since", "earlier", "later",
      "today", "tomorrow", "fiscal", "fiscal year", "fy", "month", "year",
      "in", "by", "mid", "early", "of", "a", "an", "two", "twenty",
      "twenty-five", "eleven", "ten", "tens", "tens of", "hundreds of",
      "millions of", "billions of", "billion", "million", "bn", "m", "k",
      "dollars", "yuan", "won", "euros", "units", "gpus", "employees", "new",
      "the", "about", "nearly", "more than", "up to", "percent", "times",
      "th", "st", "h", "x", "board", "Mar", "March", "Two", "USD", "mayor",
      "marches", "fya", "sinc",
      // Whole English phrases.
      "tens of billions of dollars", "hundreds of millions of dollars",
      "millions of euros ", "a billion dollars", "an million units ",
      "two billion yuan", "twenty-five million units", "c$5", "s$5 ",
      "last september", "since march 2024", "march 11, 2025", "11 march",
      "in 2019", "fy25", "earlier this month", "next wednesday",
      // Durations.
      "半年", "半", "个季度", "年半", "多年", "为期", "未来", "过去", "长达",
      "decade-long", "year-long", "the past decade", "the coming decade",
      "decade", "decades", "years", "months", "-year", "-month", "-old",
      "-long", "ago", "later", "over the next", "for", "within", "five-year",
      "a year", "two decades", "18 months", "3 years",
      // Numbers.
      "2024", "2025", "1999", "2019年", "7", "9月", "3", "11", "12", "31", "25", "100", "300",
      "1,000", "1,000,000", "5.5", "0.", "1,0", "10000000000", "<n>",
      // Masks, spaces and punctuation.
      "_", "___", "________", " ", "  ", ",", ".", "-", "/", ":", "#", ">",
      "~", "(", ")", "，", "。", "、", "—", "–",
      // Other scripts and broken UTF-8.
      "é", "ß", "€5", "😀", "\xe5\xb9", "\xff", "\x80", "\xe4\xba", "\xc3",
      "\xf0\x9f\x98",
  };
  return pieces;
}

// A random sentence of up to `max_pieces` pieces, with now and then a random
// code point or byte in between.
std::string RandomSentence(std::mt19937& rng, int max_pieces) {
  const auto& pieces = Pieces();
  std::string text;
  const int n = static_cast<int>(rng() % (max_pieces + 1));
  for (int i = 0; i < n; ++i) {
    switch (rng() % 16) {
      case 0:
        text += Utf8(0x4E00 + rng() % 0x5200);  // any CJK character
        break;
      case 1:
        text += static_cast<char>(rng() % 256);  // any byte
        break;
      case 2:
        text += static_cast<char>('a' + rng() % 26);
        break;
      default:
        text += pieces[rng() % pieces.size()];
    }
    if (rng() % 3 == 0) text += ' ';
  }
  return text;
}

}  // namespace

TEST_CASE("FindDates agrees with FindDatesReference on generated sentences",
          "[attrs][date][fast]") {
  std::mt19937 rng(20250320);
  for (int round = 0; round < 40000; ++round) {
    const std::string text = RandomSentence(rng, 14);
    INFO("input: " << text);
    REQUIRE(DatesAgree(text, kDocDate, 2020));
    REQUIRE(DatesAgree(text, std::nullopt, std::nullopt));
  }
}

TEST_CASE("FindAmounts agrees with FindAmountsReference on generated sentences",
          "[attrs][amount][fast]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 40000; ++round) {
    const std::string text = RandomSentence(rng, 14);
    INFO("input: " << text);
    REQUIRE(AmountsAgree(text));
  }
}

TEST_CASE(
    "FindDurations agrees with FindDurationsReference on generated sentences",
    "[attrs][duration][fast]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 40000; ++round) {
    const std::string text = RandomSentence(rng, 14);
    INFO("input: " << text);
    REQUIRE(DurationsAgree(text));
  }
}

TEST_CASE("The fast finders agree with the references after every character",
          "[attrs][fast]") {
  // Each BMP character (and some beyond) after a word and before the tails
  // that make dates, amounts and durations.
  const std::vector<std::string> tails = {
      "年3月5日", "月11日",   "周三",       "",
      "5亿美元",  "亿美元",   "十亿元",     "年",
      "个月",     "年半",     "〇二五财年", "〇二四年三月",
      "月五日",   "〇二五财政年度", "〇二五会计年度"};
  std::vector<char32_t> cps;
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp < 0xD800 || cp > 0xDFFF) cps.push_back(cp);
  }
  for (char32_t cp : {0x10000, 0x1F600, 0x20000, 0x2A6D6, 0x10FFFF}) {
    cps.push_back(cp);
  }
  for (char32_t cp : cps) {
    for (const std::string& tail : tails) {
      const std::string text = "x " + Utf8(cp) + tail;
      INFO("code point " << static_cast<uint32_t>(cp) << ", tail " << tail);
      REQUIRE(DatesAgree(text, kDocDate, 2020));
      REQUIRE(AmountsAgree(text));
      REQUIRE(DurationsAgree(text));
    }
  }
}

TEST_CASE("The fast finders agree with the references on the examples",
          "[attrs][fast]") {
  namespace fs = std::filesystem;
  int files = 0;
  for (const char* dir : {"examples/zh", "examples/en"}) {
    const fs::path root = fs::path(NEWSGRAPH_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buf;
      buf << in.rdbuf();
      ++files;
      // Whole lines, lower-cased as normalization would.
      std::string line;
      std::istringstream lines(buf.str());
      while (std::getline(lines, line)) {
        for (char& c : line) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        INFO(entry.path().string() << ": " << line);
        REQUIRE(DatesAgree(line, kDocDate, std::nullopt));
        REQUIRE(AmountsAgree(line));
        REQUIRE(DurationsAgree(line));
      }
    }
  }
  CHECK(files > 0);
}

TEST_CASE("MayStartEnglishDate agrees with its reference", "[attrs][date][fast]") {
  namespace dr = attrs::date_rules;
  std::vector<std::string> words;
  // Every word of up to three letters.
  for (int n = 1; n <= 3; ++n) {
    std::string w(n, 'a');
    for (;;) {
      words.push_back(w);
      int i = n - 1;
      while (i >= 0 && w[i] == 'z') w[i--] = 'a';
      if (i < 0) break;
      ++w[i];
    }
  }
  // The date words, their prefixes, and each with a letter added or changed.
  for (const char* s :
       {"april", "august", "december", "earlier", "february", "fiscal",
        "friday", "january", "july", "june", "later", "march", "monday",
        "next", "november", "october", "saturday", "september", "sept",
        "since", "sunday", "this", "thursday", "today", "tomorrow", "tonight",
        "tuesday", "wednesday", "yesterday", "last", "fy", "may"}) {
    const std::string w = s;
    for (size_t n = 1; n <= w.size(); ++n) words.push_back(w.substr(0, n));
    for (char c = 'a'; c <= 'z'; ++c) {
      words.push_back(w + c);
      for (size_t i = 0; i < w.size(); ++i) {
        std::string v = w;
        v[i] = c;
        words.push_back(v);
      }
    }
    std::string upper = w;
    upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
    words.push_back(upper);
  }
  words.push_back("");
  words.push_back("septembers");
  for (const std::string& w : words) {
    INFO(w);
    REQUIRE(dr::MayStartEnglishDate(w) == dr::MayStartEnglishDateReference(w));
  }
}

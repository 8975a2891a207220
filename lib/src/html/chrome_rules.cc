#include "html/chrome_rules.h"

#include <algorithm>
#include <array>

namespace newsgraph::html {

namespace {

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

constexpr std::array<std::string_view, 36> kChromeTags = {
    "script", "style",  "noscript", "template", "svg",      "math",
    "canvas", "iframe", "frame",    "frameset", "object",   "embed",
    "applet", "audio",  "video",    "map",      "head",     "title",
    "meta",   "link",   "base",     "nav",      "aside",    "footer",
    "form",   "button", "input",    "select",   "option",   "textarea",
    "dialog", "menu",   "datalist", "optgroup", "noframes", "portal"};

constexpr std::array<std::string_view, 16> kChromeTokens = {
    "skip-link",
    "skiplink",
    "skip-to-content",
    "sr-only",
    "screen-reader-text",
    "visually-hidden",
    "hidden",
    "d-none",
    "adsbygoogle",
    "topnav",
    "subnav",
    "sitenav",
    "mainnav",
    "navbar",
    "sidebar",
    "visuallyhidden"};

constexpr std::array<std::string_view, 55> kChromeWords = {
    "nav",           "navigation",   "navbar",
    "menu",          "menus",        "breadcrumb",
    "breadcrumbs",   "share",        "shares",
    "sharing",       "sharebar",     "social",
    "related",       "comment",      "comments",
    "commenting",    "disqus",       "ad",
    "ads",           "advert",       "adverts",
    "advertisement", "advertising",  "advertorial",
    "adslot",        "adunit",       "sponsor",
    "sponsored",     "promo",        "promos",
    "promoted",      "newsletter",   "newsletters",
    "subscribe",     "subscription", "subscribers",
    "signup",        "cookie",       "cookies",
    "consent",       "gdpr",         "footer",
    "sidebar",       "popup",        "modal",
    "toolbar",       "tags",         "outbrain",
    "taboola",       "recirc",       "recommended",
    "trending",      "mostread",     "skyscraper",
    "leaderboard"};

constexpr std::array<std::string_view, 12> kChromeRoles = {
    "navigation", "banner",      "contentinfo", "complementary",
    "search",     "menu",        "menubar",     "toolbar",
    "dialog",     "alertdialog", "form",        "button"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Lower-cased, white-space-free copy of an inline style.
std::string CompactStyle(std::string_view style) {
  std::string out;
  for (char c : style)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      out += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  return out;
}

}  // namespace

bool IsChromeTag(std::string_view tag) { return In(kChromeTags, tag); }

std::vector<std::string> TokenWords(std::string_view token) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(Lower(word));
    word.clear();
  };
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c == '-' || c == '_' || c == '.' || c == ':') {
      flush();
      continue;
    }
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0 && token[i - 1] >= 'a' && token[i - 1] <= 'z') flush();
    word += c;
  }
  flush();
  return words;
}

bool IsChromeToken(std::string_view token) {
  const std::string lower = Lower(token);
  if (lower.empty()) return false;
  for (std::string_view state : {"has-", "with-", "no-", "is-"})
    if (StartsWith(lower, state)) return false;
  if (In(kChromeTokens, lower)) return true;
  for (const std::string& w : TokenWords(token))
    if (In(kChromeWords, w)) return true;
  return false;
}

bool IsChromeByAttributes(const Dom& dom, int element, bool class_rules_apply) {
  if (const std::string* role = dom.Attribute(element, "role")) {
    // A role attribute may list fallbacks; the first is the one in force.
    std::string first = Lower(role->substr(0, role->find(' ')));
    if (In(kChromeRoles, first)) return true;
  }
  if (dom.Attribute(element, "hidden") != nullptr) return true;
  if (const std::string* aria = dom.Attribute(element, "aria-hidden"))
    if (Lower(*aria) == "true") return true;
  if (const std::string* style = dom.Attribute(element, "style")) {
    const std::string s = CompactStyle(*style);
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos)
      return true;
  }
  if (!class_rules_apply) return false;
  if (const std::string* id = dom.Attribute(element, "id"))
    if (IsChromeToken(*id)) return true;
  if (const std::string* cls = dom.Attribute(element, "class")) {
    size_t pos = 0;
    while (pos < cls->size()) {
      size_t end = cls->find_first_of(" \t\r\n\f", pos);
      if (end == std::string::npos) end = cls->size();
      if (end > pos &&
          IsChromeToken(std::string_view(*cls).substr(pos, end - pos)))
        return true;
      pos = end + 1;
    }
  }
  return false;
}

}  // namespace newsgraph::html

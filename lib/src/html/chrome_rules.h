// Which elements of a page are chrome (navigation, share buttons, related
// stories, ads, cookie banners, comment boxes, footers...) rather than the
// article. The rules look at one element at a time; where an element sits in
// the page (inside an <article>, holding the headline) is decided by
// PageLayout.
#ifndef NEWSGRAPH_HTML_CHROME_RULES_H_
#define NEWSGRAPH_HTML_CHROME_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"

namespace newsgraph::html {

// Elements dropped with everything inside them, whatever their place:
//   script style noscript template svg math canvas iframe frame frameset
//   noframes object embed applet portal audio video map head title meta link
//   base nav aside footer form button input select option optgroup datalist
//   textarea dialog menu
// (<header> is chrome too, but only outside an article; see PageLayout.)
bool IsChromeTag(std::string_view tag);

// The words of a class or id token: split at '-', '_', '.', ':' and at
// lower-to-upper case changes, lower-cased ("shareBar_top" -> share, bar,
// top). Pure.
std::vector<std::string> TokenWords(std::string_view token);

// True when one class token (or the id) names chrome. A token is chrome when
//  - as a whole (lower-cased) it is one of: skip-link skiplink
//    skip-to-content sr-only screen-reader-text visually-hidden
//    visuallyhidden hidden d-none adsbygoogle topnav subnav sitenav mainnav
//    navbar sidebar; or
//  - one of its words (TokenWords) is one of: nav navigation navbar menu
//    menus breadcrumb breadcrumbs share shares sharing sharebar social
//    related comment comments commenting disqus ad ads advert adverts
//    advertisement advertising advertorial adslot adunit sponsor sponsored
//    promo promos promoted newsletter newsletters subscribe subscription
//    subscribers signup cookie cookies consent gdpr footer sidebar popup
//    modal toolbar tags outbrain taboola recirc recommended trending
//    mostread skyscraper leaderboard.
// Words are matched whole, so "subheader", "shadow", "shareholders",
// "download", "header", "commentary" and "adapter" are not chrome, while
// "ad-slot", "topAd", "share-buttons" and "cookie-banner" are. Tokens
// starting with "has-", "with-", "no-" or "is-" describe a state, not a part
// of the page, and are never chrome ("has-sidebar", "no-comments"). Pure.
bool IsChromeToken(std::string_view token);

// True when the attributes of an element mark it as chrome or hidden:
//  - role is one of navigation banner contentinfo complementary search menu
//    menubar toolbar dialog alertdialog form button;
//  - the `hidden` attribute, aria-hidden="true", or an inline style with
//    display:none or visibility:hidden;
//  - a class token or the id is chrome (IsChromeToken) — unless
//    `class_rules_apply` is false (PageLayout turns them off for elements
//    that hold the article: <html>, <body>, <main>, <article>, role=main
//    and role=article elements, and any element containing an <h1> or a
//    <main>, so a wrapper like <div class="layout-sidebar"> around the story
//    survives).
bool IsChromeByAttributes(const Dom& dom, int element, bool class_rules_apply);

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_CHROME_RULES_H_

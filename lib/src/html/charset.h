// Character encodings of saved web pages: finding the declared one and
// decoding the bytes to UTF-8 before the HTML parser sees them.
//
// libxml2 2.9.14 can decode by itself, but it switches the rest of a page to
// ISO-8859-1 at the first invalid UTF-8 byte and stops at the first byte its
// converter rejects; decoding here replaces each bad byte by U+FFFD instead
// and keeps going (see docs/decisions/0002-html-with-libxml2.md).
#ifndef NEWSGRAPH_HTML_CHARSET_H_
#define NEWSGRAPH_HTML_CHARSET_H_

#include <string>
#include <string_view>

namespace newsgraph::html {

// The encoding a page declares, as a lower-case label ("utf-8", "gbk",
// "windows-1252", "utf-16le"...), or "" when it declares none. Looks, in
// order, at a byte order mark, an XML declaration (encoding="..."), and the
// first <meta charset=...> or <meta ... content="...; charset=..."> in the
// first 4096 bytes (a byte-level prescan like the one of the HTML standard;
// it does not parse the page). Pure; thread-safe.
std::string SniffCharset(std::string_view bytes);

// Maps a declared label to the name of the decoder to use, following the
// WHATWG Encoding Standard where it matters for news sites: "gb2312" and
// "gbk" -> "GB18030", "iso-8859-1"/"latin1"/"us-ascii" -> "WINDOWS-1252",
// "big5" -> "BIG5-HKSCS", "shift_jis" -> "CP932", "euc-kr" -> "CP949", a
// "utf-16" label without a BOM -> "UTF-8" (an ASCII-readable page cannot be
// UTF-16). Other labels are returned upper-cased. "" stays "". Pure.
std::string CanonicalCharset(std::string_view label);

// How DecodeToUtf8 went.
struct DecodeReport {
  std::string charset;         // the decoder used: "UTF-8", "GB18030", ...
  size_t replaced = 0;         // bytes or sequences replaced by U+FFFD
  bool unknown_label = false;  // the declared label has no decoder: UTF-8
                               // was assumed
};

// Decodes `bytes` to well-formed UTF-8 without a byte order mark:
//  - with a declared encoding (SniffCharset), through iconv(3), each byte
//    the decoder rejects becoming U+FFFD; an unknown label falls back to
//    UTF-8;
//  - without one, as UTF-8 when the bytes contain at least one well-formed
//    multi-byte sequence or none that is ill-formed, else as windows-1252
//    (the default of the HTML standard for undeclared pages);
//  - as UTF-8, each maximal ill-formed subpart becoming U+FFFD.
// NUL bytes become U+FFFD too (the HTML parser would stop at them).
// `report`, when not null, receives what was done. Never fails. Pure;
// thread-safe.
std::string DecodeToUtf8(std::string_view bytes, DecodeReport* report);

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_CHARSET_H_

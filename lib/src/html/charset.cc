#include "html/charset.h"

#include <iconv.h>

#include <cerrno>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace newsgraph::html {

namespace {

constexpr size_t kPrescanBytes = 4096;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

// The label after "charset" or "encoding" at `pos` of lower-case `s`:
// optional spaces, '=', optional spaces and quote, then label characters.
std::string LabelAfter(std::string_view s, size_t pos) {
  auto skip_spaces = [&] {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' ||
                              s[pos] == '\n' || s[pos] == '\r'))
      ++pos;
  };
  skip_spaces();
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  skip_spaces();
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t begin = pos;
  while (pos < s.size() && IsLabelChar(s[pos])) ++pos;
  return std::string(s.substr(begin, pos - begin));
}

// UTF-16 and UTF-8 byte order marks: the label and the BOM's length.
std::pair<std::string, size_t> Bom(std::string_view b) {
  if (b.size() >= 3 && b.compare(0, 3, "\xEF\xBB\xBF") == 0)
    return {"utf-8", 3};
  if (b.size() >= 2 && b.compare(0, 2, "\xFF\xFE") == 0) return {"utf-16le", 2};
  if (b.size() >= 2 && b.compare(0, 2, "\xFE\xFF") == 0) return {"utf-16be", 2};
  return {"", 0};
}

// "<meta charset>" / XML declaration prescan over lower-cased `head`.
std::string PrescanDeclaration(std::string_view head) {
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && head.compare(start, 5, "<?xml") == 0) {
    size_t end = head.find("?>", start);
    std::string_view decl = head.substr(start, end == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : end - start);
    size_t enc = decl.find("encoding");
    if (enc != std::string_view::npos) {
      std::string label = LabelAfter(decl, enc + 8);
      if (!label.empty()) return label;
    }
  }
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string_view::npos) {
    size_t end = head.find('>', pos);
    std::string_view tag =
        head.substr(pos, end == std::string_view::npos ? std::string_view::npos
                                                       : end - pos);
    for (size_t cs = tag.find("charset"); cs != std::string_view::npos;
         cs = tag.find("charset", cs + 7)) {
      std::string label = LabelAfter(tag, cs + 7);
      if (!label.empty()) return label;
    }
    if (end == std::string_view::npos) break;
    pos = end;
  }
  return "";
}

// True when undeclared bytes read better as UTF-8 than as windows-1252.
bool LooksLikeUtf8(std::string_view b) {
  size_t good_multibyte = 0, bad = 0;
  for (size_t i = 0; i < b.size();) {
    if (static_cast<unsigned char>(b[i]) < 0x80) {
      ++i;
      continue;
    }
    text::Decoded d = text::DecodeUtf8(b, i);
    if (d.valid)
      ++good_multibyte;
    else
      ++bad;
    i += d.length;
  }
  return bad == 0 || good_multibyte > 0;
}

// Replaces NUL bytes by U+FFFD; counts them in `replaced`.
void ReplaceNuls(std::string* s, size_t* replaced) {
  if (s->find('\0') == std::string::npos) return;
  std::string out;
  out.reserve(s->size() + 16);
  for (char c : *s) {
    if (c == '\0') {
      out += text::kReplacementUtf8;
      ++*replaced;
    } else {
      out += c;
    }
  }
  s->swap(out);
}

std::string RepairUtf8(std::string_view b, size_t* replaced) {
  std::vector<size_t> offsets;
  std::string out = text::ReplaceInvalidUtf8(b, &offsets);
  *replaced += offsets.size();
  return out;
}

// Closes an iconv descriptor.
class Iconv {
 public:
  explicit Iconv(const std::string& from)
      : cd_(iconv_open("UTF-8", from.c_str())) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// Decodes `b` with iconv, replacing each rejected byte by U+FFFD.
std::string IconvDecode(const Iconv& cd, std::string_view b, size_t* replaced) {
  std::string out;
  out.resize(b.size() * 2 + 64);
  size_t used = 0;
  char* in = const_cast<char*>(b.data());
  size_t in_left = b.size();
  auto ensure = [&](size_t room) {
    if (out.size() - used < room) out.resize(out.size() * 2 + room);
  };
  while (in_left > 0) {
    ensure(64);
    char* dst = out.data() + used;
    size_t dst_left = out.size() - used;
    size_t r = iconv(cd.get(), &in, &in_left, &dst, &dst_left);
    used = size_t(dst - out.data());
    if (r != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ (a rejected byte) or EINVAL (a sequence cut by the end of the
    // input): replace one byte and reset the shift state.
    ensure(text::kReplacementUtf8.size());
    out.replace(used, text::kReplacementUtf8.size(), text::kReplacementUtf8);
    used += text::kReplacementUtf8.size();
    ++*replaced;
    ++in;
    --in_left;
    iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);
  }
  ensure(64);
  char* dst = out.data() + used;
  size_t dst_left = out.size() - used;
  iconv(cd.get(), nullptr, nullptr, &dst, &dst_left);  // flush shift state
  used = size_t(dst - out.data());
  out.resize(used);
  return out;
}

}  // namespace

std::string SniffCharset(std::string_view bytes) {
  auto [bom, bom_size] = Bom(bytes);
  if (!bom.empty()) return bom;
  std::string head(bytes.substr(0, kPrescanBytes));
  for (char& c : head) c = Lower(c);
  return PrescanDeclaration(head);
}

std::string CanonicalCharset(std::string_view label) {
  std::string l;
  for (char c : label) l += Lower(c);
  if (l.empty()) return "";
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" ||
      l.rfind("utf-16", 0) == 0 || l == "unicode" || l == "ucs-2")
    return "UTF-8";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "gb18030" ||
      l == "cp936" || l == "euc-cn" || l == "chinese")
    return "GB18030";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" ||
      l == "us-ascii" || l == "ascii" || l == "cp1252" || l == "windows-1252" ||
      l == "iso_8859-1" || l == "cp819")
    return "WINDOWS-1252";
  if (l == "big5" || l == "big5-hkscs" || l == "cn-big5" || l == "x-x-big5")
    return "BIG5-HKSCS";
  if (l == "shift_jis" || l == "shift-jis" || l == "sjis" || l == "x-sjis" ||
      l == "ms_kanji" || l == "windows-31j" || l == "cp932")
    return "CP932";
  if (l == "euc-kr" || l == "ks_c_5601-1987" || l == "windows-949" ||
      l == "cp949")
    return "CP949";
  std::string upper;
  for (char c : l) upper += (c >= 'a' && c <= 'z') ? char(c - 32) : c;
  return upper;
}

std::string DecodeToUtf8(std::string_view bytes, DecodeReport* report) {
  DecodeReport local;
  DecodeReport& r = report ? *report : local;
  r = DecodeReport();
  auto [bom, bom_size] = Bom(bytes);
  std::string charset;
  if (bom == "utf-16le") {
    charset = "UTF-16LE";
  } else if (bom == "utf-16be") {
    charset = "UTF-16BE";
  } else if (!bom.empty()) {
    charset = "UTF-8";
  } else {
    charset = CanonicalCharset(SniffCharset(bytes));
    if (charset.empty())
      charset = LooksLikeUtf8(bytes) ? "UTF-8" : "WINDOWS-1252";
  }
  std::string_view body = bytes.substr(bom_size);
  std::string out;
  if (charset != "UTF-8") {
    Iconv cd(charset);
    if (cd.ok()) {
      out = IconvDecode(cd, body, &r.replaced);
      // iconv emits UTF-8; check anyway so the promise holds.
      if (text::FindInvalidUtf8(out) != std::string::npos)
        out = RepairUtf8(out, &r.replaced);
    } else {
      r.unknown_label = true;
      charset = "UTF-8";
    }
  }
  if (charset == "UTF-8") out = RepairUtf8(body, &r.replaced);
  r.charset = charset;
  ReplaceNuls(&out, &r.replaced);
  return out;
}

}  // namespace newsgraph::html

// ToJsonLine: a relation as one line of JSON, written straight into one
// string. The output is byte for byte what nlohmann::ordered_json gave
// (dump(-1, ' ', false, error_handler_t::replace)), which this replaced for
// speed; tests/unit/extract/json_output_test.cc keeps that implementation and
// compares the two on random relations.
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "newsgraph/extractor.h"
#include "text/utf8.h"

namespace newsgraph {

namespace {

// Keys, punctuation and numbers of a line with every optional key present,
// rounded up; the strings' own bytes are added to it when reserving.
constexpr size_t kFixedBytes = 512;

// Appends the escape of an ASCII byte that JSON cannot hold as itself: a
// quote, a backslash or a control character (below 0x20). nlohmann writes
// the short forms where JSON has them and lower-case hex otherwise.
void AppendEscape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(u, sizeof(u));
      return;
    }
  }
}

// Appends `s` as a JSON string: quoted, escaped as above, other bytes of
// well-formed UTF-8 as they are (no \u escapes beyond control characters),
// each ill-formed stretch as U+FFFD. nlohmann's replace handler (Hoehrmann's
// DFA) replaces the maximal subparts of ill-formed sequences, as
// text::DecodeUtf8 measures them. Runs that need nothing are copied whole.
void AppendString(std::string& out, std::string_view s) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* p = begin;
  const auto* const end = p + s.size();
  const auto* run = p;  // first byte not yet copied
  auto flush = [&] { out.append(reinterpret_cast<const char*>(run), p - run); };
  out.push_back('"');
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++p;
        continue;
      }
      flush();
      AppendEscape(out, c);
      run = ++p;
      continue;
    }
    const text::Decoded d = text::DecodeUtf8(s, size_t(p - begin));
    if (d.valid) {
      p += d.length;
      continue;
    }
    flush();
    out += text::kReplacementUtf8;
    p += d.length;
    run = p;
  }
  flush();
  out.push_back('"');
}

template <typename Int>
void AppendInteger(std::string& out, Int v) {
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof(buf), v);
  out.append(buf, res.ptr);
}

// An amount or a duration: a whole number within 9e15 as an integer, any
// other value as nlohmann prints a double (its own shortest round-trip
// form; NaN and infinities as null). The latter is rare enough to hand to
// nlohmann itself, which keeps it exact.
void AppendNumber(std::string& out, double v) {
  if (std::fabs(v) < 9e15 && v == std::floor(v)) {
    AppendInteger(out, static_cast<long long>(v));
  } else {
    out += nlohmann::json(v).dump();
  }
}

void AppendEntity(std::string& out, const EntityRef& e) {
  out += "{\"name\":";
  AppendString(out, e.name);
  out += ",\"type\":";
  AppendString(out, e.type);
  out += ",\"mention\":";
  AppendString(out, e.mention);
  if (e.discovered) out += ",\"discovered\":true";
  if (e.coreference) out += ",\"coreference\":true";
  out.push_back('}');
}

// Appends the separator and the key of an object's next member: `sep` is
// "{" before the first member and becomes "," for the others.
void AppendKey(std::string& out, char& sep, std::string_view key) {
  out.push_back(sep);
  sep = ',';
  out.push_back('"');
  out.append(key);
  out += "\":";
}

size_t StringBytes(const EntityRef& e) {
  return e.name.size() + e.type.size() + e.mention.size();
}

}  // namespace

std::string ToJsonLine(const Relation& r) {
  const Attributes& at = r.attrs;
  std::string out;
  out.reserve(kFixedBytes + r.doc.size() + StringBytes(r.subject) +
              r.relation.size() + StringBytes(r.object) + at.currency.size() +
              at.amount_text.size() + at.date.size() + at.date_text.size() +
              at.status.size() + r.evidence.sentence.size() + r.rule.size());
  out += "{\"doc\":";
  AppendString(out, r.doc);
  out += ",\"subject\":";
  AppendEntity(out, r.subject);
  out += ",\"relation\":";
  AppendString(out, r.relation);
  out += ",\"object\":";
  AppendEntity(out, r.object);

  out += ",\"attrs\":";
  char sep = '{';  // before the first attribute; "status" is always there
  if (at.amount) {
    AppendKey(out, sep, "amount");
    AppendNumber(out, *at.amount);
    if (!at.currency.empty()) {
      AppendKey(out, sep, "currency");
      AppendString(out, at.currency);
    }
    AppendKey(out, sep, "amount_text");
    AppendString(out, at.amount_text);
  }
  if (!at.date.empty()) {
    AppendKey(out, sep, "date");
    AppendString(out, at.date);
  }
  if (!at.date_text.empty()) {
    AppendKey(out, sep, "date_text");
    AppendString(out, at.date_text);
  }
  if (at.date_unresolved) {
    AppendKey(out, sep, "date_unresolved");
    out += "true";
  }
  if (at.since) {
    AppendKey(out, sep, "since");
    out += "true";
  }
  if (at.duration_years) {
    AppendKey(out, sep, "duration_years");
    AppendNumber(out, *at.duration_years);
  }
  AppendKey(out, sep, "status");
  AppendString(out, at.status);

  out += "},\"evidence\":{\"sentence\":";
  AppendString(out, r.evidence.sentence);
  out += ",\"start\":";
  AppendInteger(out, r.evidence.start);
  out += ",\"end\":";
  AppendInteger(out, r.evidence.end);
  out += "},\"rule\":";
  AppendString(out, r.rule);
  out.push_back('}');
  return out;
}

}  // namespace newsgraph

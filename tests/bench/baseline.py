#!/usr/bin/python3
"""The extraction job done the simplest usual way, as a speed baseline.

usage: baseline.py RESOURCES CORPUS.jsonl [--limit-mb X]

Reads the same files as newsgraph (RESOURCES/schemas/entity_types.tsv,
RESOURCES/dictionaries/entities/*.jsonl, RESOURCES/dictionaries/rules/*.rules)
and does comparable work per document: NFKC + case folding, sentence
splitting (a regular expression), dictionary matching with Debian's
python3-ahocorasick (one automaton, leftmost-longest), the slotted sentence
("\\x01<type code><n>\\x02" per mention), and every rule pattern -- the RE2
patterns with macros and slots expanded, compiled once with Python's `re`
-- searched in every sentence with at least two mentions. It does not try
to reproduce newsgraph's output (no coreference, attributes or status);
it counts rule matches. Prints one JSON line: MB, seconds, MB/s, matches.
"""
import argparse
import glob
import json
import os
import re
import sys
import time
import unicodedata

import ahocorasick

SENTENCE_END = re.compile(r"(?<=[。！？!?;；])|(?<=[.?!])\s+|\n+")


def fold(s):
    return unicodedata.normalize("NFKC", s).casefold()


def load_types(resources):
    codes = {}
    for line in open(os.path.join(resources, "schemas", "entity_types.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        codes[f[1]] = f[2]
    return codes


def expand_group(group, codes):
    org = [t for t in codes if t not in ("person", "product", "facility")]
    if group in ("*", "any"):
        return list(codes)
    if group == "org":
        return org
    if group == "player":
        return org + ["person"]
    return [group] if group in codes else []


def load_dictionary(resources, codes):
    auto = ahocorasick.Automaton()
    for path in sorted(glob.glob(os.path.join(resources, "dictionaries", "entities", "*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line.startswith("{"):
                continue
            e = json.loads(line)
            code = codes.get(e["type"], "c")
            for form in [e["name"]] + e.get("aliases", []) + e.get("former", []):
                key = fold(form)
                if len(key) >= 2 and key not in auto:
                    auto.add_word(key, (len(key), code))
    auto.make_automaton()
    return auto


# RE2 syntax Python's re lacks, replaced by rough equivalents.
RE2_FIXES = [(r"\p{Han}", "\u4e00-\u9fff"), (r"\pL", "\\w"), (r"\PL", "\\W"), (r"\z", r"\Z")]


def load_rules(resources, codes):
    macros, patterns, failed = {}, [], 0
    slot_re = re.compile(r"\{(@?)([A-Za-z_][A-Za-z0-9_]*)(\+?)(?::([^}]*))?\}")

    def expand(p):
        def sub(m):
            if m.group(1) == "@":
                return "(?:" + macros.get(m.group(2), "") + ")"
            if m.group(4) is None:
                return m.group(0)
            cls = "".join(sorted({codes[t] for g in m.group(4).split("|") for t in expand_group(g.strip(), codes)}))
            token = "(?:" + macros.get("descriptor", "(?!)") + ")?\x01[" + cls + "]\\d+\x02"
            if m.group(3):
                sep = "(?:" + macros.get("sep", ",") + ")"
                token = token + "(?:" + sep + token + ")*"
            return "(?P<" + m.group(2) + ">" + token + ")"
        out = slot_re.sub(sub, p)
        for a, b in RE2_FIXES:
            out = out.replace(a, b)
        return out

    for path in sorted(glob.glob(os.path.join(resources, "dictionaries", "rules", "*.rules"))):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line.startswith("define "):
                _, name, body = line.split(None, 2)
                macros[name] = expand(body)
            elif line.startswith("pattern "):
                try:
                    patterns.append(re.compile(expand(line.split(None, 1)[1])))
                except re.error:
                    failed += 1
    return patterns, failed


def slotted(sentence, auto):
    # Leftmost-longest: keep the longest match at each start, no overlaps.
    best = {}
    for end, (length, code) in auto.iter(sentence):
        start = end - length + 1
        if best.get(start, (0,))[0] < length:
            best[start] = (length, code)
    out, pos, n = [], 0, 0
    for start in sorted(best):
        if start < pos:
            continue
        length, code = best[start]
        out.append(sentence[pos:start])
        out.append("\x01%s%d\x02" % (code, n))
        n += 1
        pos = start + length
    out.append(sentence[pos:])
    return "".join(out), n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("resources")
    ap.add_argument("corpus")
    ap.add_argument("--limit-mb", type=float, default=0, help="stop after this many MB of text")
    a = ap.parse_args()
    t_load = time.perf_counter()
    codes = load_types(a.resources)
    auto = load_dictionary(a.resources, codes)
    patterns, failed = load_rules(a.resources, codes)
    load = time.perf_counter() - t_load
    t0 = time.perf_counter()
    nbytes = docs = matches = 0
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            nbytes += len(text.encode("utf-8"))
            docs += 1
            for sentence in SENTENCE_END.split(fold(text)):
                s, n = slotted(sentence, auto)
                if n < 2:
                    continue
                for p in patterns:
                    for _ in p.finditer(s):
                        matches += 1
            if a.limit_mb and nbytes >= a.limit_mb * 1e6:
                break
    secs = time.perf_counter() - t0
    cpu = time.process_time()
    print(json.dumps({"bench": "baseline", "mb": round(nbytes / 1e6, 3), "articles": docs,
                      "seconds": round(secs, 3), "load_seconds": round(load, 3),
                      "cpu_seconds": round(cpu, 3), "patterns": len(patterns),
                      "patterns_failed": failed, "matches": matches,
                      "mb_per_s": round(nbytes / 1e6 / secs, 4)}))


if __name__ == "__main__":
    sys.exit(main())

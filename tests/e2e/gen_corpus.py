#!/usr/bin/env python3
"""Generates a corpus of short documents from the sample articles.

usage: gen_corpus.py EXAMPLES_DIR OUT_DIR [--docs N] [--files K] [--seed S]

Each document is one to three paragraphs of a sample article (English or
Chinese) plus a numbered sentence, so every text -- and hash -- differs.
Writes K JSON Lines files (corpus-NN.jsonl) and a few .txt files; prints the
number of documents written.
"""
import argparse
import glob
import json
import os
import random
import re

MONTHS = "January February March April May June July August September October November December".split()


def article_date(header_line):
    m = re.match(r"(\d{4})年(\d{2})月(\d{2})日", header_line)
    if m:
        return "-".join(m.groups())
    m = re.match(r"(\w+) (\d{1,2}), (\d{4})", header_line)
    if m and m.group(1) in MONTHS:
        return "%s-%02d-%02d" % (m.group(3), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
    return ""


def load(examples):
    sources = []  # (lang, date, [paragraphs])
    for path in sorted(glob.glob(os.path.join(examples, "en", "*.txt")) +
                       glob.glob(os.path.join(examples, "zh", "*.txt"))):
        blocks = [b.strip() for b in open(path, encoding="utf-8").read().split("\n\n") if b.strip()]
        lang = "zh" if "/zh/" in path else "en"
        sources.append((lang, article_date(blocks[1]), blocks[2:]))
    for line in open(os.path.join(examples, "corpus.jsonl"), encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            paras = [p.strip() for p in d["text"].split("\n\n") if p.strip()]
            sources.append((d.get("lang", ""), d.get("date", ""), paras))
    return sources


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("examples")
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--txt", type=int, default=20, help="documents written as .txt files")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    sources = load(a.examples)
    os.makedirs(a.out, exist_ok=True)
    outs = [open(os.path.join(a.out, "corpus-%02d.jsonl" % k), "w", encoding="utf-8")
            for k in range(a.files)]
    for n in range(a.docs):
        lang, date, paras = rng.choice(sources)
        start = rng.randrange(len(paras))
        body = "\n\n".join(paras[start:start + rng.randint(1, 3)])
        tag = ("这是第%d号测试稿。" % n) if lang == "zh" else ("This is test brief %d." % n)
        text = body + "\n\n" + tag
        if n < a.txt:
            os.makedirs(os.path.join(a.out, "txt"), exist_ok=True)
            with open(os.path.join(a.out, "txt", "brief-%05d.txt" % n), "w", encoding="utf-8") as f:
                f.write("Test brief %d\n\n%s\n\n%s\n" % (n, date, text))
            continue
        doc = {"id": "gen-%05d" % n, "date": date, "lang": lang, "text": text}
        outs[n % a.files].write(json.dumps(doc, ensure_ascii=False) + "\n")
    for f in outs:
        f.close()
    print(a.docs)


if __name__ == "__main__":
    main()

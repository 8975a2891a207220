#!/usr/bin/env python3
"""Deterministic news-like benchmark corpus (Chinese and English).

usage: gen_corpus.py RESOURCES OUT --mb 50 [--seed 1] [--format jsonl|txt]

RESOURCES is the directory holding dictionaries/ (the repository root).
Articles are built from the templates below (written for this benchmark),
filled with names taken from dictionaries/entities/*.jsonl: a headline,
a dateline, and 3 to 40 paragraphs mixing relation sentences (deals,
partnerships, lawsuits, executives, alliances, with amounts and dates),
hedged or denied ones, and plain background sentences. The same seed and
size always give the same bytes.

--format jsonl (default) writes OUT as one JSON Lines file
({"id","date","lang","text"} per line); --format txt writes OUT/ as a
directory of .txt articles (headline, blank line, date line, body).
Prints "<articles> <bytes>".
"""
import argparse
import glob
import json
import os
import random

ZH_REL = [
    "{c1}宣布以{amt_zh}收购{c2}，交易预计于{date_zh}完成。",
    "{c1}与{c2}达成战略合作，双方将在人工智能芯片领域共同研发。",
    "{inv}领投了{c1}的新一轮融资，本轮融资金额为{amt_zh}。",
    "{c1}获得{inv}和{inv2}的投资，估值较上一轮翻倍。",
    "{c1}起诉{c2}侵犯其专利，要求赔偿{amt_zh}。",
    "{p1}出任{c1}首席执行官，此前他曾在{c2}任职多年。",
    "{c1}和{c2}宣布加入{al}，成为该联盟的新成员。",
    "据知情人士透露，{c1}正在洽谈收购{c2}的部分业务。",
    "{c1}否认将与{c2}合作开发新一代大模型。",
    "{c1}计划向{c2}投资{amt_zh}，用于扩建数据中心。",
    "{c1}是{c2}的主要供应商，为其提供高端芯片。",
    "{c2}旗下的{c1}今年营收增长明显。",
    "{c1}与{c2}在云计算市场展开激烈竞争。",
    "{p1}于{date_zh}创立了{c1}。",
    "{c1}将其图像识别技术授权给{c2}使用。",
]
ZH_FILL = [
    "分析人士认为，今年全球半导体市场的需求仍将保持增长。",
    "受此消息影响，相关概念股在午后交易中普遍走高。",
    "业内人士指出，算力成本的下降正在改变行业格局。",
    "截至发稿时，相关公司尚未对此事作出回应。",
    "报告显示，去年国内数据中心的耗电量同比上升了百分之十五。",
    "多位投资者表示，他们更关注企业的长期盈利能力。",
    "这一趋势在东南亚和中东地区尤为明显。",
    "监管部门表示将继续完善相关规则，促进行业健康发展。",
    "市场研究机构预计，明年相关设备的出货量将创下新高。",
    "该项目一期工程已经开工，预计两年内投入使用。",
]
EN_REL = [
    "{c1} agreed to acquire {c2} for {amt_en}, the companies said on {date_en}.",
    "{c1} and {c2} announced a partnership to build data centers in Texas.",
    "{inv} led a {amt_en} funding round in {c1}, according to a statement.",
    "{c1} has raised {amt_en} from investors including {inv} and {inv2}.",
    "{c1} sued {c2} in federal court, alleging breach of contract.",
    "{p1} was named chief executive of {c1} after years at {c2}.",
    "{c1} and {c2} joined {al} as members last month.",
    "{c1} is reportedly in talks to buy a stake in {c2}, people familiar with the matter said.",
    "{c1} denied that it plans to merge with {c2}.",
    "{c1} plans to invest {amt_en} in {c2} over the next three years.",
    "{c1} is a key supplier to {c2}, providing memory chips for its servers.",
    "{c1}, a subsidiary of {c2}, reported higher quarterly revenue.",
    "{c1} competes with {c2} in the cloud market.",
    "{p1} founded {c1} in {year}.",
    "{c1} licensed its chip designs to {c2}.",
]
EN_FILL = [
    "Analysts expect demand for accelerators to remain strong through next year.",
    "Shares of several chip companies rose in afternoon trading.",
    "The deal is subject to regulatory approval in several countries.",
    "Industry observers say falling compute costs are reshaping the market.",
    "A spokesperson declined to comment on the terms.",
    "The company did not disclose how many employees would be affected.",
    "Power consumption of large data centers has become a concern for utilities.",
    "The announcement came during an industry conference in San Francisco.",
    "Executives said the new facility would open in two phases.",
    "Regulators have stepped up scrutiny of large technology acquisitions.",
]
ZH_HEAD = ["{c1}与{c2}的最新动向", "{c1}再出手：{c2}成为焦点", "科技行业周报：{c1}、{c2}等"]
EN_HEAD = ["{c1} and {c2} in focus", "Tech roundup: {c1}, {c2} and more", "What {c1}'s latest move means for {c2}"]
MONTHS = "January February March April May June July August September October November December".split()


def load_names(resources):
    by_type = {}
    for path in sorted(glob.glob(os.path.join(resources, "dictionaries", "entities", "*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line.startswith("{"):
                continue
            e = json.loads(line)
            names = [e["name"]] + [a for a in e.get("aliases", []) if a]
            by_type.setdefault(e["type"], []).append(names)
    return by_type


def is_zh(s):
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


class Gen:
    def __init__(self, by_type, seed):
        self.rng = random.Random(seed)
        self.t = by_type

    def name(self, types, zh):
        r = self.rng
        names = r.choice(self.t[r.choice(types)])
        pref = [n for n in names if is_zh(n) == zh]
        return r.choice(pref or names)

    def fill(self, tpl, zh, date):
        r = self.rng
        c1 = self.name(["company", "company", "investor"], zh)
        c2 = self.name(["company"], zh)
        while c2 == c1:
            c2 = self.name(["company"], zh)
        v = dict(c1=c1, c2=c2, inv=self.name(["investor"], zh), inv2=self.name(["investor"], zh),
                 p1=self.name(["person"], zh), al=self.name(["alliance"], zh),
                 amt_zh="%d亿%s" % (r.randint(1, 900), r.choice(["美元", "元人民币", "欧元"])),
                 amt_en="$%d %s" % (r.randint(1, 900), r.choice(["million", "billion"])),
                 date_zh="%d年%d月" % (date[0] + r.randint(-2, 1), r.randint(1, 12)),
                 date_en="%s %d" % (r.choice(MONTHS), r.randint(1, 28)),
                 year=str(r.randint(1990, 2024)))
        return tpl.format(**v)

    def article(self, n):
        r = self.rng
        zh = r.random() < 0.5
        date = (r.randint(2021, 2026), r.randint(1, 12), r.randint(1, 28))
        rel, fill, head = (ZH_REL, ZH_FILL, ZH_HEAD) if zh else (EN_REL, EN_FILL, EN_HEAD)
        paras = []
        for _ in range(int(r.choice([3, 4, 6, 8, 12, 20, 40]) * r.uniform(0.7, 1.3)) or 1):
            sents = []
            for _ in range(r.randint(2, 6)):
                sents.append(self.fill(r.choice(rel), zh, date) if r.random() < 0.45 else r.choice(fill))
            paras.append(("" if zh else " ").join(sents))
        title = self.fill(r.choice(head), zh, date)
        iso = "%04d-%02d-%02d" % date
        return {"id": "bench-%07d" % n, "date": iso, "lang": "zh" if zh else "en",
                "title": title, "text": "\n\n".join(paras)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("resources")
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=50.0, help="approximate size in MB (10^6 bytes of text)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    a = ap.parse_args()
    g = Gen(load_names(a.resources), a.seed)
    target = int(a.mb * 1e6)
    total = n = 0
    if a.format == "jsonl":
        out = open(a.out, "w", encoding="utf-8")
    else:
        os.makedirs(a.out, exist_ok=True)
    while total < target:
        d = g.article(n)
        if a.format == "jsonl":
            line = json.dumps(d, ensure_ascii=False) + "\n"
            out.write(line)
        else:
            line = "%s\n\n%s\n\n%s\n" % (d["title"], d["date"], d["text"])
            with open(os.path.join(a.out, "%s.txt" % d["id"]), "w", encoding="utf-8") as f:
                f.write(line)
        total += len(d["text"].encode("utf-8"))
        n += 1
    if a.format == "jsonl":
        out.close()
    print(n, total)


if __name__ == "__main__":
    main()

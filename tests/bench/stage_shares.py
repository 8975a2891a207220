#!/usr/bin/env python3
"""Shares of extraction time by stage, from a sampled profile.

Reads the text form of a call-graph profile (`perf script`) of a program
that extracts through newsgraph::Extractor, keeps the samples taken under
Extractor::ExtractBatch (loading the resources and reading the corpus
are left out), and puts each in the stage of the first entry of STAGES
found on its stack. Prints a table and one JSON line.

  perf record -e cpu-clock -F 499 --call-graph dwarf,8192 -o p.data \\
      build/tests/bench/pipeline_bench --mode extract --jobs 1 CORPUS
  perf script -i p.data | tests/bench/stage_shares.py

The stages are named by the library's functions: when a function is
renamed, its stage falls into "other" until the table below follows.
"""
import argparse
import collections
import json
import sys

# (stage, function-name fragments), most specific first: a sample in
# FindDates, called from PrepareSentence, counts as "dates".
STAGES = [
    ("reverse programs (RE2, once per process)", ["RE2::ReverseProg"]),
    ("dates", ["attrs::FindDates"]),
    ("amounts", ["attrs::FindAmounts"]),
    ("durations", ["attrs::FindDurations"]),
    ("status markers", ["RuleSet::StatusFor"]),
    ("surnames", ["DocumentPass::AddSurnameMentions"]),
    ("coreference resolution", ["DocumentPass::ResolveCoreferences"]),
    ("slotted sentences", ["extract::BuildSlotted"]),
    ("rules: atoms and candidates", ["RuleSet::Plan"]),
    ("rules: start search and captures", ["RuleSet::MatchPattern"]),
    ("rules: other", ["RuleSet::MatchBatch"]),
    ("dictionary scan", ["Matcher::FindAllEach"]),
    ("coreference phrases", ["RuleSet::FindCorefsEach"]),
    ("discovery", ["RuleSet::DiscoverEach"]),
    ("the document's own names",
     ["DocumentPass::MentionsFrom", "DocumentPass::BuildLocalEntities"]),
    ("normalization", ["Normalizer::"]),
    ("sentence splitting", ["SentenceSplitter::", "DocumentPass::Layout"]),
    ("relation records",
     ["DocumentPass::ExtractSentence", "extract::MakeSentenceConsistent",
      "DocumentPass::Attach"]),
]
TARGET = "Extractor::ExtractBatch"


def samples(lines):
    """Yields each sample's stack (leaf first) as a list of frame texts."""
    stack = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if stack:
                yield stack
            stack = []
        elif line[0] in " \t":
            parts = line.strip().split(" ", 1)
            if len(parts) == 2:
                stack.append(parts[1])
    if stack:
        yield stack


def stage_of(stack):
    for name, fragments in STAGES:
        for frame in stack:
            if any(f in frame for f in fragments):
                return name
    return "other"


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?", default="-",
                    help="`perf script` output (default: standard input)")
    args = ap.parse_args()
    try:
        f = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8",
                                                      errors="replace")
    except OSError as e:
        sys.exit(f"stage_shares.py: {args.input}: {e.strerror}")
    total = 0
    under = 0
    counts = collections.Counter()
    with f:
        for stack in samples(f):
            total += 1
            if any(TARGET in frame for frame in stack):
                under += 1
                counts[stage_of(stack)] += 1
    if under == 0:
        sys.exit(f"stage_shares.py: {args.input}: no sample under {TARGET} "
                 f"({total} samples read); was the profile taken with call "
                 "graphs (--call-graph dwarf) of a program that extracts?")
    print(f"{under} of {total} samples under {TARGET}")
    for name, n in counts.most_common():
        print(f"{100 * n / under:6.1f} %  {name}")
    print(json.dumps({"bench": "stage_shares", "samples": under,
                      "shares": {k: round(v / under, 4)
                                 for k, v in counts.most_common()}},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()

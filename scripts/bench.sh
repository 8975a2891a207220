#!/usr/bin/env bash
# Runs the speed benchmarks on one generated corpus and prints each result
# with its ratio to the Python baseline (docs/benchmarks.md).
#
#   scripts/bench.sh [--mb 50] [--jobs 2] [--build DIR] [--baseline-mb 2]
#
# The baseline is slow (~0.03 MB/s), so it runs on the first --baseline-mb
# MB of the same corpus; its MB/s is what the ratios divide by. Before and
# after the runs, issue 7's reference stages (ICU, Hyperscan, RE2, SQLite)
# are timed on the corpus's first 15 MB: how fast the machine is, then.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MB=50 JOBS=2 BUILD=$ROOT/build BASE_MB=2
while [ $# -gt 0 ]; do
  case $1 in
    --mb) MB=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --build) BUILD=$2; shift 2 ;;
    --baseline-mb) BASE_MB=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1' (--help)" >&2; exit 2 ;;
  esac
done
BENCH=$BUILD/tests/bench/pipeline_bench
PRIM=$BUILD/tests/bench/primitives_bench
for b in "$BENCH" "$PRIM"; do
  [ -x "$b" ] || { echo "bench.sh: $b not built (cmake --build $BUILD)" >&2; exit 1; }
done
RES=${NEWSGRAPH_RESOURCES:-$ROOT}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "== corpus: $MB MB (tests/bench/gen_corpus.py --seed 1)"
/usr/bin/python3 "$ROOT/tests/bench/gen_corpus.py" "$RES" "$tmp/corpus.jsonl" --mb "$MB" --seed 1
echo "== baseline (Python re + ahocorasick), first $BASE_MB MB"
base=$(/usr/bin/python3 "$ROOT/tests/bench/baseline.py" "$RES" "$tmp/corpus.jsonl" --limit-mb "$BASE_MB")
echo "$base"
bmbs=$(echo "$base" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["mb_per_s"])')
PRIM_MB=$(awk -v m="$MB" 'BEGIN { print (m < 15 ? m : 15) }')
machine() {
  echo "== the machine ($1): issue 7's reference stages, first $PRIM_MB MB of the corpus"
  "$PRIM" --resources "$RES" --mb "$PRIM_MB" --repeat 3 "$tmp/corpus.jsonl"
}
machine before
for mode in extract ingest; do
  for j in 1 "$JOBS"; do
    echo "== $mode --jobs $j"
    NEWSGRAPH_RESOURCES=$RES "$BENCH" --mode "$mode" --jobs "$j" --baseline-mbs "$bmbs" "$tmp/corpus.jsonl"
  done
done
machine after

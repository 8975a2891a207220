#!/usr/bin/env bash
# Scores extraction on the public FinRE validation split (../shared/datasets)
# through ../shared/eval/pairs.py. Arguments: NEWSGRAPH SHARED MIN_P MIN_R.
set -euo pipefail
NG=$1 SHARED=$2 MIN_P=$3 MIN_R=$4
DATA=$SHARED/datasets/finre-valid.jsonl
if [ ! -f "$DATA" ] || [ ! -f "$SHARED/eval/pairs.py" ]; then
  echo "skipped: $SHARED/datasets not present"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$SHARED/eval/pairs.py" input "$DATA" > "$tmp/docs.jsonl"
"$NG" extract "$tmp/docs.jsonl" > "$tmp/pred.jsonl"
python3 "$SHARED/eval/pairs.py" score "$DATA" "$tmp/pred.jsonl" \
  --min-precision "$MIN_P" --min-recall "$MIN_R"

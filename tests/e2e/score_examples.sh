#!/usr/bin/env bash
# Scores the team's own sample articles of one language against their gold
# (precision >= 0.90, recall >= 0.85). The scorer lives in ../shared.
set -euo pipefail
NG=$1 ROOT=$2 LANG_=$3 SHARED=$4 MIN_P=${5:-0.90} MIN_R=${6:-0.85}
if [ ! -f "$SHARED/eval/score.py" ]; then echo "skipped: no scorer"; exit 77; fi
EX=$ROOT/examples
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
files=("$EX/$LANG_"/*.txt)
[ "$LANG_" = en ] && files+=("$EX"/html/*.html)
"$NG" extract "${files[@]}" > "$tmp/pred.jsonl"
# Corpus documents of this language.
python3 - "$EX/corpus.jsonl" "$LANG_" > "$tmp/corpus.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip() and json.loads(line).get("lang") == sys.argv[2]:
        print(line.rstrip("\n"))
PY
if [ -s "$tmp/corpus.jsonl" ]; then "$NG" extract "$tmp/corpus.jsonl" >> "$tmp/pred.jsonl"; fi
cat "$EX"/gold/"$LANG_"-*.relations.jsonl "$EX"/gold/corpus-"$LANG_"-*.relations.jsonl > "$tmp/gold.jsonl"
python3 "$SHARED/eval/score.py" --gold "$tmp/gold.jsonl" --entities "$EX/gold/entities.jsonl" \
  --pred "$tmp/pred.jsonl" --min-precision "$MIN_P" --min-recall "$MIN_R"

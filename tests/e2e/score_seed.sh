#!/usr/bin/env bash
# Extracts the seed article and scores it against its gold (issue 2:
# precision >= 0.90, recall >= 0.85, attribute accuracy >= 0.80).
set -euo pipefail
NG=$1 SHARED=$2
SEED=$SHARED/seeds/000_67b389fd1f405f84.txt
if [ ! -f "$SEED" ] || [ ! -f "$SHARED/eval/score.py" ]; then
  echo "skipped: $SHARED not present"; exit 77
fi
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$NG" extract "$SEED" > "$out"
python3 "$SHARED/eval/score.py" --gold "$SHARED/gold/seed-000.relations.jsonl" \
  --entities "$SHARED/gold/seed-000.entities.jsonl" --pred "$out" --json > "$out.score"
cat "$out.score"
python3 - "$out.score" <<'PY'
import json, sys
s = json.loads(open(sys.argv[1]).readline())
ok = s["precision"] >= 0.90 and s["recall"] >= 0.85 and s["attr_accuracy"] >= 0.80
print(f"precision={s['precision']:.3f} recall={s['recall']:.3f} attr={s['attr_accuracy']:.3f}",
      "ok" if ok else "BELOW THRESHOLD")
sys.exit(0 if ok else 1)
PY

#!/usr/bin/env bash
# Golden tests: every tests/golden/<case>/ holds input.txt (an article the
# team wrote) and expected.jsonl; the extractor's output must match exactly.
# Set NEWSGRAPH_UPDATE_GOLDEN=1 to rewrite the expected files.
set -euo pipefail
NG=$1 DIR=$2
fail=0 n=0
for case in "$DIR"/*/; do
  name=$(basename "$case")
  args=()
  [ -f "$case/args" ] && read -r -a args < "$case/args"
  actual=$(cd "$case" && "$NG" extract "${args[@]}" input.txt)
  n=$((n+1))
  if [ "${NEWSGRAPH_UPDATE_GOLDEN:-}" = 1 ]; then
    printf '%s\n' "$actual" > "$case/expected.jsonl"; continue
  fi
  if ! diff -u "$case/expected.jsonl" <(printf '%s\n' "$actual"); then
    echo "golden case $name differs"; fail=1
  fi
done
echo "$n golden case(s) checked"
[ "$n" -gt 0 ] || { echo "no golden cases"; exit 1; }
exit $fail

#!/usr/bin/env bash
# Every record `newsgraph extract` prints on the sample corpus validates
# against schemas/relation.schema.json, and its evidence offsets point at
# its sentence in the input file.
set -euo pipefail
NG=$1 ROOT=$2
if ! python3 -c "import jsonschema" 2>/dev/null; then
  echo "skipped: python3 jsonschema module not installed"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$ROOT"/examples/zh/*.txt "$ROOT"/examples/en/*.txt "$ROOT"/tests/golden/*/input.txt; do
  "$NG" extract "$f" | sed "s|^|$f\t|"
done > "$tmp/out.tsv"
python3 - "$ROOT/schemas/relation.schema.json" "$tmp/out.tsv" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    path, rec = line.rstrip("\n").split("\t", 1)
    r = json.loads(rec)
    errors = list(validator.iter_errors(r))
    if errors:
        sys.exit(f"{path}: {errors[0].message} in {rec[:200]}")
    data = open(path, "rb").read()
    ev = r["evidence"]
    if data[ev["start"]:ev["end"]].decode("utf-8") != ev["sentence"]:
        sys.exit(f"{path}: evidence offsets do not point at the sentence: {rec[:200]}")
    n += 1
if n == 0:
    sys.exit("no records checked")
print(f"{n} records valid")
PY

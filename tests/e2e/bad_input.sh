#!/usr/bin/env bash
# The bad-input matrix (issue 8; docs/reliability.md): for every kind of bad
# input, the exact message (with file:line where it applies), the exit code,
# and the store unchanged (a digest of its dump before and after) or
# consistent (store_check.py) with the good part of the input added.
set -uo pipefail
NG=$1 ROOT=$2
E2E=$(dirname "$0")
. "$E2E/lib.sh"

# run NAME WANT_EXIT -- command...   (stdout in $tmp/out, stderr in $tmp/err)
run() {
  local name=$1 code=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$code" ]; then bad "$name: exit $got (want $code), stderr:"; cat "$tmp/err"; return 1; fi
  ok
}
# has NAME LINE: stderr holds exactly this line.
has() {
  if grep -qxF -- "$2" "$tmp/err"; then ok; else bad "$1: no line '$2' in stderr:"; cat "$tmp/err"; fi
}
lines() {  # NAME N: stderr has N lines
  local n; n=$(grep -c . "$tmp/err")
  [ "$n" -eq "$2" ] && ok || { bad "$1: $n stderr lines, want $2:"; cat "$tmp/err"; }
}
db=$tmp/g.db
dbopt() { [ "$1" = ingest ] && echo "--db $db"; }  # $tmp has no spaces
unchanged() {  # NAME
  local now; now=$(digest "$db")
  [ "$now" = "$base" ] && ok || bad "$1: the store changed"
}
consistent() {  # NAME
  if python3 "$E2E/store_check.py" "$db" --indexes >"$tmp/check" 2>&1; then ok; else
    bad "$1: store check:"; cat "$tmp/check"; fi
}

# The store every case starts from: the English sample articles.
"$NG" ingest --db "$db" "$ROOT/examples/en" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
base=$(digest "$db")
in=$tmp/in
mkdir -p "$in"

# --- documents --------------------------------------------------------------
# An empty file is a document without relations: stored once, exit 0.
: > "$in/empty.txt"
run empty 0 -- "$NG" extract "$in/empty.txt"; lines empty 0
[ -s "$tmp/out" ] && bad "empty: output" || ok
# A binary file (NUL bytes).
head -c 4096 "$NG" > "$in/program.txt"
printf 'Acme\0\0\0binary' > "$in/nul.txt"
for cmd in extract ingest; do
  run "binary_$cmd" 1 -- "$NG" "$cmd" $(dbopt "$cmd") "$in/nul.txt"
  has "binary_$cmd" "newsgraph: $in/nul.txt: binary data (a NUL byte at byte 4), not a text file (skipped)"
done
unchanged binary
run binary_elf 1 -- "$NG" ingest --db "$db" "$in/program.txt"
nul=$(python3 -c "import sys; print(open(sys.argv[1], 'rb').read().index(b'\0'))" "$in/program.txt")
has binary_elf "newsgraph: $in/program.txt: binary data (a NUL byte at byte $nul), not a text file (skipped)"
unchanged binary_elf
# Invalid UTF-8.
printf 'Microsoft invested in \xc3\x28 OpenAI.\n' > "$in/latin.txt"
run invalid_utf8 1 -- "$NG" ingest --db "$db" "$in/latin.txt"
has invalid_utf8 "newsgraph: $in/latin.txt: invalid UTF-8 at byte 22; fix the file or pass --replace-invalid (skipped)"
unchanged invalid_utf8
run invalid_utf8_extract 1 -- "$NG" extract "$in/latin.txt"
has invalid_utf8_extract "newsgraph: latin.txt: invalid UTF-8 at byte 22; fix the file or pass --replace-invalid (document skipped)"
# UTF-16 with a byte-order mark.
printf '\xff\xfeM\x00i\x00c\x00r\x00o\x00s\x00o\x00f\x00t\x00\n\x00' > "$in/u16.txt"
run utf16 1 -- "$NG" ingest --db "$db" "$in/u16.txt"
has utf16 "newsgraph: $in/u16.txt: UTF-16 text (byte-order mark); convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8 (skipped)"
unchanged utf16
# A 100 MB single line: over the default --max-doc-bytes (16 MiB), reported
# and skipped without being read; as a JSON Lines line, the lines around it
# still go in.
python3 - "$in" <<'PY'
import sys
n = 100 * 1024 * 1024
s = b"Northwind Robotics builds warehouse robots and sells them to retailers; "
line = (s * (n // len(s) + 1))[:n]
open(sys.argv[1] + "/huge.txt", "wb").write(line)
with open(sys.argv[1] + "/huge.jsonl", "wb") as f:
    f.write(b'{"id":"before","text":"Northwind Robotics said Microsoft invested in OpenAI."}\n')
    f.write(b'{"id":"huge","text":"' + line + b'"}\n')
    f.write(b'{"id":"after","text":"Northwind Robotics said Google agreed to buy Wiz."}\n')
PY
run huge_line 1 -- "$NG" ingest --db "$db" "$in/huge.txt"
has huge_line "newsgraph: $in/huge.txt: document too large (104857600 bytes; the limit is 16777216 bytes) (skipped)"
unchanged huge_line
run huge_jsonl 1 -- "$NG" ingest --db "$db" "$in/huge.jsonl"
has huge_jsonl "newsgraph: $in/huge.jsonl:2: document too large (104857623 bytes; the limit is 16777216 bytes) (skipped)"
has huge_jsonl "ingest: 2 new, 0 skipped (already stored), 1 failed"
consistent huge_jsonl
rm -f "$in/huge.txt" "$in/huge.jsonl"
base=$(digest "$db")
# --max-doc-bytes: a smaller cap; a bad value is a usage error.
printf 'Northwind Robotics said Amazon invested in Anthropic.\n' > "$in/small.txt"
run max_doc_bytes 1 -- "$NG" extract --max-doc-bytes 20 "$in/small.txt"
has max_doc_bytes "newsgraph: $in/small.txt: document too large (54 bytes; the limit is 20 bytes) (skipped)"
run max_doc_bytes_bad 2 -- "$NG" ingest --db "$db" --max-doc-bytes 16M "$in/small.txt"
has max_doc_bytes_bad "newsgraph: ingest: bad --max-doc-bytes '16M' (expected a number of bytes; 0 = no limit)"
unchanged max_doc_bytes
# Deeply nested HTML: libxml2's depth limit, reported; a huge but flat page
# is read.
python3 - "$in" <<'PY'
import sys
d = sys.argv[1]
open(d + "/deep.html", "w").write("<html><body>" + "<div>" * 100000 + "Microsoft invested in OpenAI." + "</div>" * 100000 + "</body></html>")
open(d + "/wide.html", "w").write("<html><body><article>" + "<p>Northwind Robotics ships robots to retailers.</p>\n" * 60000 + "<p>Microsoft invested in OpenAI.</p></article></body></html>")
PY
run deep_html 1 -- "$NG" ingest --db "$db" "$in/deep.html"
has deep_html "newsgraph: $in/deep.html: HTML elements nested deeper than 256 levels (line 1); the HTML parser stops there (skipped)"
unchanged deep_html
run wide_html 0 -- "$NG" extract --format table "$in/wide.html"
grep -q "investor_in	OpenAI" "$tmp/out" && ok || bad "wide_html: relation missing"
# JSON Lines: a bad line, wrong types, missing text; the good lines go in.
cat > "$in/mixed.jsonl" <<'EOF'
{"id":"m-ok","text":"Northwind Robotics said Nvidia invested in xAI."}
{"id":"m-cut","text":"unterminated
{"id":"m-num","text":5}
{"id":"m-none"}
{"id":"m-date","text":"x","date":20250101}
{"id":"m-ents","text":"x","entities":"Acme"}
{"id":["m-arr"],"text":"x"}
[1,2]
{"id":"m-noname","text":"x","entities":[{"type":"company"}]}
{"id":"m-baddate","text":"x","date":"2025-13-45"}
{"id":"m-type","text":"x","entities":[{"name":"Zed","type":"spaceship"}]}
EOF
run jsonl 1 -- "$NG" ingest --db "$db" "$in/mixed.jsonl"
j=$in/mixed.jsonl
for line in \
  "newsgraph: $j:2: not valid JSON (skipped)" \
  "newsgraph: $j:3: missing string field 'text' (skipped)" \
  "newsgraph: $j:4: missing string field 'text' (skipped)" \
  "newsgraph: $j:5: field 'date' must be a string (skipped)" \
  "newsgraph: $j:6: 'entities' must be an array (skipped)" \
  "newsgraph: $j:7: field 'id' must be a string (skipped)" \
  "newsgraph: $j:8: expected a JSON object (skipped)" \
  "newsgraph: $j:9: every entity needs a string 'name' (skipped)" \
  "newsgraph: $j: document 'm-baddate': bad document date '2025-13-45' (expected YYYY-MM-DD) (skipped)" \
  "newsgraph: $j: document 'm-type': entity 1: unknown entity type 'spaceship' for 'Zed' (skipped)" \
  "ingest: 1 new, 0 skipped (already stored), 10 failed"; do
  has jsonl "$line"
done
# Problems come in input order.
grep -n "$j" "$tmp/err" | cut -d: -f1 | sort -c -n 2>/dev/null && ok || bad "jsonl: problems out of order"
consistent jsonl
base=$(digest "$db")

# --- resources: dictionaries and rules ----------------------------------------
printf 'Microsoft invested in OpenAI.\n' > "$in/ok.txt"
printf '{"name":"Northwind Robotics","type":"company","aliases":["Northwind"]}\n{"name":"Northwind Shipping","type":"company","aliases":["northwind"]}\n' > "$in/dup.jsonl"
printf '{"name":"Northwind Robotics","type":"company"}\n{"name":"Northwind Robotics","type":"investor"}\n' > "$in/conflict.jsonl"
printf '# a line that claims a name the default dictionary gives NVIDIA\n{"name":"Nvidia Clone","type":"company","aliases":["NVIDIA"]}\n' > "$in/clash.jsonl"
printf 'rule t.re\n  pattern {S:company} (?<=x)likes {O:company}\n  emit partner_of S O\n' > "$in/re.rules"
printf 'rule t.slot\n  pattern {S:spaceship} orbits {O:company}\n  emit partner_of S O\n' > "$in/slot.rules"
declare -A res_msg=(
  ["--dict|dup.jsonl"]="newsgraph: $in/dup.jsonl:2: alias 'northwind' of 'Northwind Shipping' already names 'Northwind Robotics'"
  ["--dict|conflict.jsonl"]="newsgraph: $in/conflict.jsonl:2: 'Northwind Robotics' is already an entity of type company, not investor"
  ["--dict|clash.jsonl"]="newsgraph: $in/clash.jsonl:2: alias 'NVIDIA' of 'Nvidia Clone' already names 'NVIDIA'"
  ["--rules|re.rules"]="newsgraph: $in/re.rules:2: bad regex: invalid perl operator: (?<"
  ["--rules|slot.rules"]="newsgraph: $in/slot.rules:2: unknown entity type or group 'spaceship'"
)
for key in "${!res_msg[@]}"; do
  opt=${key%%|*} file=${key#*|}
  for cmd in extract ingest; do
    run "resources_${cmd}_$file" 1 -- "$NG" "$cmd" $(dbopt "$cmd") "$opt" "$in/$file" "$in/ok.txt"
    has "resources_${cmd}_$file" "${res_msg[$key]}"
    lines "resources_${cmd}_$file" 1
  done
  run "resources_newdb_$file" 1 -- "$NG" ingest --db "$tmp/new.db" "$opt" "$in/$file" "$in/ok.txt"
  [ -e "$tmp/new.db" ] && bad "resources_newdb_$file: a store was created" || ok
done
unchanged resources
# A rule shaped for catastrophic backtracking, (a+)+b, on a 5 MB sentence
# without a match: RE2 is linear, the run completes (no timing asserted).
printf 'rule t.slow\n  pattern {S:company} (a+)+b {O:company}\n  emit partner_of S O\n' > "$in/slow.rules"
python3 -c "import sys; open(sys.argv[1], 'w').write('Microsoft ' + 'a' * 5000000 + ' OpenAI.\n')" "$in/long.txt"
run backtracking 0 -- "$NG" extract --rules "$in/slow.rules" "$in/long.txt"
lines backtracking 0

# --- query verbs: SQL metacharacters, unknown names, bad dates ------------------
for name in "Robert'); DROP TABLE entities;--" "%" "_" 'a"b' "x' OR '1'='1" "NoSuchCompany"; do
  for verb in entity neighbors timeline alliance; do
    run "query_${verb}_$name" 1 -- "$NG" "$verb" "$name" --db "$db"
    has "query_${verb}_$name" "newsgraph: unknown entity '$name'"
    lines "query_${verb}_$name" 1
  done
  run "query_path_$name" 1 -- "$NG" path "$name" NVIDIA --db "$db"
  has "query_path_$name" "newsgraph: unknown entity '$name'"
  run "query_evidence_$name" 1 -- "$NG" evidence NVIDIA partner_of "$name" --db "$db"
  has "query_evidence_$name" "newsgraph: unknown entity '$name'"
  run "query_evidence_rel_$name" 2 -- "$NG" evidence NVIDIA "$name" OpenAI --db "$db"
  has "query_evidence_rel_$name" "newsgraph: evidence: unknown relation type '$name'; see schemas/relation_types.tsv"
  run "query_rel_$name" 2 -- "$NG" neighbors NVIDIA --rel "$name" --db "$db"
  has "query_rel_$name" "newsgraph: neighbors: unknown relation type '$name'; see schemas/relation_types.tsv"
done
run sql_drop 2 -- "$NG" sql "DROP TABLE entities" --db "$db"
has sql_drop "newsgraph: sql: only a single SELECT or WITH query is allowed (refused a DROP statement)"
run sql_two 2 -- "$NG" sql "SELECT 1; DELETE FROM entities" --db "$db"
has sql_two "newsgraph: sql: only a single SELECT or WITH query is allowed (found more than one statement)"
run sql_quote 0 -- "$NG" sql "SELECT name FROM entities WHERE name = 'Robert''); DROP TABLE entities;--'" --db "$db"
for d in 2025-02-30 2025-02-29 2025-13-01 2025-04-31 20250101 yesterday "2025-01-01'; DROP TABLE entities;--"; do
  for verb in "neighbors|NVIDIA" "timeline|NVIDIA" "alliance|AIP" "camps" "evidence|NVIDIA|partner_of|OpenAI"; do
    IFS='|' read -ra argv <<<"$verb"
    run "as_of_${argv[0]}_$d" 2 -- "$NG" "${argv[@]}" --as-of "$d" --db "$db"
    has "as_of_${argv[0]}_$d" "newsgraph: ${argv[0]}: bad --as-of '$d' (expected YYYY-MM-DD)"
  done
  run "date_ingest_$d" 2 -- "$NG" ingest --db "$db" --date "$d" "$in/ok.txt"
  has "date_ingest_$d" "newsgraph: ingest: bad --date '$d' (expected YYYY-MM-DD)"
  run "date_extract_$d" 2 -- "$NG" extract --date "$d" "$in/ok.txt"
  has "date_extract_$d" "newsgraph: extract: bad --date '$d' (expected YYYY-MM-DD)"
done
run as_of_leap 0 -- "$NG" timeline NVIDIA --as-of 2024-02-29 --db "$db"
unchanged queries
consistent final

finish

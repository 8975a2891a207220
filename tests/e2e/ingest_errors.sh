#!/usr/bin/env bash
# Errors a user can cause with ingest give one clear message naming the file
# (and line), the right exit code, and never a half-written store.
set -uo pipefail
NG=$1 ROOT=$2
E2E=$(dirname "$0")
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/in"
printf 'Acme news\n\nMarch 20, 2025\n\nMicrosoft invested in OpenAI.\n' > "$tmp/in/ok.txt"
printf 'Microsoft invested in OpenAI \xff\xfe today.\n' > "$tmp/in/bad.txt"
printf '{"id":"a","text":"Amazon invested in Anthropic."}\n{oops\n{"id":"c"}\n{"id":"d","text":"Google agreed to buy Wiz."}\n' > "$tmp/in/corpus.jsonl"
printf 'this is not a database, just some text that is long enough\n%.0s' {1..20} > "$tmp/text.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t(x)'); c.commit()" "$tmp/foreign.db"
db=$tmp/g.db

expect no_paths 2 "ingest: no input paths" -- "$NG" ingest --db "$db"
expect bad_batch 2 "bad --batch 'zero'" -- "$NG" ingest --db "$db" --batch zero "$tmp/in"
expect bad_batch0 2 "bad --batch '0'" -- "$NG" ingest --db "$db" --batch 0 "$tmp/in"
expect bad_date 2 "bad --date '2025-3-1'" -- "$NG" ingest --db "$db" --date 2025-3-1 "$tmp/in"
expect unknown_option 2 "unknown option '--frobnicate'" -- "$NG" ingest --frobnicate "$tmp/in"
expect help 0 "" -- "$NG" ingest --help
expect remove_help 0 "" -- "$NG" remove --help
expect not_sqlite 1 "$tmp/text.db: not a newsgraph database (not an SQLite file)" -- "$NG" ingest --db "$tmp/text.db" "$tmp/in/ok.txt"
expect foreign_sqlite 1 "$tmp/foreign.db: not a newsgraph database (an SQLite file of another application)" -- "$NG" ingest --db "$tmp/foreign.db" "$tmp/in/ok.txt"
expect db_is_dir 2 "$tmp/in: is a directory, not a database" -- "$NG" ingest --db "$tmp/in" "$tmp/in/ok.txt"
expect db_dir_missing 1 "$tmp/nodir/g.db: cannot open the database" -- "$NG" ingest --db "$tmp/nodir/g.db" "$tmp/in/ok.txt"

# A bad rule file fails before any store is created.
printf 'rule x.y\n  pattern {S:company}(unclosed\n  emit partner_of S S\n' > "$tmp/bad.rules"
expect bad_rules 1 "bad.rules:2: bad regex" -- "$NG" ingest --db "$tmp/r.db" --rules "$tmp/bad.rules" "$tmp/in/ok.txt"
if [ ! -e "$tmp/r.db" ]; then passes=$((passes+1)); else
  echo "FAIL bad_rules: a store was created"; fails=$((fails+1)); fi

# Bad documents are reported with their file (and line) and skipped; the
# rest goes in; the exit code says something was skipped.
expect bad_docs 1 "newsgraph: $tmp/in/bad.txt: invalid UTF-8 at byte 29" -- "$NG" ingest --db "$db" "$tmp/in" "$tmp/missing.txt"
for needle in "$tmp/in/corpus.jsonl:2: not valid JSON (skipped)" \
              "$tmp/in/corpus.jsonl:3: missing string field 'text' (skipped)" \
              "$tmp/missing.txt: no such file or directory (skipped)" \
              "ingest: 3 new, 0 skipped (already stored), 3 failed; 1 path(s) failed"; do
  if grep -qF -- "$needle" "$tmp/err"; then passes=$((passes+1)); else
    echo "FAIL bad_docs: missing '$needle' in:"; cat "$tmp/err"; fails=$((fails+1)); fi
done
if python3 "$E2E/store_check.py" "$db" --docs 3 >/dev/null; then passes=$((passes+1)); else
  echo "FAIL store after bad documents"; fails=$((fails+1)); fi
expect replace_invalid 0 "ingest: 1 new, 1 skipped (already stored), 0 failed" -- "$NG" ingest --db "$db" --replace-invalid "$tmp/in/bad.txt" "$tmp/in/ok.txt"
# A store written by a newer newsgraph is refused and left alone.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 999'); c.commit()" "$db"
expect newer_schema 1 "$db: written by a newer newsgraph (schema 999, this build knows" -- "$NG" ingest --db "$db" "$tmp/in/ok.txt"
# stdin
printf 'SoftBank agreed to acquire Ampere.\n' | "$NG" ingest --db "$tmp/stdin.db" - 2>"$tmp/err"
if [ $? -eq 0 ] && grep -q "^ingest: 1 new" "$tmp/err"; then passes=$((passes+1)); else
  echo "FAIL stdin:"; cat "$tmp/err"; fails=$((fails+1)); fi

finish

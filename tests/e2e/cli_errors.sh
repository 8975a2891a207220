#!/usr/bin/env bash
# Every error a user can cause gives one clear message and the right exit
# code (docs/cli.md).
set -uo pipefail
NG=$1
. "$(dirname "$0")/lib.sh"

printf 'Acme said nothing.\n' > "$tmp/ok.txt"
printf 'Microsoft invested in OpenAI \xff\xfe today.\n' > "$tmp/bad.txt"
printf 'rule x.y\n  pattern {S:company}(unclosed\n  emit partner_of S S\n' > "$tmp/bad.rules"
printf 'rule x.z\n  pattern {S:company} likes {O:company}\n  emit likes S O\n' > "$tmp/badrel.rules"
printf 'rule x.w\n  pattern {S:robot} likes {O:company}\n  emit partner_of S O\n' > "$tmp/badtype.rules"
printf '{"name": "Acme", "type": "spaceship"}\n' > "$tmp/bad-dict.jsonl"
printf '{"id":"a","text":"Microsoft invested in OpenAI."}\n{oops\n{"id":"c"}\n{"id":"d","text":"Amazon invested in Anthropic."}\n' > "$tmp/corpus.jsonl"

expect no_command 2 "usage: newsgraph" -- "$NG"
expect unknown_command 2 "unknown command 'frobnicate'" -- "$NG" frobnicate
expect unknown_option 2 "unknown option '--bogus'" -- "$NG" extract --bogus x
expect no_input 2 "no input files" -- "$NG" extract
expect bad_format 2 "unknown --format 'xml'" -- "$NG" extract --format xml "$tmp/ok.txt"
expect bad_date 2 "bad --date '2025-13'" -- "$NG" extract --date 2025-13 "$tmp/ok.txt"
expect missing_file 1 "$tmp/nope.txt: no such file" -- "$NG" extract "$tmp/nope.txt"
expect invalid_utf8 1 "bad.txt: invalid UTF-8 at byte 29" -- "$NG" extract "$tmp/bad.txt"
expect replaced_utf8 0 "replaced 2 invalid UTF-8" -- "$NG" extract --replace-invalid "$tmp/bad.txt"
expect bad_rule_regex 1 "bad.rules:2: bad regex" -- "$NG" extract --rules "$tmp/bad.rules" "$tmp/ok.txt"
expect bad_rule_relation 1 "badrel.rules:3: unknown relation type 'likes'" -- "$NG" extract --rules "$tmp/badrel.rules" "$tmp/ok.txt"
expect bad_rule_type 1 "badtype.rules:2: unknown entity type or group 'robot'" -- "$NG" extract --rules "$tmp/badtype.rules" "$tmp/ok.txt"
expect bad_dict 1 "bad-dict.jsonl:1: unknown entity type 'spaceship'" -- "$NG" extract --dict "$tmp/bad-dict.jsonl" "$tmp/ok.txt"
expect bad_json_line 1 "corpus.jsonl:2: not valid JSON" -- "$NG" extract "$tmp/corpus.jsonl"
expect missing_text 1 "corpus.jsonl:3: missing string field 'text'" -- "$NG" extract "$tmp/corpus.jsonl"
expect help 0 "" -- "$NG" extract --help
printf '\xff\xfeH\x00i\x00' > "$tmp/u16.txt"
expect utf16 1 "u16.txt: UTF-16 text (byte-order mark); convert it to UTF-8" -- "$NG" extract "$tmp/u16.txt"
mkdir -p "$tmp/dir/sub" && cp "$tmp/ok.txt" "$tmp/dir/sub/a.txt"
expect directory 0 "" -- "$NG" extract "$tmp/dir"

# The good lines of a corpus with bad lines are still processed.
"$NG" extract "$tmp/corpus.jsonl" >"$tmp/out" 2>/dev/null
if grep -q '"doc":"a"' "$tmp/out" && grep -q '"doc":"d"' "$tmp/out"; then
  passes=$((passes+1))
else
  echo "FAIL corpus_rest: good lines missing from output"; fails=$((fails+1))
fi

finish

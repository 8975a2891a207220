#!/usr/bin/env bash
# Documentation matches the code (issue 6).
#
#   cli_doc.sh cli NG SOURCE_DIR
#     Every command `newsgraph --help` lists has a row in the "Commands and
#     their options" table of docs/cli.md, and the row names exactly the
#     long options of `newsgraph COMMAND --help` (its Options: block).
#     Rows for commands the CLI does not have fail too. When a command or an
#     option is added, the fix is a row edit in docs/cli.md.
#   cli_doc.sh library SOURCE_DIR
#     Every code block in docs/library.md preceded by
#     `<!-- snippet: FILE#NAME -->` equals the region of FILE between
#     `// [doc:NAME]` (or `# [doc:NAME]`) and the matching `[doc:end]`
#     (dedented), and every such region of examples/cpp/aip_members.cc is
#     quoted. FILE is compiled by the tests
#     (e2e:consumer), so the guide's code compiles.
set -euo pipefail
fail() { echo "FAIL: $*" >&2; exit 1; }

mode=${1:-}
case "$mode" in
cli)
  NG=$2 SRC=$3
  DOC=$SRC/docs/cli.md
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$NG" --help >"$tmp/help.txt" || fail "newsgraph --help failed"
  # Commands: "  verb   description" lines after the first heading.
  sed -n '/^Commands:/,/^Run /p' "$tmp/help.txt" |
    sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p' >"$tmp/verbs.txt"
  [ -s "$tmp/verbs.txt" ] || fail "no commands found in newsgraph --help"
  # The table: rows "| `verb` | `--a`, `--b` (`-o`) ... |" under its heading.
  sed -n '/^## Commands and their options/,/^## /p' "$DOC" |
    grep '^| `[a-z-]*` |' >"$tmp/rows.txt" || true
  [ -s "$tmp/rows.txt" ] || fail "$DOC: no 'Commands and their options' table"
  status=0
  while read -r verb; do
    "$NG" "$verb" --help >"$tmp/v.txt" 2>&1 || { echo "FAIL: newsgraph $verb --help exits non-zero"; status=1; continue; }
    # Long options of the Options: block (first token of each option line).
    sed -n '/^Options:/,/^$/p' "$tmp/v.txt" |
      sed -n 's/^ \{1,4\}\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' |
      sort -u >"$tmp/help-flags.txt"
    row=$(grep "^| \`$verb\` |" "$tmp/rows.txt" || true)
    if [ -z "$row" ]; then
      echo "FAIL: $DOC: no row for '$verb' in 'Commands and their options' (its --help lists: $(tr '\n' ' ' <"$tmp/help-flags.txt"))"
      status=1
      continue
    fi
    echo "$row" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u >"$tmp/doc-flags.txt"
    if ! diff -u --label "newsgraph $verb --help" --label "docs/cli.md row '$verb'" \
        "$tmp/help-flags.txt" "$tmp/doc-flags.txt"; then
      echo "FAIL: options of '$verb' differ between --help and $DOC"
      status=1
    fi
    # The command has its own section (a heading naming it).
    grep -Eq "^#{2,3} (.*[ ,])?\`?$verb\`?(,.*)?\$" "$DOC" ||
      { echo "FAIL: $DOC: no section heading for '$verb'"; status=1; }
  done <"$tmp/verbs.txt"
  # Rows for commands that do not exist.
  sed -n 's/^| `\([a-z-]*\)` |.*/\1/p' "$tmp/rows.txt" | while read -r verb; do
    grep -qx "$verb" "$tmp/verbs.txt" || echo "$verb"
  done >"$tmp/stale.txt"
  if [ -s "$tmp/stale.txt" ]; then
    echo "FAIL: $DOC documents commands newsgraph --help does not list: $(tr '\n' ' ' <"$tmp/stale.txt")"
    status=1
  fi
  [ "$status" -eq 0 ] && echo "ok: $(wc -l <"$tmp/verbs.txt") commands documented with the options of their --help"
  exit "$status"
  ;;
library)
  SRC=$2
  python3 - "$SRC" <<'PY'
import os, re, sys, textwrap
src = sys.argv[1]
doc_path = os.path.join(src, "docs", "library.md")
doc = open(doc_path, encoding="utf-8").read()
marker = re.compile(r"<!-- snippet: (\S+)#(\S+) -->\n+```[a-z+]*\n(.*?)```", re.S)
regions = {}
def region(path, name):
    key = (path, name)
    if key not in regions:
        text = open(os.path.join(src, path), encoding="utf-8").read()
        m = re.search(r"^[ \t]*(?://|#) \[doc:%s\]\n(.*?)^[ \t]*(?://|#) \[doc:end\]"
                      % re.escape(name), text, re.S | re.M)
        regions[key] = textwrap.dedent(m.group(1)) if m else None
    return regions[key]
errors, quoted = [], set()
found = list(marker.finditer(doc))
if not found:
    errors.append(f"{doc_path}: no '<!-- snippet: FILE#NAME -->' code blocks")
for m in found:
    path, name, body = m.group(1), m.group(2), m.group(3)
    line = doc.count("\n", 0, m.start()) + 1
    want = region(path, name)
    quoted.add((path, name))
    if want is None:
        errors.append(f"{doc_path}:{line}: {path} has no region [doc:{name}]")
    elif body != want:
        errors.append(f"{doc_path}:{line}: snippet {path}#{name} differs from the source; "
                      f"copy the region between // [doc:{name}] and // [doc:end]")
example = "examples/cpp/aip_members.cc"
text = open(os.path.join(src, example), encoding="utf-8").read()
for name in re.findall(r"// \[doc:([a-z_]+)\]", text):
    if name != "end" and (example, name) not in quoted:
        errors.append(f"{doc_path}: region {example}#{name} is not quoted")
for e in errors:
    print("FAIL:", e, file=sys.stderr)
if errors:
    sys.exit(1)
print(f"ok: {len(found)} snippets in docs/library.md match their sources")
PY
  ;;
*)
  echo "usage: cli_doc.sh cli NG SOURCE_DIR | library SOURCE_DIR" >&2
  exit 2
  ;;
esac

#!/usr/bin/env bash
# Acceptance of issue 4: after `newsgraph ingest examples/` (mode
# "examples"), and after also ingesting ../shared/seeds/ (mode "seed"; skipped
# when ../shared is absent), the store holds the AIP alliance with Microsoft,
# BlackRock, GIP and MGX as founding members since 2024-09 under its former
# name GAIIP (renamed_to), NVIDIA and xAI as later members, GE Vernova and
# NextEra Energy as partners; Stargate with OpenAI, SoftBank and Oracle; and
# every relation has evidence pointing at the right sentence.
# Every missing fact is listed; none is waived.
set -euo pipefail
NG=$1 ROOT=$2 SHARED=$3 MODE=${4:-examples}
E2E=$(dirname "$0")
if [ "$MODE" = seed ] && [ ! -d "$SHARED/seeds" ]; then
  echo "skipped: $SHARED/seeds not present"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/g.db
"$NG" ingest --db "$db" "$ROOT/examples/"
if [ "$MODE" = seed ]; then "$NG" ingest --db "$db" "$SHARED/seeds/"; fi
python3 "$E2E/store_check.py" "$db"

python3 - "$db" <<'PY'
import html, json, re, sqlite3, sys
c = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
missing = []

def need(ok, what):
    print(("ok      " if ok else "MISSING ") + what)
    if not ok:
        missing.append(what)

rename = c.execute("SELECT date FROM renames WHERE old_name = 'GAIIP' AND new_name = 'AIP'").fetchone()
need(rename is not None, "GAIIP renamed_to AIP (date %s)" % (rename[0] if rename else None))
chain = [r[0] for r in c.execute(
    "SELECT name FROM alliance_names WHERE alliance = 'AIP' ORDER BY depth DESC")]
need(chain == ["GAIIP", "AIP"], "AIP's names are GAIIP then AIP (got %s)" % chain)

def members(alliance):
    """member -> (role, since, via) of its membership (not partnership)."""
    return {m: (role, since, via) for m, role, since, via in c.execute(
        "SELECT member, role, since, via_name FROM alliance_members "
        "WHERE alliance = ? AND role <> 'partner'", (alliance,))}

aip = members("AIP")
for m in ("Microsoft", "BlackRock", "GIP", "MGX"):
    role, since, via = aip.get(m, (None, None, None))
    need(role == "founding_member" and (since or "").startswith("2024-09") and via == "GAIIP",
         "AIP founding member %s since 2024-09 via GAIIP (got %s, %s, via %s)" % (m, role, since, via))
for m in ("NVIDIA", "xAI"):
    role, since, via = aip.get(m, (None, None, None))
    need(role == "member" and (since or "") >= "2025", "AIP later member %s (got %s, %s)" % (m, role, since))
partners = {m for m, role, since, via in c.execute(
    "SELECT member, role, since, via_name FROM alliance_members WHERE alliance = 'AIP' AND role = 'partner'")}
for m in ("GE Vernova", "NextEra Energy"):
    need(m in partners, "AIP partner %s" % m)
stargate = members("Stargate")
for m in ("OpenAI", "SoftBank", "Oracle"):
    role = stargate.get(m, (None,))[0]
    need(role in ("founding_member", "member"), "Stargate member %s (got %s)" % (m, role))

# Every relation has evidence; every evidence row points at its sentence.
orphans = c.execute("SELECT COUNT(*) FROM relations r WHERE NOT EXISTS "
                    "(SELECT 1 FROM evidence e WHERE e.relation_id = r.id)").fetchone()[0]
need(orphans == 0, "every relation has an evidence row (%d without)" % orphans)
texts, wrong, checked = {}, [], 0
squash = lambda s: re.sub(r"\s+", " ", s).strip()
for path, key, start, end, sentence in c.execute(
        "SELECT d.path, d.doc_key, e.start_byte, e.end_byte, e.sentence "
        "FROM evidence e JOIN documents d ON d.id = e.document_id"):
    checked += 1
    if path.endswith(".jsonl"):
        if path not in texts:
            texts[path] = {json.loads(l)["id"]: json.loads(l)["text"].encode()
                           for l in open(path, encoding="utf-8") if l.strip()}
        ok = texts[path][key][start:end].decode("utf-8", "replace") == sentence
    elif path.endswith((".html", ".htm")):
        # Offsets index the page's visible text: check the sentence is there.
        if path not in texts:
            raw = open(path, encoding="utf-8").read()
            texts[path] = squash(html.unescape(re.sub(r"<[^>]+>", " ", raw)))
        ok = bool(sentence.strip()) and squash(sentence) in texts[path]
    else:
        if path not in texts:
            texts[path] = open(path, "rb").read()
        ok = texts[path][start:end].decode("utf-8", "replace") == sentence
    if not ok:
        wrong.append((key, start, end, sentence[:60]))
need(not wrong, "every evidence row points at its sentence (%d of %d wrong: %s)" %
     (len(wrong), checked, wrong[:3]))
if missing:
    print("%d acceptance fact(s) missing" % len(missing))
sys.exit(1 if missing else 0)
PY

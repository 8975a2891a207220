#!/usr/bin/env python3
"""Checks a newsgraph store's invariants with Python's sqlite3 (read-only).

usage: store_check.py DB [--docs N] [--indexes]

Checks PRAGMA integrity_check and foreign_key_check, that every document has
exactly relation_count evidence rows, that every relation has evidence and
aggregates matching its evidence, and that symmetric relations are stored
with subject_id < object_id. With --docs, also that N documents are stored;
with --indexes, that the evidence indexes exist (no bulk load in progress).
Prints the table counts as one JSON line; exits 1 on a violation.
"""
import json
import sqlite3
import sys

APPLICATION_ID = 0x4E475248


def check(db, want_docs=None, indexes=False):
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    errors = []
    ic = c.execute("PRAGMA integrity_check").fetchall()
    if ic != [("ok",)]:
        errors.append("integrity_check: %r" % ic[:5])
    fk = c.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        errors.append("foreign_key_check: %r" % fk[:5])
    if c.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        errors.append("wrong application_id")
    bad = c.execute("""
        SELECT d.doc_key, d.relation_count, COUNT(e.id) FROM documents d
        LEFT JOIN evidence e ON e.document_id = d.id
        GROUP BY d.id HAVING COUNT(e.id) <> d.relation_count LIMIT 5""").fetchall()
    if bad:
        errors.append("documents whose evidence rows differ from relation_count: %r" % bad)
    bad = c.execute("""
        SELECT r.id, r.evidence_count, r.support_docs,
               (SELECT COUNT(*) FROM evidence e WHERE e.relation_id = r.id) AS n,
               (SELECT COUNT(DISTINCT e.document_id) FROM evidence e WHERE e.relation_id = r.id
                  AND e.status NOT IN ('denied', 'negated')) AS s
          FROM relations r WHERE n = 0 OR n <> r.evidence_count OR s <> r.support_docs
         LIMIT 5""").fetchall()
    if bad:
        errors.append("relations with stale aggregates or no evidence: %r" % bad)
    bad = c.execute("""
        SELECT COUNT(*) FROM relations r JOIN relation_types t ON t.name = r.type
         WHERE t.symmetric = 1 AND r.subject_id > r.object_id""").fetchone()[0]
    if bad:
        errors.append("%d symmetric relations out of order" % bad)
    counts = {t: c.execute("SELECT COUNT(*) FROM %s" % t).fetchone()[0]
              for t in ("documents", "entities", "aliases", "relations", "evidence")}
    counts["distinct_hashes"] = c.execute(
        "SELECT COUNT(DISTINCT content_hash) FROM documents").fetchone()[0]
    counts["distinct_keys"] = c.execute(
        "SELECT COUNT(DISTINCT doc_key) FROM documents").fetchone()[0]
    if want_docs is not None and counts["documents"] != want_docs:
        errors.append("%d documents stored, want %d" % (counts["documents"], want_docs))
    if indexes:
        have = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        for name in ("evidence_relation", "evidence_document", "relations_object"):
            if name not in have:
                errors.append("index %s missing" % name)
    c.close()
    return counts, errors


def main():
    db = sys.argv[1]
    want = int(sys.argv[sys.argv.index("--docs") + 1]) if "--docs" in sys.argv else None
    counts, errors = check(db, want, "--indexes" in sys.argv)
    print(json.dumps(counts, sort_keys=True))
    for e in errors:
        print("store_check: " + e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

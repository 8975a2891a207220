-- newsgraph store, schema 1 (docs/storage.md).
-- Migrations are append-only: never edit a released file; add NNNN_*.sql.
-- The store runs each file in one transaction and then sets user_version to
-- its number; application_id is set by the store ('NGRH').

-- Type tables, filled from schemas/*.tsv by the store; ids are frozen.
CREATE TABLE entity_types (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE relation_types (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  symmetric INTEGER NOT NULL CHECK (symmetric IN (0, 1))
);

-- One row per ingested document; content_hash makes ingest idempotent.
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  content_hash   TEXT NOT NULL UNIQUE,  -- hex SHA-256 of the text
  source         TEXT NOT NULL,         -- URL when known, else the path
  path           TEXT NOT NULL,         -- absolute path read, '-' for stdin
  doc_key        TEXT NOT NULL,         -- the id shown as "doc"
  title          TEXT,
  date           TEXT,                  -- YYYY[-MM[-DD]] used by extraction
  lang           TEXT,                  -- 'en', 'zh', ... or NULL
  bytes          INTEGER NOT NULL,      -- size of the text
  ingested_at    TEXT NOT NULL,         -- UTC, YYYY-MM-DDTHH:MM:SSZ
  relation_count INTEGER NOT NULL       -- evidence rows it contributed
);
CREATE INDEX documents_doc_key ON documents (doc_key);
CREATE INDEX documents_path ON documents (path);

-- Entities: canonical name + type. norm_name is the case- and space-folded
-- name that discovered entities merge on (never across types).
CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL REFERENCES entity_types (name),
  norm_name  TEXT NOT NULL,
  discovered INTEGER NOT NULL DEFAULT 0 CHECK (discovered IN (0, 1)),
  UNIQUE (name, type)
);
CREATE INDEX entities_norm_name ON entities (norm_name, type);

-- Surface forms seen in evidence that differ from the canonical name.
CREATE TABLE aliases (
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_alias ON aliases (alias);

-- Typed edges, aggregated over documents. Symmetric types are stored once,
-- with subject_id < object_id. The aggregates count supporting evidence
-- only: status 'denied' or 'negated' never supports a relation.
CREATE TABLE relations (
  id             INTEGER PRIMARY KEY,
  subject_id     INTEGER NOT NULL REFERENCES entities (id),
  type           TEXT NOT NULL REFERENCES relation_types (name),
  object_id      INTEGER NOT NULL REFERENCES entities (id),
  first_seen     TEXT,                        -- earliest supporting doc date
  last_seen      TEXT,                        -- latest supporting doc date
  support_docs   INTEGER NOT NULL DEFAULT 0,  -- docs with supporting evidence
  evidence_count INTEGER NOT NULL DEFAULT 0,  -- all evidence rows
  languages      TEXT NOT NULL DEFAULT '',    -- 'en,zh': supporting docs
  UNIQUE (subject_id, type, object_id)
);
CREATE INDEX relations_object ON relations (object_id, type);

-- One row per extracted relation instance: the sentence that states it.
CREATE TABLE evidence (
  id              INTEGER PRIMARY KEY,
  relation_id     INTEGER NOT NULL REFERENCES relations (id),
  document_id     INTEGER NOT NULL REFERENCES documents (id),
  sentence        TEXT NOT NULL,     -- original bytes
  start_byte      INTEGER NOT NULL,  -- sentence span in the document text
  end_byte        INTEGER NOT NULL,
  rule            TEXT NOT NULL,     -- id of the rule that fired
  status          TEXT NOT NULL,     -- asserted reported planned negated denied
  amount          REAL,
  currency        TEXT,
  date            TEXT,              -- event date YYYY[-MM[-DD]]
  duration_years  REAL,
  subject_mention TEXT NOT NULL,     -- surface forms, in stored order
  object_mention  TEXT NOT NULL
);
-- The store drops these two during a bulk load into an empty store and
-- recreates them afterwards (and on open, if a bulk load was killed).
CREATE INDEX evidence_relation ON evidence (relation_id, status);
CREATE INDEX evidence_document ON evidence (document_id);

-- Supported renames (old name -> new name) with the date of the rename: the
-- earliest dated supporting evidence, else the first document that saw it.
CREATE VIEW renames AS
SELECT r.id AS relation_id,
       r.subject_id AS old_id, s.name AS old_name,
       r.object_id AS new_id, o.name AS new_name,
       COALESCE((SELECT MIN(e.date) FROM evidence e
                  WHERE e.relation_id = r.id AND e.date IS NOT NULL
                    AND e.status NOT IN ('denied', 'negated')),
                r.first_seen) AS date,
       r.support_docs
  FROM relations r
  JOIN entities s ON s.id = r.subject_id
  JOIN entities o ON o.id = r.object_id
 WHERE r.type = 'renamed_to' AND r.support_docs > 0;

-- Every name of every alliance. alliance_id is the current name (an
-- alliance entity not renamed further); depth 0 is that name, depth 1 the
-- name before it, ...; renamed_on is when this name was given up.
CREATE VIEW alliance_names AS
WITH RECURSIVE chain (alliance_id, name_id, depth, renamed_on) AS (
  SELECT e.id, e.id, 0, NULL
    FROM entities e
   WHERE e.type = 'alliance'
     AND NOT EXISTS (SELECT 1 FROM renames rn WHERE rn.old_id = e.id)
  UNION
  SELECT c.alliance_id, rn.old_id, c.depth + 1, rn.date
    FROM chain c JOIN renames rn ON rn.new_id = c.name_id
   WHERE c.depth < 16
)
SELECT c.alliance_id, a.name AS alliance, c.name_id, n.name AS name,
       c.depth, c.renamed_on
  FROM chain c
  JOIN entities a ON a.id = c.alliance_id
  JOIN entities n ON n.id = c.name_id;

-- Members and partners of every alliance across all its names.
--   role 'founding_member': member_of (or founded) evidence dated at the
--        alliance's earliest dated membership (same period at the coarser
--        of the two precisions);
--   role 'member': a later or undated member;
--   role 'partner': partner_of with any of the alliance's names.
-- since: earliest dated supporting evidence, else the first document date;
-- via_name: the alliance's name on that earliest link.
CREATE VIEW alliance_members AS
WITH links AS (
  SELECT an.alliance_id, an.alliance, r.subject_id AS member_id,
         'member' AS kind, an.name AS via_name, r.id AS relation_id,
         r.first_seen, r.support_docs,
         (SELECT MIN(e.date) FROM evidence e
           WHERE e.relation_id = r.id AND e.date IS NOT NULL
             AND e.status NOT IN ('denied', 'negated')) AS dated
    FROM alliance_names an
    JOIN relations r ON r.object_id = an.name_id
   WHERE r.type IN ('member_of', 'founded') AND r.support_docs > 0
  UNION ALL
  SELECT an.alliance_id, an.alliance,
         CASE WHEN r.subject_id = an.name_id THEN r.object_id
              ELSE r.subject_id END,
         'partner', an.name, r.id, r.first_seen, r.support_docs,
         (SELECT MIN(e.date) FROM evidence e
           WHERE e.relation_id = r.id AND e.date IS NOT NULL
             AND e.status NOT IN ('denied', 'negated'))
    FROM alliance_names an
    JOIN relations r ON r.type = 'partner_of'
                    AND (r.subject_id = an.name_id OR r.object_id = an.name_id)
   WHERE r.support_docs > 0
),
ranked AS (
  SELECT l.*,
         ROW_NUMBER() OVER (PARTITION BY alliance_id, member_id, kind
                            ORDER BY dated IS NULL, dated,
                                     first_seen IS NULL, first_seen,
                                     relation_id) AS rn,
         MIN(dated) OVER w AS m_dated,
         MIN(first_seen) OVER w AS m_first_seen,
         SUM(support_docs) OVER w AS m_support
    FROM links l
  WINDOW w AS (PARTITION BY alliance_id, member_id, kind)
),
founding AS (
  SELECT alliance_id, MIN(m_dated) AS founded_on
    FROM ranked WHERE rn = 1 AND kind = 'member'
   GROUP BY alliance_id
)
SELECT m.alliance_id, m.alliance, m.member_id, e.name AS member,
       e.type AS member_type,
       CASE WHEN m.kind = 'partner' THEN 'partner'
            WHEN m.m_dated IS NOT NULL AND f.founded_on IS NOT NULL
             AND (substr(m.m_dated, 1, length(f.founded_on)) = f.founded_on
                  OR substr(f.founded_on, 1, length(m.m_dated)) = m.m_dated)
            THEN 'founding_member'
            ELSE 'member' END AS role,
       COALESCE(m.m_dated, m.m_first_seen) AS since,
       m.via_name, m.m_support AS support_docs
  FROM ranked m
  JOIN entities e ON e.id = m.member_id
  LEFT JOIN founding f ON f.alliance_id = m.alliance_id
 WHERE m.rn = 1;

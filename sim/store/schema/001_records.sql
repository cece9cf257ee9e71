-- Version 1: people, content-addressed snapshots, attempts, result sets, overrides, the outbox.
--
-- Append-only: attempts, results, criterion_results, overrides, snapshots, catalogue_criteria,
-- outbox and outbox_delivered are never updated or deleted (the triggers at the end refuse it).
-- attempts, results and overrides each carry a SHA-256 chained to the previous row of their
-- table (sim/store/chain.h says exactly what each hash covers); `deskdrill audit` verifies them.
--
-- Kept portable to PostgreSQL 15 (the hub runs the same reports): plain types, no AUTOINCREMENT,
-- times as integer Unix milliseconds, booleans as 0/1 integers, hashes as lowercase hex text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('trainee', 'supervisor', 'admin')),
    employee_no   TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    site          TEXT NOT NULL DEFAULT '',
    cohort        TEXT NOT NULL DEFAULT '',
    password_hash TEXT,                        -- argon2id (crypto_pwhash_str); staff only
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    CHECK (role = 'trainee' OR password_hash IS NOT NULL)
);
CREATE INDEX people_by_group ON people (site, cohort);

-- The texts attempts were played and scored with, stored once per hash.
CREATE TABLE snapshots (
    hash          TEXT PRIMARY KEY,            -- SHA-256 of text
    kind          TEXT NOT NULL CHECK (kind IN ('scenario', 'lexicon', 'catalogue')),
    name          TEXT NOT NULL,               -- the scenario id; 'lexicon'; 'standards'
    version       TEXT NOT NULL,
    text          TEXT NOT NULL,
    stored_at_ms  INTEGER NOT NULL
);

-- Criterion titles per catalogue, so reports name criteria without parsing catalogues.
CREATE TABLE catalogue_criteria (
    catalogue_hash TEXT NOT NULL REFERENCES snapshots (hash),
    criterion_id   TEXT NOT NULL,
    title          TEXT NOT NULL,
    category       TEXT NOT NULL,
    PRIMARY KEY (catalogue_hash, criterion_id)
);

CREATE TABLE attempts (
    seq              INTEGER PRIMARY KEY,      -- chain order: 1, 2, 3…
    uuid             TEXT NOT NULL UNIQUE,
    trainee_id       INTEGER NOT NULL REFERENCES people (id),
    site             TEXT NOT NULL,            -- the trainee's, when the attempt was made
    cohort           TEXT NOT NULL,
    scenario_id      TEXT NOT NULL,
    scenario_version INTEGER NOT NULL,
    category         TEXT NOT NULL,
    scenario_hash    TEXT NOT NULL REFERENCES snapshots (hash),
    lexicon_hash     TEXT NOT NULL REFERENCES snapshots (hash),
    catalogue_hash   TEXT REFERENCES snapshots (hash),   -- NULL: no catalogue could be read
    mode             TEXT NOT NULL CHECK (mode IN ('practice', 'assessment', 'refresher')),
    choice_mode      INTEGER NOT NULL CHECK (choice_mode IN (0, 1)),
    origin           TEXT NOT NULL CHECK (origin IN ('proctored', 'imported', 'scripted')),
    ending           TEXT NOT NULL CHECK (ending IN ('finished', 'abandoned', 'timed-out')),
    seed             INTEGER NOT NULL,         -- the 64-bit seed, as a signed integer
    started_at_ms    INTEGER NOT NULL,
    ended_at_ms      INTEGER NOT NULL,
    sim_ms           INTEGER NOT NULL,         -- the attempt's length in sim time
    actions          INTEGER NOT NULL,
    transcript       TEXT NOT NULL,            -- the trainee's actions (DESIGN §3 YAML)
    -- Seed 004's KPIs, measured from the attempt log (sim/store/kpi.h).
    phone_calls      INTEGER NOT NULL,
    phone_within_3   INTEGER NOT NULL,
    response_n       INTEGER NOT NULL,
    response_ms      INTEGER NOT NULL,
    resolution_n     INTEGER NOT NULL,
    resolution_ms    INTEGER NOT NULL,
    recorded_by      INTEGER NOT NULL REFERENCES people (id),
    recorded_at_ms   INTEGER NOT NULL,
    hash             TEXT NOT NULL UNIQUE
);
CREATE INDEX attempts_by_trainee ON attempts (trainee_id, ended_at_ms);
CREATE INDEX attempts_by_scenario ON attempts (scenario_id, ended_at_ms);
CREATE INDEX attempts_by_time ON attempts (ended_at_ms);

-- A result set: an attempt scored under one (catalogue, lexicon). The original one is written
-- with the attempt; `deskdrill rescore` adds others.
CREATE TABLE results (
    id                INTEGER PRIMARY KEY,
    attempt_seq       INTEGER NOT NULL REFERENCES attempts (seq),
    catalogue_hash    TEXT NOT NULL REFERENCES snapshots (hash),
    lexicon_hash      TEXT NOT NULL REFERENCES snapshots (hash),
    original          INTEGER NOT NULL CHECK (original IN (0, 1)),
    catalogue_version TEXT NOT NULL,
    score             INTEGER NOT NULL,
    max_points        INTEGER NOT NULL,
    pass_mark         INTEGER NOT NULL,
    passed            INTEGER NOT NULL CHECK (passed IN (0, 1)),
    critical_failed   TEXT NOT NULL,           -- criterion ids, comma-separated
    created_by        INTEGER NOT NULL REFERENCES people (id),
    created_at_ms     INTEGER NOT NULL,
    hash              TEXT NOT NULL UNIQUE,
    UNIQUE (attempt_seq, catalogue_hash, lexicon_hash)
);

CREATE TABLE criterion_results (
    result_id    INTEGER NOT NULL REFERENCES results (id),
    position     INTEGER NOT NULL,
    criterion_id TEXT NOT NULL,
    points       INTEGER NOT NULL,
    max_points   INTEGER NOT NULL,
    passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
    critical     INTEGER NOT NULL CHECK (critical IN (0, 1)),
    PRIMARY KEY (result_id, position)
) WITHOUT ROWID;

-- A supervisor's judgement of one criterion of a result, beside the automatic one. The latest
-- override of a (result, criterion) is the one in force.
CREATE TABLE overrides (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    result_id     INTEGER NOT NULL REFERENCES results (id),
    criterion_id  TEXT NOT NULL,
    points        INTEGER NOT NULL,
    passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
    reason        TEXT NOT NULL CHECK (length(reason) > 0),
    supervisor_id INTEGER NOT NULL REFERENCES people (id),
    created_at_ms INTEGER NOT NULL,
    hash          TEXT NOT NULL UNIQUE
);
CREATE INDEX overrides_by_result ON overrides (result_id, criterion_id);

-- What a hub or an LRS has not received yet: one row per thing to send, written in the same
-- transaction as the thing; a delivery adds a mark (rows are never deleted).
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,               -- attempt | result | override | person | …
    ref           TEXT NOT NULL,               -- attempt/override/person uuid; result id
    created_at_ms INTEGER NOT NULL
);
CREATE TABLE outbox_delivered (
    outbox_id       INTEGER NOT NULL REFERENCES outbox (id),
    target          TEXT NOT NULL,             -- 'hub', 'lrs', …
    delivered_at_ms INTEGER NOT NULL,
    PRIMARY KEY (outbox_id, target)
);

CREATE TRIGGER attempts_append_only_u BEFORE UPDATE ON attempts
BEGIN SELECT RAISE(ABORT, 'attempts are append-only'); END;
CREATE TRIGGER attempts_append_only_d BEFORE DELETE ON attempts
BEGIN SELECT RAISE(ABORT, 'attempts are append-only'); END;
CREATE TRIGGER results_append_only_u BEFORE UPDATE ON results
BEGIN SELECT RAISE(ABORT, 'results are append-only'); END;
CREATE TRIGGER results_append_only_d BEFORE DELETE ON results
BEGIN SELECT RAISE(ABORT, 'results are append-only'); END;
CREATE TRIGGER criterion_results_append_only_u BEFORE UPDATE ON criterion_results
BEGIN SELECT RAISE(ABORT, 'criterion results are append-only'); END;
CREATE TRIGGER criterion_results_append_only_d BEFORE DELETE ON criterion_results
BEGIN SELECT RAISE(ABORT, 'criterion results are append-only'); END;
CREATE TRIGGER overrides_append_only_u BEFORE UPDATE ON overrides
BEGIN SELECT RAISE(ABORT, 'overrides are append-only'); END;
CREATE TRIGGER overrides_append_only_d BEFORE DELETE ON overrides
BEGIN SELECT RAISE(ABORT, 'overrides are append-only'); END;
CREATE TRIGGER snapshots_append_only_u BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END;
CREATE TRIGGER snapshots_append_only_d BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END;
CREATE TRIGGER catalogue_criteria_append_only_u BEFORE UPDATE ON catalogue_criteria
BEGIN SELECT RAISE(ABORT, 'catalogue criteria are append-only'); END;
CREATE TRIGGER catalogue_criteria_append_only_d BEFORE DELETE ON catalogue_criteria
BEGIN SELECT RAISE(ABORT, 'catalogue criteria are append-only'); END;
CREATE TRIGGER outbox_append_only_u BEFORE UPDATE ON outbox
BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
CREATE TRIGGER outbox_append_only_d BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
CREATE TRIGGER outbox_delivered_append_only_u BEFORE UPDATE ON outbox_delivered
BEGIN SELECT RAISE(ABORT, 'delivery marks are append-only'); END;
CREATE TRIGGER outbox_delivered_append_only_d BEFORE DELETE ON outbox_delivered
BEGIN SELECT RAISE(ABORT, 'delivery marks are append-only'); END;
-- A person's uuid names them in hashes and on the hub: it never changes.
CREATE TRIGGER people_uuid_fixed BEFORE UPDATE OF uuid ON people
WHEN NEW.uuid <> OLD.uuid
BEGIN SELECT RAISE(ABORT, 'a person''s uuid never changes'); END;
CREATE TRIGGER people_never_deleted BEFORE DELETE ON people
BEGIN SELECT RAISE(ABORT, 'people are deactivated, never deleted'); END;

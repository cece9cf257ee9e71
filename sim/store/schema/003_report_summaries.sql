-- Version 3: summaries the group reports read instead of every attempt (a cohort report over a
-- million attempts reads a few thousand rows), kept by the store in the transaction that writes
-- each result set (sim/store/summaries.cpp), and filled here from what is stored already.
--
-- result_sets names every (catalogue, lexicon) pair results were scored under. A summary row
-- counts the results of one set, original ones (scored when the attempt was made) apart from
-- re-scores: "each attempt's original result" sums original = 1 over every set, a re-scored set
-- sums its set_id. Rows are per day and per month (grain 0 and 1; period = days or months since
-- 1970-01-01 in the time zone of meta.utc_offset_minutes): a date range reads the whole months
-- inside it and the days at its ends. The keys lead with grain, site and cohort, so a cohort's
-- or a site's report walks only its own rows. SQLite-only storage (WITHOUT ROWID); the hub keeps
-- its own.

CREATE TABLE result_sets (
    id                INTEGER PRIMARY KEY,
    catalogue_hash    TEXT NOT NULL,
    lexicon_hash      TEXT NOT NULL,
    catalogue_version TEXT NOT NULL,
    UNIQUE (catalogue_hash, lexicon_hash)
);
INSERT INTO result_sets (catalogue_hash, lexicon_hash, catalogue_version)
SELECT catalogue_hash, lexicon_hash, min(catalogue_version) FROM results
GROUP BY catalogue_hash, lexicon_hash ORDER BY min(id);

CREATE TABLE summary_attempts (
    set_id             INTEGER NOT NULL,
    original           INTEGER NOT NULL,
    grain              INTEGER NOT NULL,
    period             INTEGER NOT NULL,
    site               TEXT NOT NULL,
    cohort             TEXT NOT NULL,
    scenario_id        TEXT NOT NULL,
    mode               TEXT NOT NULL,
    origin             TEXT NOT NULL,
    catalogue_version  TEXT NOT NULL,
    attempts           INTEGER NOT NULL,
    passed             INTEGER NOT NULL,
    score_sum          INTEGER NOT NULL,
    max_sum            INTEGER NOT NULL,
    finished           INTEGER NOT NULL,
    abandoned          INTEGER NOT NULL,
    timed_out          INTEGER NOT NULL,
    phone_calls        INTEGER NOT NULL,
    phone_within_3     INTEGER NOT NULL,
    response_n         INTEGER NOT NULL,
    response_ms        INTEGER NOT NULL,
    resolution_n       INTEGER NOT NULL,
    resolution_ms      INTEGER NOT NULL,
    complaint_attempts INTEGER NOT NULL,
    complaint_passed   INTEGER NOT NULL,
    PRIMARY KEY (grain, site, cohort, period, set_id, original, scenario_id, mode, origin)
) WITHOUT ROWID;

CREATE TABLE summary_criteria (
    set_id       INTEGER NOT NULL,
    original     INTEGER NOT NULL,
    grain        INTEGER NOT NULL,
    period       INTEGER NOT NULL,
    site         TEXT NOT NULL,
    cohort       TEXT NOT NULL,
    mode         TEXT NOT NULL,
    origin       TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    n            INTEGER NOT NULL,
    points_sum   INTEGER NOT NULL,
    max_sum      INTEGER NOT NULL,
    passed       INTEGER NOT NULL,
    PRIMARY KEY (grain, site, cohort, period, set_id, original, mode, origin, criterion_id)
) WITHOUT ROWID;

-- Fill them from the results stored so far, each in its day and its month.
CREATE TEMP TABLE fill AS
SELECT s.id AS set_id, r.original, r.id AS result_id, a.site, a.cohort, a.scenario_id, a.mode,
       a.origin, a.ending, a.category, r.catalogue_version, r.passed, r.score, r.max_points,
       a.phone_calls, a.phone_within_3, a.response_n, a.response_ms, a.resolution_n,
       a.resolution_ms,
       (a.ended_at_ms + o.off * 60000) / 86400000 AS day,
       (CAST(strftime('%Y', (a.ended_at_ms + o.off * 60000) / 1000, 'unixepoch') AS INTEGER)
         - 1970) * 12
         + CAST(strftime('%m', (a.ended_at_ms + o.off * 60000) / 1000, 'unixepoch') AS INTEGER)
         - 1 AS month
FROM results r
JOIN attempts a ON a.seq = r.attempt_seq
JOIN result_sets s ON s.catalogue_hash = r.catalogue_hash AND s.lexicon_hash = r.lexicon_hash
CROSS JOIN (SELECT CAST(value AS INTEGER) AS off FROM meta WHERE key = 'utc_offset_minutes') o;

CREATE TEMP TABLE fill_grains AS
SELECT f.*, 0 AS grain, f.day AS period FROM fill f
UNION ALL
SELECT f.*, 1 AS grain, f.month AS period FROM fill f;

-- A set has one catalogue version; the version is kept for the originals' list of versions.
INSERT INTO summary_attempts
SELECT set_id, original, grain, period, site, cohort, scenario_id, mode, origin,
       min(catalogue_version), count(*), sum(passed), sum(score), sum(max_points),
       sum(ending = 'finished'), sum(ending = 'abandoned'), sum(ending = 'timed-out'),
       sum(phone_calls), sum(phone_within_3), sum(response_n), sum(response_ms),
       sum(resolution_n), sum(resolution_ms), sum(category = 'complaint'),
       sum(category = 'complaint' AND passed = 1)
FROM fill_grains
GROUP BY grain, period, set_id, original, site, cohort, scenario_id, mode, origin;

INSERT INTO summary_criteria
SELECT g.set_id, g.original, g.grain, g.period, g.site, g.cohort, g.mode, g.origin,
       c.criterion_id, count(*), sum(c.points), sum(c.max_points), sum(c.passed)
FROM fill_grains g JOIN criterion_results c ON c.result_id = g.result_id
GROUP BY g.grain, g.period, g.set_id, g.original, g.site, g.cohort, g.mode, g.origin,
         c.criterion_id;

DROP TABLE fill_grains;
DROP TABLE fill;

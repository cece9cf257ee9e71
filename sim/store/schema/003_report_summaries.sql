-- Version 3: summaries the group reports read instead of every attempt (a cohort report over a
-- million attempts reads a few thousand rows), kept by the store in the transaction that writes
-- each result set (sim/store/summaries.cpp), and filled here from what is stored already.
--
-- result_sets names every (catalogue, lexicon) results were scored under; set 0 is "each
-- attempt's original result". Summaries are kept per day and per month (grain 0 and 1; period =
-- days or months since 1970-01-01 in the time zone of meta.utc_offset_minutes): a date range
-- reads the whole months inside it and the days at its ends.

CREATE TABLE result_sets (
    id                INTEGER PRIMARY KEY,
    catalogue_hash    TEXT NOT NULL,
    lexicon_hash      TEXT NOT NULL,
    catalogue_version TEXT NOT NULL,
    UNIQUE (catalogue_hash, lexicon_hash)
);
INSERT INTO result_sets (id, catalogue_hash, lexicon_hash, catalogue_version) VALUES (0, '', '', '');
INSERT INTO result_sets (catalogue_hash, lexicon_hash, catalogue_version)
SELECT catalogue_hash, lexicon_hash, min(catalogue_version) FROM results
GROUP BY catalogue_hash, lexicon_hash ORDER BY min(id);

CREATE TABLE summary_attempts (
    set_id             INTEGER NOT NULL,
    grain              INTEGER NOT NULL CHECK (grain IN (0, 1)),
    period             INTEGER NOT NULL,
    site               TEXT NOT NULL,
    cohort             TEXT NOT NULL,
    scenario_id        TEXT NOT NULL,
    mode               TEXT NOT NULL,
    origin             TEXT NOT NULL,
    catalogue_version  TEXT NOT NULL,   -- set 0 mixes versions: reports say which
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
    PRIMARY KEY (set_id, grain, period, site, cohort, scenario_id, mode, origin, catalogue_version)
);

CREATE TABLE summary_criteria (
    set_id       INTEGER NOT NULL,
    grain        INTEGER NOT NULL CHECK (grain IN (0, 1)),
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
    PRIMARY KEY (set_id, grain, period, site, cohort, mode, origin, criterion_id)
);

-- Fill them from the results stored so far: each result counts in its own set, an original one
-- also in set 0; each in its day and its month.
CREATE TEMP TABLE fill AS
SELECT s.id AS set_id, r.id AS result_id, a.site, a.cohort, a.scenario_id, a.mode, a.origin,
       a.ending, a.category, r.catalogue_version, r.passed, r.score, r.max_points, a.phone_calls, a.phone_within_3,
       a.response_n, a.response_ms, a.resolution_n, a.resolution_ms,
       (a.ended_at_ms + o.off * 60000) / 86400000 AS day,
       (CAST(strftime('%Y', (a.ended_at_ms + o.off * 60000) / 1000, 'unixepoch') AS INTEGER) - 1970) * 12
         + CAST(strftime('%m', (a.ended_at_ms + o.off * 60000) / 1000, 'unixepoch') AS INTEGER) - 1
         AS month
FROM results r
JOIN attempts a ON a.seq = r.attempt_seq
JOIN result_sets s ON (s.catalogue_hash = r.catalogue_hash AND s.lexicon_hash = r.lexicon_hash)
                   OR (s.id = 0 AND r.original = 1)
CROSS JOIN (SELECT CAST(value AS INTEGER) AS off FROM meta WHERE key = 'utc_offset_minutes') o;

CREATE TEMP TABLE fill_grains AS
SELECT f.*, 0 AS grain, f.day AS period FROM fill f
UNION ALL
SELECT f.*, 1 AS grain, f.month AS period FROM fill f;

INSERT INTO summary_attempts
SELECT set_id, grain, period, site, cohort, scenario_id, mode, origin, catalogue_version,
       count(*), sum(passed),
       sum(score), sum(max_points), sum(ending = 'finished'), sum(ending = 'abandoned'),
       sum(ending = 'timed-out'), sum(phone_calls), sum(phone_within_3), sum(response_n),
       sum(response_ms), sum(resolution_n), sum(resolution_ms), sum(category = 'complaint'),
       sum(category = 'complaint' AND passed = 1)
FROM fill_grains
GROUP BY set_id, grain, period, site, cohort, scenario_id, mode, origin, catalogue_version;

INSERT INTO summary_criteria
SELECT g.set_id, g.grain, g.period, g.site, g.cohort, g.mode, g.origin, c.criterion_id, count(*),
       sum(c.points), sum(c.max_points), sum(c.passed)
FROM fill_grains g JOIN criterion_results c ON c.result_id = g.result_id
GROUP BY g.set_id, g.grain, g.period, g.site, g.cohort, g.mode, g.origin, c.criterion_id;

DROP TABLE fill_grains;
DROP TABLE fill;

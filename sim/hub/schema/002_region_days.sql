-- Hub version 2: day summaries per region, so a report across sites over a date range reads the
-- days at the range's ends from summaries too (version 1 read them from the records: seconds
-- over a million attempts). Per region only: a site's days hold about a row per criterion result
-- (as costly to keep as the rows themselves), while a region's day gathers its sites' attempts;
-- a report of one site reads its edge days from its own records (few: one site's).
--
-- The tables have the shape of the region months (grain 0 = days, period = days since
-- 1970-01-01 in the hub's time zone), keyed by the day first: a date range reads only its days.
-- The statement triggers of version 1 are replaced by ones that keep these too, in the same
-- transaction, in key order (two sites of a region syncing at once wait, never deadlock).

CREATE TABLE summary_region_day_attempts (
    grain smallint NOT NULL DEFAULT 0 CHECK (grain = 0), region text NOT NULL,
    cohort text NOT NULL, period bigint NOT NULL, set_id integer NOT NULL,
    original smallint NOT NULL, scenario_id text NOT NULL, mode text NOT NULL,
    origin text NOT NULL, catalogue_version text NOT NULL,
    attempts bigint NOT NULL, passed bigint NOT NULL, score_sum bigint NOT NULL,
    max_sum bigint NOT NULL, finished bigint NOT NULL, abandoned bigint NOT NULL,
    timed_out bigint NOT NULL, phone_calls bigint NOT NULL, phone_within_3 bigint NOT NULL,
    response_n bigint NOT NULL, response_ms bigint NOT NULL, resolution_n bigint NOT NULL,
    resolution_ms bigint NOT NULL, complaint_attempts bigint NOT NULL,
    complaint_passed bigint NOT NULL,
    PRIMARY KEY (period, region, cohort, set_id, original, scenario_id, mode, origin)
);
CREATE TABLE summary_region_day_criteria (
    grain smallint NOT NULL DEFAULT 0 CHECK (grain = 0), region text NOT NULL,
    cohort text NOT NULL, period bigint NOT NULL, set_id integer NOT NULL,
    original smallint NOT NULL, mode text NOT NULL, origin text NOT NULL,
    criterion_id text NOT NULL,
    n bigint NOT NULL, points_sum bigint NOT NULL, max_sum bigint NOT NULL, passed bigint NOT NULL,
    PRIMARY KEY (period, region, cohort, set_id, original, mode, origin, criterion_id)
);
GRANT SELECT ON summary_region_day_attempts, summary_region_day_criteria TO deskdrill_hq;

-- Every batch adds to summary rows in place: room on each page lets PostgreSQL keep the new row
-- version beside the old one without touching the key's index (a HOT update).
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['summary_attempts', 'summary_region_attempts', 'summary_criteria',
                             'summary_region_criteria', 'summary_region_day_attempts',
                             'summary_region_day_criteria'] LOOP
        EXECUTE format('ALTER TABLE %I SET (fillfactor = 70)', t);
    END LOOP;
END $$;

-- A report of one site over dates reads that site's edge days from its records.
CREATE INDEX attempts_by_site_end ON attempts (site_id, ended_at_ms);

-- The days of what is on the hub already.
INSERT INTO summary_region_day_attempts
SELECT 0, s.region, a.cohort, dd_day(a.ended_at_ms, m.off), rs.id, r.original, a.scenario_id,
       a.mode, a.origin, min(r.catalogue_version), count(*), sum(r.passed), sum(r.score),
       sum(r.max_points), count(*) FILTER (WHERE a.ending = 'finished'),
       count(*) FILTER (WHERE a.ending = 'abandoned'),
       count(*) FILTER (WHERE a.ending = 'timed-out'), sum(a.phone_calls),
       sum(a.phone_within_3), sum(a.response_n), sum(a.response_ms), sum(a.resolution_n),
       sum(a.resolution_ms), count(*) FILTER (WHERE a.category = 'complaint'),
       count(*) FILTER (WHERE a.category = 'complaint' AND r.passed = 1)
FROM results r JOIN attempts a ON a.seq = r.attempt_seq JOIN sites s ON s.id = a.site_id
JOIN result_sets rs ON rs.catalogue_hash = r.catalogue_hash AND rs.lexicon_hash = r.lexicon_hash
CROSS JOIN (SELECT value::bigint * 60000 AS off FROM dd_meta
            WHERE key = 'utc_offset_minutes') m
GROUP BY 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO summary_region_day_criteria
SELECT 0, s.region, a.cohort, dd_day(a.ended_at_ms, m.off), rs.id, r.original, a.mode, a.origin,
       c.criterion_id, count(*), sum(c.points), sum(c.max_points), sum(c.passed)
FROM criterion_results c JOIN results r ON r.id = c.result_id
JOIN attempts a ON a.seq = r.attempt_seq JOIN sites s ON s.id = a.site_id
JOIN result_sets rs ON rs.catalogue_hash = r.catalogue_hash AND rs.lexicon_hash = r.lexicon_hash
CROSS JOIN (SELECT value::bigint * 60000 AS off FROM dd_meta
            WHERE key = 'utc_offset_minutes') m
GROUP BY 2, 3, 4, 5, 6, 7, 8, 9;

-- The triggers' functions: a batch's rows grouped by day once; the sites' and regions' months
-- summed from those days, the regions' days kept as they are.
CREATE OR REPLACE FUNCTION dd_summarise_results() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = deskdrill, pg_temp SET work_mem = '64MB'
AS $$
DECLARE
    off bigint := (SELECT value::bigint FROM dd_meta WHERE key = 'utc_offset_minutes') * 60000;
BEGIN
    INSERT INTO result_sets (catalogue_hash, lexicon_hash, catalogue_version)
    SELECT catalogue_hash, lexicon_hash, min(catalogue_version) FROM new_rows
    GROUP BY catalogue_hash, lexicon_hash ORDER BY 1, 2
    ON CONFLICT DO NOTHING;

    WITH d AS MATERIALIZED (
        SELECT a.site_id, s.region, a.cohort, dd_day(a.ended_at_ms, off) AS day,
               rs.id AS set_id, r.original, a.scenario_id, a.mode, a.origin,
               min(r.catalogue_version) AS catalogue_version, count(*) AS attempts,
               sum(r.passed) AS passed, sum(r.score) AS score_sum,
               sum(r.max_points) AS max_sum,
               count(*) FILTER (WHERE a.ending = 'finished') AS finished,
               count(*) FILTER (WHERE a.ending = 'abandoned') AS abandoned,
               count(*) FILTER (WHERE a.ending = 'timed-out') AS timed_out,
               sum(a.phone_calls) AS phone_calls, sum(a.phone_within_3) AS phone_within_3,
               sum(a.response_n) AS response_n, sum(a.response_ms) AS response_ms,
               sum(a.resolution_n) AS resolution_n, sum(a.resolution_ms) AS resolution_ms,
               count(*) FILTER (WHERE a.category = 'complaint') AS complaint_attempts,
               count(*) FILTER (WHERE a.category = 'complaint' AND r.passed = 1)
                   AS complaint_passed
        FROM new_rows r JOIN attempts a ON a.seq = r.attempt_seq
        JOIN sites s ON s.id = a.site_id
        JOIN result_sets rs ON rs.catalogue_hash = r.catalogue_hash
         AND rs.lexicon_hash = r.lexicon_hash
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
    m AS MATERIALIZED (
        SELECT site_id, region, cohort, dd_month(day) AS period, set_id, original, scenario_id,
               mode, origin, min(catalogue_version) AS catalogue_version,
               sum(attempts) AS attempts, sum(passed) AS passed, sum(score_sum) AS score_sum,
               sum(max_sum) AS max_sum, sum(finished) AS finished, sum(abandoned) AS abandoned,
               sum(timed_out) AS timed_out, sum(phone_calls) AS phone_calls,
               sum(phone_within_3) AS phone_within_3, sum(response_n) AS response_n,
               sum(response_ms) AS response_ms, sum(resolution_n) AS resolution_n,
               sum(resolution_ms) AS resolution_ms, sum(complaint_attempts) AS complaint_attempts,
               sum(complaint_passed) AS complaint_passed
        FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
    by_site AS (
        INSERT INTO summary_attempts AS t
        SELECT 1, site_id, cohort, period, set_id, original, scenario_id, mode, origin,
               catalogue_version, attempts, passed, score_sum, max_sum, finished, abandoned,
               timed_out, phone_calls, phone_within_3, response_n, response_ms, resolution_n,
               resolution_ms, complaint_attempts, complaint_passed FROM m
        ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (grain, site_id, cohort, period, set_id, original, scenario_id, mode, origin)
        DO UPDATE SET attempts = t.attempts + excluded.attempts,
            passed = t.passed + excluded.passed, score_sum = t.score_sum + excluded.score_sum,
            max_sum = t.max_sum + excluded.max_sum, finished = t.finished + excluded.finished,
            abandoned = t.abandoned + excluded.abandoned,
            timed_out = t.timed_out + excluded.timed_out,
            phone_calls = t.phone_calls + excluded.phone_calls,
            phone_within_3 = t.phone_within_3 + excluded.phone_within_3,
            response_n = t.response_n + excluded.response_n,
            response_ms = t.response_ms + excluded.response_ms,
            resolution_n = t.resolution_n + excluded.resolution_n,
            resolution_ms = t.resolution_ms + excluded.resolution_ms,
            complaint_attempts = t.complaint_attempts + excluded.complaint_attempts,
            complaint_passed = t.complaint_passed + excluded.complaint_passed),
    by_region AS (
        INSERT INTO summary_region_attempts AS t
        SELECT 1, region, cohort, period, set_id, original, scenario_id, mode, origin,
               min(catalogue_version), sum(attempts), sum(passed), sum(score_sum), sum(max_sum),
               sum(finished), sum(abandoned), sum(timed_out), sum(phone_calls),
               sum(phone_within_3), sum(response_n), sum(response_ms), sum(resolution_n),
               sum(resolution_ms), sum(complaint_attempts), sum(complaint_passed)
        FROM m GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
        ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (grain, region, cohort, period, set_id, original, scenario_id, mode, origin)
        DO UPDATE SET attempts = t.attempts + excluded.attempts,
            passed = t.passed + excluded.passed, score_sum = t.score_sum + excluded.score_sum,
            max_sum = t.max_sum + excluded.max_sum, finished = t.finished + excluded.finished,
            abandoned = t.abandoned + excluded.abandoned,
            timed_out = t.timed_out + excluded.timed_out,
            phone_calls = t.phone_calls + excluded.phone_calls,
            phone_within_3 = t.phone_within_3 + excluded.phone_within_3,
            response_n = t.response_n + excluded.response_n,
            response_ms = t.response_ms + excluded.response_ms,
            resolution_n = t.resolution_n + excluded.resolution_n,
            resolution_ms = t.resolution_ms + excluded.resolution_ms,
            complaint_attempts = t.complaint_attempts + excluded.complaint_attempts,
            complaint_passed = t.complaint_passed + excluded.complaint_passed)
    INSERT INTO summary_region_day_attempts AS t
    SELECT 0, region, cohort, day, set_id, original, scenario_id, mode, origin,
           min(catalogue_version), sum(attempts), sum(passed), sum(score_sum), sum(max_sum),
           sum(finished), sum(abandoned), sum(timed_out), sum(phone_calls), sum(phone_within_3),
           sum(response_n), sum(response_ms), sum(resolution_n), sum(resolution_ms),
           sum(complaint_attempts), sum(complaint_passed)
    FROM d GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
    ORDER BY 4, 2, 3, 5, 6, 7, 8, 9
    ON CONFLICT (period, region, cohort, set_id, original, scenario_id, mode, origin)
    DO UPDATE SET attempts = t.attempts + excluded.attempts,
        passed = t.passed + excluded.passed, score_sum = t.score_sum + excluded.score_sum,
        max_sum = t.max_sum + excluded.max_sum, finished = t.finished + excluded.finished,
        abandoned = t.abandoned + excluded.abandoned,
        timed_out = t.timed_out + excluded.timed_out,
        phone_calls = t.phone_calls + excluded.phone_calls,
        phone_within_3 = t.phone_within_3 + excluded.phone_within_3,
        response_n = t.response_n + excluded.response_n,
        response_ms = t.response_ms + excluded.response_ms,
        resolution_n = t.resolution_n + excluded.resolution_n,
        resolution_ms = t.resolution_ms + excluded.resolution_ms,
        complaint_attempts = t.complaint_attempts + excluded.complaint_attempts,
        complaint_passed = t.complaint_passed + excluded.complaint_passed;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION dd_summarise_criteria() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = deskdrill, pg_temp SET work_mem = '64MB'
AS $$
DECLARE
    off bigint := (SELECT value::bigint FROM dd_meta WHERE key = 'utc_offset_minutes') * 60000;
BEGIN
    WITH res AS MATERIALIZED (
        SELECT r.id, a.site_id, s.region, a.cohort, dd_day(a.ended_at_ms, off) AS day,
               rs.id AS set_id, r.original, a.mode, a.origin
        FROM results r JOIN attempts a ON a.seq = r.attempt_seq JOIN sites s ON s.id = a.site_id
        JOIN result_sets rs ON rs.catalogue_hash = r.catalogue_hash
         AND rs.lexicon_hash = r.lexicon_hash
        WHERE r.id IN (SELECT DISTINCT result_id FROM new_rows)),
    d AS MATERIALIZED (
        SELECT res.site_id, res.region, res.cohort, res.day, res.set_id, res.original,
               res.mode, res.origin, c.criterion_id, count(*) AS n, sum(c.points) AS points_sum,
               sum(c.max_points) AS max_sum, sum(c.passed) AS passed
        FROM new_rows c JOIN res ON res.id = c.result_id
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
    m AS MATERIALIZED (
        SELECT site_id, region, cohort, dd_month(day) AS period, set_id, original, mode, origin,
               criterion_id, sum(n) AS n, sum(points_sum) AS points_sum, sum(max_sum) AS max_sum,
               sum(passed) AS passed
        FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
    by_site AS (
        INSERT INTO summary_criteria AS t
        SELECT 1, site_id, cohort, period, set_id, original, mode, origin, criterion_id, n,
               points_sum, max_sum, passed FROM m
        ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (grain, site_id, cohort, period, set_id, original, mode, origin, criterion_id)
        DO UPDATE SET n = t.n + excluded.n, points_sum = t.points_sum + excluded.points_sum,
            max_sum = t.max_sum + excluded.max_sum, passed = t.passed + excluded.passed),
    by_region AS (
        INSERT INTO summary_region_criteria AS t
        SELECT 1, region, cohort, period, set_id, original, mode, origin, criterion_id, sum(n),
               sum(points_sum), sum(max_sum), sum(passed)
        FROM m GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
        ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (grain, region, cohort, period, set_id, original, mode, origin, criterion_id)
        DO UPDATE SET n = t.n + excluded.n, points_sum = t.points_sum + excluded.points_sum,
            max_sum = t.max_sum + excluded.max_sum, passed = t.passed + excluded.passed)
    INSERT INTO summary_region_day_criteria AS t
    SELECT 0, region, cohort, day, set_id, original, mode, origin, criterion_id, sum(n),
           sum(points_sum), sum(max_sum), sum(passed)
    FROM d GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
    ORDER BY 4, 2, 3, 5, 6, 7, 8, 9
    ON CONFLICT (period, region, cohort, set_id, original, mode, origin, criterion_id)
    DO UPDATE SET n = t.n + excluded.n, points_sum = t.points_sum + excluded.points_sum,
        max_sum = t.max_sum + excluded.max_sum, passed = t.passed + excluded.passed;
    RETURN NULL;
END $$;

-- Hub version 3: a result's criterion scores in its own row; statistics after a migration.
--
-- 1. Criterion scores as arrays in `results` (in the order of their positions), not a row each
--    in `criterion_results`: a sync's batch of 10,000 attempts inserted ~110,000 criterion rows,
--    each with its heap tuple, primary-key entry and row-level-security check, and the summary
--    trigger looked each result up again to learn its attempt's dimensions — more than half of
--    the batch's time on the server. Now a batch's results arrive with their scores, and one
--    statement trigger sums attempts and criteria from the same joined rows. `criterion_results`
--    becomes a view of the old shape (security_invoker: a site's role sees its own rows only,
--    through the results' policies), so readers — the reports' SQL shared with the records
--    store — read as before. The rows already on the hub are moved into the arrays (their
--    contents unchanged: the same scores, the same order); the old table goes.
-- 2. The results and summaries analysed at the end (below).

-- Positions run 0, 1, 2, … within each result (the sync numbers them so): the arrays keep them.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM criterion_results GROUP BY result_id
               HAVING min(position) <> 0 OR max(position) <> count(*) - 1) THEN
        RAISE EXCEPTION 'criterion_results: a result''s positions do not run 0, 1, 2, …; '
                        'the hub cannot be brought to version 3 (ask for help)';
    END IF;
END $$;

ALTER TABLE results
    ADD COLUMN criterion_ids      text[],
    ADD COLUMN criterion_points   integer[],
    ADD COLUMN criterion_max      integer[],
    ADD COLUMN criterion_passed   smallint[],
    ADD COLUMN criterion_critical smallint[];

-- Moving the scores is the one change ever made to stored results (a change of storage, not of
-- any score); the append-only trigger is off for this statement only, inside the migration's
-- transaction.
ALTER TABLE results DISABLE TRIGGER results_append_only;
UPDATE results r SET criterion_ids = c.ids, criterion_points = c.points,
       criterion_max = c.maxes, criterion_passed = c.passed, criterion_critical = c.critical
FROM (SELECT result_id, array_agg(criterion_id ORDER BY position) AS ids,
             array_agg(points ORDER BY position) AS points,
             array_agg(max_points ORDER BY position) AS maxes,
             array_agg(passed ORDER BY position) AS passed,
             array_agg(critical ORDER BY position) AS critical
      FROM criterion_results GROUP BY result_id) c
WHERE c.result_id = r.id;
UPDATE results SET criterion_ids = '{}', criterion_points = '{}', criterion_max = '{}',
       criterion_passed = '{}', criterion_critical = '{}'
WHERE criterion_ids IS NULL;
ALTER TABLE results ENABLE TRIGGER results_append_only;

ALTER TABLE results
    ALTER COLUMN criterion_ids SET NOT NULL, ALTER COLUMN criterion_points SET NOT NULL,
    ALTER COLUMN criterion_max SET NOT NULL, ALTER COLUMN criterion_passed SET NOT NULL,
    ALTER COLUMN criterion_critical SET NOT NULL,
    ADD CONSTRAINT results_criteria_aligned CHECK (
        cardinality(criterion_points) = cardinality(criterion_ids)
        AND cardinality(criterion_max) = cardinality(criterion_ids)
        AND cardinality(criterion_passed) = cardinality(criterion_ids)
        AND cardinality(criterion_critical) = cardinality(criterion_ids));

DROP TABLE criterion_results;  -- its triggers and policies with it
DROP FUNCTION dd_summarise_criteria();

CREATE VIEW criterion_results WITH (security_invoker = true) AS
SELECT r.id AS result_id, (c.ord - 1)::smallint AS position, r.site_id, c.criterion_id,
       c.points, c.max_points, c.passed, c.critical
FROM results r
CROSS JOIN LATERAL unnest(r.criterion_ids, r.criterion_points, r.criterion_max,
                          r.criterion_passed, r.criterion_critical)
    WITH ORDINALITY AS c(criterion_id, points, max_points, passed, critical, ord);
GRANT SELECT ON criterion_results TO deskdrill_site, deskdrill_hq;

-- The batch's results joined to their attempts once; the days grouped once; the sites' and
-- regions' months summed from the days; each table upserted in key order (as in version 2).
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

    WITH b AS MATERIALIZED (
        SELECT a.site_id, s.region, a.cohort, dd_day(a.ended_at_ms, off) AS day,
               rs.id AS set_id, r.original, a.scenario_id, a.mode, a.origin, a.ending,
               a.category, a.phone_calls, a.phone_within_3, a.response_n, a.response_ms,
               a.resolution_n, a.resolution_ms, r.catalogue_version, r.passed, r.score,
               r.max_points, r.criterion_ids, r.criterion_points, r.criterion_max,
               r.criterion_passed
        FROM new_rows r JOIN attempts a ON a.seq = r.attempt_seq
        JOIN sites s ON s.id = a.site_id
        JOIN result_sets rs ON rs.catalogue_hash = r.catalogue_hash
         AND rs.lexicon_hash = r.lexicon_hash),
    d AS MATERIALIZED (
        SELECT site_id, region, cohort, day, set_id, original, scenario_id, mode, origin,
               min(catalogue_version) AS catalogue_version, count(*) AS attempts,
               sum(passed) AS passed, sum(score) AS score_sum, sum(max_points) AS max_sum,
               count(*) FILTER (WHERE ending = 'finished') AS finished,
               count(*) FILTER (WHERE ending = 'abandoned') AS abandoned,
               count(*) FILTER (WHERE ending = 'timed-out') AS timed_out,
               sum(phone_calls) AS phone_calls, sum(phone_within_3) AS phone_within_3,
               sum(response_n) AS response_n, sum(response_ms) AS response_ms,
               sum(resolution_n) AS resolution_n, sum(resolution_ms) AS resolution_ms,
               count(*) FILTER (WHERE category = 'complaint') AS complaint_attempts,
               count(*) FILTER (WHERE category = 'complaint' AND passed = 1)
                   AS complaint_passed
        FROM b GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
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
    cd AS MATERIALIZED (
        SELECT b.site_id, b.region, b.cohort, b.day, b.set_id, b.original, b.mode, b.origin,
               c.criterion_id, count(*) AS n, sum(c.points) AS points_sum,
               sum(c.max_points) AS max_sum, sum(c.passed) AS passed
        FROM b CROSS JOIN LATERAL unnest(b.criterion_ids, b.criterion_points, b.criterion_max,
                                         b.criterion_passed)
            AS c(criterion_id, points, max_points, passed)
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
    cm AS MATERIALIZED (
        SELECT site_id, region, cohort, dd_month(day) AS period, set_id, original, mode, origin,
               criterion_id, sum(n) AS n, sum(points_sum) AS points_sum, sum(max_sum) AS max_sum,
               sum(passed) AS passed
        FROM cd GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
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
            complaint_passed = t.complaint_passed + excluded.complaint_passed),
    by_region_day AS (
        INSERT INTO summary_region_day_attempts AS t
        SELECT 0, region, cohort, day, set_id, original, scenario_id, mode, origin,
               min(catalogue_version), sum(attempts), sum(passed), sum(score_sum),
               sum(max_sum), sum(finished), sum(abandoned), sum(timed_out), sum(phone_calls),
               sum(phone_within_3), sum(response_n), sum(response_ms), sum(resolution_n),
               sum(resolution_ms), sum(complaint_attempts), sum(complaint_passed)
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
            complaint_passed = t.complaint_passed + excluded.complaint_passed),
    crit_by_site AS (
        INSERT INTO summary_criteria AS t
        SELECT 1, site_id, cohort, period, set_id, original, mode, origin, criterion_id, n,
               points_sum, max_sum, passed FROM cm
        ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (grain, site_id, cohort, period, set_id, original, mode, origin, criterion_id)
        DO UPDATE SET n = t.n + excluded.n, points_sum = t.points_sum + excluded.points_sum,
            max_sum = t.max_sum + excluded.max_sum, passed = t.passed + excluded.passed),
    crit_by_region AS (
        INSERT INTO summary_region_criteria AS t
        SELECT 1, region, cohort, period, set_id, original, mode, origin, criterion_id, sum(n),
               sum(points_sum), sum(max_sum), sum(passed)
        FROM cm GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
        ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (grain, region, cohort, period, set_id, original, mode, origin, criterion_id)
        DO UPDATE SET n = t.n + excluded.n, points_sum = t.points_sum + excluded.points_sum,
            max_sum = t.max_sum + excluded.max_sum, passed = t.passed + excluded.passed)
    INSERT INTO summary_region_day_criteria AS t
    SELECT 0, region, cohort, day, set_id, original, mode, origin, criterion_id, sum(n),
           sum(points_sum), sum(max_sum), sum(passed)
    FROM cd GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
    ORDER BY 4, 2, 3, 5, 6, 7, 8, 9
    ON CONFLICT (period, region, cohort, set_id, original, mode, origin, criterion_id)
    DO UPDATE SET n = t.n + excluded.n, points_sum = t.points_sum + excluded.points_sum,
        max_sum = t.max_sum + excluded.max_sum, passed = t.passed + excluded.passed;
    RETURN NULL;
END $$;

-- Statistics for the planner now, not at autovacuum's next round: this migration rewrote the
-- results, and version 2 filled the day summaries without analysing them (a report over dates
-- reads its edge days by the day at the front of their keys, given counts to plan with).
ANALYZE results;
ANALYZE summary_attempts;
ANALYZE summary_criteria;
ANALYZE summary_region_attempts;
ANALYZE summary_region_criteria;
ANALYZE summary_region_day_attempts;
ANALYZE summary_region_day_criteria;

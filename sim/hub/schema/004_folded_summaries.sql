-- Hub version 4: the summaries folded when read, not by a trigger in each batch's transaction.
--
-- Version 3's statement trigger summed every batch of a sync into the six summary tables inside
-- the batch's transaction — about as long as storing the batch itself (the day summaries per
-- region of the criteria gain nearly three rows an attempt), and a batch in random order of
-- times upserted every day of the year again. Now `dd_fold_summaries()` sums the results not
-- yet summed (those past `summaries_through` in dd_meta) in one pass, and every hub report
-- calls it before it reads: a report still sums every result the hub holds, and a sync only
-- stores (a report after a large first sync pays for its fold, once; a day's sync of a desk
-- folds in milliseconds).
--
-- Results are append-only and numbered by an identity: a fold locks the results against
-- inserts (SHARE ROW EXCLUSIVE: it waits for the batches in flight and conflicts with another
-- fold), so every id up to the largest is committed or never will be, and the watermark moves
-- to it in the same transaction as the sums.

-- Everything on the hub now was summed by version 3's trigger.
INSERT INTO dd_meta (key, value)
SELECT 'summaries_through', coalesce(max(id), 0)::text FROM results;

DROP TRIGGER results_summarise ON results;
DROP FUNCTION dd_summarise_results();

-- The results joined to their attempts once; the days grouped once; the sites' and
-- regions' months summed from the days; each table upserted in key order (as in version 3).
CREATE FUNCTION dd_fold_summaries() RETURNS bigint LANGUAGE plpgsql
SECURITY DEFINER SET search_path = deskdrill, pg_temp SET work_mem = '64MB'
AS $$
DECLARE
    off bigint := (SELECT value::bigint FROM dd_meta WHERE key = 'utc_offset_minutes') * 60000;
    lo bigint;
    hi bigint;
BEGIN
    -- Every transaction still inserting results is waited for, none starts until this one
    -- ends, and no other fold runs meanwhile: every result up to the largest id is committed
    -- and visible to the statements below (each takes a new snapshot), none is folded twice.
    LOCK TABLE results IN SHARE ROW EXCLUSIVE MODE;
    SELECT value::bigint INTO lo FROM dd_meta WHERE key = 'summaries_through';
    SELECT max(id) INTO hi FROM results;
    IF hi IS NULL OR hi <= lo THEN
        RETURN 0;
    END IF;

    INSERT INTO result_sets (catalogue_hash, lexicon_hash, catalogue_version)
    SELECT catalogue_hash, lexicon_hash, min(catalogue_version) FROM results WHERE id > lo AND id <= hi
    GROUP BY catalogue_hash, lexicon_hash ORDER BY 1, 2
    ON CONFLICT DO NOTHING;

    WITH b AS MATERIALIZED (
        SELECT a.site_id, s.region, a.cohort, dd_day(a.ended_at_ms, off) AS day,
               rs.id AS set_id, r.original, a.scenario_id, a.mode, a.origin, a.ending,
               a.category, a.phone_calls, a.phone_within_3, a.response_n, a.response_ms,
               a.resolution_n, a.resolution_ms, r.catalogue_version, r.passed, r.score,
               r.max_points, r.criterion_ids, r.criterion_points, r.criterion_max,
               r.criterion_passed
        FROM results r JOIN attempts a ON a.seq = r.attempt_seq
        JOIN sites s ON s.id = a.site_id
        JOIN result_sets rs ON rs.catalogue_hash = r.catalogue_hash
         AND rs.lexicon_hash = r.lexicon_hash
        WHERE r.id > lo AND r.id <= hi),
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
    UPDATE dd_meta SET value = hi::text WHERE key = 'summaries_through';
    RETURN hi;
END $$;

REVOKE ALL ON FUNCTION dd_fold_summaries() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dd_fold_summaries() TO deskdrill_site, deskdrill_hq;

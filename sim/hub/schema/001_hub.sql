-- Hub version 1: every site's records in one PostgreSQL database, schema deskdrill (DESIGN §6a).
--
-- Who may do what (row-level security):
--   the owner (whoever ran `deskdrill hub init`)  everything; publishes to sites
--   deskdrill_site  the group of the site roles (`deskdrill hub add-site`): each site inserts its
--                   own rows only (site_id = its own, checked by the policies) and reads only its
--                   own rows and what is published to it; never another site's
--   deskdrill_hq    headquarters' read-only reporting role: reads everything, writes nothing
-- Site rows arrive through the sync (sim/hub/sync.cpp): COPY into temporary staging tables,
-- then INSERT … SELECT … ON CONFLICT DO NOTHING, so a batch sent twice is stored once.
--
-- The columns mirror the records store (sim/store/schema): the same names, times as Unix ms,
-- booleans as 0/1, the chained rows' fields and hashes, so the hub can check each site's chains
-- and the report SQL reads alike. seq / id are the hub's own keys; site_seq, site_result_id and
-- site_override_id the site's, unique per site. No foreign keys on the bulk tables: the merge
-- joins enforce them, and per-row trigger checks would halve the sync's rate.

CREATE TABLE dd_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE sites (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,40}$'),
    name          text NOT NULL,
    region        text NOT NULL DEFAULT '',
    role_name     text NOT NULL UNIQUE,
    created_at_ms bigint NOT NULL
);

-- The site of the role connected (NULL for headquarters' roles). Policies call it as
-- (SELECT dd_site_id()), which PostgreSQL evaluates once per statement, not once per row.
CREATE FUNCTION dd_site_id() RETURNS integer LANGUAGE sql STABLE
AS $$ SELECT id FROM deskdrill.sites WHERE role_name = current_user $$;

CREATE TABLE people (
    uuid          uuid PRIMARY KEY,
    site_id       integer NOT NULL,
    origin        text NOT NULL CHECK (origin IN ('site', 'hub')),  -- pushed, or published
    role          text NOT NULL CHECK (role IN ('trainee', 'supervisor', 'admin')),
    employee_no   text NOT NULL,
    name          text NOT NULL,
    site          text NOT NULL,       -- the person's own site field (项目), as the desk has it
    cohort        text NOT NULL,
    active        smallint NOT NULL CHECK (active IN (0, 1)),
    created_at_ms bigint NOT NULL,
    updated_at_ms bigint NOT NULL
);
CREATE INDEX people_by_site ON people (site_id, role, cohort);

CREATE TABLE snapshots (
    hash            text PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('scenario', 'lexicon', 'catalogue')),
    name            text NOT NULL,
    version         text NOT NULL,
    text            text NOT NULL,
    site_id         integer,            -- the site that sent it first; NULL: headquarters
    published_at_ms bigint,             -- published to every site (pulled by the sync)
    stored_at_ms    bigint NOT NULL
);

CREATE TABLE catalogue_criteria (
    catalogue_hash text NOT NULL,
    criterion_id   text NOT NULL,
    title          text NOT NULL,
    category       text NOT NULL,
    PRIMARY KEY (catalogue_hash, criterion_id)
);

CREATE TABLE attempts (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id          integer NOT NULL,
    site_seq         bigint NOT NULL,
    uuid             uuid NOT NULL UNIQUE,
    trainee_uuid     uuid NOT NULL,
    site             text NOT NULL,
    cohort           text NOT NULL,
    scenario_id      text NOT NULL,
    scenario_version integer NOT NULL,
    category         text NOT NULL,
    scenario_hash    text NOT NULL,
    lexicon_hash     text NOT NULL,
    catalogue_hash   text,
    mode             text NOT NULL,
    choice_mode      smallint NOT NULL,
    origin           text NOT NULL,
    ending           text NOT NULL,
    seed             bigint NOT NULL,
    started_at_ms    bigint NOT NULL,
    ended_at_ms      bigint NOT NULL,
    sim_ms           bigint NOT NULL,
    actions          integer NOT NULL,
    transcript       text NOT NULL,
    phone_calls      integer NOT NULL,
    phone_within_3   integer NOT NULL,
    response_n       integer NOT NULL,
    response_ms      bigint NOT NULL,
    resolution_n     integer NOT NULL,
    resolution_ms    bigint NOT NULL,
    recorded_by_uuid uuid NOT NULL,
    recorded_at_ms   bigint NOT NULL,
    hash             text NOT NULL,
    received_at_ms   bigint NOT NULL,
    UNIQUE (site_id, site_seq)
);
CREATE INDEX attempts_by_trainee ON attempts (trainee_uuid, ended_at_ms);
-- The days at the ends of a report's date range are read from here (the summaries are months).
CREATE INDEX attempts_by_end ON attempts (ended_at_ms);

CREATE TABLE results (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id           integer NOT NULL,
    site_result_id    bigint NOT NULL,
    attempt_seq       bigint NOT NULL,
    catalogue_hash    text NOT NULL,
    lexicon_hash      text NOT NULL,
    original          smallint NOT NULL,
    catalogue_version text NOT NULL,
    score             integer NOT NULL,
    max_points        integer NOT NULL,
    pass_mark         integer NOT NULL,
    passed            smallint NOT NULL,
    critical_failed   text NOT NULL,
    created_by_uuid   uuid NOT NULL,
    created_at_ms     bigint NOT NULL,
    hash              text NOT NULL,
    UNIQUE (site_id, site_result_id)
);
CREATE INDEX results_by_attempt ON results (attempt_seq);

CREATE TABLE criterion_results (
    result_id    bigint NOT NULL,
    position     smallint NOT NULL,
    site_id      integer NOT NULL,
    criterion_id text NOT NULL,
    points       integer NOT NULL,
    max_points   integer NOT NULL,
    passed       smallint NOT NULL,
    critical     smallint NOT NULL,
    PRIMARY KEY (result_id, position)
);

CREATE TABLE overrides (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id          integer NOT NULL,
    site_override_id bigint NOT NULL,
    uuid             uuid NOT NULL UNIQUE,
    result_id        bigint NOT NULL,
    criterion_id     text NOT NULL,
    points           integer NOT NULL,
    passed           smallint NOT NULL,
    reason           text NOT NULL,
    supervisor_uuid  uuid NOT NULL,
    created_at_ms    bigint NOT NULL,
    hash             text NOT NULL,
    UNIQUE (site_id, site_override_id)
);
CREATE INDEX overrides_by_result ON overrides (result_id, criterion_id);

-- Assignments made at a site (origin 'site', pushed) or published by headquarters to one site's
-- trainee or cohort (origin 'hub', pulled by that site).
CREATE TABLE assignments (
    uuid            uuid PRIMARY KEY,
    site_id         integer NOT NULL,
    origin          text NOT NULL CHECK (origin IN ('site', 'hub')),
    trainee_uuid    uuid,
    site            text,
    cohort          text,
    mode            text NOT NULL CHECK (mode IN ('practice', 'assessment', 'refresher')),
    choice_allowed  smallint NOT NULL,
    starts_at_ms    bigint NOT NULL,
    due_at_ms       bigint,
    every_days      integer,
    set_name        text NOT NULL,
    note            text NOT NULL,
    scenarios       text[] NOT NULL,
    created_by_uuid uuid,
    created_at_ms   bigint NOT NULL,
    cancelled_at_ms bigint,
    CHECK ((trainee_uuid IS NULL) <> (cohort IS NULL))
);
CREATE INDEX assignments_by_site ON assignments (site_id, origin);

-- The last row of each of a site's chains as the site last reported them. They only move
-- forward: a site whose chain got shorter (attempts cut off its end) or whose head changed is
-- refused and flagged in `alarm`.
CREATE TABLE site_heads (
    site_id        integer PRIMARY KEY,
    attempt_seq    bigint NOT NULL,
    attempt_hash   text NOT NULL,
    result_id      bigint NOT NULL,
    result_hash    text NOT NULL,
    override_id    bigint NOT NULL,
    override_hash  text NOT NULL,
    reported_at_ms bigint NOT NULL
);

CREATE TABLE sync_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id     integer NOT NULL,
    at_ms       bigint NOT NULL,
    kind        text NOT NULL,          -- 'sync' | 'alarm'
    pushed      bigint NOT NULL DEFAULT 0,
    message     text NOT NULL DEFAULT ''
);
CREATE INDEX sync_log_by_site ON sync_log (site_id, at_ms);

-- Report summaries, as in the records store (sim/store/schema/003) but by month only (grain 1,
-- period in months since January 1970 in the hub's time zone; the column kept so the shapes
-- match), kept by the triggers below in the transaction that merges each batch. Per site, and
-- per region for the reports across sites: a million attempts of a hundred sites sum a few
-- thousand region rows.
CREATE TABLE result_sets (
    id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    catalogue_hash    text NOT NULL,
    lexicon_hash      text NOT NULL,
    catalogue_version text NOT NULL,
    UNIQUE (catalogue_hash, lexicon_hash)
);

CREATE TABLE summary_attempts (
    grain smallint NOT NULL, site_id integer NOT NULL, cohort text NOT NULL,
    period bigint NOT NULL, set_id integer NOT NULL, original smallint NOT NULL,
    scenario_id text NOT NULL, mode text NOT NULL, origin text NOT NULL,
    catalogue_version text NOT NULL,
    attempts bigint NOT NULL, passed bigint NOT NULL, score_sum bigint NOT NULL,
    max_sum bigint NOT NULL, finished bigint NOT NULL, abandoned bigint NOT NULL,
    timed_out bigint NOT NULL, phone_calls bigint NOT NULL, phone_within_3 bigint NOT NULL,
    response_n bigint NOT NULL, response_ms bigint NOT NULL, resolution_n bigint NOT NULL,
    resolution_ms bigint NOT NULL, complaint_attempts bigint NOT NULL,
    complaint_passed bigint NOT NULL,
    PRIMARY KEY (grain, site_id, cohort, period, set_id, original, scenario_id, mode, origin)
);
CREATE TABLE summary_region_attempts (
    grain smallint NOT NULL, region text NOT NULL, cohort text NOT NULL,
    period bigint NOT NULL, set_id integer NOT NULL, original smallint NOT NULL,
    scenario_id text NOT NULL, mode text NOT NULL, origin text NOT NULL,
    catalogue_version text NOT NULL,
    attempts bigint NOT NULL, passed bigint NOT NULL, score_sum bigint NOT NULL,
    max_sum bigint NOT NULL, finished bigint NOT NULL, abandoned bigint NOT NULL,
    timed_out bigint NOT NULL, phone_calls bigint NOT NULL, phone_within_3 bigint NOT NULL,
    response_n bigint NOT NULL, response_ms bigint NOT NULL, resolution_n bigint NOT NULL,
    resolution_ms bigint NOT NULL, complaint_attempts bigint NOT NULL,
    complaint_passed bigint NOT NULL,
    PRIMARY KEY (grain, region, cohort, period, set_id, original, scenario_id, mode, origin)
);
CREATE TABLE summary_criteria (
    grain smallint NOT NULL, site_id integer NOT NULL, cohort text NOT NULL,
    period bigint NOT NULL, set_id integer NOT NULL, original smallint NOT NULL,
    mode text NOT NULL, origin text NOT NULL, criterion_id text NOT NULL,
    n bigint NOT NULL, points_sum bigint NOT NULL, max_sum bigint NOT NULL, passed bigint NOT NULL,
    PRIMARY KEY (grain, site_id, cohort, period, set_id, original, mode, origin, criterion_id)
);
CREATE TABLE summary_region_criteria (
    grain smallint NOT NULL, region text NOT NULL, cohort text NOT NULL,
    period bigint NOT NULL, set_id integer NOT NULL, original smallint NOT NULL,
    mode text NOT NULL, origin text NOT NULL, criterion_id text NOT NULL,
    n bigint NOT NULL, points_sum bigint NOT NULL, max_sum bigint NOT NULL, passed bigint NOT NULL,
    PRIMARY KEY (grain, region, cohort, period, set_id, original, mode, origin, criterion_id)
);

-- Days since 1970-01-01 (floor, as the store's day_of) and months since January 1970.
CREATE FUNCTION dd_day(ms bigint, offset_ms bigint) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE WHEN ms + offset_ms >= 0 THEN (ms + offset_ms) / 86400000
                  ELSE -((-(ms + offset_ms) - 1) / 86400000) - 1 END $$;
-- (One expression each, so the planner inlines them: a call per row would cost more than the
-- rest of the summaries.)
CREATE FUNCTION dd_month(day bigint) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT ((date_part('year', DATE '1970-01-01' + day::integer) - 1970) * 12
              + date_part('month', DATE '1970-01-01' + day::integer) - 1)::bigint $$;

-- The summaries of the rows a statement inserted (only those: a row skipped by ON CONFLICT is
-- not in the transition table), by month: per site, and per region summed from the sites'.
-- No days: a site's day summaries hold about a row per criterion result, as costly to keep as
-- the rows themselves; a report over dates reads the whole months here and the days at the
-- range's ends from the records (hub_reports.cpp). Each table is upserted in one statement in
-- key order, so two sites of one region syncing at once wait for each other rather than
-- deadlock. SECURITY DEFINER, as the site roles cannot write the summaries themselves; no
-- temporary tables (a site could plant one of the same name). work_mem: a batch's groups are
-- sorted in memory, not in files.
CREATE FUNCTION dd_summarise_results() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = deskdrill, pg_temp SET work_mem = '64MB'
AS $$
DECLARE
    off bigint := (SELECT value::bigint FROM dd_meta WHERE key = 'utc_offset_minutes') * 60000;
BEGIN
    INSERT INTO result_sets (catalogue_hash, lexicon_hash, catalogue_version)
    SELECT catalogue_hash, lexicon_hash, min(catalogue_version) FROM new_rows
    GROUP BY catalogue_hash, lexicon_hash ORDER BY 1, 2
    ON CONFLICT DO NOTHING;

    WITH m AS MATERIALIZED (
        SELECT a.site_id, s.region, a.cohort, dd_month(dd_day(a.ended_at_ms, off)) AS period,
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
            complaint_passed = t.complaint_passed + excluded.complaint_passed)
    INSERT INTO summary_region_attempts AS t
    SELECT 1, region, cohort, period, set_id, original, scenario_id, mode, origin,
           min(catalogue_version), sum(attempts), sum(passed), sum(score_sum), sum(max_sum),
           sum(finished), sum(abandoned), sum(timed_out), sum(phone_calls), sum(phone_within_3),
           sum(response_n), sum(response_ms), sum(resolution_n), sum(resolution_ms),
           sum(complaint_attempts), sum(complaint_passed)
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
        complaint_passed = t.complaint_passed + excluded.complaint_passed;
    RETURN NULL;
END $$;

CREATE FUNCTION dd_summarise_criteria() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = deskdrill, pg_temp SET work_mem = '64MB'
AS $$
DECLARE
    off bigint := (SELECT value::bigint FROM dd_meta WHERE key = 'utc_offset_minutes') * 60000;
BEGIN
    WITH res AS MATERIALIZED (
        SELECT r.id, a.site_id, s.region, a.cohort, dd_month(dd_day(a.ended_at_ms, off)) AS month,
               rs.id AS set_id, r.original, a.mode, a.origin
        FROM results r JOIN attempts a ON a.seq = r.attempt_seq JOIN sites s ON s.id = a.site_id
        JOIN result_sets rs ON rs.catalogue_hash = r.catalogue_hash
         AND rs.lexicon_hash = r.lexicon_hash
        WHERE r.id IN (SELECT DISTINCT result_id FROM new_rows)),
    m AS MATERIALIZED (
        SELECT res.site_id, res.region, res.cohort, res.month AS period, res.set_id, res.original,
               res.mode, res.origin, c.criterion_id, count(*) AS n, sum(c.points) AS points_sum,
               sum(c.max_points) AS max_sum, sum(c.passed) AS passed
        FROM new_rows c JOIN res ON res.id = c.result_id
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
    by_site AS (
        INSERT INTO summary_criteria AS t
        SELECT 1, site_id, cohort, period, set_id, original, mode, origin, criterion_id, n,
               points_sum, max_sum, passed FROM m
        ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (grain, site_id, cohort, period, set_id, original, mode, origin, criterion_id)
        DO UPDATE SET n = t.n + excluded.n, points_sum = t.points_sum + excluded.points_sum,
            max_sum = t.max_sum + excluded.max_sum, passed = t.passed + excluded.passed)
    INSERT INTO summary_region_criteria AS t
    SELECT 1, region, cohort, period, set_id, original, mode, origin, criterion_id, sum(n),
           sum(points_sum), sum(max_sum), sum(passed)
    FROM m GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
    ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (grain, region, cohort, period, set_id, original, mode, origin, criterion_id)
    DO UPDATE SET n = t.n + excluded.n, points_sum = t.points_sum + excluded.points_sum,
        max_sum = t.max_sum + excluded.max_sum, passed = t.passed + excluded.passed;
    RETURN NULL;
END $$;

CREATE TRIGGER results_summarise AFTER INSERT ON results
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dd_summarise_results();
CREATE TRIGGER criterion_results_summarise AFTER INSERT ON criterion_results
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dd_summarise_criteria();

-- Append-only, as at the sites: the records of attempts are never changed, not even here.
CREATE FUNCTION dd_append_only() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
CREATE TRIGGER attempts_append_only BEFORE UPDATE OR DELETE ON attempts
FOR EACH STATEMENT EXECUTE FUNCTION dd_append_only();
CREATE TRIGGER results_append_only BEFORE UPDATE OR DELETE ON results
FOR EACH STATEMENT EXECUTE FUNCTION dd_append_only();
CREATE TRIGGER criterion_results_append_only BEFORE UPDATE OR DELETE ON criterion_results
FOR EACH STATEMENT EXECUTE FUNCTION dd_append_only();
CREATE TRIGGER overrides_append_only BEFORE UPDATE OR DELETE ON overrides
FOR EACH STATEMENT EXECUTE FUNCTION dd_append_only();

-- --- who may do what ------------------------------------------------------------------------
REVOKE ALL ON ALL TABLES IN SCHEMA deskdrill FROM PUBLIC;
GRANT USAGE ON SCHEMA deskdrill TO deskdrill_site, deskdrill_hq;
GRANT EXECUTE ON FUNCTION dd_site_id(), dd_day(bigint, bigint), dd_month(bigint)
    TO deskdrill_site, deskdrill_hq;
GRANT SELECT ON ALL TABLES IN SCHEMA deskdrill TO deskdrill_hq;

GRANT SELECT ON sites, dd_meta TO deskdrill_site;
GRANT SELECT, INSERT ON attempts, results, criterion_results, overrides, snapshots,
    catalogue_criteria, sync_log TO deskdrill_site;
GRANT SELECT, INSERT ON people, assignments, site_heads TO deskdrill_site;
GRANT UPDATE (origin, role, employee_no, name, site, cohort, active, updated_at_ms)
    ON people TO deskdrill_site;
GRANT UPDATE (cancelled_at_ms) ON assignments TO deskdrill_site;
GRANT UPDATE ON site_heads TO deskdrill_site;

ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON sites FOR SELECT TO deskdrill_site USING (role_name = current_user);
CREATE POLICY hq ON sites FOR SELECT TO deskdrill_hq USING (true);

-- One policy for the tables a site writes and reads only its own rows of.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['attempts', 'results', 'criterion_results', 'overrides',
                             'site_heads', 'sync_log'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY own ON %I TO deskdrill_site '
                       'USING (site_id = (SELECT dd_site_id())) '
                       'WITH CHECK (site_id = (SELECT dd_site_id()))', t);
        EXECUTE format('CREATE POLICY hq ON %I FOR SELECT TO deskdrill_hq USING (true)', t);
    END LOOP;
END $$;

-- People and assignments: a site reads its own and what headquarters published to it, inserts
-- and changes only what it made itself.
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON people FOR SELECT TO deskdrill_site
    USING (site_id = (SELECT dd_site_id()));
CREATE POLICY own_insert ON people FOR INSERT TO deskdrill_site
    WITH CHECK (site_id = (SELECT dd_site_id()) AND origin = 'site');
CREATE POLICY own_update ON people FOR UPDATE TO deskdrill_site
    USING (site_id = (SELECT dd_site_id()) AND origin = 'site')
    WITH CHECK (site_id = (SELECT dd_site_id()) AND origin = 'site');
CREATE POLICY hq ON people FOR SELECT TO deskdrill_hq USING (true);

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON assignments FOR SELECT TO deskdrill_site
    USING (site_id = (SELECT dd_site_id()));
CREATE POLICY own_insert ON assignments FOR INSERT TO deskdrill_site
    WITH CHECK (site_id = (SELECT dd_site_id()) AND origin = 'site');
CREATE POLICY own_update ON assignments FOR UPDATE TO deskdrill_site
    USING (site_id = (SELECT dd_site_id()) AND origin = 'site')
    WITH CHECK (site_id = (SELECT dd_site_id()) AND origin = 'site');
CREATE POLICY hq ON assignments FOR SELECT TO deskdrill_hq USING (true);

-- Snapshots: the texts a site sent, and those published to every site.
ALTER TABLE snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON snapshots FOR SELECT TO deskdrill_site
    USING (site_id = (SELECT dd_site_id()) OR published_at_ms IS NOT NULL);
CREATE POLICY own_insert ON snapshots FOR INSERT TO deskdrill_site
    WITH CHECK (site_id = (SELECT dd_site_id()) AND published_at_ms IS NULL);
CREATE POLICY hq ON snapshots FOR SELECT TO deskdrill_hq USING (true);

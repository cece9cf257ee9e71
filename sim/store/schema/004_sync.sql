-- Version 4: the syncs with a hub (sim/hub), one row per run, so the window can say when the
-- desk last synced and the operator can see what each run did. Append-only like the outbox: a
-- run is recorded once, when it ends (a run killed half-way leaves no row; what it delivered is
-- in outbox_delivered).

CREATE TABLE sync_runs (
    id             INTEGER PRIMARY KEY,
    target         TEXT NOT NULL,             -- 'hub'
    hub            TEXT NOT NULL,             -- where: host, port and database (no password)
    started_at_ms  INTEGER NOT NULL,
    finished_at_ms INTEGER NOT NULL,
    ok             INTEGER NOT NULL CHECK (ok IN (0, 1)),
    pushed         INTEGER NOT NULL,          -- outbox items the hub confirmed
    pulled         INTEGER NOT NULL,          -- published items taken in
    message        TEXT NOT NULL              -- '' or what went wrong
);
CREATE INDEX sync_runs_by_target ON sync_runs (target, ok, finished_at_ms);

CREATE TRIGGER sync_runs_append_only_u BEFORE UPDATE ON sync_runs
BEGIN SELECT RAISE(ABORT, 'sync runs are append-only'); END;
CREATE TRIGGER sync_runs_append_only_d BEFORE DELETE ON sync_runs
BEGIN SELECT RAISE(ABORT, 'sync runs are append-only'); END;

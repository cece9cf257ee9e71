-- Version 2: assignments and the refresher schedule, named sets of scenarios.
--
-- An assignment gives scenarios to one trainee or to a cohort (of a site, or of every site when
-- site is ''), with the mode and whether choice mode is allowed fixed by it, a due date, and for
-- refresher drills an interval: due again every N days after the trainee's last counting attempt.
-- Which attempts count is decided in sim/store/assignments.cpp (one rule, documented there).

CREATE TABLE scenario_sets (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    created_by    INTEGER NOT NULL REFERENCES people (id),
    created_at_ms INTEGER NOT NULL
);
CREATE TABLE scenario_set_items (
    set_id      INTEGER NOT NULL REFERENCES scenario_sets (id),
    position    INTEGER NOT NULL,
    scenario_id TEXT NOT NULL,
    PRIMARY KEY (set_id, position)
);

CREATE TABLE assignments (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    trainee_id      INTEGER REFERENCES people (id),
    site            TEXT,
    cohort          TEXT,
    mode            TEXT NOT NULL CHECK (mode IN ('practice', 'assessment', 'refresher')),
    choice_allowed  INTEGER NOT NULL CHECK (choice_allowed IN (0, 1)),
    starts_at_ms    INTEGER NOT NULL,
    due_at_ms       INTEGER,
    every_days      INTEGER CHECK (every_days IS NULL OR every_days > 0),
    set_name        TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    created_by      INTEGER NOT NULL REFERENCES people (id),
    created_at_ms   INTEGER NOT NULL,
    cancelled_at_ms INTEGER,
    CHECK ((trainee_id IS NULL) <> (cohort IS NULL)),
    CHECK (cohort IS NULL OR site IS NOT NULL)
);
CREATE INDEX assignments_by_trainee ON assignments (trainee_id);
CREATE INDEX assignments_by_cohort ON assignments (cohort, site);

CREATE TABLE assignment_items (
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    position      INTEGER NOT NULL,
    scenario_id   TEXT NOT NULL,
    PRIMARY KEY (assignment_id, position)
);

CREATE TRIGGER assignment_items_fixed_u BEFORE UPDATE ON assignment_items
BEGIN SELECT RAISE(ABORT, 'an assignment''s scenarios are fixed; cancel it and assign anew'); END;
CREATE TRIGGER assignment_items_fixed_d BEFORE DELETE ON assignment_items
BEGIN SELECT RAISE(ABORT, 'an assignment''s scenarios are fixed; cancel it and assign anew'); END;
CREATE TRIGGER assignments_never_deleted BEFORE DELETE ON assignments
BEGIN SELECT RAISE(ABORT, 'assignments are cancelled, never deleted'); END;

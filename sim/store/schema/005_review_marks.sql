-- Version 5: the scorer's own uncertainty, kept beside each result set. A criterion the scorer
-- marks for review ("review": true in the report: a decision near a rule's edge, issue 12) has
-- a row, with the positions of its evidence items so marked, so the supervisor's review queue
-- finds them without scoring the attempt again. Written in the transaction that writes the
-- result set; append-only like it. Result sets stored before this version have none (a
-- re-score writes them for its own set).

CREATE TABLE review_marks (
    result_id    INTEGER NOT NULL REFERENCES results (id),
    criterion_id TEXT NOT NULL,
    evidence     TEXT NOT NULL,             -- evidence positions marked, comma-separated; '' = none
    PRIMARY KEY (result_id, criterion_id)
);

CREATE TRIGGER review_marks_append_only_u BEFORE UPDATE ON review_marks
BEGIN SELECT RAISE(ABORT, 'review marks are append-only'); END;
CREATE TRIGGER review_marks_append_only_d BEFORE DELETE ON review_marks
BEGIN SELECT RAISE(ABORT, 'review marks are append-only'); END;

-- Version 6: the speech-act detection each attempt was played and scored with ("meaning/v3":
-- the way the lexicon is read and its version; ActDetector::identity), so a stored attempt is
-- replayed and re-scored with the same detection, and a replay says when today's differs.
-- One row per attempt, written in the attempt's transaction; append-only like it. Attempts
-- stored before this version have none (the detection of the build that made them is not
-- known; they are replayed with today's, and the replay says so). Not part of the attempt's
-- chained hash (chain.h): the hashed fields stay those of version 1, which the hub checks too.

CREATE TABLE attempt_detection (
    attempt_seq INTEGER PRIMARY KEY REFERENCES attempts (seq),
    detection   TEXT NOT NULL               -- "meaning/v3", "phrases/v2"
);

CREATE TRIGGER attempt_detection_append_only_u BEFORE UPDATE ON attempt_detection
BEGIN SELECT RAISE(ABORT, 'attempt detections are append-only'); END;
CREATE TRIGGER attempt_detection_append_only_d BEFORE DELETE ON attempt_detection
BEGIN SELECT RAISE(ABORT, 'attempt detections are append-only'); END;

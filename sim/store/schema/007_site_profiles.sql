-- Version 7: the site profile (issue 13, the company's own desk) — the company's and the site's
-- names, the departments' extension numbers and the fee standards, set by an admin and laid over
-- every scenario played at this desk (sim/session/site_profile.h).
--
-- Content-addressed like the snapshots: a profile's canonical text is stored once per SHA-256.
-- The admin's settings are a history (the latest row is in force; a row with no profile clears
-- it), and each attempt played under a profile names it, so a replay after the admin changed the
-- profile plays and scores what the trainee saw. All three tables are append-only.

CREATE TABLE site_profiles (
    hash          TEXT PRIMARY KEY,            -- SHA-256 of text
    company       TEXT NOT NULL,
    text          TEXT NOT NULL,               -- the canonical YAML (site_profile_to_yaml)
    stored_at_ms  INTEGER NOT NULL
);

CREATE TABLE site_profile_settings (
    id            INTEGER PRIMARY KEY,
    profile_hash  TEXT REFERENCES site_profiles (hash),   -- NULL: cleared (scenarios' own)
    set_by        INTEGER NOT NULL REFERENCES people (id),
    set_at_ms     INTEGER NOT NULL
);

-- Written in the attempt's transaction; covered by the attempt's chain hash (chain.h).
CREATE TABLE attempt_site_profiles (
    attempt_seq   INTEGER PRIMARY KEY REFERENCES attempts (seq),
    profile_hash  TEXT NOT NULL REFERENCES site_profiles (hash)
);

CREATE TRIGGER site_profiles_append_only_u BEFORE UPDATE ON site_profiles
BEGIN SELECT RAISE(ABORT, 'site profiles are append-only'); END;
CREATE TRIGGER site_profiles_append_only_d BEFORE DELETE ON site_profiles
BEGIN SELECT RAISE(ABORT, 'site profiles are append-only'); END;
CREATE TRIGGER site_profile_settings_append_only_u BEFORE UPDATE ON site_profile_settings
BEGIN SELECT RAISE(ABORT, 'site profile settings are append-only'); END;
CREATE TRIGGER site_profile_settings_append_only_d BEFORE DELETE ON site_profile_settings
BEGIN SELECT RAISE(ABORT, 'site profile settings are append-only'); END;
CREATE TRIGGER attempt_site_profiles_append_only_u BEFORE UPDATE ON attempt_site_profiles
BEGIN SELECT RAISE(ABORT, 'attempt site profiles are append-only'); END;
CREATE TRIGGER attempt_site_profiles_append_only_d BEFORE DELETE ON attempt_site_profiles
BEGIN SELECT RAISE(ABORT, 'attempt site profiles are append-only'); END;

// Saving files so that nothing is lost and nothing collides: every write goes to a temporary
// file in the same folder, is flushed to disk, and only then takes its name (the folder synced
// after), so a crash or a kill at any moment leaves the old file or the new one whole.
#pragma once
#include <string>
#include <string_view>

namespace dd::session {

// Writes `text` to `path`, replacing any file there (settings, a path the user named).
// Creates the folder. false with *error on failure.
bool write_file_atomic(const std::string& path, std::string_view text, std::string* error);

// Saves `text` under a new name in `dir` that no other file has: `<stem>-YYYYmmdd-HHMMSS-mmm
// <ext>`, with `-2`, `-3`… when a file of that name exists (two saves in the same millisecond,
// another process). Never replaces a file: the name is taken with link(2), which fails when it
// exists. Returns the path, or "" with *error.
std::string write_new_file(const std::string& dir, const std::string& stem, const std::string& ext,
                           std::string_view text, std::string* error);

// Removes the temporary files a killed save left in `dir` (ours only: `.<name>.tmp-<pid>-…` of a
// process that is no longer running). Returns how many were removed.
int remove_stale_temporaries(const std::string& dir);

}  // namespace dd::session

// Where DeskDrill finds what it ships (the scenario library, the i18n tables, the example) and
// where it keeps what a user makes (transcripts, the records database, settings). One place for
// both, so neither front end guesses a path.
//
// Shipped data: `$DESKDRILL_DATA` when set; else the `share/deskdrill` folder beside the
// program's own location — `<prefix>/bin/deskdrill` → `<prefix>/share/deskdrill` when
// installed, `build/<preset>/deskdrill` → `build/<preset>/share/deskdrill` in a build tree
// (links into the source tree made at configure time); else the first `deskdrill` folder of
// `$XDG_DATA_DIRS` (default /usr/local/share:/usr/share) that holds a scenario library.
// `$DESKDRILL_SCENARIOS` still overrides the library alone. Never a source path compiled in.
//
// User data (XDG Base Directory): `$XDG_DATA_HOME/deskdrill` (default ~/.local/share/deskdrill)
// and `$XDG_CONFIG_HOME/deskdrill` (default ~/.config/deskdrill); what can be made again (the
// window's glyph atlas) in `$XDG_CACHE_HOME/deskdrill` (default ~/.cache/deskdrill).
#pragma once
#include <string>

namespace dd::session {

// The shipped data folder ("" when none is found: say so and suggest DESKDRILL_DATA).
std::string shipped_data_dir();
std::string scenarios_dir();  // the scenario library (standards.yaml, lexicon.yaml inside)
std::string standards_path();
std::string lexicon_path();
std::string examples_dir();  // the client's example scenario with its gold and poor attempts
std::string assets_dir();    // i18n/ (the window's tables); $DESKDRILL_ASSETS overrides

std::string user_data_dir();    // transcripts/, deskdrill.db
std::string user_config_dir();  // settings.json
std::string transcripts_dir();  // where finished attempts are saved by themselves
std::string default_db_path();  // the records database (DESIGN §6)
std::string user_cache_dir();   // "" without XDG_CACHE_HOME or HOME: then nothing is cached

// The folder of the running program (/proc/self/exe), "" when unknown.
std::string program_dir();

}  // namespace dd::session

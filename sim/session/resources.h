// The resources an attempt is played and scored with: the lexicon (speech-act detector + mood
// parameters) and the standards catalogue, each with its version and the SHA-256 of the text it
// was read from — what a record names so the attempt can be replayed and shown exactly as it
// was, after the files have changed. Immutable once loaded; shared by every attempt of a run.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/yaml/diagnostics.h"
#include "scoring/rubric/catalogue.h"
#include "scoring/rubric/report.h"
#include "scoring/text/act_detector.h"
#include "sim/model/attempt_log.h"
#include "sim/model/mood.h"
#include "sim/model/scenario.h"

namespace dd::session {

// A text an attempt depends on, content-addressed.
struct Snapshot {
    std::string path;                         // where it was read ("" for a stored snapshot)
    std::string version;                      // "2026.1" (catalogue), "3" (lexicon), "1" (scenario)
    std::string hash;                         // SHA-256 of text, lowercase hex
    std::shared_ptr<const std::string> text;  // the bytes as read
};

class Resources {
  public:
    // Reads and builds both files. Never throws; what could not be loaded is in `problems` (and
    // `diags`) and the rest still works: without the lexicon nothing can be played, without the
    // catalogue attempts can be played but not scored.
    static std::shared_ptr<const Resources> load(const std::string& lexicon_path,
                                                 const std::string& standards_path,
                                                 Diagnostics& diags);
    // The same from texts in memory (stored snapshots); paths only name them in diagnostics.
    // `detection`: the identity of the detection to build ("meaning/v3", as a record names it);
    // "" for the one attempts are played with today (kPlayDetection). One this build does not
    // know is a problem, and today's is built instead.
    static std::shared_ptr<const Resources> from_texts(std::string lexicon_text,
                                                       const std::string& lexicon_name,
                                                       std::string catalogue_text,
                                                       const std::string& catalogue_name,
                                                       Diagnostics& diags,
                                                       std::string_view detection = {});

    bool can_play() const { return detector != nullptr; }
    bool can_score() const { return catalogue != nullptr; }
    // The detector's identity ("meaning/v3"; "" without a lexicon): what records store.
    std::string detection() const { return detector ? detector->identity() : std::string(); }
    // Scores an attempt log; nullopt when there is no catalogue.
    std::optional<ScoreReport> score(const Scenario& scenario, const AttemptLog& log) const;
    // The catalogue's criterion, or null.
    const Criterion* criterion(const std::string& id) const;

    std::shared_ptr<const ActDetector> detector;
    MoodParams mood;
    std::shared_ptr<const Catalogue> catalogue;
    Snapshot lexicon_snapshot;
    Snapshot catalogue_snapshot;
    std::vector<std::string> problems;  // formatted diagnostics of what failed
};

}  // namespace dd::session

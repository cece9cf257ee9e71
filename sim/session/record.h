// The record of one attempt — finished, abandoned or timed out — as both front ends hand it to
// the sinks (files now, the records database next): everything needed to replay and show it
// exactly as it was, years later, and to say who made it, how and when.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "resources.h"
#include "scoring/rubric/report.h"
#include "sim/model/attempt_log.h"
#include "sim/model/transcript.h"

namespace dd::session {

// practice: hints, pause and speed; assessment: none of them, one recorded attempt;
// refresher: a periodic regulation drill, played like an assessment.
enum class Mode { Practice, Assessment, Refresher };
// How the attempt ended: the trainee finished it (or every thread closed), left it half-way,
// or the scenario's time limit ran out.
enum class Ending { Finished, Abandoned, TimedOut };
// Where it was made: at the desk window (proctored), replayed from a transcript file
// (imported), or at the desk while a UI script drove it (scripted — never a proctored result).
enum class Origin { Proctored, Imported, Scripted };

std::string_view mode_name(Mode m);  // "practice" | "assessment" | "refresher"
std::optional<Mode> mode_from_name(std::string_view s);
std::string_view ending_name(Ending e);  // "finished" | "abandoned" | "timed-out"
std::optional<Ending> ending_from_name(std::string_view s);
std::string_view origin_name(Origin o);  // "proctored" | "imported" | "scripted"
std::optional<Origin> origin_from_name(std::string_view s);

struct AttemptRecord {
    std::string uuid;  // unique across sites (v4)
    // The scenario as played: id and version from the file, its text and hash.
    std::string scenario_id;
    int scenario_version = 0;
    Snapshot scenario;
    Snapshot lexicon;
    Snapshot catalogue;
    // The speech-act detection it was played and scored with ("meaning/v3", Resources::
    // detection()): a replay builds the same one. "" in records from before it was named.
    std::string detection;
    // The site profile it was played under (site_profile.h); hash "" when none.
    Snapshot site_profile;

    Transcript transcript;  // the trainee's actions, replayable
    AttemptLog log;
    std::optional<ScoreReport> report;  // none when the catalogue could not be loaded

    Mode mode = Mode::Practice;
    bool choice_mode = false;
    std::string trainee;  // who (an id of the records store, or a name on the command line)
    std::uint64_t seed = 0;
    std::int64_t started_at_ms = 0;  // wall clock, Unix milliseconds
    std::int64_t ended_at_ms = 0;
    Ending ending = Ending::Finished;
    Origin origin = Origin::Proctored;
};

// Where records go. A sink never changes a record; write() is called once per attempt, when it
// ends, from the thread that ended it.
class AttemptSink {
  public:
    virtual ~AttemptSink() = default;
    // true when the record is saved whole; false with *error (nothing half-written).
    virtual bool write(const AttemptRecord& record, std::string* error) = 0;
};

// Unix milliseconds now.
std::int64_t wall_clock_ms();
// Minutes east of UTC of this machine's time zone now (the days records group by).
int local_utc_offset_minutes();

}  // namespace dd::session

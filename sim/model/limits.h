// Every bound DeskDrill puts on what it reads and does, in one place, each with why. Inputs past
// a bound are refused with a clear message (file:line:col where there is a place); work past a
// bound stops and says what it left out. Tests exercise each at the limit and one past it.
#pragma once
#include <cstddef>

namespace dd::limits {

// --- Files (common/yaml: every scenario, transcript, catalogue and lexicon) -------------------
// The largest scenario of the library is a few KiB, the lexicon ~60 KiB.
inline constexpr std::size_t kMaxFileBytes = 1u << 20;
// Collection nesting: scenarios nest 5–6 deep.
inline constexpr int kMaxYamlDepth = 64;
// Node visits with aliases expanded (alias bombs).
inline constexpr std::size_t kMaxYamlNodes = 200'000;
// Nodes as written, estimated before parsing: yaml-cpp takes most of a second on 500k, and the
// largest DeskDrill file has a few thousand.
inline constexpr std::size_t kMaxYamlWrittenNodes = 50'000;
// Problems reported per file; past this a reader reports once and stops.
inline constexpr int kMaxErrorsPerFile = 100;

// Any duration written in a file (`30s`, `2m`, `1h30m`): 30 days. No drill lasts longer, and
// sim time stays far from overflowing in any sum of durations.
inline constexpr long long kMaxDurationMs = 30LL * 24 * 3600 * 1000;

// --- Scenarios (sim/load) ---------------------------------------------------------------------
// A front-desk drill has a handful of callers and visitors (the library's largest has 4 events
// and 3 actors). Past these a scenario is a load test, not a drill, and exploring it (verify)
// or playing it would only waste the trainee's and the machine's time.
inline constexpr std::size_t kMaxScenarioEvents = 100;
inline constexpr std::size_t kMaxScenarioActors = 100;
inline constexpr std::size_t kMaxScenarioNodes = 500;

// --- Transcripts and replies (sim/load, the desk's reply box, scoring/text) -------------------
// One reply at the desk: the longest in the library is under 100 characters; a minute of fast
// typing is ~300. Longer text is not a reply but a paste: the transcript loader and the reply
// box refuse it with a message.
inline constexpr std::size_t kMaxReplyChars = 1'000;
// The same in bytes of UTF-8, with room (1,000 CJK characters are 3,000 bytes): speech-act
// detection reads at most this much of any text (DetectedActs::truncated says when it stopped),
// and `deskdrill acts` refuses longer lines without holding them in memory.
inline constexpr std::size_t kMaxReplyBytes = 8 * 1024;
// Actions of one attempt: an hour's drill with an action every second is 3,600.
inline constexpr std::size_t kMaxTranscriptActions = 5'000;

// --- The engine (sim/engine) -------------------------------------------------------------------
// Rings of one unanswered call that the attempt log lists one by one. A call without `give_up`
// drops at this ring (a switchboard does not ring for ever); one with a later `give_up` keeps
// ringing, but its further rings are counted, not listed: one notice says so, and the count is
// brought up to date when the call is answered or ends. 60 rings at the usual 4 s are four
// minutes, past any caller of the library (they give up within a minute). Without this a caller
// who waits a day at the shortest ring interval (0.5 s) would add 172,800 entries.
inline constexpr int kMaxListedRings = 60;

// A phone rings at most every 0.5 s (ring_every below is raised to it): real phones ring every
// 3–6 s, and a faster ring would only multiply the engine's work.
inline constexpr long long kMinRingEveryMs = 500;
// A waiting actor's mood drifts at most once a second (a lexicon's wait_every below is raised).
inline constexpr long long kMinWaitEveryMs = 1'000;
// Dialogue node visits in one attempt, over all threads: a scenario whose nodes time out into
// each other stops here with a notice instead of spinning (the library's longest attempt visits
// about 20 nodes).
inline constexpr int kMaxNodeVisits = 1'000;

// --- The lexicon (scoring/text) -----------------------------------------------------------------
// Phrases one lexicon pattern may expand to through its slots (`{polite}…{sorry}`): the lexicon's
// largest expands to a few dozen; more is a combinatorial mistake that would slow every reply.
inline constexpr std::size_t kMaxPatternExpansions = 256;

// --- verify (sim/session/verify) --------------------------------------------------------------
// Work of one exploration, in attempt-log entries over every run: the library's largest
// (complaint.urgent-car-blocking) needs ~230,000; a scenario at the event limit stops here and
// reports the branch choices it did not play.
inline constexpr std::size_t kMaxVerifyWork = 1'000'000;

}  // namespace dd::limits

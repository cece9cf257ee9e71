// The simulation engine: plays a scenario against a trainee's actions on a simulated clock and
// records everything in an AttemptLog. Headless; the GUI and the CLI both drive it.
//
// Use:
//   Engine e(scenario, detector, mood_params, seed);
//   e.advance_to(t);            // let time pass: rings, injects, patience, caller gives up
//   e.apply(action);            // a trainee action at action.at (advances to it first)
//   e.finish(t);                // close the attempt
//   e.log();                    // the AttemptLog
// A run is a pure function of (scenario, seed, actions).
//
// The rules the engine plays by (scenario authors and the scorer rely on them):
//
// Clock. Integer milliseconds. An action stamped t is applied after everything due before t
// and before what is due at t itself: ties go to the trainee (a hang_up at 1:52 beats the
// caller hanging up at 1:52; an answer at 0:08 beats the ring due at 0:08). advance_to(t)
// fires everything due up to and including t. Happenings due at the same time happen in the
// order they were scheduled. An action stamped earlier than the clock (e.g. inside a
// preceding `wait`) is applied at the current time.
//
// Threads. Thread id = actor id (a second thread of the same actor gets "<id>-2"); an alarm
// without actor is "alarm-1", "alarm-2"…
//  - phone_call: rings at `at` (ring 1) and every `ring_every` while unanswered; `answer`
//    picks it up and the caller speaks the start node's line. `give_up`: the caller hangs up
//    unanswered after that long; without it the line drops after kMaxRings rings. Past that
//    many rings a call that still waits for its `give_up` rings on uncounted in the log: one
//    notice, and the rings in between are added (with their mood) when it is answered or ends.
//    `hold` puts an active call on hold; `answer` (or a say/choose to it) takes it back (Resume).
//  - walk_in: the visitor joins the counter queue (Waiting) and speaks only when served:
//    `answer: desk` serves the first in the queue, `answer: <actor id>` a given one. Speaking
//    to a visitor still in the queue is refused (serve first), so "time to serve" is explicit.
//  - alarm: opens Active at once (an alarm needs no pick-up); with a start node its actor
//    (e.g. a guard on the radio) speaks at once. Open until the trainee closes it (`hang_up`
//    to it), its dialogue ends, or the attempt ends.
//  `to:` resolves `phone` (answer: the ringing one, else a held one; other verbs: the active
//  call answered last, else a held one, else the ringing one), `desk` (the walk-in being
//  served, else the first waiting), `alarm`, an actor id or a thread id. Without `to:` an
//  action goes to the focused thread: the one last answered, resumed, spoken to or `focus`ed
//  (if none is focused and exactly one thread is open, that one).
//
// Dialogue. Entering a node: its actor says `says` (variant: seed 0 → the first; otherwise
// picked by a hash of seed, node id and visit number; `{actor.field}` and `{site.name}`
// filled from the facts as played) and a NodeVisit opens. Each say/choose to the thread is
// applied (acts detected, mood moved) and then `next` is tried in order with everything of
// this visit so far; the first entry whose `if` holds wins and the next node's actor speaks
// at once. If none holds, the node stays current and collects further replies.
// Conditions: said/not_said — acts or forbidden families detected in this visit's replies;
// did/not_did — "verb" or "verb:arg" of desk actions (record, classify, dispatch, escalate,
// call, notify, register_visitor, broadcast, hand_over, hold) for the thread during this visit
// (record also gives "record:<field>", classify "classify:<type>" and "classify:<level>");
// mood above/below — the actor's mood now (strict); waited over X — from the actor's line to
// the first reply (or to now) is X or more; visits above N — times the node has been entered,
// this one included. Timeouts: an entry with `waited` is also tried by itself, without a
// reply, at spoken_at + X — the actor moves on (escalates) if the trainee says nothing;
// entries without `waited` are only tried after a reply.
// A reply that only acknowledges (好的。) and holds nothing the node expects, or one sent
// mid-sentence (ending in ， 、 ： ；), does not try `next`: the node waits for the answer.
// `end: true`: after the trainee's first reply to the node, the actor hangs up / leaves
// kCallerHangUpDelay later (ThreadEnd cause "actor"), unless the trainee hangs up first
// (cause "trainee"); ThreadRecord::ended_by records which.
//
// Mood (0..100, per actor, parameters from MoodParams and the persona): every change is scaled
// by the temper and rounded (half away from zero), clamped, and logged with its cause:
// acts/forbidden families of each reply ("act:apology", "forbidden:deflect"); desk actions for
// the thread ("action:dispatch:security" looked up first, then "action:dispatch"); rings
// beyond `rings_tolerated` ("ring"); waiting ("wait"): the patience clock restarts at each
// actor line and each trainee action for the thread, and once it passes the persona's patience
// the mood rises by wait_step then and every wait_every after, while ringing, queued, on hold or
// unattended.
//
// Actions. Refused with a reason — a code of sim/model/log_codes.h with its arguments, worded by
// the front end (logged as Rejected, nothing else changes): anything
// after the attempt ended; say/choose/hold/hang_up/answer to an ended thread, to nothing, to a
// ringing call or a queued visitor (say); answer with nothing to answer; choose with no
// choices or out of range; unknown departments/numbers/… Desk actions never need an open
// thread: they are logged with the focused (or named) thread, and count in its current
// node's `did` while it is open (after-call work on an ended call is allowed).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/text/act_detector.h"
#include "sim/model/attempt_log.h"
#include "sim/model/limits.h"
#include "sim/model/mood.h"
#include "sim/model/scenario.h"
#include "sim/model/transcript.h"

namespace dd {

// What a front end shows of one conversation thread.
struct ThreadView {
    enum class State { Ringing, Waiting, Active, Held, Ended };
    std::string id;
    ThreadRecord::Kind kind = ThreadRecord::Kind::Desk;
    std::string actor;       // actor id
    std::string actor_name;  // as played
    State state = State::Waiting;
    int rings = 0;  // rings so far (phone, while ringing)
    int mood = 0;
    std::string node;                  // current dialogue node ("" when none)
    std::vector<std::string> choices;  // offered replies at the current node (choice mode)
    std::string hint;                  // the node's hint (practice mode shows it)
    Millis since = 0;                  // when it entered this state
};

struct ApplyResult {
    bool ok = true;
    i18n::Message error;  // what was wrong and what to do instead (a LogCode::Reject* code)
};

class Engine {
  public:
    // An actor at an `end: true` node hangs up / leaves this long after the trainee's reply.
    static constexpr Millis kCallerHangUpDelay = 2'000;
    // A call with no `give_up` drops after this many unanswered rings; one with a later
    // `give_up` is listed ring by ring up to here, then coalesced (bounds the log).
    static constexpr int kMaxRings = limits::kMaxListedRings;

    Engine(const Scenario& scenario, const ActDetector& detector, const MoodParams& mood,
           std::uint64_t seed);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Lets sim time pass up to t (never backwards): fires injects, rings, mood drift, give-ups.
    void advance_to(Millis t);
    // Applies a trainee action at a.at (advancing to it first). A refused action is logged as
    // Rejected with the reason and changes nothing else.
    ApplyResult apply(const Action& a, int action_index = -1);
    // Ends the attempt at t (or now, if later). Idempotent. The cause logged is "all-closed"
    // when every thread is closed and nothing is pending, "transcript" otherwise.
    void finish(Millis t);
    // The same with an explicit AttemptEnd cause (e.g. "end", "abandoned").
    void finish(Millis t, std::string_view cause);

    Millis now() const;
    bool finished() const;  // ended, or every thread closed and no event pending
    std::optional<Millis> next_event_time() const;  // next ring/inject/timer, for fast-forward
    std::vector<ThreadView> threads() const;        // open and ended, in order of opening
    std::string focused() const;                    // thread id the next untargeted action goes to
    // The visit of the thread's current node (its line, replies so far), or null.
    const NodeVisit* current_visit(const std::string& thread_id) const;
    const AttemptLog& log() const;
    const Scenario& scenario() const;

  private:
    friend AttemptLog replay(const Scenario&, const Transcript&, const ActDetector&,
                             const MoodParams&);  // moves the log out instead of copying it
    // replay()'s: the mood parameters are the caller's for the whole run, not copied.
    struct BorrowMood {};
    Engine(const Scenario& scenario, const ActDetector& detector, const MoodParams& mood,
           std::uint64_t seed, BorrowMood);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Replays a whole transcript: apply every action, then finish at the last action's time
// (plus any trailing wait). Refused actions are logged, not fatal. A live attempt (LiveRun,
// live_run.h) records its transcript by rules that make this replay give the identical log.
AttemptLog replay(const Scenario& scenario, const Transcript& transcript,
                  const ActDetector& detector, const MoodParams& mood);

}  // namespace dd

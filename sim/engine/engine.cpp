// The Engine (rules in engine.h). Sections, in order:
//   [state]     timers, threads, the Impl
//   [log]       appending entries, rejections
//   [threads]   opening, ending, `to:` resolution
//   [mood]      scaled/clamped changes, the patience clock
//   [dialogue]  entering nodes, trying `next`, the waited timeout, end nodes
//   [timers]    what each due timer does
//   [verbs]     every trainee verb
//   [api]       the public Engine members and replay()
#include "engine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <map>
#include <span>
#include <utility>

#include "dialogue.h"
#include "log_format.h"
#include "sim/model/describe.h"
#include "sim/model/enums.h"
#include "sim/model/log_codes.h"
#include "sim/model/verbs.h"

namespace dd {

namespace {

// [state] -----------------------------------------------------------------------------------

struct Timer {
    enum class Kind { Inject, Ring, GiveUp, Patience, ActorLeaves, Waited, TimeLimit };
    Kind kind = Kind::Inject;
    int thread = -1;
    int event = -1;
};

// (due time, insertion number): equal times fire in the order they were scheduled.
using TimerKey = std::pair<Millis, std::uint64_t>;

// The pending timers in key order, the next one last: a handful at a time (a thread's ring,
// give-up, patience, leave and waited timers, the injects not yet due — at most
// limits::kMaxScenarioEvents), so one sorted array, not a node per timer as a map would.
class TimerQueue {
  public:
    using Item = std::pair<TimerKey, Timer>;
    bool empty() const { return items_.empty(); }
    void clear() { items_.clear(); }
    const Item& next() const { return items_.back(); }
    void pop_next() { items_.pop_back(); }
    void insert(const TimerKey& key, const Timer& timer) {
        items_.insert(std::upper_bound(items_.begin(), items_.end(), key, later), {key, timer});
    }
    void erase(const TimerKey& key) {
        auto it = std::lower_bound(items_.begin(), items_.end(), key,
                                   [](const Item& i, const TimerKey& k) { return i.first > k; });
        if (it != items_.end() && it->first == key) items_.erase(it);
    }

  private:
    static bool later(const TimerKey& k, const Item& i) { return k > i.first; }
    std::vector<Item> items_;  // descending by key
};

struct Thread {
    int rec = -1;  // index into AttemptLog::threads
    ThreadView::State state = ThreadView::State::Waiting;
    Millis since = 0;
    std::string actor;  // "" for an alarm without actor
    std::string start;
    std::string node;  // current node ("" when none)
    int visit = -1;    // index into AttemptLog::visits of the current node's visit
    int rings = 0;
    Millis ring_every = 4'000;
    std::optional<Millis> give_up;
    std::optional<TimerKey> ring_timer, give_up_timer, patience_timer, leave_timer, waited_timer;
    // Set once the call rings past the listed rings: the time of the last ring counted.
    std::optional<Millis> coalesced_ring_at;
    std::uint64_t attention = 0;  // order of the last answer/resume/reply: "most recent"
};

// Visits are capped so that a scenario whose nodes time out into each other cannot spin.
constexpr int kMaxVisits = limits::kMaxNodeVisits;
constexpr Millis kMinRingEvery = limits::kMinRingEveryMs;
constexpr Millis kMinWaitEvery = limits::kMinWaitEveryMs;

using i18n::Message;

// The values a refused argument may take: as words (`prefix`) and as written in a transcript.
Message with_allowed(Message m, std::span<const std::string_view> list, std::string_view prefix) {
    std::vector<Message> words, codes;
    for (auto v : list) {
        words.push_back(i18n::label_msg(prefix, std::string(v)));
        codes.push_back(i18n::text_msg(std::string(v)));
    }
    return std::move(m)
        .list("allowed", std::move(words), "join.and")
        .list("codes", std::move(codes), "join.and");
}

bool contains(const std::vector<std::string>& list, std::string_view v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

void add_unique(std::vector<std::string>& list, std::string_view v) {
    if (!contains(list, v)) list.emplace_back(v);
}

}  // namespace

struct Engine::Impl {
    const Scenario& sc;
    const ActDetector& detector;
    // A live engine keeps its own copy of the mood parameters (its caller's may not outlive
    // it); replay() borrows the caller's for the call (copying the maps showed in its profile).
    std::optional<MoodParams> own_mp;
    const MoodParams& mp;
    std::uint64_t seed;

    AttemptLog log;
    Millis now = 0;
    bool ended = false;
    TimerQueue queue;
    std::uint64_t seq = 0;
    std::vector<Thread> threads;
    std::map<std::string, int> mood;  // actor id → 0..100
    std::map<std::string, int> node_visits;
    int focus = -1;
    std::uint64_t attention_seq = 0;
    int pending_injects = 0;
    int bare_alarms = 0;
    int total_visits = 0;
    // The desk's names and the ones that are not its, normalised like a reply (identify_by_name).
    std::vector<std::string> own_names;
    std::vector<std::string> other_names;

    Impl(const Scenario& s, const ActDetector& d, const MoodParams& m, std::uint64_t sd,
         bool borrow_mood)
        : sc(s),
          detector(d),
          own_mp(borrow_mood ? std::nullopt : std::optional<MoodParams>(m)),
          mp(own_mp ? *own_mp : m),
          seed(sd) {
        // Grown once for a typical attempt, not copied entry by entry as it fills.
        log.entries.reserve(64);
        log.scenario = sc.id;
        log.scenario_version = sc.version;
        log.seed = seed;
        for (const std::string* n : {&sc.site.company, &sc.site.name})
            if (!n->empty()) own_names.push_back(detector.detect(*n).normalized);
        for (const auto& n : sc.site.not_ours)
            if (!n.empty()) other_names.push_back(detector.detect(n).normalized);
        for (const auto& a : sc.actors) {
            log.facts[a.id] = dialogue::played_facts(a, seed);
            mood[a.id] = std::clamp(a.mood, 0, 100);
        }
        for (int i = 0; i < static_cast<int>(sc.events.size()); ++i) {
            schedule(std::max<Millis>(dialogue::event_time(sc.events[i], i, seed), 0),
                     {Timer::Kind::Inject, -1, i});
            ++pending_injects;
        }
        if (sc.time_limit) schedule(*sc.time_limit, {Timer::Kind::TimeLimit, -1, -1});
    }

    TimerKey schedule(Millis t, Timer timer) {
        TimerKey key{std::max(t, now), seq++};
        queue.insert(key, timer);
        return key;
    }
    void cancel(std::optional<TimerKey>& key) {
        if (key) queue.erase(*key);
        key.reset();
    }

    ThreadRecord& rec(const Thread& th) { return log.threads[th.rec]; }
    const ThreadRecord& rec(const Thread& th) const { return log.threads[th.rec]; }
    const std::string& tid(const Thread& th) const { return rec(th).id; }
    bool open(const Thread& th) const { return th.state != ThreadView::State::Ended; }
    const Node* current_node(const Thread& th) const {
        return th.node.empty() ? nullptr : sc.node(th.node);
    }

    std::string name_of(const std::string& actor) const {
        return actor.empty() ? std::string() : played_name(log, actor);
    }
    // Who a thread is with, for messages: the actor's name as played, or "the alarm".
    i18n::Arg who(const Thread& th) const {
        if (!th.actor.empty()) return i18n::text_arg(name_of(th.actor));
        return i18n::label_arg("who.", "alarm");
    }
    int mood_of(const std::string& actor) const {
        auto m = mood.find(actor);
        return m == mood.end() ? 0 : m->second;
    }

    // [log] ---------------------------------------------------------------------------------

    // Built in place: an entry is large (strings, vectors, the action), and a move per entry
    // showed in the replay's profile.
    LogEntry& add(LogEntry::Kind kind, const Thread* th) {
        LogEntry& e = log.entries.emplace_back();
        e.t = now;
        e.kind = kind;
        if (th) {
            e.thread = tid(*th);
            e.actor = th->actor;
            e.node = th->node;
        }
        return e;
    }

    ApplyResult reject(const Action& a, int index, const Thread* th, Message reason) {
        LogEntry& e = add(LogEntry::Kind::Rejected, th);
        e.action = a;
        e.action_index = index;
        e.message = reason;
        ++log.rejected;
        return {false, std::move(reason)};
    }

    LogEntry& add_action(const Action& a, int index, const Thread* th) {
        LogEntry& e = add(LogEntry::Kind::Action, th);
        e.action = a;
        e.action_index = index;
        return e;
    }

    // [threads] -----------------------------------------------------------------------------

    int open_thread(ThreadRecord::Kind kind, const std::string& actor, const std::string& start) {
        std::string id;
        if (actor.empty()) {
            id = "alarm-" + std::to_string(++bare_alarms);
        } else {
            id = actor;
            for (int n = 2; log.thread(id); ++n) id = actor + "-" + std::to_string(n);
        }
        ThreadRecord r;
        r.id = id;
        r.kind = kind;
        r.actor = actor;
        r.opened_at = now;
        r.mood_start = mood_of(actor);
        r.mood_end = r.mood_start;
        log.threads.push_back(r);
        Thread th;
        th.rec = static_cast<int>(log.threads.size()) - 1;
        th.actor = actor;
        th.start = start;
        th.since = now;
        threads.push_back(th);
        return static_cast<int>(threads.size()) - 1;
    }

    void set_state(Thread& th, ThreadView::State s) {
        th.state = s;
        th.since = now;
    }

    void touch(Thread& th) { th.attention = ++attention_seq; }

    void close_visit(Thread& th, const std::string& next) {
        cancel(th.waited_timer);
        if (th.visit >= 0) {
            log.visits[th.visit].left_at = now;
            log.visits[th.visit].next = next;
        }
        th.visit = -1;
    }

    void end_thread(Thread& th, ThreadRecord::EndedBy by, const std::string& cause, Message why) {
        settle_rings(th);
        cancel(th.ring_timer);
        cancel(th.give_up_timer);
        cancel(th.patience_timer);
        cancel(th.leave_timer);
        LogEntry& e = add(LogEntry::Kind::ThreadEnd, &th);
        e.cause = cause;
        e.message = std::move(why);
        close_visit(th, "");
        th.node.clear();
        set_state(th, ThreadView::State::Ended);
        ThreadRecord& r = rec(th);
        r.ended_at = now;
        r.ended_by = by;
        r.mood_end = mood_of(th.actor);
        if (r.kind == ThreadRecord::Kind::Phone && !r.answered_at) r.rings_before_answer = th.rings;
    }

    // Where an action goes. `for_answer` prefers what can be picked up.
    struct Resolved {
        int th = -1;
        Message error;
    };

    // The open threads by id (what `to:` may name), for refusals read by a transcript's author.
    Message with_open(Message m) const {
        std::vector<Message> ids;
        for (const auto& th : threads)
            if (open(th)) ids.push_back(i18n::text_msg(tid(th)));
        if (ids.empty()) return std::move(m).msg("open", message(LogCode::None));
        return std::move(m).list("open", std::move(ids), "join.and");
    }

    int pick(ThreadRecord::Kind kind, ThreadView::State state, bool latest_attention) const {
        int best = -1;
        for (int i = 0; i < static_cast<int>(threads.size()); ++i) {
            const Thread& th = threads[i];
            if (rec(th).kind != kind || th.state != state) continue;
            if (best < 0) {
                best = i;
                if (!latest_attention) return best;  // earliest opened
            } else if (th.attention >= threads[best].attention) {
                best = i;
            }
        }
        return best;
    }

    int pick_ended(ThreadRecord::Kind kind) const {
        for (int i = static_cast<int>(threads.size()) - 1; i >= 0; --i)
            if (rec(threads[i]).kind == kind && !open(threads[i])) return i;
        return -1;
    }

    Resolved resolve(const std::string& target, bool for_answer) const {
        using S = ThreadView::State;
        using K = ThreadRecord::Kind;
        if (target.empty()) {
            if (focus >= 0) return {focus, {}};
            int only = -1, count = 0;
            for (int i = 0; i < static_cast<int>(threads.size()); ++i)
                if (open(threads[i])) only = i, ++count;
            if (count == 1) return {only, {}};
            return {-1, with_open(message(LogCode::RejectNoTarget))};
        }
        auto first_of = [](std::initializer_list<int> order) {
            for (int i : order)
                if (i >= 0) return i;
            return -1;
        };
        if (target == "phone") {
            int i =
                for_answer
                    ? first_of({pick(K::Phone, S::Ringing, false), pick(K::Phone, S::Held, true)})
                    : first_of({pick(K::Phone, S::Active, true), pick(K::Phone, S::Held, true),
                                pick(K::Phone, S::Ringing, false), pick_ended(K::Phone)});
            if (i >= 0) return {i, {}};
            return {-1,
                    message(for_answer ? LogCode::RejectNoRingingPhone : LogCode::RejectNoPhone)};
        }
        if (target == "desk") {
            int i = for_answer ? pick(K::Desk, S::Waiting, false)
                               : first_of({pick(K::Desk, S::Active, true),
                                           pick(K::Desk, S::Waiting, false), pick_ended(K::Desk)});
            if (i >= 0) return {i, {}};
            return {-1, message(for_answer ? LogCode::RejectNoWaitingVisitor
                                           : LogCode::RejectNoVisitor)};
        }
        if (target == "alarm") {
            int i = first_of({pick(K::Alarm, S::Active, true), pick_ended(K::Alarm)});
            if (i >= 0) return {i, {}};
            return {-1, message(LogCode::RejectNoAlarm)};
        }
        for (int i = 0; i < static_cast<int>(threads.size()); ++i)
            if (tid(threads[i]) == target) return {i, {}};
        int found = -1;
        for (int i = 0; i < static_cast<int>(threads.size()); ++i)
            if (threads[i].actor == target &&
                (found < 0 || open(threads[i]) || !open(threads[found])))
                found = i;
        if (found >= 0) return {found, {}};
        if (sc.actor(target))
            return {-1, message(LogCode::RejectActorNotArrived).text("who", name_of(target))};
        return {-1, with_open(message(LogCode::RejectUnknownTarget).text("target", target))};
    }

    Message ended_reason(const Thread& th) const {
        const ThreadRecord& r = rec(th);
        const char* how = r.ended_by == ThreadRecord::EndedBy::Actor     ? "actor"
                          : r.ended_by == ThreadRecord::EndedBy::Trainee ? "trainee"
                                                                         : "timeout";
        return message(LogCode::RejectThreadEnded)
            .with("who", who(th))
            .label("what", "conversation.", std::string(thread_kind_name(r.kind)))
            .text("at", format_clock(r.ended_at.value_or(now)))
            .label("how", "ended_by.", how);
    }

    // [mood] --------------------------------------------------------------------------------

    // `cause` + `detail` is the entry's cause ("act:" + "apology"); `why()` gives its message.
    // Both are only built when the mood moves: most replies' acts move nothing once clamped.
    template <class Why>
    void change_mood(const Thread& th, int base, std::string_view cause, std::string_view detail,
                     Why&& why) {
        if (th.actor.empty() || base == 0) return;
        double scale = 1.0;
        if (const Actor* a = sc.actor(th.actor))
            if (auto s = mp.temper_scale.find(a->persona.temper); s != mp.temper_scale.end())
                scale = s->second;
        const double scaled = static_cast<double>(base) * scale;
        if (!std::isfinite(scaled)) return;
        const int delta = static_cast<int>(std::lround(std::clamp(scaled, -1000.0, 1000.0)));
        const int before = mood_of(th.actor);
        const int after = std::clamp(before + delta, 0, 100);
        if (after == before) return;
        mood[th.actor] = after;
        LogEntry& e = add(LogEntry::Kind::Mood, &th);
        e.value = after;
        e.delta = after - before;
        e.cause.reserve(cause.size() + detail.size());
        e.cause.append(cause).append(detail);
        e.message = why();
    }

    Millis patience_of(const Thread& th) const {
        if (const Actor* a = sc.actor(th.actor)) return std::max<Millis>(a->persona.patience, 0);
        return 30'000;
    }

    // The actor starts waiting for the trainee now.
    void restart_patience(Thread& th) {
        cancel(th.patience_timer);
        if (th.actor.empty() || !open(th)) return;
        th.patience_timer =
            schedule(now + patience_of(th), {Timer::Kind::Patience, index_of(th), -1});
    }

    int index_of(const Thread& th) const { return static_cast<int>(&th - threads.data()); }

    // [dialogue] ----------------------------------------------------------------------------

    void enter_node(Thread& th, const std::string& id) {
        const Node* n = sc.node(id);
        if (!n) {
            add(LogEntry::Kind::Notice, &th).message =
                message(LogCode::NoticeMissingNode).text("node", id);
            th.node.clear();
            return;
        }
        if (total_visits >= kMaxVisits) {
            add(LogEntry::Kind::Notice, &th).message = message(LogCode::NoticeTooManyVisits);
            th.node.clear();
            return;
        }
        ++total_visits;
        const int visit_no = ++node_visits[id];
        NodeVisit v;
        v.node = id;
        v.thread = tid(th);
        v.actor = n->actor.empty() ? th.actor : n->actor;
        v.spoken_at = now;
        if (!n->says.empty()) {
            const std::size_t k = dialogue::pick_variant(seed, id, visit_no, n->says.size());
            v.line = dialogue::fill_placeholders(n->says[k], log.facts, sc.site);
        }
        th.node = id;
        credit_earlier(th, *n, v);
        log.visits.push_back(std::move(v));
        th.visit = static_cast<int>(log.visits.size()) - 1;
        if (const NodeVisit& in = log.visits.back(); !in.line.empty()) {
            LogEntry& e = add(LogEntry::Kind::ActorLine, &th);
            e.actor = in.actor;
            e.text = in.line;
        }
        restart_patience(th);
        schedule_waited(th);
    }

    // The next `waited` timeout of the current node still ahead of now (`overdue`: one that
    // passed while the call was on hold fires now).
    void schedule_waited(Thread& th, bool overdue = false) {
        cancel(th.waited_timer);
        const Node* n = current_node(th);
        if (!n || n->end || th.visit < 0) return;
        const Millis spoken = log.visits[th.visit].spoken_at;
        std::optional<Millis> due;
        for (const auto& nx : n->next) {
            if (!nx.cond || !nx.cond->waited_over) continue;
            const Millis t = spoken + std::max<Millis>(*nx.cond->waited_over, 1'000);
            if (t > now || (overdue && !log.visits[th.visit].first_reply_at))
                due = due ? std::min(*due, std::max(t, now)) : std::max(t, now);
        }
        if (due) th.waited_timer = schedule(*due, {Timer::Kind::Waited, index_of(th), -1});
    }

    // Tries `next` in order; on a timeout only the entries with `waited` are candidates.
    bool try_next(Thread& th, bool timeout) {
        const Node* n = current_node(th);
        if (!n || th.visit < 0) return false;
        dialogue::ConditionContext ctx;
        ctx.visit = &log.visits[th.visit];
        ctx.mood = mood_of(th.actor);
        ctx.now = now;
        ctx.visits = node_visits[th.node];
        for (const auto& nx : n->next) {
            if (timeout && (!nx.cond || !nx.cond->waited_over)) continue;
            if (nx.cond && !dialogue::holds(*nx.cond, ctx)) continue;
            LogEntry& e = add(LogEntry::Kind::Branch, &th);
            e.text = nx.go;
            e.cause = timeout ? "waited" : "reply";
            close_visit(th, nx.go);
            enter_node(th, nx.go);
            return true;
        }
        return false;
    }

    // The trainee's reply (say, or a resolved choice) to the thread's current node.
    void reply(Thread& th, const Action& a, int index) {
        DetectedActs d = detector.detect(a.text);
        dialogue::identify_by_name(d, own_names, other_names);
        // A formula wrapped in impatience (行了行了，对不起) is words, not courtesy: it neither
        // moves the dialogue, nor calms the caller, nor earns a criterion.
        std::erase_if(d.acts, [&](const std::string& s) { return contains(d.sarcastic_acts, s); });
        std::erase_if(d.weak_acts,
                      [&](const std::string& s) { return contains(d.sarcastic_acts, s); });
        {
            LogEntry& e = add_action(a, index, &th);
            e.sarcastic_acts = std::move(d.sarcastic_acts);
            e.review = std::move(d.uncertain);
        }
        const int entry = static_cast<int>(log.entries.size()) - 1;
        focus = index_of(th);
        touch(th);
        // Acts the caller has already heard at this node — the visit's acts before this reply's
        // were added: saying a formula again does not calm them again (relief is a negative
        // step; a provoking act counts every time).
        std::size_t heard = 0;
        if (th.visit >= 0) {
            NodeVisit& v = log.visits[th.visit];
            heard = v.acts.size();
            v.replies.push_back(entry);
            if (!v.first_reply_at) v.first_reply_at = now;
            for (const auto& s : d.acts) add_unique(v.acts, s);
            for (const auto& s : d.weak_acts) add_unique(v.weak_acts, s);
            for (const auto& s : d.forbidden) add_unique(v.forbidden, s);
        }
        auto heard_before = [&](const std::string& s) {
            if (heard == 0) return false;
            const auto& acts = log.visits[th.visit].acts;
            return std::find(acts.begin(), acts.begin() + static_cast<std::ptrdiff_t>(heard), s) !=
                   acts.begin() + static_cast<std::ptrdiff_t>(heard);
        };
        for (const auto& s : d.acts)
            if (auto eff = mp.act_effect.find(s); eff != mp.act_effect.end())
                if (eff->second > 0 || !heard_before(s))
                    change_mood(th, eff->second, "act:", s,
                                [&] { return message(LogCode::MoodAct).label("act", "act.", s); });
        for (const auto& s : d.forbidden)
            if (auto eff = mp.act_effect.find(s); eff != mp.act_effect.end())
                change_mood(th, eff->second, "forbidden:", s, [&] {
                    return message(LogCode::MoodForbidden).label("act", "forbidden.", s);
                });
        // The reply's entry keeps what was detected (moved: nothing below reads `d` but its acts,
        // read from the entry).
        LogEntry& e = log.entries[entry];
        e.acts = std::move(d.acts);
        e.weak_acts = std::move(d.weak_acts);
        e.forbidden = std::move(d.forbidden);
        restart_patience(th);
        const Node* n = current_node(th);
        if (!n) return;
        if (n->end) {
            if (!th.leave_timer)
                th.leave_timer = schedule(now + kCallerHangUpDelay,
                                          {Timer::Kind::ActorLeaves, index_of(th), -1});
            return;
        }
        // 好的。 before the real answer takes the turn; it does not answer the node. Nor does
        // the first part of an answer sent mid-sentence (王女士，3栋1202，): the rest follows.
        if (dialogue::is_acknowledgement(a.text) &&
            !answers_expectation(*n, log.entries[entry].acts))
            return;
        if (dialogue::breaks_off(a.text)) return;
        try_next(th, false);
    }

    static bool answers_expectation(const Node& n, const std::vector<std::string>& acts) {
        for (const auto& g : n.expect.acts)
            for (const auto& act : g)
                if (contains(acts, act)) return true;
        return false;
    }

    // [timers] ------------------------------------------------------------------------------

    void fire(const Timer& t) {
        switch (t.kind) {
            case Timer::Kind::Inject:
                fire_inject(t.event);
                break;
            case Timer::Kind::Ring: {
                Thread& th = threads[t.thread];
                th.ring_timer.reset();
                ring(th);
                if (!open(th)) break;
                if (!th.give_up && th.rings >= kMaxRings) {
                    give_up(th);
                    break;
                }
                if (th.rings >= kMaxRings) {
                    coalesce_rings(th);
                    break;
                }
                th.ring_timer = schedule(now + th.ring_every, {Timer::Kind::Ring, t.thread, -1});
                break;
            }
            case Timer::Kind::GiveUp: {
                Thread& th = threads[t.thread];
                th.give_up_timer.reset();
                give_up(th);
                break;
            }
            case Timer::Kind::Patience: {
                Thread& th = threads[t.thread];
                th.patience_timer.reset();
                if (!open(th)) break;
                const int before = mood_of(th.actor);
                change_mood(th, mp.wait_step, "wait", {}, [&] {
                    return message(LogCode::MoodWait).duration("patience", patience_of(th));
                });
                // A tick that moved nothing (clamped, or a zero step) ends the drift: further
                // ticks would only spin the clock. Attention re-arms it.
                if (mood_of(th.actor) != before)
                    th.patience_timer = schedule(now + std::max(mp.wait_every, kMinWaitEvery),
                                                 {Timer::Kind::Patience, t.thread, -1});
                break;
            }
            case Timer::Kind::ActorLeaves: {
                Thread& th = threads[t.thread];
                th.leave_timer.reset();
                if (!open(th)) break;
                const auto kind = rec(th).kind;
                end_thread(th, ThreadRecord::EndedBy::Actor, "actor",
                           message(kind == ThreadRecord::Kind::Phone  ? LogCode::EndActorPhone
                                   : kind == ThreadRecord::Kind::Desk ? LogCode::EndActorDesk
                                                                      : LogCode::EndActorAlarm)
                               .with("who", who(th)));
                break;
            }
            case Timer::Kind::Waited: {
                Thread& th = threads[t.thread];
                th.waited_timer.reset();
                if (th.state != ThreadView::State::Active || th.visit < 0) break;
                if (log.visits[th.visit].first_reply_at) break;  // replies decide, not the clock
                if (!try_next(th, true)) schedule_waited(th);
                break;
            }
            case Timer::Kind::TimeLimit:
                finish_now("time-limit");
                break;
        }
    }

    void ring(Thread& th) {
        ++th.rings;
        rec(th).rings_before_answer = th.rings;
        add(LogEntry::Kind::Ring, &th).value = th.rings;
        if (th.rings > mp.rings_tolerated)
            change_mood(th, mp.ring_step, "ring", {},
                        [&] { return message(LogCode::MoodRing).num("n", th.rings); });
    }

    // Rings of a coalesced call after the last one counted and before `at`: a ring due at `at`
    // itself loses to what happens then (an answer, the give-up, the time limit), as listed
    // rings do.
    static Millis unsettled_rings(const Thread& th, Millis at) {
        if (!th.coalesced_ring_at || th.ring_every <= 0 || at <= *th.coalesced_ring_at) return 0;
        return (at - *th.coalesced_ring_at - 1) / th.ring_every;
    }

    // The call stops being listed ring by ring: it rings on until answered or given up, and its
    // rings are added at those moments only, which an attempt and its replay share.
    void coalesce_rings(Thread& th) {
        th.coalesced_ring_at = now;
        add(LogEntry::Kind::Notice, &th).message =
            message(LogCode::NoticeRingsCoalesced).with("who", who(th)).num("n", th.rings);
    }

    // Brings a coalesced call's rings (and what they did to the caller's mood) up to now.
    void settle_rings(Thread& th) {
        const Millis n = unsettled_rings(th, now);
        th.coalesced_ring_at.reset();
        if (n <= 0) return;
        const int before = th.rings;
        th.rings = static_cast<int>(std::min<Millis>(before + n, std::numeric_limits<int>::max()));
        rec(th).rings_before_answer = th.rings;
        const Millis over = th.rings - std::max<Millis>(before, std::max(mp.rings_tolerated, 0));
        if (over > 0)
            change_mood(th, static_cast<int>(std::clamp<Millis>(over * mp.ring_step, -1000, 1000)),
                        "ring", {}, [&] { return message(LogCode::MoodRing).num("n", th.rings); });
    }

    void give_up(Thread& th) {
        if (!open(th)) return;
        settle_rings(th);
        const int rings = th.rings;
        end_thread(th, ThreadRecord::EndedBy::Actor, "actor",
                   message(LogCode::EndGaveUp).with("who", who(th)));
        add(LogEntry::Kind::Notice, &th).message =
            message(LogCode::NoticeCallerGaveUp).with("who", who(th)).num("n", rings);
    }

    void fire_inject(int index) {
        --pending_injects;
        const Event& ev = sc.events[index];
        using K = Event::Kind;
        if (ev.kind != K::Notice && ev.kind != K::Alarm && !sc.actor(ev.actor)) {
            add(LogEntry::Kind::Notice, nullptr).message =
                message(LogCode::NoticeUnknownActor).text("actor", ev.actor);
            return;
        }
        switch (ev.kind) {
            case K::Notice:
                add(LogEntry::Kind::Inject, nullptr).text =
                    dialogue::fill_placeholders(ev.text, log.facts, sc.site);
                return;
            case K::PhoneCall: {
                const int i = open_thread(ThreadRecord::Kind::Phone, ev.actor, ev.start);
                Thread& th = threads[i];
                th.state = ThreadView::State::Ringing;
                th.ring_every = std::max(ev.ring_every, kMinRingEvery);
                th.give_up = ev.give_up;
                LogEntry& e = add(LogEntry::Kind::Inject, &th);
                e.text = dialogue::fill_placeholders(ev.text, log.facts, sc.site);
                if (ev.text.empty())
                    e.message = message(LogCode::InjectPhoneCall).with("who", who(th));
                if (th.give_up)
                    th.give_up_timer = schedule(now + std::max<Millis>(*th.give_up, 0),
                                                {Timer::Kind::GiveUp, i, -1});
                ring(th);
                if (open(th))
                    th.ring_timer = schedule(now + th.ring_every, {Timer::Kind::Ring, i, -1});
                restart_patience(th);
                return;
            }
            case K::WalkIn: {
                const int i = open_thread(ThreadRecord::Kind::Desk, ev.actor, ev.start);
                Thread& th = threads[i];
                th.state = ThreadView::State::Waiting;
                LogEntry& e = add(LogEntry::Kind::Inject, &th);
                e.text = dialogue::fill_placeholders(ev.text, log.facts, sc.site);
                if (ev.text.empty())
                    e.message = message(LogCode::InjectWalkIn).with("who", who(th));
                restart_patience(th);
                return;
            }
            case K::Alarm: {
                std::string actor = sc.actor(ev.actor) ? ev.actor : "";
                const int i = open_thread(ThreadRecord::Kind::Alarm, actor, ev.start);
                Thread& th = threads[i];
                th.state = ThreadView::State::Active;
                LogEntry& e = add(LogEntry::Kind::Inject, &th);
                e.text = dialogue::fill_placeholders(ev.text, log.facts, sc.site);
                if (ev.text.empty())
                    e.message =
                        message(LogCode::InjectAlarm)
                            .label("alarm", "alarm.", ev.alarm.empty() ? "other" : ev.alarm);
                if (!ev.start.empty())
                    enter_node(th, ev.start);
                else
                    restart_patience(th);
                return;
            }
        }
    }

    // Fires everything due up to t (`inclusive`) or strictly before t, then sets the clock to t.
    void run_until(Millis t, bool inclusive = true) {
        while (!ended && !queue.empty() &&
               (queue.next().first.first < t || (inclusive && queue.next().first.first == t))) {
            const Timer timer = queue.next().second;
            now = std::max(now, queue.next().first.first);
            queue.pop_next();
            fire(timer);
        }
        if (!ended) now = std::max(now, t);
    }

    void finish_now(const std::string& cause) {
        if (ended) return;
        for (auto& th : threads) {
            if (!open(th)) continue;
            if (cause == "time-limit") {
                end_thread(th, ThreadRecord::EndedBy::Timeout, "timeout",
                           message(LogCode::EndTimeout).with("who", who(th)));
            } else {
                settle_rings(th);
                close_visit(th, "");
                rec(th).mood_end = mood_of(th.actor);
            }
        }
        LogEntry& e = add(LogEntry::Kind::AttemptEnd, nullptr);
        e.cause = cause;
        e.message = message(LogCode::EndAttempt).label("cause", "attempt_end.", cause);
        log.ended_at = now;
        ended = true;
        queue.clear();
        for (auto& th : threads) {
            th.ring_timer.reset();
            th.give_up_timer.reset();
            th.patience_timer.reset();
            th.leave_timer.reset();
            th.waited_timer.reset();
        }
    }

    bool all_closed() const {
        return pending_injects == 0 && std::none_of(threads.begin(), threads.end(),
                                                    [&](const Thread& th) { return open(th); });
    }

    // [verbs] -------------------------------------------------------------------------------

    ApplyResult apply(const Action& a, int index) {
        if (ended) return reject(a, index, nullptr, message(LogCode::RejectAttemptOver));
        run_until(std::max(a.at, now), false);  // ties go to the trainee
        if (ended) return reject(a, index, nullptr, message(LogCode::RejectTimeLimit));
        switch (a.verb) {
            case Verb::Answer:
                return do_answer(a, index);
            case Verb::Hold:
                return do_hold(a, index);
            case Verb::Say:
                return do_say(a, index);
            case Verb::Choose:
                return do_choose(a, index);
            case Verb::HangUp:
                return do_hang_up(a, index);
            case Verb::Focus:
                return do_focus(a, index);
            case Verb::Wait: {
                if (a.duration < 0)
                    return reject(a, index, nullptr, message(LogCode::RejectNegativeWait));
                add_action(a, index, nullptr);
                run_until(now + a.duration);
                return {};
            }
            case Verb::End:
                add_action(a, index, nullptr);
                finish_now("end");
                return {};
            default:
                return do_desk(a, index);
        }
    }

    // The thread an action names (by arg or `to:`), or the focused one.
    Resolved target_of(const Action& a, bool use_arg, bool for_answer) const {
        const std::string& t = use_arg && !a.arg.empty() ? a.arg : a.to;
        return resolve(t, for_answer);
    }

    // `a` is the answer action, or nullptr when a reply served the thread (serve_by_reply).
    void answer(Thread& th, const Action* a, int index) {
        settle_rings(th);
        cancel(th.ring_timer);
        cancel(th.give_up_timer);
        ThreadRecord& r = rec(th);
        r.answered_at = now;
        if (r.kind == ThreadRecord::Kind::Phone) r.rings_before_answer = th.rings;
        set_state(th, ThreadView::State::Active);
        focus = index_of(th);
        touch(th);
        if (a) add_action(*a, index, &th);
        LogEntry& e = add(LogEntry::Kind::Answer, &th);
        e.value = th.rings;
        e.message = message(r.kind == ThreadRecord::Kind::Phone ? LogCode::LineAnswerPhone
                                                                : LogCode::LineAnswerDesk)
                        .with("who", who(th));
        if (!th.start.empty())
            enter_node(th, th.start);
        else
            restart_patience(th);
    }

    void resume(Thread& th) {
        set_state(th, ThreadView::State::Active);
        focus = index_of(th);
        touch(th);
        add(LogEntry::Kind::Resume, &th).message =
            message(LogCode::LineResume).with("who", who(th));
        restart_patience(th);
        schedule_waited(th, true);
    }

    ApplyResult do_answer(const Action& a, int index) {
        std::string target = !a.arg.empty() ? a.arg : a.to;
        if (target.empty()) {
            using S = ThreadView::State;
            if (pick(ThreadRecord::Kind::Phone, S::Ringing, false) >= 0)
                target = "phone";
            else if (pick(ThreadRecord::Kind::Desk, S::Waiting, false) >= 0)
                target = "desk";
            else if (pick(ThreadRecord::Kind::Phone, S::Held, true) >= 0)
                target = "phone";
            else
                return reject(a, index, nullptr, message(LogCode::RejectNothingToAnswer));
        }
        const Resolved r = resolve(target, true);
        if (r.th < 0) return reject(a, index, nullptr, r.error);
        Thread& th = threads[r.th];
        switch (th.state) {
            case ThreadView::State::Ringing:
            case ThreadView::State::Waiting:
                answer(th, &a, index);
                return {};
            case ThreadView::State::Held:
                add_action(a, index, &th);
                resume(th);
                return {};
            case ThreadView::State::Active:
                return reject(a, index, &th,
                              message(LogCode::RejectAlreadyTalking).with("who", who(th)));
            case ThreadView::State::Ended:
                return reject(a, index, &th, ended_reason(th));
        }
        return {};
    }

    ApplyResult do_hold(const Action& a, int index) {
        const Resolved r = target_of(a, true, false);
        if (r.th < 0) return reject(a, index, nullptr, r.error);
        Thread& th = threads[r.th];
        if (!open(th)) return reject(a, index, &th, ended_reason(th));
        if (rec(th).kind != ThreadRecord::Kind::Phone)
            return reject(a, index, &th, message(LogCode::RejectHoldNotPhone));
        if (th.state == ThreadView::State::Held)
            return reject(a, index, &th, message(LogCode::RejectAlreadyHeld).with("who", who(th)));
        if (th.state != ThreadView::State::Active)
            return reject(a, index, &th,
                          message(LogCode::RejectHoldUnanswered).with("who", who(th)));
        add_action(a, index, &th);
        set_state(th, ThreadView::State::Held);
        add(LogEntry::Kind::Hold, &th).message = message(LogCode::LineHold).with("who", who(th));
        if (th.visit >= 0) add_unique(log.visits[th.visit].did, "hold");
        action_mood(th, a);
        restart_patience(th);
        return {};
    }

    // Why the thread cannot be spoken to now, if it cannot (a held call can: it is resumed).
    std::optional<Message> speak_error(const Thread& th) const {
        switch (th.state) {
            case ThreadView::State::Ended:
                return ended_reason(th);
            case ThreadView::State::Ringing:
                return message(LogCode::RejectStillRinging).with("who", who(th));
            case ThreadView::State::Waiting:
                return message(LogCode::RejectStillQueued).with("who", who(th)).text("id", tid(th));
            case ThreadView::State::Held:
            case ThreadView::State::Active:
                break;
        }
        if (th.actor.empty() && th.node.empty())
            return message(LogCode::RejectAlarmNoParty).text("id", tid(th));
        return std::nullopt;
    }

    // Speaking to a visitor waiting at the counter serves them, as it would at a real desk:
    // the greeting is the serving (a ringing phone still has to be picked up).
    void serve_by_reply(Thread& th) {
        if (th.state == ThreadView::State::Waiting && rec(th).kind == ThreadRecord::Kind::Desk)
            answer(th, nullptr, -1);
    }

    ApplyResult do_say(const Action& a, int index) {
        const Resolved r = target_of(a, false, false);
        if (r.th < 0) return reject(a, index, nullptr, r.error);
        Thread& th = threads[r.th];
        serve_by_reply(th);
        if (auto err = speak_error(th)) return reject(a, index, &th, *err);
        if (a.text.empty()) return reject(a, index, &th, message(LogCode::RejectEmptyReply));
        if (th.state == ThreadView::State::Held) resume(th);
        reply(th, a, index);
        return {};
    }

    ApplyResult do_choose(const Action& a, int index) {
        const Resolved r = target_of(a, false, false);
        if (r.th < 0) return reject(a, index, nullptr, r.error);
        Thread& th = threads[r.th];
        serve_by_reply(th);
        if (auto err = speak_error(th)) return reject(a, index, &th, *err);
        const Node* n = current_node(th);
        if (!n || n->choices.empty())
            return reject(a, index, &th, message(LogCode::RejectNoChoices));
        const int count = static_cast<int>(n->choices.size());
        int k = a.choice;
        if (k < 0 && !a.text.empty()) {
            for (int i = count - 1; i >= 0; --i)
                if (n->choices[i].text == a.text ||
                    dialogue::fill_placeholders(n->choices[i].text, log.facts, sc.site) == a.text)
                    k = i;
            if (k < 0)
                return reject(a, index, &th,
                              message(LogCode::RejectNotAChoice).text("text", a.text));
        }
        if (k < 0 || k >= count)
            return reject(a, index, &th,
                          message(LogCode::RejectChoiceOutOfRange)
                              .num("n", a.choice)
                              .num("count", count)
                              .num("last", count - 1));
        Action resolved = a;
        resolved.choice = k;
        resolved.text = dialogue::fill_placeholders(n->choices[k].text, log.facts, sc.site);
        if (th.state == ThreadView::State::Held) resume(th);
        reply(th, resolved, index);
        return {};
    }

    ApplyResult do_hang_up(const Action& a, int index) {
        const Resolved r = target_of(a, true, false);
        if (r.th < 0) return reject(a, index, nullptr, r.error);
        Thread& th = threads[r.th];
        if (!open(th)) return reject(a, index, &th, ended_reason(th));
        add_action(a, index, &th);
        if (th.state == ThreadView::State::Active || th.state == ThreadView::State::Held)
            action_mood(th, a);
        const auto kind = rec(th).kind;
        end_thread(th, ThreadRecord::EndedBy::Trainee, "trainee",
                   message(kind == ThreadRecord::Kind::Phone  ? LogCode::EndTraineePhone
                           : kind == ThreadRecord::Kind::Desk ? LogCode::EndTraineeDesk
                                                              : LogCode::EndTraineeAlarm)
                       .with("who", who(th)));
        return {};
    }

    ApplyResult do_focus(const Action& a, int index) {
        const std::string& t = !a.arg.empty() ? a.arg : a.to;
        if (t.empty()) return reject(a, index, nullptr, message(LogCode::RejectFocusNeedsTarget));
        const Resolved r = resolve(t, false);
        if (r.th < 0) return reject(a, index, nullptr, r.error);
        Thread& th = threads[r.th];
        if (!open(th)) return reject(a, index, &th, ended_reason(th));
        focus = r.th;
        add_action(a, index, &th);
        return {};
    }

    void action_mood(const Thread& th, const Action& a) {
        const std::string_view verb = verb_name(a.verb);
        auto eff = mp.action_effect.end();
        std::string key;
        if (!a.arg.empty() && a.verb != Verb::Hold && a.verb != Verb::HangUp) {
            key.reserve(verb.size() + 1 + a.arg.size());
            key.append(verb).append(":").append(a.arg);
            eff = mp.action_effect.find(key);
        }
        if (eff == mp.action_effect.end()) {
            key.assign(verb);
            eff = mp.action_effect.find(key);
        }
        if (eff != mp.action_effect.end())
            change_mood(th, eff->second, "action:", key, [&] {
                return message(LogCode::MoodAction).msg("action", describe_action(a));
            });
    }

    // A refused argument value: `what` names the kind of value (argkind.<what>).
    static std::optional<Message> check_value(const std::string& value,
                                              std::span<const std::string_view> allowed,
                                              std::string_view what, std::string_view prefix) {
        if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return std::nullopt;
        Message m = message(value.empty() ? LogCode::RejectMissingArg : LogCode::RejectUnknownArg)
                        .label("what", "argkind.", std::string(what))
                        .text("value", value);
        return with_allowed(std::move(m), allowed, prefix);
    }

    std::optional<Message> validate_desk(const Action& a) const {
        const VerbSpec& spec = spec_of(a.verb);
        // A verb whose value is one of a list (the verb table's): dispatch, escalate, call…
        if (spec.arg == VerbArg::Value)
            return check_value(a.arg, spec.values, spec.name, arg_prefix(spec.name));
        switch (a.verb) {
            case Verb::Record: {
                for (const auto& [k, v] : a.fields)
                    if (!v.empty()) return std::nullopt;
                return with_allowed(message(LogCode::RejectRecordEmpty), enums::kRecordFields,
                                    "field.");
            }
            case Verb::Classify: {
                const std::string* type = a.field("type");
                const std::string* level = a.field("level");
                if (!type && !level) return message(LogCode::RejectClassifyEmpty);
                if (type)
                    if (auto err = check_value(*type, enums::kRequestTypes, "type", "type."))
                        return err;
                if (level) return check_value(*level, enums::kLevels, "level", "level.");
                return std::nullopt;
            }
            default:
                return std::nullopt;  // register_visitor: fields optional
        }
    }

    // What a desk action counts as for `expect.did` and `not_did`: "dispatch",
    // "dispatch:security", "record:phone", "classify:urgent" — added to `did` in that order,
    // each once.
    static void add_did_codes(const Action& a, std::vector<std::string>& did) {
        const std::string_view verb = verb_name(a.verb);
        add_unique(did, verb);
        std::string code(verb);
        code += ':';
        auto add_with = [&](std::string_view rest) {
            code.resize(verb.size() + 1);
            code += rest;
            add_unique(did, code);
        };
        if (!a.arg.empty()) add_with(a.arg);
        if (a.verb == Verb::Record)
            for (const auto& [k, v] : a.fields)
                if (!v.empty()) add_with(k);
        if (a.verb == Verb::Classify)
            for (const char* k : {"type", "level"})
                if (const std::string* v = a.field(k)) add_with(*v);
    }

    // Whether `want` is one of add_did_codes(a), without building them: credit_earlier asks it for
    // every earlier action at every node entered.
    static bool counts_as(const Action& a, std::string_view want) {
        const std::string_view verb = verb_name(a.verb);
        if (want == verb) return true;
        if (want.size() <= verb.size() || !want.starts_with(verb) || want[verb.size()] != ':')
            return false;
        const std::string_view rest = want.substr(verb.size() + 1);
        if (!a.arg.empty() && rest == a.arg) return true;
        if (a.verb == Verb::Record)
            for (const auto& [k, v] : a.fields)
                if (!v.empty() && rest == k) return true;
        if (a.verb == Verb::Classify)
            for (const char* k : {"type", "level"})
                if (const std::string* v = a.field(k); v && rest == *v) return true;
        return false;
    }

    // Desk actions the node expects that were done before it was entered: on its thread, or,
    // in an emergency, at the alarm (119 called the moment it sounds, before the resident's
    // call). Doing the right thing early is not doing it late.
    void credit_earlier(Thread& th, const Node& n, NodeVisit& v) const {
        if (n.expect.did.empty()) return;
        const std::string id = tid(th);
        for (const auto& e : log.entries) {
            if (e.kind != LogEntry::Kind::Action || !e.action) continue;
            bool ours = e.thread == id;
            if (!ours) {
                const ThreadRecord* t = e.thread.empty() ? nullptr : log.thread(e.thread);
                ours = (t && t->kind == ThreadRecord::Kind::Alarm) ||
                       (e.thread.empty() && alarm_sounded(e.t));
            }
            if (!ours) continue;
            for (const auto& g : n.expect.did)
                for (const auto& want : g)
                    if (counts_as(*e.action, want)) add_unique(v.did, want);
        }
    }

    bool alarm_sounded(Millis t) const {
        for (const auto& r : log.threads)
            if (r.kind == ThreadRecord::Kind::Alarm && r.opened_at <= t) return true;
        return false;
    }

    ApplyResult do_desk(const Action& a, int index) {
        Thread* th = nullptr;
        if (!a.to.empty()) {
            const Resolved r = resolve(a.to, false);
            if (r.th < 0) return reject(a, index, nullptr, r.error);
            th = &threads[r.th];
        } else if (focus >= 0) {
            th = &threads[focus];
        }
        if (auto err = validate_desk(a)) return reject(a, index, th, *err);
        add_action(a, index, th);
        if (!th || !open(*th)) return {};
        if (th->visit >= 0) add_did_codes(a, log.visits[th->visit].did);
        if (th->state == ThreadView::State::Active || th->state == ThreadView::State::Held) {
            action_mood(*th, a);
            restart_patience(*th);
        }
        return {};
    }
};

// [api] -------------------------------------------------------------------------------------

Engine::Engine(const Scenario& scenario, const ActDetector& detector, const MoodParams& mood,
               std::uint64_t seed)
    : impl_(std::make_unique<Impl>(scenario, detector, mood, seed, false)) {}

Engine::Engine(const Scenario& scenario, const ActDetector& detector, const MoodParams& mood,
               std::uint64_t seed, BorrowMood)
    : impl_(std::make_unique<Impl>(scenario, detector, mood, seed, true)) {}

Engine::~Engine() = default;

void Engine::advance_to(Millis t) {
    impl_->run_until(t);
}

ApplyResult Engine::apply(const Action& a, int action_index) {
    return impl_->apply(a, action_index);
}

void Engine::finish(Millis t) {
    if (impl_->ended) return;
    impl_->run_until(t);
    impl_->finish_now(impl_->all_closed() ? "all-closed" : "transcript");
}

void Engine::finish(Millis t, std::string_view cause) {
    if (impl_->ended) return;
    impl_->run_until(t);
    impl_->finish_now(std::string(cause));
}

Millis Engine::now() const {
    return impl_->now;
}

bool Engine::finished() const {
    return impl_->ended || impl_->all_closed();
}

std::optional<Millis> Engine::next_event_time() const {
    if (impl_->ended || impl_->queue.empty()) return std::nullopt;
    return impl_->queue.next().first.first;
}

std::vector<ThreadView> Engine::threads() const {
    const Impl& m = *impl_;
    std::vector<ThreadView> out;
    out.reserve(m.threads.size());
    for (const auto& th : m.threads) {
        ThreadView v;
        v.id = m.tid(th);
        v.kind = m.rec(th).kind;
        v.actor = th.actor;
        v.actor_name = m.name_of(th.actor);
        v.state = th.state;
        v.rings = th.rings +
                  static_cast<int>(std::min<Millis>(m.unsettled_rings(th, m.now),
                                                    std::numeric_limits<int>::max() - th.rings));
        v.mood = m.mood_of(th.actor);
        v.node = th.node;
        if (const Node* n = m.current_node(th)) {
            for (const auto& c : n->choices)
                v.choices.push_back(dialogue::fill_placeholders(c.text, m.log.facts, m.sc.site));
            v.hint = n->hint;
        }
        v.since = th.since;
        out.push_back(std::move(v));
    }
    return out;
}

std::string Engine::focused() const {
    const Impl& m = *impl_;
    return m.focus >= 0 ? m.tid(m.threads[m.focus]) : std::string();
}

const NodeVisit* Engine::current_visit(const std::string& thread_id) const {
    const Impl& m = *impl_;
    for (const auto& th : m.threads)
        if (m.tid(th) == thread_id) return th.visit >= 0 ? &m.log.visits[th.visit] : nullptr;
    return nullptr;
}

const AttemptLog& Engine::log() const {
    return impl_->log;
}

const Scenario& Engine::scenario() const {
    return impl_->sc;
}

AttemptLog replay(const Scenario& scenario, const Transcript& transcript,
                  const ActDetector& detector, const MoodParams& mood) {
    Engine e(scenario, detector, mood, transcript.seed, Engine::BorrowMood{});
    for (std::size_t i = 0; i < transcript.actions.size(); ++i)
        e.apply(transcript.actions[i], static_cast<int>(i));
    e.finish(e.now());
    return std::move(e.impl_->log);
}

}  // namespace dd

// Internal to the scorer: a read-only view of one attempt (replies, desk actions, threads,
// played facts) with the helpers every check shares — check parameters, fact matching in
// free text, references to acts and actions for notes (codes, notes.h), and evidence builders.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue.h"
#include "check_types.h"
#include "notes.h"
#include "report.h"
#include "scoring/text/act_detector.h"
#include "scoring/text/facts.h"
#include "sim/model/attempt_log.h"
#include "sim/model/scenario.h"

namespace dd::rubric {

// Check parameters with typed access, in layers: `set` (what the criterion and the scenario
// set), then `defaults` (the catalogue's `defaults:` for the check type, when given), then the
// check table's built-in defaults (the type, set by run_check). has() looks at `set` only; the
// getters go down the layers, and a malformed value falls through to the next. The getters
// without a fallback argument are for parameters with a built-in default and throw
// std::invalid_argument when there is none. Nothing is copied: `defaults` and the type must
// outlive the Params.
class Params {
  public:
    explicit Params(CheckParams set, const CheckParams* defaults = nullptr,
                    const CheckType* type = nullptr)
        : own_(std::move(set)), set_(&own_), defaults_(defaults), type_(type) {}
    // The same over a `set` the caller keeps alive (the scorer's criteria): nothing copied.
    static Params borrowing(const CheckParams& set, const CheckParams* defaults = nullptr,
                            const CheckType* type = nullptr) {
        Params p({}, defaults, type);
        p.set_ = &set;
        return p;
    }
    Params(const Params& o)
        : own_(o.own_),
          set_(o.set_ == &o.own_ ? &own_ : o.set_),
          defaults_(o.defaults_),
          type_(o.type_) {}
    Params(Params&& o) noexcept
        : own_(std::move(o.own_)),
          set_(o.set_ == &o.own_ ? &own_ : o.set_),
          defaults_(o.defaults_),
          type_(o.type_) {}
    Params& operator=(const Params&) = delete;
    bool has(const std::string& k) const { return set_->count(k) > 0; }
    std::string str(const std::string& k, const std::string& def = {}) const;
    double num(const std::string& k, double def) const;
    double num(const std::string& k) const;
    bool flag(const std::string& k) const;
    std::vector<std::string> list(const std::string& k) const;  // "a, b" → {a, b}
    std::vector<AnyOf> groups(const std::string& k) const;      // "a|b, c" → {{a,b},{c}}
    std::optional<Millis> dur(const std::string& k) const;
    // The check table's defaults below the others (run_check sets it).
    void set_type(const CheckType* type) { type_ = type; }

  private:
    // Calls take(value) for each layer that has k, top first, until it returns true.
    template <typename Take>
    bool find(const std::string& k, Take take) const;
    CheckParams own_;         // the set when the Params holds it
    const CheckParams* set_;  // &own_, or the caller's (borrowing)
    const CheckParams* defaults_;
    const CheckType* type_;
};

// What a check found: credit in [0, 1] and the evidence behind it.
struct CheckResult {
    double credit = 1.0;
    bool applicable = true;  // false: nothing in this attempt to judge (full credit, 不适用)
    std::vector<Evidence> evidence;
};

class AttemptView {
  public:
    AttemptView(const Scenario& scenario, const AttemptLog& log, const ActDetector* detector,
                const ScoringSettings& settings = ScoringSettings::builtin());
    AttemptView(const AttemptView&) = delete;  // visits_ may point into itself
    AttemptView& operator=(const AttemptView&) = delete;

    const Scenario& scenario;
    const AttemptLog& log;
    const ActDetector* detector;
    const ScoringSettings& settings;
    // The parameters the scenario gives its repeat-back criterion (set by the scorer; null
    // when it has none): a node that expects a repeat-back reads the same key facts.
    const CheckParams* repeat_back_params = nullptr;

    // Indices into log.entries of applied say/choose actions, in time order.
    const std::vector<int>& replies() const { return replies_; }
    // Indices of applied desk actions (everything else but say/choose/wait), in time order.
    const std::vector<int>& desk() const { return desk_; }
    std::vector<int> replies_in(const std::string& thread) const;
    // The replies said in one go with reply `idx`: messages to the same conversation at most
    // the catalogue's `split_reply_seconds` apart with no reply to another between (a trainee
    // who types the name in one message and the room in the next says one answer). In time
    // order; {idx} alone when it stands by itself.
    const std::vector<int>& turn_of(int idx) const;
    // log.visits with every reply index checked (a stored log may be damaged), and with the
    // rest of a split answer: a message that continues the visit's last reply (the engine had
    // already moved on to the next line) counts for this node too, acts and all.
    const std::vector<NodeVisit>& visits() const { return *visits_; }
    std::vector<int> desk_of(std::string_view verb) const;  // applied actions of one verb
    // The trainee did something that counts: a reply, or a desk action beyond picking up,
    // holding, hanging up, waiting and ending. An attempt without any scores nothing.
    bool engaged() const;
    // Any phone or desk conversation in the attempt (an alarm alone has none).
    bool has_conversation() const;

    // The actor of the first phone or desk thread opened ("" when none).
    std::string first_party() const;
    std::string actor_of_thread(const std::string& thread) const;
    std::string actor_of(const LogEntry& e) const;  // e.actor, else the thread's actor
    std::string role_of(const std::string& actor) const;
    // Conversation threads (phone and desk) filtered by `thread_kind` / `roles` parameters.
    std::vector<const ThreadRecord*> threads(const Params& p) const;
    Millis thread_end(const ThreadRecord& t) const;    // ended_at, else the attempt's end
    Millis thread_start(const ThreadRecord& t) const;  // answered_at, else opened_at
    Millis emergency_start() const;  // first alarm thread, else the first thread opened

    std::string played_fact(const std::string& actor, const std::string& field) const;
    // The played names of every actor but `actor`, for telling a surname apart.
    text::FactContext names_besides(const std::string& actor) const;
    // An outcome value as played: "{owner.phone}" placeholders and seeded variation resolved.
    std::string expected_value(const std::string& field, const std::string& value) const;

    Evidence reply_evidence(const LogEntry& e, const std::vector<std::string>& names,
                            i18n::Message note) const;
    Evidence action_evidence(const LogEntry& e, i18n::Message note) const;
    static Evidence missing(Millis from, Millis to, std::string thread, i18n::Message note);
    // A highlight for a byte range of the entry's text.
    static Evidence text_evidence(const LogEntry& e, std::optional<std::pair<int, int>> span,
                                  i18n::Message note);

  private:
    const std::vector<NodeVisit>* visits_;  // the log's, or checked_visits_ if one was damaged
    std::vector<NodeVisit> checked_visits_;
    std::vector<std::vector<int>> turns_;
    std::vector<int> turn_index_;  // per log entry: its turn in turns_, -1 for no reply
    std::vector<int> replies_;
    std::vector<int> desk_;
};

bool is_reply(const LogEntry& e);
std::string reply_text(const LogEntry& e);  // the words of a reply as typed ("" for an action)

// Fact matching in free text, in any notation (scoring/text/facts.h; a phone number shorter
// than the catalogue's `phone_min_digits` is matched as written). `ctx` names the other people
// of the scenario, so a surname one of them shares is no proof of a name.
std::optional<text::FactMatch> find_fact(std::string_view field, std::string_view text,
                                         std::string_view value, const ScoringSettings& m,
                                         const text::FactContext& ctx = {});
std::optional<std::pair<int, int>> span_of(const std::optional<text::FactMatch>& m);
// Field-aware comparison of a recorded value with the expected one (any notation).
bool same_fact(std::string_view field, std::string_view recorded, std::string_view expected);

// Parts of notes. An act: 「问候」 (with its name beside it in the JSON: 「问候」(greeting)).
i18n::Message act_ref(std::string_view act);
i18n::Message group_ref(const AnyOf& alternatives);  // 「致歉」或「表示理解」
// Items joined by a word of the table (「、」 by default).
i18n::Message joined(std::vector<i18n::Message> items, std::string_view joiner = "join.and");
i18n::Message field_ref(const std::string& field);  // 姓名
i18n::Message not_found(i18n::Message what);        // 未找到:…
std::string clock(Millis t);                        // format_clock

}  // namespace dd::rubric

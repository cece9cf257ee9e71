// The speech-act detection interface. The engine asks it for the acts of each reply (to choose
// branches and move moods); the scorer reads what it found. The real implementation is the
// lexicon-driven detector of this folder (lexicon.h); tests may supply a fake.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dd {

// Whose words a matched phrase is. Only Own words count as the trainee's act or forbidden
// language; the others are kept aside with the reason (DetectedActs::set_aside).
enum class Reading : std::uint8_t {
    Own,      // said by the trainee, as the trainee's own
    Negated,  // under a negation: 我们不会说不知道, 不是您的问题, 我不会说对不起
    Quoted,    // inside quotation marks with no speaker: 规定里写着「不知道」
    Reported,  // another person's words: 业主说他不知道, 他说"对不起"
};

// One match, as a byte range of the normalised text (begin/end) and of the text as typed
// (src_begin/src_end, for highlighting the trainee's own words), with how it was decided.
struct ActSpan {
    std::string name;  // act or forbidden family
    std::size_t begin = 0;
    std::size_t end = 0;
    bool forbidden = false;
    bool weak = false;
    std::size_t src_begin = 0;
    std::size_t src_end = 0;

    // How the decision was reached, for an explanation and the supervisor's review queue.
    // `phrase` and `family` point into the detector's compiled lexicon: valid while it lives.
    std::string_view phrase{};  // the lexicon phrase or pattern that matched, as written
    std::string_view family{};  // the pattern family (blame, dismissal, …); "" for a plain phrase
    bool loose = false;  // matched with adverbs or particles inserted (也/都/就/还…, 啊/吧/呢…)
    Reading reading = Reading::Own;
    std::string
        cue{};  // the words that decided the reading or the sarcasm (不会, 业主说, 行了行了)
    bool sarcastic = false;  // a courtesy formula wrapped in impatience (行了行了,对不起)
    bool uncertain = false;  // near a rule's edge (scope limit, double negation, open quote…)
};

struct DetectedActs {
    std::string normalized;              // the text as matched (simplified, folded)
    std::vector<std::string> acts;       // speech acts, in the fixed order of enums::kActs
    std::vector<std::string> weak_acts;  // subset of acts found only in a weak form (你好)
    // Subset of acts found only wrapped in impatience (行了行了,对不起): the words of a formula,
    // not its courtesy.
    std::vector<std::string> sarcastic_acts;
    std::vector<std::string> forbidden;  // forbidden families, in the order of enums::kForbidden
    std::vector<ActSpan> spans;          // evidence for each of the above (Reading::Own)
    // Phrases found but not the trainee's own (negated, quoted, reported): not in acts/forbidden.
    std::vector<ActSpan> set_aside;
    // Acts and families with a decision near a rule's edge (counted or set aside), in the
    // fixed order: the ones a supervisor should look at.
    std::vector<std::string> uncertain;
    // The text was longer than kMaxReplyBytes (sim/model/limits.h): only that much was read.
    bool truncated = false;

    bool has(std::string_view name) const {
        for (const auto& a : acts)
            if (a == name) return true;
        for (const auto& f : forbidden)
            if (f == name) return true;
        return false;
    }
};

// "own", "negated", "quoted", "reported" (the JSON of `deskdrill acts`).
std::string_view reading_name(Reading r);

class ActDetector {
  public:
    virtual ~ActDetector() = default;
    // `text` is UTF-8 as typed; invalid UTF-8 yields empty results, never a crash. At most
    // kMaxReplyBytes of it are read. Linear in the length of what is read, whatever the text.
    virtual DetectedActs detect(std::string_view text) const = 0;
    // The same into `out`, reusing its storage: for loops over many utterances.
    virtual void detect_into(std::string_view text, DetectedActs& out) const { out = detect(text); }
    // Which detection this is, as records and reports name it ("meaning/v3": the way of reading
    // and the lexicon's version; "" when it has no name), so a stored attempt is replayed and
    // re-scored with the detection it was played with.
    virtual std::string identity() const { return {}; }
};

}  // namespace dd

// The speech-act detection interface. The engine asks it for the acts of each reply (to choose
// branches and move moods); the scorer reads what it found. The real implementation is the
// lexicon-driven detector of this folder (lexicon.h); tests may supply a fake.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dd {

// One match, as a byte range of the normalised text (begin/end) and of the text as typed
// (src_begin/src_end, for highlighting the trainee's own words).
struct ActSpan {
    std::string name;  // act or forbidden family
    std::size_t begin = 0;
    std::size_t end = 0;
    bool forbidden = false;
    bool weak = false;
    std::size_t src_begin = 0;
    std::size_t src_end = 0;
};

struct DetectedActs {
    std::string normalized;              // the text as matched (simplified, folded)
    std::vector<std::string> acts;       // speech acts, in the fixed order of enums::kActs
    std::vector<std::string> weak_acts;  // subset of acts found only in a weak form (你好)
    // Subset of acts found only wrapped in impatience (行了行了,对不起): the words of a formula,
    // not its courtesy.
    std::vector<std::string> sarcastic_acts;
    std::vector<std::string> forbidden;  // forbidden families, in the order of enums::kForbidden
    std::vector<ActSpan> spans;          // evidence for each of the above

    bool has(std::string_view name) const {
        for (const auto& a : acts)
            if (a == name) return true;
        for (const auto& f : forbidden)
            if (f == name) return true;
        return false;
    }
};

class ActDetector {
  public:
    virtual ~ActDetector() = default;
    // `text` is UTF-8 as typed; invalid UTF-8 yields empty results, never a crash.
    virtual DetectedActs detect(std::string_view text) const = 0;
    // The same into `out`, reusing its storage: for loops over many utterances.
    virtual void detect_into(std::string_view text, DetectedActs& out) const { out = detect(text); }
};

}  // namespace dd

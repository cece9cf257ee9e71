// What speech-act detection promises on any input, checked by the fuzz_acts target and by the
// normal build's replay of its corpus and finds (tests/unit/text/paths_test.cpp): the fast and
// the general path agree, for both detections of the lexicon; every span lies inside the texts
// it points into; names come in the fixed order; the reply limit holds; the fact finders stay
// inside the text. describe() prints a whole result, to compare two.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>

#include "common/yaml/limits.h"
#include "scoring/text/facts.h"
#include "scoring/text/lexicon.h"
#include "sim/model/enums.h"

namespace dd::fuzz {

inline std::string describe(const ActSpan& s) {
    return s.name + "@" + std::to_string(s.begin) + "-" + std::to_string(s.end) + "/" +
           std::to_string(s.src_begin) + "-" + std::to_string(s.src_end) + " " +
           std::string(s.phrase) + " " + std::string(s.family) + " " +
           std::string(reading_name(s.reading)) + " " + s.cue + (s.weak ? " weak" : "") +
           (s.loose ? " loose" : "") + (s.sarcastic ? " sarcastic" : "") +
           (s.uncertain ? " uncertain" : "");
}

inline std::string describe(const DetectedActs& d) {
    std::string out = d.normalized + "|";
    for (const auto* list :
         {&d.acts, &d.weak_acts, &d.sarcastic_acts, &d.forbidden, &d.uncertain}) {
        for (const auto& a : *list) out += a + ",";
        out += "|";
    }
    for (const auto& s : d.spans) out += describe(s) + ";";
    out += "|";
    for (const auto& s : d.set_aside) out += describe(s) + ";";
    return out + (d.truncated ? "|truncated" : "");
}

namespace detail {

template <std::size_t N>
bool in_order(const std::vector<std::string>& names, const std::array<std::string_view, N>& all) {
    std::size_t last = 0;
    for (const auto& n : names) {
        const auto it = std::find(all.begin(), all.end(), n);
        if (it == all.end()) return false;
        const auto at = static_cast<std::size_t>(it - all.begin()) + 1;
        if (at <= last) return false;
        last = at;
    }
    return true;
}

inline bool subset(const std::vector<std::string>& a, const std::vector<std::string>& of) {
    return std::all_of(a.begin(), a.end(), [&](const auto& x) {
        return std::find(of.begin(), of.end(), x) != of.end();
    });
}

}  // namespace detail

// "" when every promise holds, else what broke.
inline std::string check_detection(const LexiconDetector& phrases, std::string_view text) {
    for (const LexiconDetector* det : {&phrases, &phrases.meaning()}) {
        DetectedActs fast, general;
        det->detect_into(text, fast, LexiconDetector::Path::Fast, limits::kMaxReplyBytes);
        det->detect_into(text, general, LexiconDetector::Path::General, limits::kMaxReplyBytes);
        if (describe(fast) != describe(general))
            return "paths differ:\n  fast:    " + describe(fast) +
                   "\n  general: " + describe(general);
        const DetectedActs& d = fast;
        if (d.truncated != (text.size() > limits::kMaxReplyBytes)) return "truncated flag wrong";
        if (d.normalized.size() > 4 * std::min(text.size(), limits::kMaxReplyBytes))
            return "normalised text longer than it can be";
        if (!detail::in_order(d.acts, enums::kActs) ||
            !detail::in_order(d.forbidden, enums::kForbidden))
            return "names out of the fixed order";
        if (!detail::subset(d.weak_acts, d.acts) || !detail::subset(d.sarcastic_acts, d.acts))
            return "weak or sarcastic act not among the acts";
        for (const auto* list : {&d.spans, &d.set_aside})
            for (const auto& s : *list) {
                if (s.begin >= s.end || s.end > d.normalized.size())
                    return "span outside the normalised text: " + describe(s);
                if (s.src_begin >= s.src_end || s.src_end > text.size())
                    return "span outside the input: " + describe(s);
                if (s.phrase.empty()) return "span without its phrase: " + describe(s);
            }
        for (const auto& s : d.spans)
            if (!d.has(s.name)) return "evidence for a name not reported: " + describe(s);
    }
    for (const auto kind : {text::FactKind::Phone, text::FactKind::Room, text::FactKind::Name}) {
        const char* value = kind == text::FactKind::Phone  ? "13800001111"
                            : kind == text::FactKind::Room ? "3-1202"
                                                           : "王女士";
        if (auto m = text::find_fact(kind, text, value))
            if (m->begin >= m->end || m->end > text.size()) return "fact span outside the text";
    }
    return "";
}

}  // namespace dd::fuzz

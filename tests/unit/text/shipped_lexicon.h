// The shipped lexicon's detector for the text tests, loaded once: the phrase detection (what the
// engine uses until issue 12's phase 2); `.meaning()` is the meaning-aware one.
#pragma once
#include <gtest/gtest.h>

#include "scoring/text/lexicon.h"

namespace dd {

inline const LexiconDetector& shipped_lexicon() {
    static const auto lex = [] {
        Diagnostics diags;
        auto l = load_lexicon(DESKDRILL_SCENARIOS_DIR "/lexicon.yaml", diags);
        if (!l) ADD_FAILURE() << diags.to_string();
        return l;
    }();
    return *lex->detector;
}

}  // namespace dd

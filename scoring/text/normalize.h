// Text normalisation for speech-act matching: UTF-8 validation, traditional → simplified
// (OpenCC t2s), full-width → half-width and case folding (utf8proc), punctuation, symbols and
// spaces removed by Unicode category. 「您好!」, 「您 好 !」, 「您好！！」 and 「您好」 all
// normalise to 您好; 「您好,請問有什麼可以幫您?」 to 您好请问有什么可以帮您.
//
// Offsets: every byte of the normalised text keeps the byte range, in the ORIGINAL input, of
// the character it came from (src_begin/src_end), so a match in the normalised text can be
// highlighted exactly in what the trainee typed.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dd::text {

struct Normalized {
    // False when the input is not valid UTF-8: everything below is then empty. Invalid input
    // never reaches OpenCC (it has overflowed on malformed bytes).
    bool valid = false;
    std::string text;  // simplified, half-width, case-folded; no punctuation, symbols or spaces
    // Per byte of `text`: the original byte range [src_begin, src_end) of its character; one
    // more entry at the end holds input.size() (so an end offset maps too).
    std::vector<std::uint32_t> src_begin;
    std::vector<std::uint32_t> src_end;
    // pause[i] != 0: a punctuation mark, symbol or line break was removed just before byte i
    // (size text.size() + 1; only character starts are ever set). Runs of marks (！！, ?!, ……)
    // fold into one pause. Spaces are NOT pauses, so 「您 好」 reads as 您好; the matcher uses
    // pauses to keep a phrase from matching across two clauses (「是谁?知道了」 ≠ 谁知道).
    // The value holds what the marks were (fold.h: kPauseStrong for a sentence end, kQuoteOpen…).
    std::vector<std::uint8_t> pause;
};

// The full result with offsets and pauses. Never throws; invalid UTF-8 gives valid == false.
Normalized normalize(std::string_view input);

// The same, reusing the storage of `out` (for loops over many utterances).
void normalize_into(std::string_view input, Normalized& out);

// Just the normalised text ("" for invalid UTF-8).
std::string normalize_text(std::string_view input);

// Traditional → simplified only (no folding), as normalize() does it: exactly what OpenCC's
// t2s.json gives, but OpenCC itself runs only where one of its phrases occurs. "" for invalid
// UTF-8.
std::string to_simplified(std::string_view input);

// Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view input);

// Whether OpenCC's t2s.json could be loaded. Without it traditional characters pass through
// unconverted (simplified text still normalises the same).
bool t2s_available();

}  // namespace dd::text

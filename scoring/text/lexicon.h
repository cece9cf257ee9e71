// The lexicon (scenarios/lexicon.yaml) and the speech-act detector built from it.
//
//   Diagnostics diags;
//   auto lex = dd::load_lexicon(dd::cli::lexicon_path(), diags);   // nullopt on any error
//   lex->detector->detect("您好,請問有什麼可以幫您?");                // acts: greeting,
//   offer-help, please Engine e(scenario, *lex->detector, lex->mood, seed);
//
// Pattern syntax of a phrase (documented at the top of lexicon.yaml too): plain text is
// normalised like the utterances (traditional, width, case, spaces don't matter); `#` is any
// run of numerals (0-9, 零〇一二三四五六七八九十两半百千); punctuation inside a phrase marks
// where the utterance MAY pause (「喂,什么事」 matches 喂什么事 and 喂?什么事), and a phrase never
// matches across a pause it does not allow; `…` joins parts that must appear in that order
// with anything between (「您说的是…对吗」); a leading `^` / trailing `$` anchors the phrase to
// the start / end of a clause (text edge or pause). `except:` phrases of an entry veto any
// match of that entry lying inside them (「我不是不知道」 vetoes 不知道).
// Issue 12 adds: `{name}` stands for any word of the file's `slots:` list of that name
// (「{you}自己的问题」 is 你自己的问题, 您自己的问题, …); `{any}` is a short stretch of one to six
// characters inside the clause (「那是{any}的事」); the forbidden families' phrases also match with
// the `meaning.fillers` (adverbs 也/都/就/还…, particles 啊/吧/呢…) inserted between their
// characters; and a match is read in context (`meaning:`): under a negation, in quotation marks or
// in someone else's words it is set aside, wrapped in impatience it is sarcastic. See
// lexicon.yaml's header for the rules and their limits.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "act_detector.h"
#include "common/yaml/diagnostics.h"
#include "sim/model/mood.h"
#include "sim/model/scenario.h"

namespace dd {

struct LexPhrase {
    std::string text;  // as written in the file
    SourcePos pos;
    std::string family;  // the `patterns:` group it was written in ("" under `phrases:`)
};

struct LexEntry {
    std::string name;  // an act of enums::kActs or a family of enums::kForbidden
    bool forbidden = false;
    std::vector<LexPhrase> phrases;  // full-strength forms (`phrases:` and every `patterns:` group)
    std::vector<LexPhrase> weak;  // weaker forms (你好 for greeting) → DetectedActs::weak_acts
    std::vector<LexPhrase> except;  // vetoes: a match inside one of these is dropped
};

// The `meaning:` section: the words that decide whose a match is, and the acts each rule applies
// to (lexicon.yaml's header says how they combine).
struct LexMeaning {
    std::vector<LexPhrase> fillers;  // skipped inside forbidden phrases: 也 都 就 … 啊 吧 …
    std::vector<LexPhrase> negators;      // 不会 不是 没有 不能 别 并非 …
    std::vector<LexPhrase> speech;        // 说 讲 说过 表示 …
    std::vector<LexPhrase> reporters;     // someone else: 他 业主 有人 楼上 …
    std::vector<LexPhrase> addressee;     // the person served: 你 您 …
    std::vector<LexPhrase> first_person;  // the trainee: 我 我们 …
    std::vector<LexPhrase>
        not_negators;  // hold a negator's character, negate nothing: 要不, 不好意思
    std::vector<LexPhrase> impatience;   // 行了行了 好好好 是是是 …
    std::vector<std::string> negatable;  // acts a negation takes away (forbidden families always)
    std::vector<std::string> own_voice;  // acts a quotation or a report takes away (and families)
    std::vector<std::string> courtesy;   // acts impatience makes sarcastic
    // Acts whose weak forms are vague rather than less polite (马上, 尽快 for a time): found only
    // in such a form, the act is listed in `uncertain` too — partial credit, for review.
    std::vector<std::string> vague;
};

struct Lexicon {
    std::string file;
    int version = 0;
    std::vector<LexEntry> entries;  // acts first, then forbidden families, in file order
    // `slots:` name → its words, for `{name}` in phrases.
    std::vector<std::pair<std::string, std::vector<LexPhrase>>> slots;
    LexMeaning meaning;  // empty lists where the section is absent: no reading in context
    MoodParams mood;     // the `mood:` section (MoodParams defaults where absent)
};

// Reads and checks the YAML (unknown keys and names, wrong types, empty phrases), every
// problem with file:line:col. Returns nullopt if there was any error. Never throws.
std::optional<Lexicon> parse_lexicon(std::string_view yaml, const std::string& file,
                                     Diagnostics& diags);
std::optional<Lexicon> read_lexicon(const std::string& path, Diagnostics& diags);

// Which detection a detector runs over the same file (issue 12 comes in two phases):
// - Phrases: the lexicon's `phrases`, `weak` and `except` lists without {…}, read literally — what
//   the engine and the scorer use today, so reports stay as they were;
// - Meaning: everything (`patterns`, {slot} and {any}, the fillers) and each match read in
//   context (negated, quoted, reported, sarcastic).
enum class Detection : std::uint8_t { Phrases, Meaning };

// The detection the engine, the mood model and the scorer run (one for all of them, so the
// caller's mood and the report read the same decisions). Phrases stays for comparisons only.
inline constexpr Detection kPlayDetection = Detection::Meaning;

std::string_view detection_name(Detection d);  // "phrases" | "meaning"
// The detection an identity names ("meaning/v3" → Meaning); nullopt for one this build does not
// know. An empty identity (a record from before detections were named) is nullopt too.
std::optional<Detection> detection_of_identity(std::string_view identity);

class LexiconDetector final : public ActDetector {
  public:
    // Compiles every phrase into the automata. A phrase that cannot be compiled (normalises to
    // nothing, misplaced `…`/`^`/`$`, an unknown slot) is an error in `diags` at its position;
    // returns nullptr if there was any. A Phrases detector also carries its Meaning twin.
    static std::unique_ptr<LexiconDetector> build(const Lexicon& lexicon, Diagnostics& diags,
                                                  Detection detection = Detection::Phrases);
    ~LexiconDetector() override;

    Detection detection() const;
    // The meaning-aware detection of the same lexicon (this one when it is that already).
    const LexiconDetector& meaning() const;

    // One pass over the normalised text; see act_detector.h. Thread-safe.
    DetectedActs detect(std::string_view text) const override;
    void detect_into(std::string_view text, DetectedActs& out) const override;

    // For tests and the fuzzer: the same with the per-character fast pass switched off (the
    // general path, which must agree with it), and with another length limit than
    // kMaxReplyBytes (to show the work stays linear far past it).
    enum class Path : std::uint8_t { Fast, General };
    void detect_into(std::string_view text, DetectedActs& out, Path path,
                     std::size_t max_bytes) const;

    int version() const;
    std::string identity() const override;  // "meaning/v3", "phrases/v3"
    // The distinct byte strings in the automaton, in the matcher's form (normalised, numerals
    // as `#`): what `grep -F -f` gets in the benchmark comparison.
    std::vector<std::string> pattern_keys() const;
    std::size_t state_count() const;  // of both automata (exact and loose)

    struct Impl;

  private:
    explicit LexiconDetector(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    std::unique_ptr<LexiconDetector> meaning_;  // the twin of a Phrases detector
};

// What the engine and the CLI need: the detector and the mood parameters of one file.
struct LoadedLexicon {
    int version = 0;
    MoodParams mood;
    std::unique_ptr<LexiconDetector> detector;  // never null in a returned value
};

// read_lexicon + LexiconDetector::build. nullopt on any error (all of them in `diags`).
std::optional<LoadedLexicon> load_lexicon(const std::string& path, Diagnostics& diags,
                                          Detection detection = Detection::Phrases);

}  // namespace dd

// The labelled utterance set (tests/data/acts/labelled.tsv) and its evaluation: per act and
// per forbidden family precision, recall and F1, and the misclassified utterances. Shared by
// the `acts_eval` tool and the LabelledSet test.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "scoring/text/act_detector.h"

namespace dd::text::eval {

struct Labelled {
    int line = 0;  // in the file
    std::string text;
    std::set<std::string> acts;       // including weak ones
    std::set<std::string> weak;       // acts expected only in a weak form
    std::set<std::string> sarcastic;  // formulas said only sarcastically (`act^`): not the act
    std::set<std::string> forbidden;
    std::string note;
};

// Reads the TSV; a malformed line or an unknown act/family name is an error ("file:line: …")
// appended to `errors`.
std::vector<Labelled> read_labelled(const std::string& path, std::vector<std::string>& errors);

struct ClassStats {
    std::string name;  // an act, a family, "weak:<act>" or "sarcastic:<act>"
    int tp = 0, fp = 0, fn = 0;
    int support() const { return tp + fn; }
    // With nothing predicted (or nothing to find) the ratio is 1: nothing was got wrong.
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

struct Miss {
    Labelled expected;
    DetectedActs got;
};

struct Result {
    int utterances = 0;
    std::vector<ClassStats> classes;  // acts (kActs order), families, then weak:<act> rows
    std::vector<Miss> misses;         // utterances with any difference
};

Result evaluate(const ActDetector& detector, const std::vector<Labelled>& set);
// The micro-averaged counts over every class of r.
ClassStats micro(const Result& r);

// A table: name, support, tp, fp, fn, precision, recall, F1; then micro-averaged totals.
std::string format_table(const Result& r);
// One line per misclassified utterance: file line, text, expected vs detected.
std::string format_misses(const Result& r);

}  // namespace dd::text::eval

// Parameters of the mood model. They live in data — the `mood:` section of
// scenarios/lexicon.yaml (loaded by deskdrill::text) and each actor's persona — not in code;
// the defaults here only serve tests that build a scenario in code.
#pragma once
#include <map>
#include <string>

#include "duration.h"

namespace dd {

struct MoodParams {
    // Speech act or forbidden family detected in a reply → mood change (negative calms).
    std::map<std::string, int> act_effect = {
        {"apology", -10}, {"empathy", -10}, {"reassurance", -6}, {"time-commitment", -6},
        {"thank-for-waiting", -4}, {"greeting", -2},
        {"refuse-knowledge", 15}, {"deflect", 20}, {"argue", 20}, {"rude", 25}};
    // Desk action ("verb" or "verb:arg") → mood change of the thread's actor.
    std::map<std::string, int> action_effect = {
        {"escalate", -8}, {"dispatch", -5}, {"hold", 4}, {"hang_up", 30}};
    // Waiting beyond the persona's patience: +wait_step every wait_every.
    int wait_step = 5;
    Millis wait_every = 10'000;
    // Each unanswered ring of a phone call beyond the first `rings_tolerated` (a caller expects
    // the pick-up within three rings, seed 001 §4.1.5; ring 4 onwards raises the mood).
    int ring_step = 2;
    int rings_tolerated = 3;
    // Temper scales every change: calm 0.5, normal 1, hot 1.5.
    std::map<std::string, double> temper_scale = {{"calm", 0.5}, {"normal", 1.0}, {"hot", 1.5}};
};

}  // namespace dd

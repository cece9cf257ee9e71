// The desk asks for the right sounds at the right moments, none when muted, and a machine without
// sound says so once.
#include "sim/app/sound.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "unit/session/session_test_support.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::session::test;

struct Counting : SoundOut {
    std::vector<Cue>* heard;
    explicit Counting(std::vector<Cue>* h) : heard(h) {}
    void play(Cue c) override { heard->push_back(c); }
};

std::unique_ptr<session::Attempt> start(const std::string& file) {
    session::AttemptConfig c;
    c.seed = 0;
    c.manual_clock = true;
    return std::make_unique<session::Attempt>(scenario(kScenarioDir + file), resources(), c);
}

TEST(Sounds, AnAlarmThenEveryRingOfTheResidentsCall) {
    std::vector<Cue> heard;
    DeskSounds sounds(std::make_unique<Counting>(&heard));
    auto a = start("/emergency/fire-alarm-evacuation.yaml");
    a->set_clock(1'000);
    sounds.update(a.get(), a->engine().log(), false);
    EXPECT_EQ(heard, std::vector<Cue>{Cue::Alarm});
    // The call comes at 10 s and rings every 3 s: 10, 13, 16 before it is answered at 17 s.
    a->set_clock(17'000);
    sounds.update(a.get(), a->engine().log(), false);
    sounds.update(a.get(), a->engine().log(), false);  // nothing new: nothing again
    EXPECT_EQ(heard, (std::vector<Cue>{Cue::Alarm, Cue::Ring, Cue::Ring, Cue::Ring}));
    EXPECT_EQ(sounds.played(Cue::Ring), 3);
    EXPECT_EQ(sounds.played(Cue::Visitor), 0);
}

TEST(Sounds, AVisitorAtTheCounterAndNothingWhenMuted) {
    std::vector<Cue> heard;
    DeskSounds sounds(std::make_unique<Counting>(&heard));
    auto a = start("/mixed/courier-during-repair-call.yaml");
    a->set_clock(2'000);
    sounds.update(a.get(), a->engine().log(), /*muted=*/true);
    EXPECT_TRUE(heard.empty());  // the first ring, muted
    a->set_clock(21'000);
    sounds.update(a.get(), a->engine().log(), false);
    EXPECT_EQ(sounds.played(Cue::Visitor), 1);  // the courier at 20 s
    EXPECT_GE(sounds.played(Cue::Ring), 4);     // rings at 4, 8, 12, 16, 20 s
    // Another attempt starts from its own first entry.
    auto b = start("/emergency/fire-alarm-evacuation.yaml");
    b->set_clock(1'000);
    const int before = static_cast<int>(heard.size());
    sounds.update(b.get(), b->engine().log(), false);
    ASSERT_EQ(static_cast<int>(heard.size()), before + 1);
    EXPECT_EQ(heard.back(), Cue::Alarm);
}

TEST(Sounds, EventIdsAreTheFreedesktopThemes) {
    EXPECT_STREQ(cue_event_id(Cue::Ring), "phone-incoming-call");
    EXPECT_STREQ(cue_event_id(Cue::Visitor), "message-new-instant");
    EXPECT_STREQ(cue_event_id(Cue::Alarm), "alarm-clock-elapsed");
}

TEST(Sounds, NoAudioDeviceIsSaidOnceThenSilence) {
    std::error_code ec;
    if (std::filesystem::exists("/dev/snd", ec) || std::getenv("PULSE_SERVER"))
        GTEST_SKIP() << "this machine has sound";
    const char* run = std::getenv("XDG_RUNTIME_DIR");
    const std::string saved = run ? run : "";
    setenv("XDG_RUNTIME_DIR", "/nonexistent-run-dir", 1);
    auto out = make_canberra_out();
    ::testing::internal::CaptureStderr();
    for (int i = 0; i < 5; ++i) out->play(Cue::Ring);
    out->play(Cue::Alarm);
    const std::string err = ::testing::internal::GetCapturedStderr();
    if (run)
        setenv("XDG_RUNTIME_DIR", saved.c_str(), 1);
    else
        unsetenv("XDG_RUNTIME_DIR");
    EXPECT_EQ(err, "deskdrill: no sound (no audio device); the desk carries on silently\n");
}

}  // namespace

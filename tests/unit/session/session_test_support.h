// Test support: the example scenario, the real lexicon and catalogue, and a comparison of an
// attempt played live (session::Attempt) with the replay of the transcript it recorded.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "scoring/rubric/report.h"
#include "sim/engine/engine.h"
#include "sim/engine/log_format.h"
#include "sim/load/transcript_loader.h"
#include "sim/load/transcript_writer.h"
#include "sim/session/attempt.h"
#include "sim/session/file_sink.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"

namespace dd::session::test {

inline const std::string kScenarioDir = DESKDRILL_SCENARIOS_DIR;
inline const std::string kExampleFile = kScenarioDir + "/complaint/night-renovation-noise.yaml";
// The example's gold and poor transcripts (tests/golden/complaint.night-renovation-noise/) as a
// fixed copy: tests/gui/example_gold.drive plays exactly these actions through the UI, and these
// tests must not move when the golden files are edited.
inline const std::string kGoldYaml = R"(scenario: complaint.night-renovation-noise
seed: 1
actions:
  - {at: 5, answer: phone}
  - {at: 7, say: "您好,安居物业客服中心,请问有什么可以帮您?"}
  - {at: 20, say: "非常抱歉打扰您休息了,我理解您的心情,我们马上处理。"}
  - {at: 45, record: {name: 王女士, room: 3-1202, phone: "13800001111", issue: 楼上夜间装修噪音}}
  - {at: 50, classify: {type: complaint, level: urgent}}
  - {at: 55, dispatch: security}
  - {at: 70, say: "王女士,跟您确认一下:3栋1202,楼上夜间装修噪音,电话13800001111。安保人员10分钟内上楼制止,30分钟内给您回电。"}
  - {at: 90, say: "感谢您的来电,请您放心,再见。"}
  - {at: 91, wait: 10s}
)";
inline const std::string kPoorYaml = R"(scenario: complaint.night-renovation-noise
seed: 1
actions:
  - {at: 25, answer: phone}
  - {at: 30, say: "喂,什么事?"}
  - {at: 50, say: "装修的事不归我们管,你自己上楼跟他说。"}
  - {at: 80, say: "那你说吧,哪一户?"}
  - {at: 100, classify: {type: complaint, level: general}}
  - {at: 110, say: "行,我跟他们说一声。"}
  - {at: 112, hang_up: phone}
)";

inline std::shared_ptr<const Resources> resources() {
    static std::shared_ptr<const Resources> r = [] {
        Diagnostics d;
        return Resources::load(kScenarioDir + "/lexicon.yaml", kScenarioDir + "/standards.yaml", d);
    }();
    return r;
}

inline ScenarioFile scenario(const std::string& path = kExampleFile) {
    Diagnostics d;
    auto s = load_scenario(path, d);
    EXPECT_TRUE(s) << d.to_string();
    return s ? std::move(*s) : ScenarioFile{};
}

inline Transcript transcript(const std::string& yaml) {
    Diagnostics d;
    auto t = load_transcript_text(yaml, "transcript.yaml", d);
    EXPECT_TRUE(t) << d.to_string();
    return t ? *t : Transcript{};
}

// Writes the attempt's transcript as its file, loads it back as `deskdrill play` does, replays it
// and expects the identical attempt log and report.
inline void expect_replays_identically(const Attempt& a) {
    ASSERT_TRUE(a.record()) << "end the attempt first";
    const std::string yaml = transcript_file_text(*a.record());
    Diagnostics d;
    auto t = load_transcript_text(yaml, "saved.yaml", d);
    ASSERT_TRUE(t) << d.to_string() << "\n" << yaml;
    const AttemptRecord replayed = replay_attempt(a.scenario_file(), *t, a.resources());
    EXPECT_EQ(log_to_json(replayed.log), log_to_json(a.engine().log())) << yaml;
    ASSERT_EQ(replayed.report.has_value(), a.report().has_value());
    if (a.report()) {
        EXPECT_EQ(report_to_json(*replayed.report), report_to_json(*a.report()));
    }
}

}  // namespace dd::session::test

// The `deskdrill acts` line protocol: JSON shape and key order, the readable form, invalid
// UTF-8 lines reported with their number and skipped (exit 2).
#include "scoring/text/acts_io.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "scoring/text/lexicon.h"
#include "shipped_lexicon.h"

namespace dd::text {
namespace {

using ::testing::HasSubstr;

const LexiconDetector& detector() {
    return shipped_lexicon();
}

TEST(ActsIo, JsonLineHasTheFixedKeysInOrder) {
    const std::string text = "您好,請問有什麼可以幫您?";
    EXPECT_EQ(acts_json_line(text, detector().detect(text)),
              "{\"text\":\"您好,請問有什麼可以幫您?\",\"normalized\":\"您好请问有什么可以帮您\","
              "\"acts\":[\"greeting\",\"offer-help\",\"please\"],\"forbidden\":[],"
              "\"decisions\":[{\"name\":\"greeting\",\"words\":\"您好\",\"span\":[0,6],\"phrase\":"
              "\"您好\","
              "\"reading\":\"own\",\"counted\":true},{\"name\":\"offer-help\",\"words\":"
              "\"有什么可以帮您\",\"span\":[12,33],\"phrase\":\"有什么可以帮您\",\"reading\":"
              "\"own\",\"counted\":"
              "true},{\"name\":\"offer-help\",\"words\":\"可以帮您\",\"span\":[21,33],\"phrase\":"
              "\"可以帮您\","
              "\"reading\":\"own\",\"counted\":true},{\"name\":\"please\",\"words\":\"请\","
              "\"span\":[6,9],\"phrase\":\"请\",\"reading\":\"own\","
              "\"counted\":true}]}");
    EXPECT_EQ(acts_json_line("你好", detector().detect("你好")),
              "{\"text\":\"你好\",\"normalized\":\"你好\",\"acts\":[\"greeting\"],"
              "\"forbidden\":[],\"weak\":[\"greeting\"],\"decisions\":[{\"name\":\"greeting\","
              "\"words\":\"你好\",\"span\":[0,6],\"phrase\":\"你好\",\"reading\":\"own\","
              "\"counted\":true,"
              "\"weak\":true}]}");
    EXPECT_EQ(acts_json_line("我不知道\"", detector().detect("我不知道\"")),
              "{\"text\":\"我不知道\\\"\",\"normalized\":\"我不知道\",\"acts\":[],"
              "\"forbidden\":[\"refuse-knowledge\"],\"decisions\":[{\"name\":\"refuse-knowledge\","
              "\"words\":\"不知道\",\"span\":[3,12],\"phrase\":\"不知道\",\"reading\":\"own\","
              "\"counted\":"
              "true}]}");
}

TEST(ActsIo, ReadableLine) {
    EXPECT_EQ(acts_text_line("你好!", detector().detect("你好!")),
              "你好! → 你好 | acts: greeting(weak) | forbidden: -");
    EXPECT_EQ(acts_text_line("!", detector().detect("!")),
              "! → (nothing) | acts: - | forbidden: -");
}

TEST(ActsIo, InvalidLinesAreReportedAndSkipped) {
    std::istringstream in("您好\r\n\xff\xfe\n我不知道\n\xe4\xbd\n");
    std::ostringstream out, err;
    EXPECT_EQ(run_acts(in, out, err, detector(), true), 2);
    const std::string o = out.str();
    EXPECT_EQ(std::count(o.begin(), o.end(), '\n'), 2);
    EXPECT_THAT(o, HasSubstr("\"text\":\"您好\","));  // \r dropped
    EXPECT_THAT(o, HasSubstr("refuse-knowledge"));
    EXPECT_THAT(err.str(), HasSubstr("<stdin>:2: error: not valid UTF-8"));
    EXPECT_THAT(err.str(), HasSubstr("<stdin>:4: error"));
}

TEST(ActsIo, CleanInputExitsZeroWithOneLinePerUtterance) {
    std::istringstream in("您好\n\n再见\n");
    std::ostringstream out, err;
    EXPECT_EQ(run_acts(in, out, err, detector(), false), 0);
    EXPECT_EQ(err.str(), "");
    const std::string o = out.str();
    EXPECT_EQ(std::count(o.begin(), o.end(), '\n'), 3);
}

}  // namespace
}  // namespace dd::text

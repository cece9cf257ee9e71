// Citations as a person can follow them: every manual the library cites has a title in
// scenarios/sources.yaml, and `seed NNN §x` reads 《title》§x.
#include "sim/app/citations.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "sim/session/library.h"
#include "unit/session/session_test_support.h"

namespace {

using dd::app::Citations;
using dd::session::test::kScenarioDir;

Citations table() {
    Citations c;
    std::string err;
    EXPECT_TRUE(c.load(kScenarioDir + "/sources.yaml", &err)) << err;
    return c;
}

TEST(Citations, SeedNumbersBecomeTitles) {
    const Citations c = table();
    EXPECT_EQ(c.cite("seed 001 §4.1.5", "zh"), "《物业前台接待工作规程》§4.1.5");
    EXPECT_EQ(c.cite("seed 001 §4.1.1; seed 002 §1.3", "zh"),
              "《物业前台接待工作规程》§4.1.1; 《物业管理客户服务流程手册》§1.3");
    EXPECT_EQ(c.cite("seed 000 §3 紧急事件应对", "en"),
              "“Front desk customer service (training slides)” §3 紧急事件应对");
    EXPECT_EQ(c.cite("seed 999 §1", "zh"), "seed 999 §1") << "an unknown manual stays as written";
    EXPECT_EQ(c.cite("no citation", "zh"), "no citation");
}

TEST(Citations, EveryManualTheLibraryCitesHasATitle) {
    const Citations c = table();
    std::set<std::string> cited;
    const std::regex seed("seed ([0-9]+)");
    auto scan = [&](const std::string& path) {
        std::ifstream in(path);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        for (std::sregex_iterator it(text.begin(), text.end(), seed), end; it != end; ++it)
            cited.insert((*it)[1]);
    };
    scan(kScenarioDir + "/standards.yaml");
    for (const auto& f : dd::session::Library::files(kScenarioDir)) scan(f);
    ASSERT_GE(cited.size(), 5u);
    for (const auto& n : cited) EXPECT_TRUE(c.title(n, "zh")) << "seed " << n << " has no title";
}

TEST(Citations, AMalformedTableSaysWhere) {
    const std::string path = ::testing::TempDir() + "dd_sources_bad.yaml";
    std::ofstream(path) << "sources:\n  \"001\": just a title\n";
    Citations c;
    std::string err;
    EXPECT_FALSE(c.load(path, &err));
    EXPECT_EQ(
        err,
        path + ":2:10: error: each source needs a 'title:', e.g. {title: 物业前台接待工作规程}");
}

}  // namespace

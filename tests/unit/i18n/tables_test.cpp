// The string tables (assets/i18n/*.json): both languages complete and alike, the compiled-in copy
// equal to the files, every code the engine and the checks emit and every vocabulary value worded,
// every key the code asks for present.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "common/i18n/strings.h"
#include "scoring/rubric/notes.h"
#include "scoring/rubric/report.h"
#include "sim/model/enums.h"
#include "sim/model/log_codes.h"
#include "sim/model/verbs.h"

namespace {

namespace fs = std::filesystem;
using dd::i18n::Table;

const fs::path kI18n = fs::path(DESKDRILL_ASSETS_DIR) / "i18n";
const fs::path kRoot = fs::path(DESKDRILL_ASSETS_DIR).parent_path();

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Table table(const std::string& lang) {
    Table t;
    std::string err;
    EXPECT_TRUE(dd::i18n::Strings::parse_table(read(kI18n / (lang + ".json")), t, &err))
        << lang << ": " << err;
    return t;
}

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex token(R"(\{([a-z_]+)\})");
    for (std::sregex_iterator it(text.begin(), text.end(), token), end; it != end; ++it)
        out.insert((*it)[1].str());
    return out;
}

TEST(I18nTables, ZhAndEnHaveTheSameKeys) {
    const auto zh = table("zh"), en = table("en");
    ASSERT_GT(zh.size(), 300u);
    for (const auto& [k, v] : zh) EXPECT_TRUE(en.count(k)) << "en.json lacks " << k;
    for (const auto& [k, v] : en) EXPECT_TRUE(zh.count(k)) << "zh.json lacks " << k;
}

TEST(I18nTables, EveryLanguageFillsTheSamePlaceholders) {
    const auto zh = table("zh"), en = table("en");
    for (const auto& [k, v] : zh) {
        if (auto it = en.find(k); it != en.end()) {
            EXPECT_EQ(placeholders(v), placeholders(it->second)) << k;
        }
    }
}

TEST(I18nTables, TheCompiledInTablesAreTheFiles) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(kI18n))
        if (e.path().extension() == ".json") files.push_back(e.path().stem().string());
    std::sort(files.begin(), files.end());
    EXPECT_EQ(dd::i18n::builtin_languages(), files);
    for (const auto& lang : files)
        EXPECT_EQ(dd::i18n::builtin_table_text(lang), read(kI18n / (lang + ".json"))) << lang;
    EXPECT_EQ(dd::i18n::builtin_table_text("fr"), "");
}

// Every code of the engine's table and the checks' table has its words in every language.
TEST(I18nTables, EveryCodeTheEngineAndTheChecksEmitIsWorded) {
    for (const std::string lang : {"zh", "en"}) {
        const auto t = table(lang);
        for (const auto& c : dd::kLogCodes)
            EXPECT_TRUE(t.count(std::string(c.key))) << lang << ": " << c.key;
        for (const auto& n : dd::rubric::kNotes)
            EXPECT_TRUE(t.count(std::string(n.key))) << lang << ": " << n.key;
        // The renderer's own words.
        for (const char* k :
             {"word.label", "word.text", "word.list", "join.and", "join.or", "duration.s",
              "duration.min", "duration.min_s", "feedback.not_involved"})
            EXPECT_TRUE(t.count(k)) << lang << ": " << k;
        // A variant with ids beside the words has a plain form to fall back to.
        for (const auto& [k, v] : t) {
            if (k.size() > 4 && k.compare(k.size() - 4, 4, ".ids") == 0) {
                EXPECT_TRUE(t.count(k.substr(0, k.size() - 4))) << lang << ": " << k;
            }
        }
    }
    // Codes are unique.
    std::set<std::string_view> keys;
    for (const auto& c : dd::kLogCodes) EXPECT_TRUE(keys.insert(c.key).second) << c.key;
    for (const auto& n : dd::rubric::kNotes) EXPECT_TRUE(keys.insert(n.key).second) << n.key;
}

template <std::size_t N>
void expect_worded(const Table& t, const std::string& lang, const std::string& prefix,
                   const std::array<std::string_view, N>& values) {
    for (auto v : values) {
        const std::string key = prefix + std::string(v);
        ASSERT_TRUE(t.count(key)) << lang << " lacks " << key;
    }
}

// Every value of a closed vocabulary has a word: what the log, the report and the window show for
// an act, a department, an item…, never the value itself.
TEST(I18nTables, EveryVocabularyValueIsWorded) {
    namespace e = dd::enums;
    for (const std::string lang : {"zh", "en"}) {
        const auto t = table(lang);
        expect_worded(t, lang, "act.", e::kActs);
        expect_worded(t, lang, "forbidden.", e::kForbidden);
        expect_worded(t, lang, "dept.", e::kDepartments);
        expect_worded(t, lang, "escalate.", e::kEscalate);
        expect_worded(t, lang, "notify.", e::kNotify);
        expect_worded(t, lang, "broadcast.", e::kBroadcast);
        expect_worded(t, lang, "item.", e::kHandOver);
        expect_worded(t, lang, "call.", e::kCallNumbers);
        expect_worded(t, lang, "level.", e::kLevels);
        expect_worded(t, lang, "type.", e::kRequestTypes);
        expect_worded(t, lang, "field.", e::kRecordFields);
        expect_worded(t, lang, "verb.", e::kVerbs);
        expect_worded(t, lang, "evidence.", e::kVerbs);
        expect_worded(t, lang, "evidence.", dd::evidence_kind::kAll);
        expect_worded(t, lang, "alarm.", e::kAlarms);
        expect_worded(t, lang, "category.", e::kCategories);
        expect_worded(t, lang, "role.", e::kRoles);
        expect_worded(t, lang, "used_for.", e::kUsedFor);
        constexpr std::array<std::string_view, 3> kinds = {"phone", "desk", "alarm"};
        expect_worded(t, lang, "thread.", kinds);
        expect_worded(t, lang, "conversation.", kinds);
        constexpr std::array<std::string_view, 3> by = {"actor", "trainee", "timeout"};
        expect_worded(t, lang, "ended_by.", by);
        expect_worded(t, lang, "ended_first.", by);
        constexpr std::array<std::string_view, 5> ends = {"end", "all-closed", "time-limit",
                                                          "transcript", "abandoned"};
        expect_worded(t, lang, "attempt_end.", ends);
        constexpr std::array<std::string_view, 8> args = {
            "dispatch", "escalate", "call", "notify", "broadcast", "hand_over", "type", "level"};
        expect_worded(t, lang, "argkind.", args);
        constexpr std::array<std::string_view, 4> extra_fields = {"visiting", "id", "type",
                                                                  "level"};
        expect_worded(t, lang, "field.", extra_fields);
    }
}

// Literal keys passed to tr()/fmt() anywhere in the code are in the tables.
TEST(I18nTables, EveryKeyTheCodeAsksForExists) {
    const auto zh = table("zh");
    const std::regex call(R"re(\b(?:tr|fmt)\("([a-z_]+\.[a-z_.]+)")re");
    int seen = 0;
    for (const char* dir :
         {"sim/app", "sim/engine", "sim/cli", "sim/session", "sim/print", "scoring/rubric",
          "common/i18n"}) {
        if (!fs::exists(kRoot / dir)) continue;
        for (const auto& e : fs::recursive_directory_iterator(kRoot / dir)) {
            if (e.path().extension() != ".cpp" && e.path().extension() != ".h") continue;
            const std::string src = read(e.path());
            for (std::sregex_iterator it(src.begin(), src.end(), call), end; it != end; ++it) {
                ++seen;
                EXPECT_TRUE(zh.count((*it)[1].str()))
                    << e.path().filename() << " uses missing key " << (*it)[1];
            }
        }
    }
    EXPECT_GT(seen, 80);
}

}  // namespace

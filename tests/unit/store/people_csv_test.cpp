// Trainees from a spreadsheet's CSV (people_csv.h): the encodings Excel writes (UTF-8 with and
// without a byte-order mark, GB18030 bytes), RFC 4180 cells, the header in Chinese or English,
// one problem per row to fix with its spreadsheet row number, all or nothing, and roles.
#include <gtest/gtest.h>

#include "common/i18n/strings.h"
#include "sim/store/people_csv.h"
#include "store_test_support.h"

namespace dd::store::test {
namespace {

using PeopleImport = StoreTest;

// Each problem as the window shows it (zh), one per line.
std::string problems(const PeopleCsv& csv) {
    std::string out;
    for (const auto& p : csv.problems) out += problem_text(p, i18n::builtin("zh")) + "\n";
    return out;
}

TEST(PeopleCsv, Utf8WithBomAndCrlfAsExcelSavesIt) {
    const std::string bytes =
        "\xEF\xBB\xBF工号,姓名,项目,批次\r\nT101,张三,阳光花园,2026-春\r\nT102,李四,,\r\n";
    PeopleCsv csv = parse_people_csv(bytes);
    EXPECT_EQ(csv.encoding, "UTF-8 BOM");
    EXPECT_EQ(problems(csv), "");
    ASSERT_EQ(csv.people.size(), 2u);
    EXPECT_EQ(csv.people[0].employee_no, "T101");
    EXPECT_EQ(csv.people[0].name, "张三");
    EXPECT_EQ(csv.people[0].site, "阳光花园");
    EXPECT_EQ(csv.people[0].cohort, "2026-春");
    EXPECT_EQ(csv.people[1].site, "");
    EXPECT_EQ(csv.rows, (std::vector<int>{2, 3}));
}

TEST(PeopleCsv, Gb18030BytesAreRead) {
    // 工号,姓名 / T201,张三 / T202,李四 in GB18030 (what "CSV" is on a Chinese Windows).
    const std::string bytes =
        "\xB9\xA4\xBA\xC5,\xD0\xD5\xC3\xFB\r\nT201,\xD5\xC5\xC8\xFD\r\nT202,\xC0\xEE\xCB\xC4\r\n";
    PeopleCsv csv = parse_people_csv(bytes);
    EXPECT_EQ(csv.encoding, "GB18030");
    EXPECT_EQ(problems(csv), "");
    ASSERT_EQ(csv.people.size(), 2u);
    EXPECT_EQ(csv.people[0].name, "张三");
    EXPECT_EQ(csv.people[1].name, "李四");
}

TEST(PeopleCsv, EnglishHeaderAnyOrderQuotedCellsAndExtraColumns) {
    const std::string bytes =
        "Name,Notes,Employee_No,Cohort\n\"Wang, Wu\",\"said \"\"hi\"\"\nthen left\",T301,A\n"
        "  赵六　,,T302,B";  // no line end after the last row; spaces around a cell
    PeopleCsv csv = parse_people_csv(bytes);
    EXPECT_EQ(csv.encoding, "UTF-8");
    EXPECT_EQ(problems(csv), "");
    ASSERT_EQ(csv.people.size(), 2u);
    EXPECT_EQ(csv.people[0].name, "Wang, Wu");
    EXPECT_EQ(csv.people[0].employee_no, "T301");
    EXPECT_EQ(csv.people[1].name, "赵六");
    EXPECT_EQ(csv.people[1].cohort, "B");
    EXPECT_EQ(csv.rows, (std::vector<int>{2, 3}));  // records, not lines
}

TEST(PeopleCsv, EachBadRowSaysWhereAndWhatToFix) {
    const std::string bytes =
        "工号,姓名\n"
        "T401,张三\n"   // row 2 fine
        ",李四\n"       // row 3 no number
        "T402,\n"       // row 4 no name
        ",,\n"          // row 5 an emptied row: skipped
        "T4 03,王五\n"  // row 6 a space in the number
        "T401,赵六\n";  // row 7 the number of row 2
    PeopleCsv csv = parse_people_csv(bytes);
    EXPECT_EQ(problems(csv),
              "第 3 行:缺少工号,请填写\n"
              "第 4 行:缺少姓名,请填写\n"
              "第 6 行:工号「T4 03」不能含空格或逗号,请改正\n"
              "第 7 行:工号「T401」与第 2 行重复,请删去其中一行\n");
}

TEST(PeopleCsv, WholeFileProblems) {
    EXPECT_EQ(problems(parse_people_csv("")),
              "第一行应是表头,至少包含「工号」和「姓名」两列(可选:项目、批次)\n");
    EXPECT_EQ(problems(parse_people_csv("姓名,项目\n张三,x\n")),
              "第 1 行:第一行应是表头,至少包含「工号」和「姓名」两列(可选:项目、批次)\n");
    EXPECT_EQ(problems(parse_people_csv("工号,姓名\r\n")), "文件里没有学员\n");
    EXPECT_EQ(problems(parse_people_csv("工号,姓名\nT1,\"张三\nT2,李四\n")),
              "第 2 行:此行起的引号没有闭合,请检查该单元格\n");
    // Bytes that are neither UTF-8 nor GB18030 (0xFF never starts a GB18030 character).
    EXPECT_EQ(problems(parse_people_csv("工号,姓名\nT1,\xFF\xFF\n")),
              "文件既不是 UTF-8 也不是 GB18030 编码:请在 Excel 中另存为「CSV UTF-8(逗号分隔)」\n");
    // A BOM promises UTF-8.
    EXPECT_EQ(parse_people_csv("\xEF\xBB\xBF工号,姓名\nT1,\xD5\xC5\n").problems.size(), 1u);
}

TEST_F(PeopleImport, ImportAddsEveryoneInOneGo) {
    Principal sup = must(store_->login("S001", kSupervisorPassword));
    auto r = must(import_people_csv(*store_, sup,
                                    "工号,姓名,项目,批次\nT501,周一,阳光花园,2026-夏\n"
                                    "T502,吴二,阳光花园,2026-夏\n"));
    EXPECT_TRUE(r.csv.problems.empty());
    ASSERT_EQ(r.added.size(), 2u);
    Person p = must(store_->person(sup, "T502"));
    EXPECT_EQ(p.name, "吴二");
    EXPECT_EQ(p.role, Role::Trainee);
    EXPECT_EQ(p.cohort, "2026-夏");
}

TEST_F(PeopleImport, ImportWithOneBadRowAddsNoOne) {
    // T001 is in the records already (张三): the row says so, and T601 is not added either.
    auto r = must(import_people_csv(*store_, *admin_, "工号,姓名\nT601,新人\nT001,别人\n"));
    EXPECT_EQ(problems(r.csv), "第 3 行:工号「T001」已属于 张三,请删去此行或改用其他工号\n");
    EXPECT_TRUE(r.added.empty());
    EXPECT_EQ(store_->person(*admin_, "T601").error().code, ErrorCode::NotFound);
    // Every problem at once: the file's own and the records'.
    auto both = must(import_people_csv(*store_, *admin_, "工号,姓名\nT001,别人\n,无号\n"));
    EXPECT_EQ(
        problems(both.csv),
        "第 2 行:工号「T001」已属于 张三,请删去此行或改用其他工号\n第 3 行:缺少工号,请填写\n");
    // Fixed, the same file imports.
    auto again = must(import_people_csv(*store_, *admin_, "工号,姓名\nT601,新人\n"));
    EXPECT_EQ(again.added.size(), 1u);
}

TEST_F(PeopleImport, TraineeCannotImport) {
    Principal t = must(store_->trainee_session("T001"));
    auto r = import_people_csv(*store_, t, "工号,姓名\nT701,某人\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Denied);
    EXPECT_EQ(store_->person(*admin_, "T701").error().code, ErrorCode::NotFound);
}

TEST_F(PeopleImport, AddPeopleIsAllOrNone) {
    std::vector<NewPerson> ps{{Role::Trainee, "T801", "甲", "", "", "", ""},
                              {Role::Trainee, "T002", "重号", "", "", "", ""}};
    auto r = store_->add_people(*admin_, ps);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Conflict);
    EXPECT_EQ(store_->person(*admin_, "T801").error().code, ErrorCode::NotFound);
    // Staff in the batch need an admin.
    Principal sup = must(store_->login("S001", kSupervisorPassword));
    auto staff =
        store_->add_people(sup, {{Role::Supervisor, "S801", "乙", "", "", "long-pass-1", ""}});
    ASSERT_FALSE(staff.ok());
    EXPECT_EQ(staff.error().code, ErrorCode::Denied);
}

}  // namespace
}  // namespace dd::store::test

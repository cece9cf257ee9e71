// Trainees imported from a CSV file as a spreadsheet saves it (Excel: UTF-8 with or without a
// byte-order mark, or GB18030 — "CSV" on a Chinese Windows). The first row names the columns, in
// Chinese or English, in any order: 工号/employee_no and 姓名/name are required, 项目/site and
// 批次/班组/cohort optional; other columns are ignored. Rows are numbered as the spreadsheet
// numbers them (the header is row 1), so a problem points at the row to fix.
//
// The import is all or nothing: one bad row and no one is added, every problem is listed (what to
// fix, row by row), and the same file can be imported again once it is fixed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/i18n/message.h"
#include "common/i18n/strings.h"
#include "store.h"

namespace dd::store {

struct CsvProblem {
    int row = 0;         // 0: the file as a whole
    i18n::Message what;  // import.* keys (assets/i18n)
};

// 「第 3 行:缺少姓名,请填写」 / "Row 3: no name: fill it in" (the row left out when 0).
std::string problem_text(const CsvProblem& p, const i18n::Strings& strings);

struct PeopleCsv {
    std::string encoding;           // "UTF-8", "UTF-8 BOM" or "GB18030" (what the file was read as)
    std::vector<int> rows;          // each person's row number
    std::vector<NewPerson> people;  // trainees, in file order
    std::vector<CsvProblem> problems;  // empty when every row can be imported
};

// Reads the file's bytes (no records needed): encoding, header, rows, and what is wrong with
// each (missing or malformed employee number, missing name, a number twice in the file).
PeopleCsv parse_people_csv(std::string_view bytes);

struct PeopleImport {
    PeopleCsv csv;
    std::vector<Person> added;  // empty when there were problems
};

// Parses, checks the employee numbers against the records, and adds every trainee in one
// transaction when nothing is wrong (supervisors and admins). Problems are not errors: they are
// in the result (csv.problems), with nothing added; errors are the store's (Denied, Full…).
Result<PeopleImport> import_people_csv(Store& store, const Principal& who, std::string_view bytes);

// Spreadsheet records (RFC 4180: quotes, doubled quotes, line breaks in quoted cells, CRLF);
// record i is the spreadsheet's row i + 1. False, with that row in *bad_row, on an unclosed quote.
bool split_csv(std::string_view text, std::vector<std::vector<std::string>>* records, int* bad_row);

}  // namespace dd::store

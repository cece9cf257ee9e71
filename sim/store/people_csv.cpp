// Trainees from a spreadsheet's CSV (people_csv.h): the encoding (iconv from glibc for GB18030),
// RFC 4180 records, the header, one problem per thing to fix, then one transaction.
#include "people_csv.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <map>
#include <optional>

#include "scoring/text/normalize.h"

namespace dd::store {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// A roster is a few thousand people at most; a file far larger is not one.
constexpr std::size_t kMaxBytes = 16u << 20;

// GB18030 → UTF-8; nullopt when the bytes are not GB18030 either.
std::optional<std::string> from_gb18030(std::string_view in) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out;
    std::array<char, 4096> buf{};
    char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write there
    std::size_t left = in.size();
    bool ok = true;
    while (left > 0) {
        char* dst = buf.data();
        std::size_t room = buf.size();
        const std::size_t r = iconv(cd, &src, &left, &dst, &room);
        out.append(buf.data(), static_cast<std::size_t>(dst - buf.data()));
        if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
            ok = false;  // EILSEQ or EINVAL (a sequence cut at the end)
            break;
        }
    }
    iconv_close(cd);
    if (!ok) return std::nullopt;
    return out;
}

std::string trim(std::string s) {
    // Spaces and the ideographic space a hand-typed cell may carry at either end.
    auto starts = [&](std::string_view p) { return s.compare(0, p.size(), p) == 0; };
    auto ends = [&](std::string_view p) {
        return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
    };
    for (bool again = true; again;) {
        again = false;
        for (std::string_view sp : {" ", "\t", "\xE3\x80\x80"}) {
            if (!s.empty() && starts(sp)) {
                s.erase(0, sp.size());
                again = true;
            }
            if (!s.empty() && ends(sp)) {
                s.erase(s.size() - sp.size());
                again = true;
            }
        }
    }
    return s;
}

enum class Column { EmployeeNo, Name, Site, Cohort };

std::optional<Column> column_of(std::string header) {
    header = trim(std::move(header));
    std::transform(header.begin(), header.end(), header.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const std::map<std::string, Column, std::less<>> kNames = {
        {"工号", Column::EmployeeNo},
        {"员工编号", Column::EmployeeNo},
        {"employee_no", Column::EmployeeNo},
        {"employee no", Column::EmployeeNo},
        {"id", Column::EmployeeNo},
        {"姓名", Column::Name},
        {"name", Column::Name},
        {"项目", Column::Site},
        {"site", Column::Site},
        {"批次", Column::Cohort},
        {"班组", Column::Cohort},
        {"cohort", Column::Cohort}};
    auto it = kNames.find(header);
    if (it == kNames.end()) return std::nullopt;
    return it->second;
}

}  // namespace

std::string problem_text(const CsvProblem& p, const i18n::Strings& strings) {
    const std::string what = strings.render(p.what);
    if (p.row <= 0) return what;
    return strings.fmt("import.row", {{"row", std::to_string(p.row)}, {"what", what}});
}

bool split_csv(std::string_view text, std::vector<std::vector<std::string>>* records,
               int* bad_row) {
    records->clear();
    std::vector<std::string> rec;
    std::string cell;
    bool quoted = false, any = false;
    std::size_t i = 0;
    auto end_record = [&] {
        rec.push_back(std::move(cell));
        cell.clear();
        records->push_back(std::move(rec));
        rec.clear();
        any = false;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    i += 2;
                    continue;
                }
                quoted = false;
            } else {
                cell += c;
            }
            ++i;
            continue;
        }
        if (c == '"' && cell.empty()) {
            quoted = true;
            any = true;
        } else if (c == ',') {
            rec.push_back(std::move(cell));
            cell.clear();
            any = true;
        } else if (c == '\r' || c == '\n') {
            end_record();
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            cell += c;
            any = true;
        }
        ++i;
    }
    if (quoted) {
        *bad_row = static_cast<int>(records->size()) + 1;
        return false;
    }
    if (any || !cell.empty() || !rec.empty()) end_record();
    return true;
}

PeopleCsv parse_people_csv(std::string_view bytes) {
    PeopleCsv out;
    auto problem = [&](int row, i18n::Message m) { out.problems.push_back({row, std::move(m)}); };
    if (bytes.size() > kMaxBytes) {
        problem(0, std::move(i18n::Message("import.too_large").num("max_mb", kMaxBytes >> 20)));
        return out;
    }
    std::string text;
    if (bytes.substr(0, kBom.size()) == kBom) {
        out.encoding = "UTF-8 BOM";
        text = std::string(bytes.substr(kBom.size()));
        if (!text::is_valid_utf8(text)) {
            problem(0, i18n::Message("import.bad_encoding"));
            return out;
        }
    } else if (text::is_valid_utf8(bytes)) {
        out.encoding = "UTF-8";
        text = std::string(bytes);
    } else if (auto gb = from_gb18030(bytes)) {
        out.encoding = "GB18030";
        text = std::move(*gb);
    } else {
        problem(0, i18n::Message("import.bad_encoding"));
        return out;
    }

    std::vector<std::vector<std::string>> records;
    int bad_row = 0;
    if (!split_csv(text, &records, &bad_row)) {
        problem(bad_row, i18n::Message("import.unclosed_quote"));
        return out;
    }
    auto blank = [](const std::vector<std::string>& r) {
        return std::all_of(r.begin(), r.end(),
                           [](const std::string& c) { return trim(c).empty(); });
    };
    if (records.empty() || blank(records[0])) {
        problem(records.empty() ? 0 : 1, i18n::Message("import.no_header"));
        return out;
    }
    std::map<Column, std::size_t> at;
    for (std::size_t i = 0; i < records[0].size(); ++i)
        if (auto c = column_of(records[0][i]); c && !at.count(*c)) at[*c] = i;
    if (!at.count(Column::EmployeeNo) || !at.count(Column::Name)) {
        problem(1, i18n::Message("import.no_header"));
        return out;
    }
    std::map<std::string, int> first_row;  // employee number → row
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        const int row = static_cast<int>(r) + 1;
        if (blank(rec)) continue;  // Excel writes ",,," for an emptied row of the range
        auto cell = [&](Column c) -> std::string {
            auto it = at.find(c);
            return it == at.end() || it->second >= rec.size() ? std::string()
                                                              : trim(rec[it->second]);
        };
        NewPerson p;
        p.role = Role::Trainee;
        p.employee_no = cell(Column::EmployeeNo);
        p.name = cell(Column::Name);
        p.site = cell(Column::Site);
        p.cohort = cell(Column::Cohort);
        bool ok = true;
        if (p.employee_no.empty()) {
            problem(row, i18n::Message("import.missing_employee_no"));
            ok = false;
        } else if (p.employee_no.find_first_of(" \t\r\n,") != std::string::npos) {
            problem(row,
                    std::move(i18n::Message("import.bad_employee_no").text("id", p.employee_no)));
            ok = false;
        } else if (auto [it, fresh] = first_row.emplace(p.employee_no, row); !fresh) {
            problem(row, std::move(i18n::Message("import.duplicate")
                                       .text("id", p.employee_no)
                                       .num("first", it->second)));
            ok = false;
        }
        if (p.name.empty()) {
            problem(row, i18n::Message("import.missing_name"));
            ok = false;
        }
        if (ok) {
            out.rows.push_back(row);
            out.people.push_back(std::move(p));
        }
    }
    if (out.people.empty() && out.problems.empty()) problem(0, i18n::Message("import.no_rows"));
    return out;
}

Result<PeopleImport> import_people_csv(Store& store, const Principal& who, std::string_view bytes) {
    PeopleImport out;
    out.csv = parse_people_csv(bytes);
    // Numbers already in the records: a problem of their row, not a failed import. Checked even
    // when other rows have problems, so one round of fixes is enough.
    PeopleFilter all;
    all.include_inactive = true;
    auto existing = store.people(who, all);
    if (!existing) return existing.error();
    std::map<std::string, const Person*, std::less<>> by_no;
    for (const auto& p : *existing) by_no[p.employee_no] = &p;
    for (std::size_t i = 0; i < out.csv.people.size(); ++i)
        if (auto it = by_no.find(out.csv.people[i].employee_no); it != by_no.end())
            out.csv.problems.push_back(
                {out.csv.rows[i], std::move(i18n::Message("import.exists")
                                                .text("id", it->first)
                                                .text("name", it->second->name))});
    std::stable_sort(out.csv.problems.begin(), out.csv.problems.end(),
                     [](const CsvProblem& a, const CsvProblem& b) { return a.row < b.row; });
    if (!out.csv.problems.empty()) return out;
    auto added = store.add_people(who, out.csv.people);
    if (!added) return added.error();
    out.added = std::move(*added);
    return out;
}

}  // namespace dd::store

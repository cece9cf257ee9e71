// The printable result of one stored attempt (issue 11 §7): a single A4 page for the personnel
// file — who, when, which scenario, the score and the verdict, each criterion with its evidence
// (and a supervisor's override beside the automatic result), room for two signatures, and the
// attempt's record number and chain hash so the paper can be matched to the records.
//
// Drawn with Cairo's PDF surface and Pango; the face is whatever fontconfig gives for the CJK
// families below, so Chinese prints on any Debian with fonts-noto-cjk or fonts-wqy-microhei. The
// page never spills: the type shrinks until everything fits, and long evidence is cut to two
// lines with an ellipsis.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/i18n/strings.h"
#include "scoring/rubric/report.h"
#include "sim/store/store.h"

namespace dd::print {

// What the page shows, gathered from the store (sheet_for) or built by a test.
struct SheetData {
    std::string trainee_name;
    std::string employee_no;
    std::string site;
    std::string cohort;
    std::int64_t ended_at_ms = 0;
    int utc_offset_minutes = 0;
    session::Mode mode = session::Mode::Assessment;
    session::Ending ending = session::Ending::Finished;
    session::Origin origin = session::Origin::Proctored;
    std::string attempt_uuid;
    std::string attempt_hash;
    ScoreReport report;  // the full report as scored (titles, points, evidence)
    // Supervisors' overrides, oldest first; the latest per criterion is in force.
    std::vector<store::OverrideRow> overrides;
    int score_with_overrides = 0;
};

// The attempt rebuilt exactly from its snapshots (Store::rebuild), with its person and the
// overrides of its original result. Staff, or the trainee it belongs to.
store::Result<SheetData> sheet_for(store::Store& store, const store::Principal& who,
                                   std::string_view attempt_uuid);

// The page as PDF bytes. BadInput when the attempt has no report (it could not be scored).
store::Result<std::string> render_result_pdf(const SheetData& sheet, const i18n::Strings& strings);

// sheet_for + render_result_pdf.
store::Result<std::string> print_attempt(store::Store& store, const store::Principal& who,
                                         std::string_view attempt_uuid,
                                         const i18n::Strings& strings);

}  // namespace dd::print

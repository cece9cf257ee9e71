// The closed vocabularies of the scenario and transcript formats (DESIGN §2, §3).
// The loader, the schema export and the GUI all read these lists.
#pragma once
#include <algorithm>
#include <array>
#include <string_view>

namespace dd::enums {

// "tutorial" first: the picker opens at the first category with scenarios, a new hire's first drill.
inline constexpr std::array<std::string_view, 12> kCategories = {
    "tutorial", "reception", "inquiry", "repair", "complaint", "emergency", "parcel",
    "move-in", "renovation", "fee-collection", "privacy", "mixed"};
inline constexpr std::array<std::string_view, 3> kUsedFor = {"onboarding", "assessment",
                                                             "refresher"};
inline constexpr std::array<std::string_view, 7> kRoles = {
    "owner", "tenant", "visitor", "courier", "contractor", "elderly", "child"};
inline constexpr std::array<std::string_view, 3> kTempers = {"calm", "normal", "hot"};
inline constexpr std::array<std::string_view, 3> kLevels = {"general", "urgent", "special"};
inline constexpr std::array<std::string_view, 12> kRequestTypes = {
    "inquiry", "repair", "complaint", "suggestion", "emergency", "visitor", "parcel",
    "move-in", "renovation", "fee", "release-pass", "other"};
inline constexpr std::array<std::string_view, 6> kDepartments = {
    "engineering", "security", "cleaning", "landscaping", "finance", "customer-service"};
inline constexpr std::array<std::string_view, 2> kEscalate = {"supervisor", "manager"};
inline constexpr std::array<std::string_view, 3> kCallNumbers = {"110", "119", "120"};
inline constexpr std::array<std::string_view, 3> kNotify = {"owner", "host", "residents"};
inline constexpr std::array<std::string_view, 1> kBroadcast = {"evacuation"};
inline constexpr std::array<std::string_view, 5> kHandOver = {"first-aid-kit", "extinguisher",
                                                              "access-card", "parcel", "form"};
inline constexpr std::array<std::string_view, 7> kAlarms = {"fire", "smoke", "flood", "lift",
                                                            "intrusion", "power", "other"};
// Trainee action verbs: kVerbs and their table are in verbs.h.
// Fields of a `record:` action / outcome (the request register, seed 002 §2.2).
inline constexpr std::array<std::string_view, 6> kRecordFields = {"name", "room",  "phone",
                                                                  "issue", "time", "contact"};
// Speech acts (DESIGN §4, fixed names).
inline constexpr std::array<std::string_view, 16> kActs = {
    "greeting", "self-identify", "offer-help", "please", "thanks", "apology",
    "empathy", "ask-wait", "thank-for-waiting", "ask-name", "ask-room", "ask-contact",
    "repeat-back", "time-commitment", "reassurance", "farewell"};
inline constexpr std::array<std::string_view, 4> kForbidden = {"refuse-knowledge", "deflect",
                                                               "argue", "rude"};

// Speech acts then forbidden families: every name a reply can be detected with (`acts:`,
// `said:`, a check's `acts`).
inline constexpr auto kActNames = [] {
    std::array<std::string_view, kActs.size() + kForbidden.size()> all{};
    std::size_t i = 0;
    for (auto a : kActs) all[i++] = a;
    for (auto f : kForbidden) all[i++] = f;
    return all;
}();

template <size_t N>
constexpr bool contains(const std::array<std::string_view, N>& list, std::string_view v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace dd::enums

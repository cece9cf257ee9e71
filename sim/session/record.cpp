#include "record.h"

#include <array>
#include <chrono>
#include <ctime>
#include <utility>

namespace dd::session {

namespace {

template <typename E, std::size_t N>
std::optional<E> from_name(const std::array<std::pair<E, std::string_view>, N>& table,
                           std::string_view s) {
    for (const auto& [e, name] : table)
        if (name == s) return e;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view to_name(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [v, name] : table)
        if (v == e) return name;
    return "?";
}

constexpr std::array<std::pair<Mode, std::string_view>, 3> kModes = {
    {{Mode::Practice, "practice"},
     {Mode::Assessment, "assessment"},
     {Mode::Refresher, "refresher"}}};
constexpr std::array<std::pair<Ending, std::string_view>, 3> kEndings = {
    {{Ending::Finished, "finished"},
     {Ending::Abandoned, "abandoned"},
     {Ending::TimedOut, "timed-out"}}};
constexpr std::array<std::pair<Origin, std::string_view>, 3> kOrigins = {
    {{Origin::Proctored, "proctored"},
     {Origin::Imported, "imported"},
     {Origin::Scripted, "scripted"}}};

}  // namespace

std::string_view mode_name(Mode m) {
    return to_name(kModes, m);
}
std::optional<Mode> mode_from_name(std::string_view s) {
    return from_name(kModes, s);
}
std::string_view ending_name(Ending e) {
    return to_name(kEndings, e);
}
std::optional<Ending> ending_from_name(std::string_view s) {
    return from_name(kEndings, s);
}
std::string_view origin_name(Origin o) {
    return to_name(kOrigins, o);
}
std::optional<Origin> origin_from_name(std::string_view s) {
    return from_name(kOrigins, s);
}

std::int64_t wall_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int local_utc_offset_minutes() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return static_cast<int>(tm.tm_gmtoff / 60);
}

}  // namespace dd::session

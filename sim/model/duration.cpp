#include "duration.h"

#include <cmath>
#include <cstdio>

#include "limits.h"

namespace dd {

namespace {
constexpr Millis kMaxDuration = limits::kMaxDurationMs;
}

std::optional<Millis> parse_duration(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return std::nullopt;
    Millis total = 0;
    bool any = false;
    size_t i = 0;
    while (i < s.size()) {
        // number part: digits with at most one '.'
        size_t start = i;
        bool dot = false;
        while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && !dot))) {
            if (s[i] == '.') dot = true;
            ++i;
        }
        if (i == start || (i - start == 1 && dot)) return std::nullopt;
        if (i - start > 12) return std::nullopt;
        double value = std::strtod(std::string(s.substr(start, i - start)).c_str(), nullptr);
        std::string_view unit;
        size_t ustart = i;
        while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
        unit = s.substr(ustart, i - ustart);
        double factor;
        if (unit.empty()) {
            if (any) return std::nullopt;  // "1m30" is ambiguous: refuse
            factor = 1000;
        } else if (unit == "ms") {
            factor = 1;
        } else if (unit == "s") {
            factor = 1000;
        } else if (unit == "m" || unit == "min") {
            factor = 60'000;
        } else if (unit == "h") {
            factor = 3'600'000;
        } else {
            return std::nullopt;
        }
        double ms = value * factor;
        if (!std::isfinite(ms) || ms > static_cast<double>(kMaxDuration)) return std::nullopt;
        total += static_cast<Millis>(std::llround(ms));
        if (total > kMaxDuration) return std::nullopt;
        any = true;
        if (unit.empty() && i < s.size()) return std::nullopt;
    }
    return any ? std::optional<Millis>(total) : std::nullopt;
}

std::string format_duration(Millis ms) {
    if (ms < 0) return "-" + format_duration(-ms);
    std::string out;
    Millis h = ms / 3'600'000;
    ms %= 3'600'000;
    Millis m = ms / 60'000;
    ms %= 60'000;
    char buf[64];
    if (h) out += std::to_string(h) + "h";
    if (m) out += std::to_string(m) + "m";
    if (ms || out.empty()) {
        if (ms % 1000 == 0) {
            std::snprintf(buf, sizeof buf, "%llds", static_cast<long long>(ms / 1000));
        } else if (ms >= 1000 || out.empty()) {
            std::snprintf(buf, sizeof buf, "%g", static_cast<double>(ms) / 1000.0);
            out += buf;
            return out + "s";
        } else {
            std::snprintf(buf, sizeof buf, "%lldms", static_cast<long long>(ms));
        }
        out += buf;
    }
    return out;
}

std::string format_clock(Millis ms) {
    if (ms < 0) ms = 0;
    char buf[32];
    Millis h = ms / 3'600'000;
    Millis m = (ms / 60'000) % 60;
    double s = static_cast<double>(ms % 60'000) / 1000.0;
    if (h)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%04.1f", static_cast<long long>(h),
                      static_cast<long long>(m), s);
    else
        std::snprintf(buf, sizeof buf, "%02lld:%04.1f", static_cast<long long>(m), s);
    return buf;
}

}  // namespace dd

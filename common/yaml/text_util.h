// Small text helpers for the loaders' messages: quoting (cut short, so a hostile 1 MiB key does
// not become a 1 MiB message), UTF-8 character counting for columns, sizes in KiB/MiB.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace dd::yaml {

// Number of UTF-8 characters (code points) in s.
inline std::size_t count_chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// s cut to at most `max_bytes` at a character boundary, with "…" when cut, and every control
// character shown as \xNN: a message never writes a raw control character to a terminal.
inline std::string truncate_for_message(std::string_view s, std::size_t max_bytes = 60) {
    std::size_t cut = s.size();
    if (s.size() > max_bytes) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string out;
    out.reserve(cut + 4);
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < cut; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        } else {
            out += static_cast<char>(c);
        }
    }
    if (cut < s.size()) out += "…";
    return out;
}

// 'text' for messages.
inline std::string squote(std::string_view s) {
    return "'" + truncate_for_message(s) + "'";
}

// 2 MiB, 1.5 KiB, 12 bytes.
inline std::string format_size(std::size_t bytes) {
    auto one_decimal = [](double v) {
        std::string s = std::to_string(static_cast<long long>(v * 10 + 0.5));
        if (s.size() == 1) s = "0" + s;
        std::string out = s.substr(0, s.size() - 1);
        if (s.back() != '0') out += "." + s.substr(s.size() - 1);
        return out;
    };
    if (bytes >= (1u << 20)) return one_decimal(static_cast<double>(bytes) / (1u << 20)) + " MiB";
    if (bytes >= 1024) return one_decimal(static_cast<double>(bytes) / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace dd::yaml

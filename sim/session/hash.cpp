#include "hash.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

namespace dd::session {

namespace {
void init_sodium() {
    // Idempotent and thread-safe; -1 only when the system has no usable randomness.
    static const int rc = sodium_init();
    if (rc < 0) throw std::runtime_error("libsodium could not be initialised");
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
    init_sodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> h{};
    crypto_hash_sha256(h.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size());
    std::string out(h.size() * 2, '0');
    static constexpr char kHex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < h.size(); ++i) {
        out[2 * i] = kHex[h[i] >> 4];
        out[2 * i + 1] = kHex[h[i] & 0xF];
    }
    return out;
}

namespace {
// 16 bytes as a UUID of `version` (RFC 4122 variant), lowercase.
std::string uuid_text(std::array<unsigned char, 16> b, int version) {
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | (version << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char buf[37];
    std::snprintf(buf, sizeof buf,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                  b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return buf;
}
}  // namespace

std::string new_uuid() {
    init_sodium();
    std::array<unsigned char, 16> b{};
    randombytes_buf(b.data(), b.size());
    return uuid_text(b, 4);
}

std::string name_uuid(std::string_view name) {
    init_sodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> h{};
    crypto_hash_sha256(h.data(), reinterpret_cast<const unsigned char*>(name.data()), name.size());
    std::array<unsigned char, 16> b{};
    std::copy_n(h.begin(), b.size(), b.begin());
    return uuid_text(b, 8);
}

}  // namespace dd::session

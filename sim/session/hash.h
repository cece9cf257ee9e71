// Content hashes and attempt ids: SHA-256 (libsodium) in lowercase hex, random UUIDs (v4).
#pragma once
#include <string>
#include <string_view>

namespace dd::session {

// SHA-256 of the bytes, 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);
// A random UUID, version 4, lowercase ("3f2b…-4…-a…"), from the system's CSPRNG.
std::string new_uuid();
// A UUID named by `name` (version 8 of RFC 9562, from its SHA-256): the same name, the same id.
std::string name_uuid(std::string_view name);

}  // namespace dd::session

// Inside the hub: connecting (search_path set to the hub's schema, its version checked), and
// turning a PgError into the store's Error with what happened to the user's data. Not for use
// outside sim/hub.
#pragma once
#include <memory>
#include <string>

#include "hub.h"
#include "pg.h"

namespace dd::hub {

inline constexpr const char* kSchema = "deskdrill";

// Connects and sets search_path to the hub's schema. With `check_version`, refuses a hub that is
// not initialised or at another schema version (PgError with a message saying what to run).
std::unique_ptr<pg::Conn> connect(const std::string& conninfo, bool check_version = true);

// The hub's schema version (0: not initialised).
int hub_version(pg::Conn& c);

Error to_error(const pg::PgError& e);

// Runs f() and turns a PgError (or any exception) into an Error.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const pg::PgError& e) {
        return to_error(e);
    } catch (const std::exception& e) {
        return Error{ErrorCode::Io, e.what()};
    }
}

}  // namespace dd::hub

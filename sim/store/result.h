// Errors of the records store: a code (what the front end decides on) and a message for the
// operator. The store's API returns Result<T>; nothing throws across it.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace dd::store {

enum class ErrorCode {
    BadInput,      // a value the caller gave is not acceptable (an unknown mode, an empty name)
    NotFound,      // no such person, attempt, assignment…
    Denied,        // the principal's role does not allow it
    Conflict,      // it exists already (an employee number, an attempt uuid)
    Busy,          // another process held the database longer than the busy timeout
    Full,          // the disk (or the database's size limit) is full
    ReadOnly,      // the file, its folder or the file system cannot be written
    NotADatabase,  // the file is not an SQLite database (or is damaged at its start)
    Foreign,       // an SQLite database, but not DeskDrill's records
    TooNew,        // written by a newer DeskDrill (a higher schema version)
    Corrupt,       // SQLite found damage
    Io,            // anything else the system refused
    Unreachable,   // a hub could not be reached or the connection dropped: try again later
};

std::string_view error_code_name(ErrorCode c);

struct Error {
    ErrorCode code = ErrorCode::Io;
    std::string message;
};

struct Ok {};

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
    Result(Error e) : v_(std::move(e)) {}      // NOLINT
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const Error& error() const { return std::get<1>(v_); }

  private:
    std::variant<T, Error> v_;
};

using Status = Result<Ok>;

}  // namespace dd::store

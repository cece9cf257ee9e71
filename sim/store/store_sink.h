// The store sink: an attempt, when it ends, written to the records (session/record.h's
// AttemptSink) in one transaction, as the principal of the session that made it.
#pragma once
#include <memory>
#include <string>

#include "sim/session/record.h"
#include "store.h"

namespace dd::store {

class StoreSink final : public session::AttemptSink {
  public:
    StoreSink(std::shared_ptr<Store> store, Principal who)
        : store_(std::move(store)), who_(std::move(who)) {}
    bool write(const session::AttemptRecord& record, std::string* error) override;
    // What the last write stored (seq 0 before the first).
    const StoredAttempt& last() const { return last_; }
    // The code of the last failure (what the front end decides on).
    std::optional<ErrorCode> last_error() const { return last_error_; }

  private:
    std::shared_ptr<Store> store_;
    Principal who_;
    StoredAttempt last_;
    std::optional<ErrorCode> last_error_;
};

}  // namespace dd::store

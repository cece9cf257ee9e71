// The store sink (store_sink.h).
#include "store_sink.h"

namespace dd::store {

bool StoreSink::write(const session::AttemptRecord& record, std::string* error) {
    auto r = store_->add_attempt(who_, record);
    if (!r) {
        last_error_ = r.error().code;
        if (error) *error = r.error().message;
        return false;
    }
    last_error_.reset();
    last_ = *r;
    return true;
}

}  // namespace dd::store

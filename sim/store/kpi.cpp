// KPIs of one attempt (kpi.h).
#include "kpi.h"

#include <map>

namespace dd::store {

Kpi measure_kpi(const AttemptLog& log) {
    Kpi k;
    std::map<std::string, Millis> first_reply;
    for (const NodeVisit& v : log.visits) {
        if (!v.first_reply_at) continue;
        auto [it, fresh] = first_reply.emplace(v.thread, *v.first_reply_at);
        if (!fresh && *v.first_reply_at < it->second) it->second = *v.first_reply_at;
    }
    for (const ThreadRecord& t : log.threads) {
        if (t.kind == ThreadRecord::Kind::Alarm) continue;
        if (t.kind == ThreadRecord::Kind::Phone) {
            ++k.phone_calls;
            if (t.answered_at && t.rings_before_answer <= 3) ++k.phone_within_3;
        }
        if (auto it = first_reply.find(t.id); it != first_reply.end()) {
            ++k.response_n;
            k.response_ms += it->second - t.opened_at;
        }
        if (t.ended_at) {
            ++k.resolution_n;
            k.resolution_ms += *t.ended_at - t.opened_at;
        }
    }
    return k;
}

}  // namespace dd::store

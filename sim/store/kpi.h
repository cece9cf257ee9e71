// Seed 004 §2's KPIs measured in one attempt log, stored with the attempt so reports sum them:
//   answer within three rings  phone threads picked up after at most 3 rings / phone threads
//   response time              per caller or visitor thread that got a reply: from the thread
//                              opening (first ring, arrival) to the trainee's first reply
//   resolution time            per caller or visitor thread that ended: opening to its end
//   complaint handling success passed attempts of complaint scenarios (category complaint) /
//                              complaint attempts — from the result, not from the log
#pragma once
#include "sim/model/attempt_log.h"
#include "store.h"

namespace dd::store {

Kpi measure_kpi(const AttemptLog& log);

}  // namespace dd::store

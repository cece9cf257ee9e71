#include "transcript.h"

namespace dd {

std::string_view verb_name(Verb v) {
    switch (v) {
        case Verb::Answer: return "answer";
        case Verb::Hold: return "hold";
        case Verb::Say: return "say";
        case Verb::Choose: return "choose";
        case Verb::Record: return "record";
        case Verb::Classify: return "classify";
        case Verb::Dispatch: return "dispatch";
        case Verb::Escalate: return "escalate";
        case Verb::Call: return "call";
        case Verb::Notify: return "notify";
        case Verb::RegisterVisitor: return "register_visitor";
        case Verb::Broadcast: return "broadcast";
        case Verb::HandOver: return "hand_over";
        case Verb::HangUp: return "hang_up";
        case Verb::Wait: return "wait";
        case Verb::End: return "end";
        case Verb::Focus: return "focus";
    }
    return "?";
}

}  // namespace dd

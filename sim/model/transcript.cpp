#include "transcript.h"

namespace dd {

std::string_view verb_name(Verb v) {
    return spec_of(v).name;
}

}  // namespace dd

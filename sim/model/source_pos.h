// A place in an input file: 1-based line and character column (0 = no place). Carried by the
// model (where a scenario key was written) and by every diagnostic.
#pragma once

namespace dd {

struct SourcePos {
    int line = 0;
    int col = 0;
};

}  // namespace dd

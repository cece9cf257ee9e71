// Problems found in an input file, each with its place: printed as
//   path:line:col: error: message      (or "path: error: message" where no place exists)
// Loaders collect every problem in a file rather than stopping at the first.
#pragma once
#include <string>
#include <vector>

#include "sim/model/source_pos.h"

namespace dd {

struct Diagnostic {
    enum class Severity { Error, Warning };
    std::string file;
    int line = 0;   // 1-based; 0 = no place
    int col = 0;
    Severity severity = Severity::Error;
    std::string message;
};

std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
public:
    void error(const std::string& file, SourcePos pos, std::string message);
    void warning(const std::string& file, SourcePos pos, std::string message);
    bool has_errors() const;
    std::size_t error_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    // All items, one formatted line each, in file/line order.
    std::string to_string() const;
    void clear() { items_.clear(); }

private:
    std::vector<Diagnostic> items_;
};

}  // namespace dd

#include "common/yaml/diagnostics.h"

#include <algorithm>

namespace dd {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("<input>") : d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
        if (d.col > 0) out += ":" + std::to_string(d.col);
    }
    out += d.severity == Diagnostic::Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

void Diagnostics::error(const std::string& file, SourcePos pos, std::string message) {
    items_.push_back({file, pos.line, pos.col, Diagnostic::Severity::Error, std::move(message)});
}

void Diagnostics::warning(const std::string& file, SourcePos pos, std::string message) {
    items_.push_back({file, pos.line, pos.col, Diagnostic::Severity::Warning, std::move(message)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const auto& d) {
        return d.severity == Diagnostic::Severity::Error;
    }));
}

std::string Diagnostics::to_string() const {
    std::vector<Diagnostic> sorted = items_;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.line != b.line) return a.line < b.line;
        return a.col < b.col;
    });
    std::string out;
    for (const auto& d : sorted) out += format_diagnostic(d) + "\n";
    return out;
}

}  // namespace dd

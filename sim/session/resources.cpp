// Loading the lexicon and the catalogue with their snapshots (resources.h). Scoring goes through
// here for both front ends, so the window's reports and `deskdrill play`'s are the same bytes.
#include "resources.h"

#include "common/yaml/yaml_safe.h"
#include "hash.h"
#include "scoring/rubric/scorer.h"
#include "scoring/text/lexicon.h"

namespace dd::session {

namespace {

Snapshot snapshot_of(std::string text, const std::string& path) {
    Snapshot s;
    s.path = path;
    s.hash = sha256_hex(text);
    s.text = std::make_shared<const std::string>(std::move(text));
    return s;
}

// Errors of `from` into `problems` (formatted) and `to`.
void take_errors(const Diagnostics& from, std::vector<std::string>& problems, Diagnostics& to) {
    for (const auto& d : from.items()) {
        if (d.severity != Diagnostic::Severity::Error) continue;
        problems.push_back(format_diagnostic(d));
        to.error(d.file, {d.line, d.col}, d.message);
    }
}

// Builds from texts; a text that could not be read is nullopt (its error already in `diags`).
std::shared_ptr<const Resources> build(std::optional<std::string> lexicon_text,
                                       const std::string& lexicon_name,
                                       std::optional<std::string> catalogue_text,
                                       const std::string& catalogue_name, Diagnostics& diags,
                                       std::string_view detection) {
    auto r = std::make_shared<Resources>();
    Detection how = kPlayDetection;
    if (!detection.empty()) {
        if (const auto d = detection_of_identity(detection))
            how = *d;
        else
            r->problems.push_back(lexicon_name + ": warning: detection '" + std::string(detection) +
                                  "' is not in this build; played with '" +
                                  std::string(detection_name(how)) + "' instead");
    }
    if (lexicon_text) {
        Diagnostics d;
        r->lexicon_snapshot = snapshot_of(std::move(*lexicon_text), lexicon_name);
        if (auto lex = parse_lexicon(*r->lexicon_snapshot.text, lexicon_name, d);
            lex && !d.has_errors()) {
            r->lexicon_snapshot.version = std::to_string(lex->version);
            r->mood = lex->mood;
            if (auto det = LexiconDetector::build(*lex, d, how))
                r->detector = std::shared_ptr<const ActDetector>(std::move(det));
        }
        take_errors(d, r->problems, diags);
    }
    if (!r->detector)
        r->problems.push_back(lexicon_name +
                              ": error: the lexicon could not be loaded; nothing can be played");
    if (catalogue_text) {
        Diagnostics d;
        r->catalogue_snapshot = snapshot_of(std::move(*catalogue_text), catalogue_name);
        if (auto cat = parse_catalogue(*r->catalogue_snapshot.text, catalogue_name, d);
            cat && !d.has_errors()) {
            r->catalogue_snapshot.version = cat->version;
            r->catalogue = std::make_shared<const Catalogue>(std::move(*cat));
        }
        take_errors(d, r->problems, diags);
    }
    if (!r->catalogue)
        r->problems.push_back(catalogue_name +
                              ": error: the standards catalogue could not be loaded; attempts "
                              "can be played but not scored");
    return r;
}

}  // namespace

std::shared_ptr<const Resources> Resources::from_texts(std::string lexicon_text,
                                                       const std::string& lexicon_name,
                                                       std::string catalogue_text,
                                                       const std::string& catalogue_name,
                                                       Diagnostics& diags,
                                                       std::string_view detection) {
    return build(std::move(lexicon_text), lexicon_name, std::move(catalogue_text), catalogue_name,
                 diags, detection);
}

std::shared_ptr<const Resources> Resources::load(const std::string& lexicon_path,
                                                 const std::string& standards_path,
                                                 Diagnostics& diags) {
    Diagnostics read;
    auto lexicon = yaml::read_file_text(lexicon_path, read);
    auto catalogue = yaml::read_file_text(standards_path, read);
    std::vector<std::string> unread;
    take_errors(read, unread, diags);
    auto r = build(std::move(lexicon), lexicon_path, std::move(catalogue), standards_path, diags, {});
    if (unread.empty()) return r;
    auto with_reasons = std::make_shared<Resources>(*r);
    with_reasons->problems.insert(with_reasons->problems.begin(), unread.begin(), unread.end());
    return with_reasons;
}

std::optional<ScoreReport> Resources::score(const Scenario& scenario, const AttemptLog& log) const {
    if (!catalogue) return std::nullopt;
    ScoreOptions opts;
    opts.detector = detector.get();
    return score_attempt(scenario, log, *catalogue, opts);
}

const Criterion* Resources::criterion(const std::string& id) const {
    return catalogue ? catalogue->find(id) : nullptr;
}

}  // namespace dd::session

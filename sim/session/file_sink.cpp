// The file sink (file_sink.h).
#include "file_sink.h"

#include "data_dirs.h"
#include "files.h"
#include "sim/engine/log_format.h"
#include "sim/load/transcript_writer.h"

namespace dd::session {

FileSink::FileSink(FileSinkOptions options) : options_(std::move(options)) {
    if (options_.dir.empty()) options_.dir = transcripts_dir();
    // A save killed between writing and renaming leaves a temporary file: clear them now.
    remove_stale_temporaries(options_.dir);
    if (!options_.transcript_path.empty()) {
        const auto slash = options_.transcript_path.rfind('/');
        remove_stale_temporaries(slash == std::string::npos
                                     ? std::string(".")
                                     : options_.transcript_path.substr(0, slash));
    }
}

std::string transcript_file_text(const AttemptRecord& r) {
    std::string comment = "DeskDrill attempt " + r.uuid + " (" + std::string(mode_name(r.mode)) +
                          (r.choice_mode ? ", choice mode" : "") + ", " +
                          std::string(ending_name(r.ending)) + ", " +
                          std::string(origin_name(r.origin)) + ").\nReplay: deskdrill play " +
                          r.scenario_id + " --transcript <this file>";
    return transcript_to_yaml(r.transcript, comment);
}

bool FileSink::write(const AttemptRecord& r, std::string* error) {
    if (options_.transcript) {
        const std::string text = transcript_file_text(r);
        if (!options_.transcript_path.empty()) {
            if (!write_file_atomic(options_.transcript_path, text, error)) return false;
            last_transcript_ = options_.transcript_path;
        } else {
            std::string path = write_new_file(options_.dir, r.scenario_id, ".yaml", text, error);
            if (path.empty()) return false;
            last_transcript_ = std::move(path);
        }
    }
    if (!options_.report_path.empty() && r.report &&
        !write_file_atomic(options_.report_path, report_to_json(*r.report), error))
        return false;
    if (!options_.log_path.empty() &&
        !write_file_atomic(options_.log_path, log_to_json(r.log), error))
        return false;
    return true;
}

}  // namespace dd::session

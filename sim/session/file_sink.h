// The file sink: a record as loose files — the transcript (YAML, DESIGN §3, replayable with
// `deskdrill play`), and on request the report (the JSON `play --json` prints) and the attempt
// log (the JSON `play --log --json` prints). Every file is written durably and atomically
// (session/files.h); transcripts saved by themselves get a new name each, never replacing one.
#pragma once
#include <string>

#include "record.h"

namespace dd::session {

struct FileSinkOptions {
    std::string dir;              // transcripts saved by themselves (default: transcripts_dir())
    std::string transcript_path;  // a fixed path instead (replaced on each attempt)
    std::string report_path;      // "" = no report file
    std::string log_path;         // "" = no log file
    bool transcript = true;       // false: only the report/log files
};

class FileSink final : public AttemptSink {
  public:
    explicit FileSink(FileSinkOptions options);
    bool write(const AttemptRecord& record, std::string* error) override;
    // Where the last transcript went ("" before the first).
    const std::string& last_transcript() const { return last_transcript_; }

  private:
    FileSinkOptions options_;
    std::string last_transcript_;
};

// The transcript file of a record: its header comment (who, how, how it ended, how to replay)
// and the actions.
std::string transcript_file_text(const AttemptRecord& record);

}  // namespace dd::session

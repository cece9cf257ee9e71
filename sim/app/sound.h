// The desk's sounds, the desktop's way: the freedesktop sound theme's events through libcanberra
// — a ring per phone ring (phone-incoming-call), a visitor at the counter (message-new-instant,
// else bell), an alarm (alarm-clock-elapsed). DeskSounds turns new attempt-log entries into cues
// and hands them to a SoundOut; tests give it a counting one. With no audio device (CI, a
// server) the canberra output goes quiet after saying so once.
#pragma once
#include <array>
#include <cstddef>
#include <memory>
#include <string>

#include "sim/model/attempt_log.h"

namespace dd::app {

enum class Cue { Ring, Visitor, Alarm };
inline constexpr std::size_t kCueCount = 3;
// The sound theme's event id of a cue.
const char* cue_event_id(Cue c);

class SoundOut {
  public:
    virtual ~SoundOut() = default;
    virtual void play(Cue c) = 0;
};

// libcanberra; never null. Opens lazily on the first cue; when the device cannot be opened or
// a sound cannot be played it says so once on stderr and plays nothing more.
std::unique_ptr<SoundOut> make_canberra_out();

class DeskSounds {
  public:
    explicit DeskSounds(std::unique_ptr<SoundOut> out) : out_(std::move(out)) {}
    // Plays the cues of the log's entries not seen yet (a new attempt starts again from its
    // first entry). Muted: they are counted as seen, not played.
    void update(const void* attempt, const AttemptLog& log, bool muted);
    // Cues asked of the output so far.
    int played(Cue c) const { return played_[static_cast<std::size_t>(c)]; }

  private:
    std::unique_ptr<SoundOut> out_;
    const void* attempt_ = nullptr;
    std::size_t seen_ = 0;
    std::array<int, kCueCount> played_{};
};

}  // namespace dd::app

// Log entries → cues → libcanberra.
#include "sound.h"

#include <canberra.h>

#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <utility>

namespace dd::app {

namespace {

// A sound server's socket or an ALSA playback device. Without either, libcanberra's ALSA backend
// prints a page of "cannot find card '0'" before failing: the desk does not ask it then.
bool audio_device_present() {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (std::getenv("PULSE_SERVER")) return true;
    if (const char* run = std::getenv("XDG_RUNTIME_DIR"))
        for (const char* sock : {"/pulse/native", "/pipewire-0"})
            if (fs::exists(std::string(run) + sock, ec)) return true;
    for (const auto& e : fs::directory_iterator("/dev/snd", ec)) {
        const std::string n = e.path().filename().string();
        if (n.rfind("pcmC", 0) == 0 && !n.empty() && n.back() == 'p') return true;
    }
    return false;
}

class CanberraOut final : public SoundOut {
  public:
    ~CanberraOut() override {
        if (ctx_) ca_context_destroy(ctx_);
    }

    void play(Cue c) override {
        if (broken_) return;
        if (!ctx_ && !open()) return;
        int r = play_event(cue_event_id(c));
        // Themes without message-new-instant still have the bell.
        if (r == CA_ERROR_NOTFOUND && c == Cue::Visitor) r = play_event("bell");
        if (r < 0) give_up(ca_strerror(r));
    }

  private:
    bool open() {
        if (!audio_device_present()) {
            give_up("no audio device");
            return false;
        }
        int r = ca_context_create(&ctx_);
        if (r >= 0)
            r = with_props(
                {{CA_PROP_APPLICATION_NAME, "DeskDrill"},
                 {CA_PROP_APPLICATION_ID, "org.deskdrill.DeskDrill"}},
                [this](ca_proplist* p) { return ca_context_change_props_full(ctx_, p); });
        if (r >= 0) r = ca_context_open(ctx_);
        if (r < 0) {
            give_up(ca_strerror(r));
            return false;
        }
        return true;
    }

    // libcanberra's calls with a property list (the _full forms, not the variadic ones: the
    // library is loaded on first use, sim/lazylibs, which forwards fixed arguments only).
    template <typename Call>
    static int with_props(std::initializer_list<std::pair<const char*, const char*>> props,
                          Call call) {
        ca_proplist* p = nullptr;
        int r = ca_proplist_create(&p);
        for (const auto& [key, value] : props)
            if (r >= 0) r = ca_proplist_sets(p, key, value);
        if (r >= 0) r = call(p);
        if (p) ca_proplist_destroy(p);
        return r;
    }

    int play_event(const char* event_id) {
        return with_props({{CA_PROP_EVENT_ID, event_id}}, [this](ca_proplist* p) {
            return ca_context_play_full(ctx_, 0, p, nullptr, nullptr);
        });
    }

    // Once: a machine without sound is told, not flooded (one line per ring would be).
    void give_up(const char* why) {
        broken_ = true;
        std::cerr << "deskdrill: no sound (" << why << "); the desk carries on silently\n";
    }

    ca_context* ctx_ = nullptr;
    bool broken_ = false;
};

}  // namespace

const char* cue_event_id(Cue c) {
    switch (c) {
        case Cue::Ring:
            return "phone-incoming-call";
        case Cue::Visitor:
            return "message-new-instant";
        case Cue::Alarm:
            return "alarm-clock-elapsed";
    }
    return "bell";
}

std::unique_ptr<SoundOut> make_canberra_out() {
    return std::make_unique<CanberraOut>();
}

void DeskSounds::update(const void* attempt, const AttemptLog& log, bool muted) {
    if (attempt != attempt_ || seen_ > log.entries.size()) {
        attempt_ = attempt;
        seen_ = 0;
    }
    for (; seen_ < log.entries.size(); ++seen_) {
        const LogEntry& e = log.entries[seen_];
        Cue cue;
        if (e.kind == LogEntry::Kind::Ring) {
            cue = Cue::Ring;
        } else if (e.kind == LogEntry::Kind::Inject && !e.thread.empty()) {
            const ThreadRecord* t = log.thread(e.thread);
            if (!t || t->kind == ThreadRecord::Kind::Phone) continue;  // its rings ring
            cue = t->kind == ThreadRecord::Kind::Alarm ? Cue::Alarm : Cue::Visitor;
        } else {
            continue;
        }
        if (muted) continue;
        ++played_[static_cast<std::size_t>(cue)];
        out_->play(cue);
    }
}

}  // namespace dd::app

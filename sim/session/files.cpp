// Durable, collision-free saves (files.h).
#include "files.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

namespace dd::session {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTmpMark = ".tmp-";

std::string errno_text(int e) {
    return std::strerror(e);
}

void sync_folder(const fs::path& dir) {
    const std::string d = dir.empty() ? std::string(".") : dir.string();
    if (const int fd = ::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Writes a fresh temporary file beside `target` and syncs it; returns its path or "".
std::string write_temporary(const fs::path& target, std::string_view text, std::string* error) {
    static std::atomic<unsigned> counter{0};
    const fs::path tmp =
        target.parent_path() / ("." + target.filename().string() + std::string(kTmpMark) +
                                std::to_string(::getpid()) + "-" + std::to_string(++counter));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error) *error = "cannot write " + target.string() + ": " + errno_text(errno);
        return {};
    }
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = done == text.size() && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(tmp.c_str());
        if (error)
            *error = "cannot write " + target.string() + ": " +
                     errno_text(saved ? saved : ENOSPC);
        return {};
    }
    return tmp.string();
}

bool make_folder(const fs::path& dir, const std::string& what, std::string* error) {
    if (dir.empty()) return true;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        if (error) *error = "cannot create the folder of " + what + ": " + ec.message();
        return false;
    }
    return true;
}

std::string stamp_now() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s-%03d", buf, static_cast<int>(ms));
    return out;
}

}  // namespace

bool write_file_atomic(const std::string& path, std::string_view text, std::string* error) {
    const fs::path target(path);
    if (!make_folder(target.parent_path(), path, error)) return false;
    const std::string tmp = write_temporary(target, text, error);
    if (tmp.empty()) return false;
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        if (error) *error = "cannot write " + path + ": " + errno_text(e);
        return false;
    }
    sync_folder(target.parent_path());
    return true;
}

std::string write_new_file(const std::string& dir, const std::string& stem, const std::string& ext,
                           std::string_view text, std::string* error) {
    const fs::path folder(dir);
    const std::string base = stem + "-" + stamp_now();
    if (!make_folder(folder, folder.string(), error)) return {};
    const std::string tmp = write_temporary(folder / (base + ext), text, error);
    if (tmp.empty()) return {};
    for (int n = 1; n < 10'000; ++n) {
        const fs::path name = folder / (n == 1 ? base + ext : base + "-" + std::to_string(n) + ext);
        if (::link(tmp.c_str(), name.c_str()) == 0) {
            ::unlink(tmp.c_str());
            sync_folder(folder);
            return name.string();
        }
        if (errno != EEXIST) {
            const int e = errno;
            ::unlink(tmp.c_str());
            if (error) *error = "cannot save " + name.string() + ": " + errno_text(e);
            return {};
        }
    }
    ::unlink(tmp.c_str());
    if (error) *error = "cannot save in " + dir + ": every name for " + base + " is taken";
    return {};
}

int remove_stale_temporaries(const std::string& dir) {
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] != '.') continue;
        const auto mark = name.rfind(kTmpMark);
        if (mark == std::string::npos) continue;
        const std::string rest = name.substr(mark + kTmpMark.size());
        const auto dash = rest.find('-');
        if (dash == std::string::npos || dash == 0 || dash > 9) continue;
        pid_t pid = 0;
        bool digits = true;
        for (std::size_t i = 0; i < dash; ++i) {
            if (rest[i] < '0' || rest[i] > '9') digits = false;
            else pid = pid * 10 + (rest[i] - '0');
        }
        if (!digits || pid <= 0) continue;
        // A save in progress in a living process is not stale.
        if (::kill(pid, 0) == 0 || errno == EPERM) continue;
        std::error_code rm;
        if (it->is_regular_file(rm) && fs::remove(it->path(), rm)) ++removed;
    }
    return removed;
}

}  // namespace dd::session

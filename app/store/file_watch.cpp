#include "app/store/file_watch.h"

#include <cerrno>
#include <filesystem>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace tapsheet {

FileWatch::FileWatch(const std::string& db_path, std::function<void()> on_change)
    : on_change_(std::move(on_change)) {
    const std::filesystem::path path = std::filesystem::absolute(db_path);
    file_name_ = path.filename().string();
    int inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_fd < 0) return;
    // The folder, not the files: the WAL comes and goes, and the database
    // may not exist yet when the board starts before the kiosk.
    const uint32_t mask = IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_DELETE;
    stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (stop_fd_ < 0 || inotify_add_watch(inotify_fd, path.parent_path().c_str(), mask) < 0) {
        close(inotify_fd);
        return;
    }
    inotify_fd_ = inotify_fd;
    thread_ = std::thread([this] { Run(); });
}

FileWatch::~FileWatch() {
    if (thread_.joinable()) {
        const uint64_t one = 1;
        (void)!write(stop_fd_, &one, sizeof one);
        thread_.join();
    }
    if (inotify_fd_ >= 0) close(inotify_fd_);
    if (stop_fd_ >= 0) close(stop_fd_);
}

bool FileWatch::Concerns(const char* name) const {
    const std::string_view seen(name);
    if (seen.substr(0, file_name_.size()) != file_name_) return false;
    const std::string_view rest = seen.substr(file_name_.size());
    return rest.empty() || rest == "-wal" || rest == "-journal";
}

void FileWatch::Run() {
    alignas(inotify_event) char buffer[4096];
    while (!broken_) {
        pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno != EINTR) broken_ = true;
            continue;
        }
        if (fds[1].revents) return;
        bool changed = false;
        ssize_t got;
        while ((got = read(inotify_fd_, buffer, sizeof buffer)) > 0)
            for (char* at = buffer; at < buffer + got;) {
                const auto* event = reinterpret_cast<const inotify_event*>(at);
                // Overflow: events were lost, so anything may have changed.
                changed =
                    changed || (event->mask & IN_Q_OVERFLOW) || (event->len > 0 && Concerns(event->name));
                // The folder itself went away: this watch sees nothing more.
                if (event->mask & IN_IGNORED) broken_ = true;
                at += sizeof(inotify_event) + event->len;
            }
        // One call per burst: a commit writes the WAL several times. A broken
        // watch also calls, so the caller notices and falls back to polling.
        if (changed || broken_) on_change_();
    }
}

} // namespace tapsheet

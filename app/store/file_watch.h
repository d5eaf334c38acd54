// Wakes the board when the kiosk writes, instead of asking the store 40
// times a second. Watches the database's folder with Linux inotify and calls
// `on_change` (from its own thread) whenever the database file or its WAL
// is written, created or replaced by any process. A read-only connection
// writes neither, so a board reading in a loop never wakes itself.
//
// Where it cannot watch (no folder yet, no inotify, a network file system
// that reports nothing) Ok() is false and the caller keeps polling.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace tapsheet {

// A write is announced before its commit can be read (SQLite writes the WAL
// frames, syncs them, which on an SD card can take long, then publishes the
// commit in shared memory, which inotify does not see), so after each write
// a watcher looks again every kSettlePollSeconds until it has read a commit,
// for at most kSettleAfterWriteSeconds (a checkpoint writes, but commits
// nothing).
inline constexpr double kSettleAfterWriteSeconds = 3.0;
inline constexpr double kSettlePollSeconds = 0.01;

class FileWatch {
  public:
    FileWatch(const std::string& db_path, std::function<void()> on_change);
    ~FileWatch();
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    // false also once the watch broke (its folder removed, an inotify error):
    // the caller then polls, and may make a new FileWatch.
    bool Ok() const { return inotify_fd_ >= 0 && !broken_; }

  private:
    void Run();
    bool Concerns(const char* name) const;

    std::function<void()> on_change_;
    std::string file_name_; // the database's own name; "-wal" and "-journal" follow it
    int inotify_fd_ = -1;
    int stop_fd_ = -1; // an eventfd: written once to end Run()
    std::atomic<bool> broken_{false};
    std::thread thread_;
};

} // namespace tapsheet

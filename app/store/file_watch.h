// Wakes the board when the kiosk writes, instead of asking the store 40
// times a second. Watches the database's folder with Linux inotify and calls
// `on_change` (from its own thread) whenever the database file or its WAL
// is written, created or replaced by any process. A read-only connection
// writes neither, so a board reading in a loop never wakes itself.
//
// Where it cannot watch (no folder yet, no inotify, a network file system
// that reports nothing) Ok() is false and the caller keeps polling.
#pragma once

#include <functional>
#include <string>
#include <thread>

namespace tapsheet {

// A write is announced before its commit can be read (SQLite writes the WAL
// frames, syncs them, then publishes the commit in shared memory, which
// inotify does not see), so a watcher looks again every kSettlePollSeconds
// for kSettleAfterWriteSeconds after each write.
inline constexpr double kSettleAfterWriteSeconds = 0.25;
inline constexpr double kSettlePollSeconds = 0.01;

class FileWatch {
  public:
    FileWatch(const std::string& db_path, std::function<void()> on_change);
    ~FileWatch();
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    bool Ok() const { return inotify_fd_ >= 0; }

  private:
    void Run();
    bool Concerns(const char* name) const;

    std::function<void()> on_change_;
    std::string file_name_; // the database's own name; "-wal" and "-journal" follow it
    int inotify_fd_ = -1;
    int stop_fd_ = -1; // an eventfd: written once to end Run()
    std::thread thread_;
};

} // namespace tapsheet

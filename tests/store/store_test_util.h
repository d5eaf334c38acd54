// Shared helpers for the store tests: a temporary folder per test, a pack
// built by hand, and waiting on the writer's wake() instead of sleeping.
#pragma once

#include "app/core/content.h"
#include "app/store/store.h"
#include "app/store/writer_testing.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace tapsheet::test {

using namespace std::chrono_literals;

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        std::random_device device;
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = "tapsheet-store-";
        if (info) name += std::string(info->test_suite_name()) + "-" + info->name() + "-";
        name += std::to_string(device());
        root_ = std::filesystem::temp_directory_path() / name;
        std::filesystem::create_directories(root_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string Path(const std::string& file) const { return (root_ / file).string(); }

  private:
    std::filesystem::path root_;
};

inline Pack MakePack(const std::string& id = "test-pack", const std::string& text = "id = \"test-pack\"\n") {
    Pack pack;
    pack.id = id;
    pack.source_text = text;
    // Any distinct text will do: the store treats the hash as an opaque key.
    pack.source_hash = "hash-of-" + id + "-" + std::to_string(text.size());
    return pack;
}

inline std::string ReadBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline StepAnswer Answer(const std::string& visit, const std::string& step, std::vector<AnswerRow> rows) {
    StepAnswer answer;
    answer.visit_id = visit;
    answer.step_id = step;
    answer.rows = std::move(rows);
    return answer;
}

inline StepAnswer Skip(const std::string& visit, const std::string& step) {
    StepAnswer answer;
    answer.visit_id = visit;
    answer.step_id = step;
    answer.skipped = true;
    return answer;
}

// The first column of the first row of `sql` on its own connection ("" if none).
inline std::string QueryOne(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string result;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
        result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

// Runs `sql` on a read-write connection of its own; returns the SQLite code.
inline int ExecRaw(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
}

// Counts the writer's wake() calls so a test can block until something
// happened instead of sleeping. Must outlive the writer that calls it.
class Waker {
  public:
    std::function<void()> Function() {
        return [this] {
            {
                std::lock_guard lock(mutex_);
                ++wakes_;
            }
            changed_.notify_all();
        };
    }

    // Re-evaluates `done` after every wake until it holds; false on timeout.
    template <class Done> bool WaitFor(Done done, std::chrono::milliseconds timeout = 20s) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, done);
    }

    // Waits until there were more than `than` wakes; returns how many there were.
    int WaitForMore(int than, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return wakes_ > than; });
        return wakes_;
    }

    int Wakes() {
        std::lock_guard lock(mutex_);
        return wakes_;
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int wakes_ = 0;
};

inline WriterOptions Options(const std::string& path, Waker& waker,
                             std::shared_ptr<const WriterTestHooks> hooks = nullptr) {
    WriterOptions options;
    options.db_path = path;
    options.kiosk_id = "kiosk-test";
    options.wake = waker.Function();
    options.test_hooks = std::move(hooks);
    return options;
}

inline bool WaitReady(VisitWriter& writer, Waker& waker) {
    return waker.WaitFor([&] { return writer.Ready(); });
}

// Collects acks until `count` have arrived (or times out), in arrival order.
inline std::vector<Ack> CollectAcks(VisitWriter& writer, Waker& waker, std::size_t count) {
    std::vector<Ack> all;
    waker.WaitFor([&] {
        for (const Ack& ack : writer.TakeAcks())
            all.push_back(ack);
        return all.size() >= count;
    });
    return all;
}

// Waits for one ticket's ack, dropping earlier ones; false if it failed or never came.
inline bool Committed(VisitWriter& writer, Waker& waker, Ticket ticket) {
    bool committed = false;
    bool seen = false;
    waker.WaitFor([&] {
        for (const Ack& ack : writer.TakeAcks())
            if (ack.ticket == ticket) {
                seen = true;
                committed = ack.committed;
            }
        return seen;
    });
    return committed;
}

} // namespace tapsheet::test

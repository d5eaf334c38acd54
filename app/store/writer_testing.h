// Test hooks for VisitWriter: ways to make the storage fail on demand that
// bind a root user too (CI runs tests as root, whom chmod does not stop).
// The program never sets these.
#pragma once

#include "app/store/store.h"

namespace tapsheet {

struct WriterTestHooks {
    // > 0: after opening, cap the file at its current size plus this many
    // pages (`PRAGMA max_page_count`), so a later write fails with
    // SQLITE_FULL exactly as on a full disk.
    int extra_pages = 0;

    // 0: open the file with SQLITE_OPEN_READONLY, which is what SQLite itself
    // falls back to when the file or its file system is read-only.
    // > 0: after this many committed writes, turn on `PRAGMA query_only`, so
    // later writes fail with SQLITE_READONLY, like a stick whose lock switch
    // was flipped. < 0: off.
    int read_only_after_writes = -1;

    // > 0: how long to wait for a lock held by another connection before
    // giving up with SQLITE_BUSY (the program waits 5 s).
    int busy_timeout_ms = 0;

    // > 0: how long the writer keeps retrying a write that finds the lock
    // held before it declares the store out of service (the program: 60 s).
    int busy_give_up_ms = 0;
};

} // namespace tapsheet

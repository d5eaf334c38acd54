// The kiosk's durable record: SQLite in WAL mode with synchronous=FULL.
// Every answer is its own short transaction, committed on a writer thread so
// a slow disk never stalls a frame; the UI acknowledges an answer only once
// its ticket comes back as committed.
#pragma once

#include "app/core/answer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tapsheet {

struct Pack;

// What staff see on the out-of-service notice when the database is unusable.
struct StoreHealth {
    bool ok = true;
    std::string problem; // "The database file is read-only: /var/lib/..."
    std::string advice;  // "Check the disk ... then restart the kiosk."
};

// AnswerRow, StepAnswer and VisitEnd live in app/core/answer.h.


using Ticket = std::uint64_t;

struct Ack {
    Ticket ticket = 0;
    bool committed = false; // false: the write failed; Health() says why
};

struct WriterOptions {
    std::string db_path;
    std::string kiosk_id = "kiosk-1";
    std::function<void()> wake; // called from the writer thread after each ack
};

class VisitWriter {
public:
    // Opens (creating and migrating) the database on the writer thread and
    // records the pack (its text and hash) so results stay interpretable.
    VisitWriter(WriterOptions options, const Pack& pack);
    ~VisitWriter(); // drains the queue, then joins the thread
    VisitWriter(const VisitWriter&) = delete;
    VisitWriter& operator=(const VisitWriter&) = delete;

    Ticket BeginVisit(const std::string& visit_id, const std::string& lang);
    Ticket SaveAnswer(StepAnswer answer);
    Ticket EndVisit(const std::string& visit_id, VisitEnd end);

    std::vector<Ack> TakeAcks(); // acks since the last call, in commit order
    StoreHealth Health() const;
    bool Ready() const;          // database opened (or failed) on the thread
    std::size_t Pending() const; // queued or in flight

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A new anonymous visit id: random, no device or personal data in it.
std::string NewVisitId();

} // namespace tapsheet

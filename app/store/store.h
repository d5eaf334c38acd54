// The kiosk's durable record: SQLite in WAL mode with synchronous=FULL.
// Every answer is its own short transaction, committed on a writer thread so
// a slow disk never stalls a frame; the UI acknowledges an answer only once
// its ticket comes back as committed.
//
// Timestamps in the database are ISO-8601 UTC text with milliseconds
// ("2024-04-11T09:30:05.123Z"): readable in a CSV or a SQLite shell, and they
// sort as text. The schema is described in schema.cpp; reader.h reads it.
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
    // false: the write failed. With !Health().ok the store is out of service
    // and Health() says why; with Health().ok only this request was refused
    // (e.g. an answer for a visit that was never begun) and nothing else is
    // affected.
    bool committed = false;
    double transaction_ms = 0; // BEGIN IMMEDIATE .. COMMIT on the writer thread
};

// What the writer's own connection really runs with, read back after opening.
struct Durability {
    std::string journal_mode; // "wal"
    int synchronous = -1;     // 2 = FULL
};

struct WriterTestHooks; // writer_testing.h; tests only

// Anti-stuffing without identities: when a visit ends, if at least
// `burst_visits` visits of this kiosk that ended within `burst_minutes`
// (this one included) gave exactly the same answers, all of them are
// flagged (kept, left out of tallies, counted as filtered). Only visits that
// answered at least `min_steps` steps take part: honest visits that answer
// only the polls (three in the default pack, of 3, 2 and 4 options) are
// often alike, as at a table of colleagues, and are never flagged; identical
// answers to the polls AND the sheet or the domains are what a stuffer gives.
struct StuffingRules {
    int burst_visits = 4; // 0: never flag
    int burst_minutes = 3;
    int min_steps = 4;
};

struct WriterOptions {
    std::string db_path;
    std::string kiosk_id = "kiosk-1";
    // Called from the writer thread after each ack, and once when opening has
    // finished (so a UI waiting for events notices Ready() and Health()).
    std::function<void()> wake;
    StuffingRules stuffing;
    std::shared_ptr<const WriterTestHooks> test_hooks; // null in the program
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
    Ticket EndVisit(const std::string& visit_id, VisitEnd end); // only an open visit
    // The facilitator's round (meta "round"); visits begun after it carry it.
    Ticket SetRound(int round);
    // The round after the store's current one, counted in the transaction:
    // two presses (or two boards) give two rounds, whatever a board last read.
    Ticket NextRound();
    // Anti-stuffing: a flagged visit is kept but left out of tallies.
    Ticket SetFiltered(const std::string& visit_id, bool filtered);
    // The facilitator's decision on one free text (every visit that wrote
    // exactly `text` for that step and item). approved=false: rejected.
    Ticket Moderate(const std::string& step_id, const std::string& item_id, const std::string& text,
                    bool approved);
    // Steps whose results the board keeps hidden until revealed (meta
    // "board_hidden"), kept so a restarted board does not reveal them.
    Ticket SetHiddenSteps(const std::vector<std::string>& step_ids);

    std::vector<Ack> TakeAcks(); // acks since the last call, in commit order
    StoreHealth Health() const;
    bool Ready() const;          // database opened (or failed) on the thread
    Durability Settings() const; // valid once Ready()
    std::size_t Pending() const; // queued or in flight

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A new anonymous visit id: random, no device or personal data in it.
std::string NewVisitId();

} // namespace tapsheet

// VisitWriter: a queue in front of one writer thread. The UI thread only
// enqueues and collects acks, so it never waits on the disk.
#include "app/store/health.h"
#include "app/store/stamp.h"
#include "app/store/store.h"
#include "app/store/writer_db.h"
#include "app/store/writer_testing.h"

#include "app/core/content.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

namespace tapsheet {

struct VisitWriter::Impl {
    struct Queued {
        Ticket ticket = 0;
        WriterJob job;
    };

    WriterOptions options;
    Pack pack; // only id, source_text and source_hash are used

    mutable std::mutex mutex;
    std::condition_variable wakeup;
    std::deque<Queued> queue; // guarded by mutex
    std::vector<Ack> acks;    // guarded by mutex
    StoreHealth health;       // guarded by mutex
    bool ready = false;       // guarded by mutex
    bool stopping = false;    // guarded by mutex
    Durability durability;    // guarded by mutex
    std::size_t unacked = 0;  // guarded by mutex: queued + in flight
    Ticket next_ticket = 1;   // guarded by mutex

    WriterDb db; // writer thread only
    std::thread thread;

    Ticket Enqueue(WriterJob job);
    void Run();
    int WriteWaitingForLock(const WriterJob& job, double* transaction_ms);
    bool WaitForJob(Queued* out);
    void Process(const Queued& queued);
    void Finish(Ticket ticket, bool committed, double transaction_ms);
    void Wake();
};

Ticket VisitWriter::Impl::Enqueue(WriterJob job) {
    Ticket ticket = 0;
    {
        std::lock_guard lock(mutex);
        ticket = next_ticket++;
        queue.push_back({ticket, std::move(job)});
        ++unacked;
    }
    wakeup.notify_one();
    return ticket;
}

void VisitWriter::Impl::Run() {
    StoreHealth opened = db.Open(options, pack);
    if (!opened.ok) std::fprintf(stderr, "tapsheet store: %s\n", opened.problem.c_str());
    {
        std::lock_guard lock(mutex);
        health = opened;
        durability = db.Settings();
        ready = true;
    }
    Wake();
    Queued queued;
    while (WaitForJob(&queued))
        Process(queued);
    db.Close();
}

bool VisitWriter::Impl::WaitForJob(Queued* out) {
    std::unique_lock lock(mutex);
    wakeup.wait(lock, [this] { return stopping || !queue.empty(); });
    // Stopping still drains: every queued answer gets its chance to commit.
    if (queue.empty()) return false;
    *out = std::move(queue.front());
    queue.pop_front();
    return true;
}

void VisitWriter::Impl::Process(const Queued& queued) {
    bool in_service = false;
    {
        std::lock_guard lock(mutex);
        in_service = health.ok;
    }
    // Once out of service, refuse rather than retry: a half-working disk
    // must not turn into a kiosk that acknowledges some answers at random.
    if (!in_service) return Finish(queued.ticket, false, 0);
    double transaction_ms = 0;
    const int rc = WriteWaitingForLock(queued.job, &transaction_ms);
    if (rc != SQLITE_OK && IsRequestError(rc)) {
        std::fprintf(stderr, "tapsheet store: write %llu refused: %s\n",
                     static_cast<unsigned long long>(queued.ticket), db.RefusalText(rc).c_str());
    } else if (rc != SQLITE_OK) {
        StoreHealth failed = db.Describe(rc);
        std::fprintf(stderr, "tapsheet store: %s\n", failed.problem.c_str());
        std::lock_guard lock(mutex);
        health = std::move(failed);
    }
    Finish(queued.ticket, rc == SQLITE_OK, transaction_ms);
}

// Another program holding the write lock (an organiser's sqlite3 shell, a
// backup) is not a broken disk: keep trying for a while. The kiosk shows the
// answer as "Saving…" meanwhile; only a lock held for a minute puts the kiosk
// out of service.
int VisitWriter::Impl::WriteWaitingForLock(const WriterJob& job, double* transaction_ms) {
    using Clock = std::chrono::steady_clock;
    const bool hooked = options.test_hooks && options.test_hooks->busy_give_up_ms > 0;
    const auto give_up =
        Clock::now() + std::chrono::milliseconds(hooked ? options.test_hooks->busy_give_up_ms : 60000);
    int rc = db.Write(job, transaction_ms);
    while ((rc & 0xff) == SQLITE_BUSY && Clock::now() < give_up) {
        {
            std::lock_guard lock(mutex);
            if (stopping) break; // shutting down: do not hold the exit up
        }
        rc = db.Write(job, transaction_ms);
    }
    return rc;
}

void VisitWriter::Impl::Finish(Ticket ticket, bool committed, double transaction_ms) {
    {
        std::lock_guard lock(mutex);
        acks.push_back({ticket, committed, transaction_ms});
        --unacked;
    }
    Wake();
}

void VisitWriter::Impl::Wake() {
    if (options.wake) options.wake();
}

VisitWriter::VisitWriter(WriterOptions options, const Pack& pack) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->pack.id = pack.id;
    impl_->pack.source_text = pack.source_text;
    impl_->pack.source_hash = pack.source_hash;
    impl_->thread = std::thread([impl = impl_.get()] { impl->Run(); });
}

VisitWriter::~VisitWriter() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wakeup.notify_one();
    impl_->thread.join();
}

Ticket VisitWriter::BeginVisit(const std::string& visit_id, const std::string& lang) {
    return impl_->Enqueue(BeginJob{visit_id, lang, UtcStampNow()});
}

Ticket VisitWriter::SaveAnswer(StepAnswer answer) {
    // Stamped now, when the attendee answered, not when the disk got to it.
    return impl_->Enqueue(SaveJob{std::move(answer), UtcStampNow()});
}

Ticket VisitWriter::EndVisit(const std::string& visit_id, VisitEnd end) {
    const auto now = std::chrono::system_clock::now();
    const auto window = std::chrono::minutes(impl_->options.stuffing.burst_minutes);
    return impl_->Enqueue(EndJob{visit_id, end, UtcStamp(now), UtcStamp(now - window)});
}

Ticket VisitWriter::SetRound(int round) {
    return impl_->Enqueue(RoundJob{round});
}

Ticket VisitWriter::NextRound() {
    RoundJob job;
    job.next = true;
    return impl_->Enqueue(job);
}

Ticket VisitWriter::SetFiltered(const std::string& visit_id, bool filtered) {
    return impl_->Enqueue(FilterJob{visit_id, filtered});
}

Ticket VisitWriter::Moderate(const std::string& step_id, const std::string& item_id, const std::string& text,
                             bool approved) {
    return impl_->Enqueue(ModerateJob{step_id, item_id, text, approved, UtcStampNow()});
}

Ticket VisitWriter::SetHiddenSteps(const std::vector<std::string>& step_ids) {
    std::string joined;
    for (const std::string& id : step_ids)
        joined += (joined.empty() ? "" : ",") + id;
    return impl_->Enqueue(HiddenJob{joined});
}

std::vector<Ack> VisitWriter::TakeAcks() {
    std::lock_guard lock(impl_->mutex);
    return std::exchange(impl_->acks, {});
}

StoreHealth VisitWriter::Health() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->health;
}

bool VisitWriter::Ready() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->ready;
}

Durability VisitWriter::Settings() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->durability;
}

std::size_t VisitWriter::Pending() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->unacked;
}

} // namespace tapsheet

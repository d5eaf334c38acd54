#include "tests/fuzz/kiosk_file.h"

#include "app/core/answer.h"
#include "app/store/store.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace tapsheet::fuzz {
namespace {

// A VisitWriter driven synchronously: each request waits for its ack.
class SyncWriter {
  public:
    SyncWriter(const std::string& path, const std::string& kiosk_id, const Pack& pack) {
        WriterOptions options;
        options.db_path = path;
        options.kiosk_id = kiosk_id;
        options.wake = [this] {
            std::lock_guard lock(mutex_);
            ++wakes_;
            changed_.notify_all();
        };
        writer_ = std::make_unique<VisitWriter>(options, pack);
        Wait([&] { return writer_->Ready(); });
    }

    VisitWriter& Writer() { return *writer_; }
    bool Healthy() const { return writer_->Health().ok; }

    // Waits for `ticket`'s ack; true when it was committed.
    bool Done(Ticket ticket) {
        bool seen = false, committed = false;
        Wait([&] {
            for (const Ack& ack : writer_->TakeAcks())
                if (ack.ticket == ticket) seen = true, committed = ack.committed;
            return seen;
        });
        return committed;
    }

  private:
    template <class Ready> void Wait(Ready ready) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, std::chrono::seconds(20), ready);
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    int wakes_ = 0;
    std::unique_ptr<VisitWriter> writer_; // last: destroyed (drained) first
};

StepAnswer Step(const std::string& visit, const std::string& step, std::vector<AnswerRow> rows) {
    StepAnswer answer;
    answer.visit_id = visit;
    answer.step_id = step;
    answer.rows = std::move(rows);
    return answer;
}

// One visit's requests, varied by `n` so no two visits look stuffed.
bool WriteVisit(SyncWriter& sync, const std::string& id, int n) {
    VisitWriter& writer = sync.Writer();
    const char* levels[] = {"system", "organisation", "individual-team"};
    bool ok = sync.Done(writer.BeginVisit(id, n % 3 == 2 ? "cy" : "en"));
    ok = ok && sync.Done(writer.SaveAnswer(Step(id, "level", {ChosenRow(levels[n % 3])})));
    ok = ok && sync.Done(writer.SaveAnswer(
                   Step(id, "improvement", {ChosenRow("patient-experience"), ChosenRow("staff-wellbeing")})));
    StepAnswer skip = Step(id, "reflect", {});
    skip.skipped = true;
    ok = ok && sync.Done(writer.SaveAnswer(skip));
    ok = ok && sync.Done(writer.SaveAnswer(
                   Step(id, "benefits",
                        {ChosenRow("safety-outcomes"), ProjectRow("Ward " + std::to_string(n)),
                         OwnRow(n % 2 ? "Calmer nights" : "Fewer falls")})));
    ok = ok && sync.Done(writer.SaveAnswer(Step(id, "domains",
                                                {MarkRow("conditions", DomainMark::Focus),
                                                 MarkRow("transformation", DomainMark::Least)})));
    if (n % 4 == 3) return ok; // left open, as when the power went
    return ok && sync.Done(writer.EndVisit(id, n % 4 == 2 ? VisitEnd::Abandoned : VisitEnd::Complete));
}

} // namespace

Pack TinyPack() {
    Pack pack;
    pack.id = "fuzz";
    pack.source_text = "id = \"fuzz\"\n";
    pack.source_hash = "fuzz-pack-hash";
    return pack;
}

bool WriteKioskDay(const std::string& path, const std::string& kiosk_id, const Pack& pack, int visits,
                   std::string* error) {
    SyncWriter sync(path, kiosk_id, pack);
    VisitWriter& writer = sync.Writer();
    bool ok = sync.Healthy();
    int n = 0;
    for (const char* shared : kSharedVisits)
        ok = ok && WriteVisit(sync, shared, n++);
    ok = ok && sync.Done(writer.NextRound());
    for (int i = 0; i < visits; ++i)
        ok = ok && WriteVisit(sync, NewVisitId(), n++);
    ok = ok && sync.Done(writer.SetFiltered(kSharedVisits[0], true));
    ok = ok && sync.Done(writer.Moderate("benefits", "own", "Calmer nights", true));
    ok = ok && sync.Done(writer.Moderate("benefits", "own", "Fewer falls", false));
    ok = ok && sync.Done(writer.SetHiddenSteps({"domains"}));
    if (!ok) *error = path + ": the writer refused a request (" + writer.Health().problem + ")";
    return ok;
}

} // namespace tapsheet::fuzz

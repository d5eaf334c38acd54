// A headless fleet kiosk for the fleet's tests and benchmarks: the real
// VisitWriter (WAL, synchronous=FULL) writes random visits of a real content
// pack into its own results file, and the real Outbox sends them to the hub,
// exactly as `tapsheet kiosk` does beside its touch UI. Load without a
// window: the issue allows headless writers for load, beside one real kiosk.
//
//   fleet_kiosk --config FILE --db PATH --kiosk ID --pack FILE
//               [--visits N] [--seed S] [--every-ms M] [--stall-s S]
// Prints "ready", then "written N" once N visits are committed locally, then
// runs (the outbox delivering) until SIGTERM or SIGKILL; on SIGTERM it
// prints the outbox's health ("health connected 1 acked N waiting N
// refused N problem '…'") before it stops.
#include "app/core/answer.h"
#include "app/core/config.h"
#include "app/core/loader.h"
#include "app/fleet/outbox.h"
#include "app/store/store.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <thread>

namespace {

using namespace tapsheet;

struct Args {
    std::string config, db, kiosk, pack;
    long visits = 10;
    unsigned seed = 1;
    int every_ms = 0;
    double stall_s = 0; // 0: the outbox's own stall timer
};

bool ReadArgs(int argc, char** argv, Args* args) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--config")
            args->config = value;
        else if (key == "--db")
            args->db = value;
        else if (key == "--kiosk")
            args->kiosk = value;
        else if (key == "--pack")
            args->pack = value;
        else if (key == "--visits")
            args->visits = std::strtol(value.c_str(), nullptr, 10);
        else if (key == "--seed")
            args->seed = static_cast<unsigned>(std::strtoul(value.c_str(), nullptr, 10));
        else if (key == "--every-ms")
            args->every_ms = std::atoi(value.c_str());
        else if (key == "--stall-s")
            args->stall_s = std::atof(value.c_str());
        else
            return false;
    }
    return !args->config.empty() && !args->db.empty() && !args->kiosk.empty() && !args->pack.empty();
}

void Say(const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
}

// The options a person taps on a step: one for a single-choice poll, one to
// three for a multi-choice poll or the sheet.
std::vector<AnswerRow> Taps(const Step& step, std::mt19937& random) {
    std::vector<const Option*> choices;
    if (step.kind == StepKind::Poll)
        for (const Option& option : step.poll.options)
            choices.push_back(&option);
    if (step.kind == StepKind::Sheet)
        for (const SheetGroup& group : step.sheet.groups)
            for (const Option& item : group.items)
                choices.push_back(&item);
    std::shuffle(choices.begin(), choices.end(), random);
    const bool many = step.kind == StepKind::Sheet || step.poll.multi;
    const std::size_t count = std::min(choices.size(), many ? 1 + random() % 3 : std::size_t{1});
    std::vector<AnswerRow> rows;
    for (std::size_t i = 0; i < count; ++i)
        rows.push_back(ChosenRow(choices[i]->id));
    return rows;
}

// Queues one visit; returns its last ticket.
Ticket QueueVisit(VisitWriter& writer, const Pack& pack, std::mt19937& random) {
    const std::string visit = NewVisitId();
    writer.BeginVisit(visit, "en");
    for (const Step& step : pack.steps) {
        std::vector<AnswerRow> rows = Taps(step, random);
        if (rows.empty()) continue;
        StepAnswer answer;
        answer.visit_id = visit;
        answer.step_id = step.id;
        answer.rows = std::move(rows);
        writer.SaveAnswer(std::move(answer));
    }
    return writer.EndVisit(visit, random() % 5 ? VisitEnd::Complete : VisitEnd::Abandoned);
}

} // namespace

int main(int argc, char** argv) {
    // Blocked before any thread starts, so every thread inherits it and the
    // stop is taken below (the outbox then says goodbye to the hub).
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);
    Args args;
    if (!ReadArgs(argc, argv, &args)) {
        std::fprintf(stderr, "usage: fleet_kiosk --config FILE --db PATH --kiosk ID --pack FILE [--visits N] "
                             "[--seed S] [--every-ms M] [--stall-s S]\n");
        return 2;
    }
    const ConfigResult config = LoadConfigFile(args.config);
    LoadResult loaded = LoadPackFile(args.pack);
    if (!config.Ok() || !config.config.fleet.enabled || !loaded.pack) {
        std::fprintf(stderr, "fleet_kiosk: bad config %s or pack %s\n", args.config.c_str(),
                     args.pack.c_str());
        return 2;
    }
    std::mutex mutex;
    std::condition_variable changed;
    WriterOptions options;
    options.db_path = args.db;
    options.kiosk_id = args.kiosk;
    options.wake = [&] {
        { std::lock_guard lock(mutex); }
        changed.notify_all();
    };
    VisitWriter writer(options, *loaded.pack);
    OutboxOptions outbox_options;
    outbox_options.fleet = config.config.fleet;
    outbox_options.kiosk_id = args.kiosk;
    outbox_options.database = args.db;
    if (args.stall_s > 0) outbox_options.stall_seconds = args.stall_s;
    Outbox outbox(outbox_options);
    std::mt19937 random(args.seed);
    long written = 0;
    bool started = false;
    // Ticket order is commit order: the last ticket of a visit acked means
    // the whole visit is in the file.
    for (long i = 0; i < args.visits || !started; ++i) {
        if (!started) {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return writer.Ready(); });
            std::string error;
            if (!writer.Health().ok || !outbox.Start(&error)) {
                Say("fail " + writer.Health().problem + error + "\n");
                return 1;
            }
            started = true;
            Say("ready\n");
            if (args.visits == 0) break;
        }
        const Ticket last = QueueVisit(writer, *loaded.pack, random);
        bool done = false;
        while (!done) {
            std::unique_lock lock(mutex);
            changed.wait_for(lock, std::chrono::milliseconds(100));
            for (const Ack& ack : writer.TakeAcks()) {
                if (!ack.committed) {
                    Say("fail " + writer.Health().problem + "\n");
                    return 1;
                }
                done = done || ack.ticket == last;
            }
        }
        ++written;
        if (args.every_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(args.every_ms));
    }
    Say("written " + std::to_string(written) + "\n");
    int signal_number = 0;
    sigwait(&stop, &signal_number);
    // What the kiosk's staff page would show, for the tests to read.
    const OutboxHealth health = outbox.Health();
    Say("health connected " + std::to_string(health.connected) + " acked " + std::to_string(health.acked) +
        " waiting " + std::to_string(health.waiting_answers) + " refused " + std::to_string(health.refused) +
        " problem '" + health.problem + "'\n");
    return 0;
}

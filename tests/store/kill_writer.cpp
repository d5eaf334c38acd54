// Helper for kill_test.cpp: writes visits through a VisitWriter, forever,
// and prints one line per ACKNOWLEDGED write (flushed at once), so a parent
// that SIGKILLs it knows exactly what it was promised:
//   ready                      the writer opened the database
//   begin <visit>              BeginVisit acked
//   ack <visit> <step> <item>  one row of an acked SaveAnswer
//   end <visit> <status>       EndVisit acked
//   fail <problem>             a write was not committed (exit code 2)
// Usage: kill_writer <db path> [seed] [visits, 0 = until killed]
//                    [max file bytes, 0 = no limit: RLIMIT_FSIZE, a real
//                     "disk full" from the kernel that binds root too]
#include "app/core/content.h"
#include "app/store/store.h"

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <string>

#include <signal.h>
#include <sys/resource.h>

namespace {

using tapsheet::Ack;
using tapsheet::Ticket;
using tapsheet::VisitWriter;

struct Signal {
    std::mutex mutex;
    std::condition_variable changed;
};

void Say(const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout); // one write per line: the parent may kill us any moment
}

// Waits until every ticket in `lines` is acked, printing each as it comes.
bool PrintAcks(VisitWriter& writer, Signal& signal, std::map<Ticket, std::string>& lines) {
    while (!lines.empty()) {
        std::vector<Ack> acks;
        {
            std::unique_lock lock(signal.mutex);
            signal.changed.wait(lock, [&] {
                acks = writer.TakeAcks();
                return !acks.empty();
            });
        }
        for (const Ack& ack : acks) {
            if (!ack.committed) {
                Say("fail " + writer.Health().problem + "\n");
                return false;
            }
            Say(lines[ack.ticket]);
            lines.erase(ack.ticket);
        }
    }
    return true;
}

// One visit: begin, three steps of one to three items, then end.
void QueueVisit(VisitWriter& writer, std::mt19937& random, std::map<Ticket, std::string>& lines) {
    const std::string visit = tapsheet::NewVisitId();
    lines[writer.BeginVisit(visit, "en")] = "begin " + visit + "\n";
    for (const char* step : {"level", "aim", "sheet"}) {
        tapsheet::StepAnswer answer;
        answer.visit_id = visit;
        answer.step_id = step;
        std::string said;
        const int items = 1 + static_cast<int>(random() % 3);
        for (int i = 0; i < items; ++i) {
            const std::string item = "item" + std::to_string(i) + "-" + std::to_string(random() % 10);
            answer.rows.push_back({item, ""});
            said += "ack " + visit + " " + step + " " + item + "\n";
        }
        lines[writer.SaveAnswer(std::move(answer))] = said;
    }
    const bool complete = random() % 4 != 0;
    lines[writer.EndVisit(visit, complete ? tapsheet::VisitEnd::Complete : tapsheet::VisitEnd::Abandoned)] =
        "end " + visit + (complete ? " complete\n" : " abandoned\n");
}

// Writes past `bytes` then fail with EFBIG instead of killing us with SIGXFSZ.
bool LimitFileSize(long long bytes) {
    if (bytes <= 0) return true;
    signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{static_cast<rlim_t>(bytes), static_cast<rlim_t>(bytes)};
    return setrlimit(RLIMIT_FSIZE, &limit) == 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: kill_writer <db path> [seed] [visits] [max file bytes]\n");
        return 1;
    }
    tapsheet::Pack pack;
    pack.id = "kill-test";
    pack.source_text = "id = \"kill-test\"\n";
    pack.source_hash = "kill-test-hash";
    Signal signal;
    tapsheet::WriterOptions options;
    options.db_path = argv[1];
    options.kiosk_id = "kill-kiosk";
    options.wake = [&signal] {
        { std::lock_guard lock(signal.mutex); }
        signal.changed.notify_all();
    };
    std::mt19937 random(argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 1u);
    const long visits = argc > 3 ? std::strtol(argv[3], nullptr, 10) : 0;
    if (!LimitFileSize(argc > 4 ? std::strtoll(argv[4], nullptr, 10) : 0)) return 1;
    VisitWriter writer(options, pack);
    {
        std::unique_lock lock(signal.mutex);
        signal.changed.wait(lock, [&] { return writer.Ready(); });
    }
    if (!writer.Health().ok) {
        Say("fail " + writer.Health().problem + "\n");
        return 2;
    }
    Say("ready\n");
    for (long done = 0; visits == 0 || done < visits; ++done) {
        std::map<Ticket, std::string> lines;
        QueueVisit(writer, random, lines);
        if (!PrintAcks(writer, signal, lines)) return 2;
    }
    return 0;
}

#include "app/session/demo_fleet.h"

#include "app/session/demo_figures.h"
#include "app/store/fleet_batch.h"
#include "app/store/fleet_health.h"
#include "app/store/fleet_ingest.h"
#include "app/store/sqlite_util.h"

namespace tapsheet {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Wall = std::chrono::system_clock;

constexpr const char* kEvent = "demo";
constexpr int kBehindVisits = 3;

Wall::time_point Before(Wall::time_point now, double seconds_before) {
    return now - milliseconds(static_cast<std::int64_t>(seconds_before * 1000));
}

// Every batch of one kiosk's file (up to `max_visits` visits, 0: all) into
// the hub's file, in one transaction with the hub's heartbeat; the last
// committed point, as the hub acknowledges it.
bool SendKiosk(HubFile& hub, const std::string& kiosk_file, const std::string& kiosk, int max_visits,
               Wall::time_point heard, std::int64_t* committed, std::string* error) {
    OutboxFile file;
    if (!file.Open(kiosk_file, error)) return false;
    std::string stream;
    int rc = ReadStreamId(file.Db(), &stream);
    Batch batch;
    if (rc == SQLITE_OK)
        rc = ReadBatch(file.Db(), BatchHeader{kEvent, kiosk, stream}, 0, max_visits > 0 ? max_visits : 100000,
                       true, &batch);
    if (rc == SQLITE_OK) rc = sql::Exec(hub.Db(), "BEGIN IMMEDIATE");
    IngestResult result;
    if (rc == SQLITE_OK) rc = IngestBatch(hub.Db(), IngestContext{kEvent, kiosk, {}}, batch.json, &result);
    if (rc == SQLITE_OK && !result.accepted) {
        sql::Exec(hub.Db(), "ROLLBACK");
        *error = "the hub refused " + kiosk + "'s batch: " + result.why;
        return false;
    }
    if (rc == SQLITE_OK) rc = MarkHubHeard(hub.Db(), "demohub", heard);
    if (rc == SQLITE_OK) rc = sql::Exec(hub.Db(), "COMMIT");
    if (rc == SQLITE_OK) rc = SaveAcked(file.Db(), result.committed);
    if (rc != SQLITE_OK) *error = hub.Explain(rc);
    *committed = result.committed;
    return rc == SQLITE_OK;
}

// The kiosk's file as its outbox sees it after the hub's acknowledgement.
bool ReadOutbox(const std::string& kiosk_file, std::int64_t acked, Waiting* waiting, std::string* error) {
    OutboxFile file;
    if (!file.Open(kiosk_file, error)) return false;
    if (ReadWaiting(file.Db(), acked, waiting) == SQLITE_OK) return true;
    *error = "cannot read what waits in " + kiosk_file;
    return false;
}

bool Status(HubFile& hub, const KioskStatus& status, Wall::time_point at, std::string* error) {
    StatusResult result;
    const int rc = ApplyStatus(hub.Db(), status.kiosk, KioskStatusJson(status), false, at, &result);
    if (rc == SQLITE_OK && result.applied) return true;
    *error =
        rc != SQLITE_OK ? hub.Explain(rc) : "the hub ignored " + status.kiosk + "'s status: " + result.why;
    return false;
}

// A few kiosks' clocks run off by a little, as real ones do.
std::chrono::milliseconds ClockOff(int i) {
    return milliseconds((i % 3 == 1 ? 400 : i % 3 == 2 ? -1200 : 0) * (i % 2 ? 1 : -1));
}

bool OneKiosk(const Pack& pack, HubFile& hub, const std::string& dir, const DemoFleet& fleet, int i,
              Wall::time_point now, DemoFleetFiles* files, std::string* error) {
    const std::string kiosk = "kiosk-" + std::to_string(i);
    const std::string path = dir + "/" + kiosk + ".db";
    files->kiosks.push_back(path);
    DemoFigures figures;
    figures.visits = fleet.visits + i;
    figures.seed = static_cast<unsigned>(i * 7 + 1);
    figures.kiosk_id = kiosk;
    if (!WriteDemoFigures(pack, path, figures, error)) return false;
    const bool behind = kiosk == fleet.behind;
    std::int64_t acked = 0;
    if (!SendKiosk(hub, path, kiosk, behind ? kBehindVisits : 0, Before(now, fleet.hub_heard_ago), &acked,
                   error))
        return false;
    Waiting waiting;
    if (!ReadOutbox(path, acked, &waiting, error)) return false;
    Waiting all;
    if (!ReadOutbox(path, 0, &all, error)) return false;
    const std::string boot = "boot" + std::to_string(i);
    const bool lost = kiosk == fleet.lost;
    const Wall::time_point said = Before(now, lost ? 200 : fleet.hub_heard_ago + 3);
    if (!Status(hub, {kiosk, boot, "online", said + ClockOff(i), waiting.answers, all.last_answer_at, 0},
                said, error))
        return false;
    if (lost && !Status(hub, {kiosk, boot, "lost", {}, 0, "", 0}, Before(now, 180), error)) return false;
    if (behind)
        files->behind_outbox = {true,  "board.local:8883", kEvent, false,
                                acked, waiting.answers,    0,      "lost the connection to the broker",
                                ""};
    return true;
}

} // namespace

bool WriteDemoFleet(const Pack& pack, const std::string& dir, const DemoFleet& fleet, Wall::time_point now,
                    DemoFleetFiles* files, std::string* error) {
    *files = DemoFleetFiles{};
    files->hub = dir + "/hub.db";
    HubFile hub;
    if (!hub.Open(files->hub, error)) return false;
    for (int i = 1; i <= fleet.kiosks; ++i)
        if (!OneKiosk(pack, hub, dir, fleet, i, now, files, error)) return false;
    return true;
}

} // namespace tapsheet

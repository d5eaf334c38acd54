#include "app/store/fleet_health.h"

#include "app/store/failure.h"
#include "app/store/sqlite_util.h"
#include "app/store/stamp.h"

#include <algorithm>
#include <cctype>

namespace tapsheet {
namespace {

struct Status {
    std::string boot;
    std::string state;
    std::string clock;
    std::int64_t waiting = 0;
    std::string last_answer_at;
    std::int64_t refused = 0;
};

constexpr const char* kReadSql = R"sql(
SELECT json_type(?1), ?1 ->> '$.v', ?1 ->> '$.kiosk', ?1 ->> '$.boot', ?1 ->> '$.state',
    coalesce(?1 ->> '$.clock', ''), coalesce(?1 ->> '$.waiting', 0), coalesce(?1 ->> '$.last_answer_at', ''),
    coalesce(?1 ->> '$.refused', 0), json_type(?1, '$.waiting'), json_type(?1, '$.refused')
)sql";

bool IsBoot(const std::string& text) {
    return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c));
    });
}

bool ReadStatus(sqlite3* db, const std::string& kiosk, std::string_view payload, Status* status,
                std::string* why) {
    sql::Statement read(db, kReadSql);
    if (read.Bind(1, payload).Step() != SQLITE_ROW || read.Text(0) != "object") {
        *why = "it is not a JSON object";
        return false;
    }
    if (read.Text(1) != "1") {
        *why = "its schema version is not 1";
        return false;
    }
    if (read.Text(2) != kiosk) {
        *why = "it names kiosk '" + read.Text(2).substr(0, 64) + "' on kiosk '" + kiosk + "''s topic";
        return false;
    }
    status->boot = read.Text(3);
    status->state = read.Text(4);
    const bool counts =
        (read.IsNull(9) || read.Text(9) == "integer") && (read.IsNull(10) || read.Text(10) == "integer");
    if (!IsBoot(status->boot) ||
        (status->state != "online" && status->state != "offline" && status->state != "lost") || !counts ||
        read.Text(5).size() > 40 || read.Text(7).size() > 40) {
        *why = "its boot, state, counts or times are not as a kiosk sends them";
        return false;
    }
    status->clock = read.Text(5);
    status->waiting = read.Int(6);
    status->last_answer_at = read.Text(7);
    status->refused = read.Int(8);
    return true;
}

struct Known {
    bool found = false;
    std::string boot;
    std::string previous_boot;
};

int ReadKnown(sqlite3* db, const std::string& kiosk, Known* known) {
    sql::Statement read(db, "SELECT boot, previous_boot FROM fleet_kiosks WHERE kiosk_id = ?1");
    int rc = read.Bind(1, kiosk).Step();
    if (rc == SQLITE_ROW) *known = {true, read.Text(0), read.Text(1)};
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// ?1 kiosk ?2 boot ?3 previous ?4 state ?5 seen ?6 clock ?7 waiting ?8 last
// answer ?9 refused ?10 duplicate (1/0) ?11 now ?12 retained (1/0). A
// retained status keeps the time it was last seen live, and says nothing of
// the kiosk's clock (it was sent at some time before now).
constexpr const char* kSaveSql = R"sql(
INSERT INTO fleet_kiosks (kiosk_id, boot, previous_boot, state, seen_at, clock_offset_ms, waiting,
    last_answer_at, refused, duplicate_at)
VALUES (?1, ?2, ?3, ?4, ?5,
    CASE WHEN ?12 THEN 0 ELSE coalesce(CAST(round((julianday(?6) - julianday(?11)) * 86400000) AS INTEGER), 0) END,
    ?7, ?8, ?9, CASE WHEN ?10 THEN ?11 ELSE '' END)
ON CONFLICT (kiosk_id) DO UPDATE SET boot = excluded.boot, previous_boot = excluded.previous_boot,
    state = excluded.state, seen_at = CASE WHEN ?12 THEN seen_at ELSE excluded.seen_at END,
    clock_offset_ms = CASE WHEN ?12 OR excluded.state <> 'online' THEN clock_offset_ms
        ELSE excluded.clock_offset_ms END,
    waiting = CASE WHEN excluded.state = 'online' THEN excluded.waiting ELSE waiting END,
    last_answer_at = CASE WHEN excluded.state = 'online' THEN excluded.last_answer_at ELSE last_answer_at END,
    refused = CASE WHEN excluded.state = 'online' THEN excluded.refused ELSE refused END,
    duplicate_at = CASE WHEN ?10 THEN ?11 ELSE duplicate_at END
)sql";

// ?1 boot ?2 now
constexpr const char* kMarkHubSql = R"sql(
INSERT INTO fleet_hub (id, boot, heard_at) VALUES (1, ?1, ?2)
ON CONFLICT (id) DO UPDATE SET boot = excluded.boot, heard_at = excluded.heard_at
)sql";

int ReadHubHeard(sqlite3* db, const std::string& now, FleetHealth* health) {
    std::int64_t tables = 0;
    int rc = sql::QueryInt(
        db, "SELECT count(*) FROM sqlite_schema WHERE name = 'fleet_hub' AND type = 'table'", &tables);
    if (rc != SQLITE_OK || tables == 0) return rc; // a hub from before the heartbeat: never heard
    sql::Statement read(db,
                        "SELECT (julianday(?1) - julianday(heard_at)) * 86400 FROM fleet_hub WHERE id = 1");
    rc = read.Bind(1, now).Step();
    if (rc == SQLITE_ROW) health->hub_heard_seconds_ago = std::max(0.0, read.Double(0));
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

} // namespace

int MarkHubHeard(sqlite3* db, const std::string& boot, std::chrono::system_clock::time_point now) {
    sql::Statement mark(db, kMarkHubSql);
    return mark.Bind(1, boot).Bind(2, UtcStamp(now)).Run();
}

std::string KioskStatusJson(const KioskStatus& status) {
    std::string json = "{\"v\":1,\"kiosk\":\"" + status.kiosk + "\",\"boot\":\"" + status.boot +
                       "\",\"state\":\"" + status.state + "\"";
    // A Will is written at connect time: it carries no counts and no clock.
    if (status.state == "lost") return json + "}";
    return json + ",\"clock\":\"" + UtcStamp(status.clock) +
           "\",\"waiting\":" + std::to_string(status.waiting) + ",\"last_answer_at\":\"" +
           status.last_answer_at + "\",\"refused\":" + std::to_string(status.refused) + "}";
}

int ApplyStatus(sqlite3* db, const std::string& kiosk, std::string_view payload, bool retained,
                std::chrono::system_clock::time_point now, StatusResult* result) {
    *result = StatusResult{};
    Status status;
    if (!ReadStatus(db, kiosk, payload, &status, &result->why)) return SQLITE_OK;
    Known known;
    int rc = ReadKnown(db, kiosk, &known);
    if (rc != SQLITE_OK) return rc;
    std::string previous = known.previous_boot;
    if (known.found && status.boot != known.boot) {
        // Only an online status can change the boot: a Will or a goodbye of
        // a boot that is not the current one is late news.
        if (status.state != "online") {
            result->why = "a late '" + status.state + "' of an earlier start, ignored";
            return SQLITE_OK;
        }
        result->duplicate = !retained && status.boot == known.previous_boot;
        previous = known.boot;
    }
    const std::string now_stamp = UtcStamp(now);
    sql::Statement save(db, kSaveSql);
    save.Bind(1, kiosk).Bind(2, status.boot).Bind(3, previous).Bind(4, status.state);
    save.Bind(5, retained && !status.clock.empty() ? status.clock : now_stamp).Bind(6, status.clock);
    save.Bind(7, status.waiting).Bind(8, status.last_answer_at).Bind(9, status.refused);
    save.Bind(10, std::int64_t{result->duplicate ? 1 : 0}).Bind(11, now_stamp);
    save.Bind(12, std::int64_t{retained ? 1 : 0});
    rc = save.Run();
    result->applied = rc == SQLITE_OK;
    return rc;
}

int FleetHealth::Online() const {
    return static_cast<int>(std::count_if(kiosks.begin(), kiosks.end(),
                                          [](const KioskHealth& k) { return k.state == "online"; }));
}

int FleetHealth::Troubled() const {
    return static_cast<int>(std::count_if(kiosks.begin(), kiosks.end(), [](const KioskHealth& k) {
        return k.state == "lost" || k.state == "silent" || k.state == "never seen" || k.duplicate ||
               k.refused > 0;
    }));
}

int ReadFleetHealth(sqlite3* db, std::chrono::system_clock::time_point now,
                    const std::vector<std::string>& expected, FleetHealth* health) {
    *health = FleetHealth{};
    std::int64_t tables = 0;
    int rc = sql::QueryInt(
        db, "SELECT count(*) FROM sqlite_schema WHERE name = 'fleet_kiosks' AND type = 'table'", &tables);
    if (rc != SQLITE_OK || tables == 0) return rc;
    health->has_fleet = true;
    sql::Statement read(db, "SELECT kiosk_id, state, (julianday(?1) - julianday(seen_at)) * 86400, "
                            "clock_offset_ms, waiting, last_answer_at, refused, "
                            "duplicate_at <> '' AND (julianday(?1) - julianday(duplicate_at)) * 86400 < ?2, "
                            "coalesce((julianday(?1) - julianday(nullif(last_answer_at, ''))) * 86400, -1) "
                            "FROM fleet_kiosks ORDER BY kiosk_id");
    const std::string now_stamp = UtcStamp(now);
    read.Bind(1, now_stamp).Bind(2, std::int64_t{kDuplicateShownSeconds});
    while ((rc = read.Step()) == SQLITE_ROW) {
        KioskHealth kiosk{read.Text(0), read.Text(1), read.Double(2),   read.Int(3),   read.Int(4),
                          read.Text(5), read.Int(6),  read.Int(7) != 0, read.Double(8)};
        if (kiosk.state == "online" && kiosk.seen_seconds_ago > kSilentAfterSeconds) kiosk.state = "silent";
        health->kiosks.push_back(kiosk);
    }
    if (rc != SQLITE_DONE) return rc;
    for (const std::string& id : expected) {
        auto same = [&](const KioskHealth& k) { return k.kiosk == id; };
        if (std::any_of(health->kiosks.begin(), health->kiosks.end(), same)) continue;
        KioskHealth never;
        never.kiosk = id;
        never.state = "never seen";
        health->kiosks.push_back(never);
    }
    return ReadHubHeard(db, now_stamp, health);
}

bool ReadFleetHealthFile(const std::string& path, std::chrono::system_clock::time_point now,
                         const std::vector<std::string>& expected, FleetHealth* health, std::string* error) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, 2000);
        rc = ReadFleetHealth(db, now, expected, health);
    }
    if (rc != SQLITE_OK) *error = ExplainFailure(CaptureFailure(db, rc), path);
    sqlite3_close_v2(db);
    return rc == SQLITE_OK;
}

} // namespace tapsheet

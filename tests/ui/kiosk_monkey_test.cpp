// A monkey at the kiosk: random taps (on targets and anywhere), drags, long
// presses (the staff corner too), key presses and pauses long enough for
// "Still there?" and walk-aways, through real Dear ImGui frames on a real
// results file, with both shipped packs and each of their languages. As it
// goes: the kiosk never shows a screen with nothing to tap. Afterwards:
// every visit ended complete or abandoned, every stored row is one the
// pack allows, and `merge` (which checks every row as a kiosk writes it)
// takes the file whole. TAPSHEET_MONKEY_EVENTS sets the length (CI: a
// short run; tests/bench/run.sh: 100,000).
#include "kiosk_harness.h"
#include "monkey.h"

#include "app/core/answer.h"
#include "app/core/loader.h"
#include "app/store/merge.h"
#include "app/store/reader.h"

#include "imgui.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <set>

namespace tapsheet {
namespace {

int MonkeyEvents() {
    const char* events = std::getenv("TAPSHEET_MONKEY_EVENTS");
    return events && std::atoi(events) > 0 ? std::atoi(events) : 1500;
}

std::string SqlText(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string out;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK)
        while (sqlite3_step(statement) == SQLITE_ROW)
            out += std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))) + "\n";
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return out;
}

// Whether (item, value) is an answer row the pack's step allows (answer.h).
bool Allowed(const Step& step, const std::string& item, const std::string& value) {
    auto chosen = [&](const std::vector<Option>& options) {
        for (const Option& option : options)
            if (option.id == item) return value == kChosen;
        return false;
    };
    if (step.kind == StepKind::Poll) return chosen(step.poll.options);
    if (step.kind == StepKind::Domains) {
        for (const DomainSet& set : step.domains.sets)
            for (const Domain& domain : set.domains)
                if (domain.id == item) return value == kFocusValue || value == kLeastValue;
        return false;
    }
    if (step.kind != StepKind::Sheet) return false;
    if (IsFreeTextItem(item)) return !value.empty() && value.size() <= 4 * 80;
    for (const SheetGroup& group : step.sheet.groups)
        if (chosen(group.items)) return true;
    return false;
}

struct MonkeyCase {
    const char* pack;
    int width, height;
};

class KioskMonkey : public ::testing::TestWithParam<MonkeyCase> {};

TEST_P(KioskMonkey, RandomHandsBreakNothing) {
    const MonkeyCase& param = GetParam();
    LoadResult loaded = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + param.pack);
    ASSERT_TRUE(loaded.pack);
    const Pack& pack = *loaded.pack;
    const std::string db = TempDir("monkey") + "/kiosk.db";
    const int events = MonkeyEvents();
    const auto start = std::chrono::steady_clock::now();
    int empty_screens = 0;
    {
        WriterOptions options;
        options.db_path = db;
        options.kiosk_id = "monkey";
        KioskHarness kiosk(pack, std::make_unique<VisitWriter>(options, pack), param.width, param.height);
        Monkey monkey(kiosk, 20261205u + static_cast<unsigned>(param.width));
        for (int i = 0; i < events; ++i) {
            monkey.Event();
            // Attract, a step, thanks, "Still there?", the keyboard, the PIN
            // pad: each has something to tap.
            if (kiosk.Targets().empty() && !kiosk.Session().OutOfService() && empty_screens++ < 3)
                ADD_FAILURE() << "event " << i << ": nothing to tap on screen "
                              << static_cast<int>(kiosk.GetFlow().Screen());
            ASSERT_FALSE(kiosk.Session().OutOfService()) << "event " << i;
        }
        // Whoever was at the kiosk walks away; the writer drains on close.
        ASSERT_TRUE(kiosk.WaitSaved());
        for (int i = 0; i < 4; ++i) {
            kiosk.Advance(400);
            kiosk.Frame();
        }
        ASSERT_TRUE(kiosk.WaitSaved());
        EXPECT_EQ(kiosk.GetFlow().Screen(), FlowScreen::Attract) << "the walk-away did not end the visit";
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    EXPECT_EQ(SqlText(db, "PRAGMA integrity_check"), "ok\n");
    EXPECT_EQ(SqlText(db, "SELECT count(*) FROM visits WHERE status NOT IN ('complete', 'abandoned')"), "0\n")
        << "every visit ends complete or abandoned";
    const std::string rows = SqlText(db, "SELECT a.step_id || char(31) || a.item_id || char(31) || a.value "
                                         "FROM answers a");
    std::size_t bad = 0, total = 0;
    for (std::size_t at = 0; at < rows.size();) {
        const std::size_t end = rows.find('\n', at);
        const std::string row = rows.substr(at, end - at);
        at = end + 1;
        const std::size_t a = row.find('\x1f'), b = row.find('\x1f', a + 1);
        const Step* step = pack.FindStep(row.substr(0, a));
        total++;
        if (!step || !Allowed(*step, row.substr(a + 1, b - a - 1), row.substr(b + 1))) {
            if (bad++ < 5) ADD_FAILURE() << "a row the pack does not allow: " << row;
        }
    }
    MergeCounts counts;
    std::string error;
    EXPECT_TRUE(MergeInto(TempDir("monkey-merge") + "/all.db", db, &counts, &error))
        << "a row no kiosk writes: " << error;
    const std::string visits = SqlText(db, "SELECT count(*) FROM visits");
    const std::string complete = SqlText(db, "SELECT count(*) FROM visits WHERE status = 'complete'");
    const std::string langs = SqlText(db, "SELECT DISTINCT lang FROM visits ORDER BY lang");
    EXPECT_GT(std::atoi(visits.c_str()), 0);
    EXPECT_GT(total, 0u) << "the monkey answered nothing: the test proves nothing";
    for (const Language& language : pack.languages)
        EXPECT_NE(langs.find(language.code + "\n"), std::string::npos) << "no visit in " << language.code;
    std::printf("monkey %s %dx%d: %d events in %.1f s (%.0f/s), %d visits (%d complete), %zu answer rows, "
                "languages %s",
                param.pack, param.width, param.height, events, seconds, events / seconds,
                std::atoi(visits.c_str()), std::atoi(complete.c_str()), total, langs.c_str());
}

INSTANTIATE_TEST_SUITE_P(Packs, KioskMonkey,
                         ::testing::Values(MonkeyCase{"default.toml", 800, 480},
                                           MonkeyCase{"welsh-demo.toml", 1280, 800},
                                           MonkeyCase{"default.toml", 720, 1280}),
                         [](const auto& info) {
                             return std::string(info.param.pack).substr(0, 5) + "_" +
                                    std::to_string(info.param.width) + "x" +
                                    std::to_string(info.param.height);
                         });

} // namespace
} // namespace tapsheet

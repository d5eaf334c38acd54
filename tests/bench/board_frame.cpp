// Board frame build time with 100,000 stored answers: the real board
// screens (DrawBoard) over the real tallies of the default pack, built into
// ImGui draw lists as `tapsheet board` builds them each frame, without the
// GPU (rasterising is the driver's cost, not ours). For each page: median,
// p99 and max of NewFrame + DrawBoard + Render. Then the cost of a frame
// right after another connection committed one answer (the board's catch-up
// Refresh plus that frame). Prints figures only.
//
// Usage: bench_board_frame [--answers N] [--frames N] [--size WxH] [--db PATH]
#include "app/core/loader.h"
#include "app/session/board_session.h"
#include "app/ui/board/board_view.h"
#include "app/ui/common/theme.h"
#include "bench_fill.h"
#include "bench_util.h"

#include "imgui.h"

#include <chrono>
#include <cstdio>
#include <cstring>

namespace {

using Clock = std::chrono::steady_clock;
using tapsheet::bench::MsSince;
using tapsheet::bench::Summarise;

struct Settings {
    int answers = 100000;
    int frames = 120;
    int width = 1920, height = 1080;
    std::string db_path = "bench_board_frame.db";
};

// Answers shaped by the pack itself, so every bar, chip and domain of the
// board has a real figure behind it: each visit answers every poll, taps a
// few benefits (sometimes writing its own), and marks three domains.
struct PackFiller {
    const tapsheet::Pack& pack;
    sqlite3_stmt* answer = nullptr;
    int written = 0;

    void Row(const std::string& visit, const std::string& step, const std::string& item,
             const std::string& value, const std::string& stamp) {
        sqlite3_bind_text(answer, 1, visit.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(answer, 2, step.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(answer, 3, item.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(answer, 4, value.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(answer, 5, stamp.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(answer);
        sqlite3_reset(answer);
        ++written;
    }

    void Visit(const std::string& id, int v, const std::string& stamp) {
        for (const tapsheet::Step& step : pack.steps) {
            const std::size_t k = static_cast<std::size_t>(v) * 7919u + step.id.size();
            if (step.kind == tapsheet::StepKind::Poll && !step.poll.options.empty()) {
                const auto& options = step.poll.options;
                Row(id, step.id, options[k % options.size()].id, "", stamp);
                if (step.poll.multi) Row(id, step.id, options[(k / 3 + 1) % options.size()].id, "", stamp);
            }
            if (step.kind == tapsheet::StepKind::Sheet)
                for (std::size_t g = 0; g < step.sheet.groups.size(); ++g) {
                    const auto& items = step.sheet.groups[g].items;
                    if (!items.empty()) Row(id, step.id, items[(k + g * 5) % items.size()].id, "", stamp);
                    if (g == 0 && v % 9 == 0)
                        Row(id, step.id, "own", "Own benefit " + std::to_string(v % 12), stamp);
                }
            if (step.kind == tapsheet::StepKind::Domains)
                for (const tapsheet::DomainSet& set : step.domains.sets) {
                    if (set.domains.empty()) continue;
                    Row(id, step.id, set.domains[k % set.domains.size()].id, "focus", stamp);
                    Row(id, step.id, set.domains[(k + 1) % set.domains.size()].id, "least", stamp);
                }
        }
    }
};

bool Fill(const tapsheet::Pack& pack, const std::string& path, int answers) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return false;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* visit = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO visits (id, kiosk_id, pack_hash, lang, round, started_at, status) "
                       "VALUES (?1, 'bench', 'bench-hash', 'en', 1, ?2, 'complete')",
                       -1, &visit, nullptr);
    PackFiller filler{pack};
    sqlite3_prepare_v2(db, "INSERT INTO answers VALUES (?1, ?2, ?3, ?4, ?5)", -1, &filler.answer, nullptr);
    const std::string stamp = tapsheet::UtcStampNow();
    for (int v = 0; filler.written < answers; ++v) {
        const std::string id = "visit" + std::to_string(v);
        sqlite3_bind_text(visit, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(visit, 2, stamp.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(visit);
        sqlite3_reset(visit);
        filler.Visit(id, v, stamp);
    }
    // Some own benefits approved, so the sheet draws them too.
    sqlite3_exec(
        db,
        "INSERT INTO moderation SELECT DISTINCT step_id, item_id, value, 'approved', '' FROM answers "
        "WHERE item_id = 'own' AND value < 'Own benefit 5'",
        nullptr, nullptr, nullptr);
    sqlite3_finalize(visit);
    sqlite3_finalize(filler.answer);
    const bool ok = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

double Frame(tapsheet::BoardSession& session, const tapsheet::Theme& theme, double now) {
    const Clock::time_point start = Clock::now();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    tapsheet::UiFrame ui{theme, session.GetPack().languages.front().code, now, nullptr};
    const tapsheet::BoardIntents intents = tapsheet::DrawBoard(ui, session.View());
    ImGui::Render();
    session.Apply(intents, now);
    return MsSince(start);
}

bool ParseArgs(int argc, char** argv, Settings* settings) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--answers") && i + 1 < argc)
            settings->answers = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--frames") && i + 1 < argc)
            settings->frames = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--size") && i + 1 < argc &&
                 std::sscanf(argv[++i], "%dx%d", &settings->width, &settings->height) == 2)
            continue;
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            settings->db_path = argv[++i];
        else
            return false;
    }
    return true;
}

const char* PageName(const tapsheet::BoardPage& page) {
    using Kind = tapsheet::BoardPageKind;
    switch (page.kind) {
    case Kind::Poll:
        return "poll";
    case Kind::Sheet:
        return "sheet";
    case Kind::Domains:
        return "domains";
    case Kind::CrossTab:
        return "cross-tab";
    case Kind::Totals:
        return "totals";
    case Kind::Timer:
        return "timer";
    case Kind::Evidence:
        return "evidence";
    case Kind::Moderation:
        return "moderation";
    }
    return "?";
}

} // namespace

int main(int argc, char** argv) {
    Settings settings;
    if (!ParseArgs(argc, argv, &settings)) {
        std::fprintf(stderr,
                     "usage: bench_board_frame [--answers N] [--frames N] [--size WxH] [--db PATH]\n");
        return 1;
    }
    const tapsheet::LoadResult loaded =
        tapsheet::LoadPackFile(TAPSHEET_SOURCE_DIR "/assets/content/default.toml");
    if (!loaded.pack) {
        std::fprintf(stderr, "cannot load the default pack\n");
        return 1;
    }
    const tapsheet::Pack& pack = *loaded.pack;
    tapsheet::bench::RemoveDatabase(settings.db_path);
    if (!tapsheet::bench::CreateSchema(settings.db_path) || !Fill(pack, settings.db_path, settings.answers)) {
        std::fprintf(stderr, "cannot create %s\n", settings.db_path.c_str());
        return 1;
    }
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(settings.width), static_cast<float>(settings.height));
    tapsheet::Theme theme;
    std::string error;
    if (!tapsheet::SetupBoardTheme(theme, settings.width, settings.height, pack, &error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    unsigned char* pixels = nullptr;
    int atlas_w = 0, atlas_h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &atlas_w, &atlas_h); // glyphs rasterised once, as at start-up

    double now = 1000;
    tapsheet::BoardSession session(pack, {settings.db_path, nullptr, {}, {}}, now);
    const Clock::time_point first = Clock::now();
    session.Refresh(now);
    const double first_ms = MsSince(first);
    std::printf("board frame build: %d answers stored, %dx%d, %d frames per page, default pack\n",
                settings.answers, settings.width, settings.height, settings.frames);
    std::printf("  first Refresh (reads everything) %.1f ms\n\n", first_ms);
    std::printf("  %-34s %9s %9s %9s %9s\n", "NewFrame + DrawBoard + Render (ms)", "median", "p99", "max",
                "vertices");
    const std::vector<tapsheet::BoardPage> pages = session.State().pages;
    for (const tapsheet::BoardPage& page : pages) {
        tapsheet::BoardIntent show = tapsheet::BoardIntent::Of(tapsheet::BoardIntent::Kind::ShowPage);
        show.page = page;
        session.Apply({show}, now);
        if (page.kind == tapsheet::BoardPageKind::CrossTab) { // the sheet of those who chose the first option
            tapsheet::BoardIntent cross = tapsheet::BoardIntent::Of(tapsheet::BoardIntent::Kind::CrossBy);
            cross.cross = {pack.steps.front().id, pack.steps.front().poll.options.front().id};
            cross.page = page;
            session.Apply({cross}, now);
            session.Refresh(now);
        }
        now += tapsheet::kBoardTransitionSeconds + 1; // past the fade: the settled page
        std::vector<double> times;
        for (int i = 0; i < settings.frames; ++i)
            times.push_back(Frame(session, theme, now += 1.0 / 60));
        const tapsheet::bench::Figures figures = Summarise(times);
        const std::string name =
            std::string(PageName(page)) + (page.step_id.empty() ? "" : " " + page.step_id);
        std::printf("  %-34s %9.3f %9.3f %9.3f %9d\n", name.c_str(), figures.median, figures.p99, figures.max,
                    ImGui::GetDrawData()->TotalVtxCount);
    }

    // One more answer from another connection, then the board's next frame.
    sqlite3* kiosk = nullptr;
    sqlite3_open(settings.db_path.c_str(), &kiosk);
    std::vector<double> refresh_and_frame;
    for (int i = 0; i < 50; ++i) {
        const std::string sql = "INSERT INTO answers VALUES ('visit1', '" + pack.steps.front().id +
                                "', 'bench" + std::to_string(i) + "', '', '" + tapsheet::UtcStampNow() + "')";
        sqlite3_exec(kiosk, sql.c_str(), nullptr, nullptr, nullptr);
        const Clock::time_point start = Clock::now();
        session.Refresh(now += 1.0 / 60);
        Frame(session, theme, now);
        refresh_and_frame.push_back(MsSince(start));
    }
    sqlite3_close(kiosk);
    const tapsheet::bench::Figures figures = Summarise(refresh_and_frame);
    std::printf("  %-34s %9.3f %9.3f %9.3f\n", "new answer: Refresh + frame", figures.median, figures.p99,
                figures.max);
    std::printf("  target: frame build under 2 ms\n");
    ImGui::DestroyContext();
    tapsheet::bench::RemoveDatabase(settings.db_path);
    return 0;
}

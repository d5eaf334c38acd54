// A soak: a simulated day at a kiosk (the harness's clock, so ten hours run
// in seconds) with the monkey's visitors, walk-aways and long quiet spells,
// and a board on the same file refreshing and paging every half minute,
// both through real frames. Each simulated hour prints the open files, the
// heap in use, the resident size and the mean frame times; open files must
// stay flat and the heap must not grow with the hours. TAPSHEET_SOAK_HOURS
// sets the day's length (CI: 2; tests/bench/run.sh: 10). Frame times are
// printed, never asserted (a shared machine).
#include "monkey.h"

#include "app/core/loader.h"
#include "app/session/board_session.h"
#include "app/ui/board/board_view.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace tapsheet {
namespace {

int SoakHours() {
    const char* hours = std::getenv("TAPSHEET_SOAK_HOURS");
    return hours && std::atoi(hours) > 0 ? std::atoi(hours) : 2;
}

int OpenFiles() {
    int count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        count++;
    return count;
}

long ResidentKb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// The board on its own ImGui context, drawn from a real BoardSession.
class SoakBoard {
  public:
    SoakBoard(const Pack& pack, const std::string& db, double now)
        : session_(pack, BoardSessionOptions{db, nullptr, nullptr, {}}, now) {
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
        std::string error;
        EXPECT_TRUE(SetupBoardTheme(theme_, 1920, 1080, pack, &error)) << error;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~SoakBoard() { ImGui::DestroyContext(context_); }

    // A refresh, a page turn now and then, and a frame; its wall time in ms.
    double Frame(double now, bool turn_page) {
        const auto start = std::chrono::steady_clock::now();
        ImGuiContext* kiosk = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context_);
        session_.Refresh(now);
        if (turn_page) session_.Apply({BoardIntent::Of(BoardIntent::Kind::NextPage)}, now);
        session_.Tick(now);
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        UiFrame ui{theme_, session_.GetPack().languages.front().code, now, nullptr};
        session_.Apply(DrawBoard(ui, session_.View()), now);
        ImGui::Render();
        ImGui::SetCurrentContext(kiosk);
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }

  private:
    BoardSession session_;
    ImGuiContext* context_ = nullptr;
    Theme theme_;
};

struct Hour {
    int files = 0;
    std::size_t heap = 0;
    long resident_kb = 0;
    double kiosk_ms = 0, board_ms = 0;
};

TEST(Soak, ADayAtTheKioskWithTheBoard) {
    LoadResult loaded = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/default.toml");
    ASSERT_TRUE(loaded.pack);
    const Pack& pack = *loaded.pack;
    const std::string db = TempDir("soak") + "/kiosk.db";
    const int hours = SoakHours();
    std::vector<Hour> report;
    {
        WriterOptions options;
        options.db_path = db;
        options.kiosk_id = "soak";
        KioskHarness kiosk(pack, std::make_unique<VisitWriter>(options, pack), 1280, 800);
        SoakBoard board(pack, db, kiosk.Now());
        Monkey monkey(kiosk, 11u);
        double next_board = kiosk.Now(), board_ms = 0, kiosk_ms = 0;
        int board_frames = 0, kiosk_events = 0, page = 0;
        for (int hour = 1; hour <= hours; ++hour) {
            const double end = kiosk.Now() + 3600;
            while (kiosk.Now() < end) {
                const auto start = std::chrono::steady_clock::now();
                monkey.Event();
                kiosk_ms +=
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                        .count();
                kiosk_events++;
                // The board refreshes and draws every 30 s, quiet spells too.
                for (; next_board <= kiosk.Now(); next_board += 30) {
                    board_ms += board.Frame(next_board, ++page % 2 == 0);
                    board_frames++;
                }
            }
            ASSERT_TRUE(kiosk.WaitSaved());
            malloc_trim(0); // what the allocator still holds is not growth
            Hour now;
            now.files = OpenFiles();
            now.heap = mallinfo2().uordblks;
            now.resident_kb = ResidentKb();
            now.kiosk_ms = kiosk_ms / std::max(1, kiosk_events);
            now.board_ms = board_ms / std::max(1, board_frames);
            std::printf(
                "soak hour %2d: %d open files, heap %.1f MB, resident %.1f MB, %.2f ms per kiosk event "
                "(%d), %.2f ms per board frame (%d)\n",
                hour, now.files, now.heap / 1048576.0, now.resident_kb / 1024.0, now.kiosk_ms, kiosk_events,
                now.board_ms, board_frames);
            report.push_back(now);
            kiosk_ms = board_ms = 0;
            kiosk_events = board_frames = 0;
        }
    }
    ASSERT_GE(report.size(), 2u);
    const Hour& first = report.front();
    const Hour& last = report.back();
    EXPECT_EQ(last.files, first.files) << "a file or socket opened and never closed";
    // The day's answers are in the board's model (a few KB per visit): a
    // leak grows by far more than that over hours.
    EXPECT_LT(last.heap, first.heap + 4u * 1024 * 1024) << "the heap grew with the hours";
    std::printf("soak: %d simulated hours; last hour against the first: heap %+.1f MB, kiosk event %.2fx, "
                "board frame %.2fx\n",
                hours, (static_cast<double>(last.heap) - static_cast<double>(first.heap)) / 1048576.0,
                last.kiosk_ms / first.kiosk_ms, last.board_ms / first.board_ms);
}

} // namespace
} // namespace tapsheet

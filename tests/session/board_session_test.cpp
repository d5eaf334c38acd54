// BoardSession against a real database of demo visits: figures arrive
// once and not again until something changes; hide, new round, approve
// and cross-tab go through the store and come back; freeze holds the
// picture; the wake-ups the loop relies on.
#include "app/core/clock.h"
#include "app/core/loader.h"
#include "app/session/board_session.h"
#include "app/session/board_views.h"
#include "app/session/demo_figures.h"
#include "tests/cli/cli_test_util.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace tapsheet {
namespace {

using cli_test::TempDir;

class BoardSessionTest : public ::testing::Test {
  protected:
    void SetUp() override {
        LoadResult loaded = LoadPackFile(cli_test::Source("assets/content/default.toml"));
        ASSERT_TRUE(loaded.pack);
        pack_ = std::move(*loaded.pack);
        db_ = (TempDir("board-session") / "b.db").string();
        std::string error;
        ASSERT_TRUE(WriteDemoFigures(pack_, db_, DemoFigures{}, &error)) << error;
    }

    std::unique_ptr<BoardSession> Open(double now = 100) {
        return std::make_unique<BoardSession>(pack_, BoardSessionOptions{db_, nullptr, nullptr, {}}, now);
    }

    // The board's writes commit on a writer thread: refresh until they show.
    static bool RefreshUntilChanged(BoardSession& session, double now) {
        for (int i = 0; i < 1000; i++) {
            if (session.Refresh(now)) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return false;
    }

    static void Apply(BoardSession& session, BoardIntent::Kind kind, std::string id, double now) {
        BoardIntent intent = BoardIntent::Of(kind);
        intent.id = std::move(id);
        session.Apply({intent}, now);
    }

    Pack pack_;
    std::string db_;
};

TEST_F(BoardSessionTest, FiguresArriveOnceAndBarsStartAtThem) {
    auto session = Open();
    EXPECT_FALSE(session->HaveData());
    ASSERT_TRUE(session->Refresh(100)) << session->View().store_problem;
    EXPECT_TRUE(session->HaveData());
    EXPECT_FALSE(session->Refresh(100.1)) << "nothing changed: nothing recomputed";
    const StepTally* level = session->Live().Step("level");
    ASSERT_NE(level, nullptr);
    EXPECT_GT(level->respondents, 40);
    for (const Option& option : pack_.FindStep("level")->poll.options)
        EXPECT_EQ(session->Anim().Value(BarKey("level", option.id), 100, -1), level->Count(option.id))
            << "a board starting on a full database shows the figures at once";
    EXPECT_TRUE(session->Anim().Settled(100));
    EXPECT_EQ(session->View().store_problem, "");
}

TEST_F(BoardSessionTest, HiddenResultsAreKeptForTheNextBoard) {
    auto session = Open();
    ASSERT_TRUE(session->Refresh(100));
    EXPECT_TRUE(session->State().hidden.empty());
    Apply(*session, BoardIntent::Kind::Hide, "aim", 101);
    EXPECT_EQ(session->State().hidden, (std::set<std::string>{"aim"}));
    ASSERT_TRUE(RefreshUntilChanged(*session, 102));
    EXPECT_EQ(session->Live().hidden_steps, (std::vector<std::string>{"aim"}));
    session.reset();
    auto restarted = Open();
    ASSERT_TRUE(restarted->Refresh(200));
    EXPECT_EQ(restarted->State().hidden, (std::set<std::string>{"aim"})) << "a restart reveals nothing";
}

TEST_F(BoardSessionTest, NewRoundEmptiesTheBoardAndBarsGlideDown) {
    auto session = Open();
    ASSERT_TRUE(session->Refresh(100));
    const int before = session->Live().Step("level")->Count("organisation");
    ASSERT_GT(before, 0);
    Apply(*session, BoardIntent::Kind::NewRound, "", 101);
    ASSERT_TRUE(RefreshUntilChanged(*session, 102));
    EXPECT_EQ(session->Live().current_round, 2);
    EXPECT_EQ(session->Live().Step("level"), nullptr) << "nobody has answered in round 2 yet";
    const AnimatedValues& anim = session->Anim();
    const double mid = anim.Value(BarKey("level", "organisation"), 102.2);
    EXPECT_GT(mid, 0);
    EXPECT_LT(mid, before);
    EXPECT_TRUE(session->Animating(102.2)) << "the loop draws every frame while bars move";
    EXPECT_EQ(anim.Value(BarKey("level", "organisation"), 110), 0);
    EXPECT_FALSE(session->Animating(110)) << "then it stops drawing";
    // Two presses before the board has read the first: two rounds, counted
    // by the store, not from what this board last saw.
    Apply(*session, BoardIntent::Kind::NewRound, "", 111);
    Apply(*session, BoardIntent::Kind::NewRound, "", 111.1);
    for (int i = 0; i < 1000 && session->Live().current_round != 4; i++) {
        session->Refresh(112);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(session->Live().current_round, 4);
}

TEST_F(BoardSessionTest, ApprovedTextComesBackApproved) {
    auto session = Open();
    ASSERT_TRUE(session->Refresh(100));
    const FreeText* pending = nullptr;
    for (const FreeText& text : session->Live().free_text)
        if (text.status == Moderation::Pending) pending = &text;
    ASSERT_NE(pending, nullptr);
    BoardIntent approve = BoardIntent::Of(BoardIntent::Kind::Approve);
    approve.id = pending->step_id;
    approve.item = pending->item_id;
    approve.text = pending->text;
    session->Apply({approve}, 101);
    ASSERT_TRUE(RefreshUntilChanged(*session, 102));
    bool approved = false;
    for (const FreeText& text : session->Live().free_text)
        approved |= text.text == approve.text && text.status == Moderation::Approved;
    EXPECT_TRUE(approved);
}

// While the moderation list is open, approving a text leaves every row where
// it was: the next tap lands on the text under the finger. Reopened, the
// list puts what still waits first again.
TEST_F(BoardSessionTest, ModerationRowsStayPutWhileTheListIsOpen) {
    auto session = Open();
    ASSERT_TRUE(session->Refresh(100));
    std::string error;
    ASSERT_TRUE(ShowBoardView(*session, "moderation", 101, &error)) << error;
    auto texts = [&] {
        std::vector<std::string> order;
        for (const FreeText& text : session->View().tallies.free_text)
            order.push_back(text.text);
        return order;
    };
    const std::vector<std::string> listed = texts();
    const std::vector<FreeText>& rows = session->View().tallies.free_text;
    ASSERT_GE(rows.size(), 3u);
    ASSERT_EQ(rows[0].status, Moderation::Pending);
    ASSERT_EQ(rows[1].status, Moderation::Pending) << "the demo figures leave several texts waiting";
    BoardIntent approve = BoardIntent::Of(BoardIntent::Kind::Approve);
    approve.id = rows[0].step_id;
    approve.item = rows[0].item_id;
    approve.text = rows[0].text;
    session->Apply({approve}, 102);
    ASSERT_TRUE(RefreshUntilChanged(*session, 103));
    EXPECT_EQ(session->View().tallies.free_text[0].status, Moderation::Approved) << "decided, in place";
    EXPECT_EQ(texts(), listed) << "no row moved";
    // Closed and opened again: the one decided goes after those still waiting.
    Apply(*session, BoardIntent::Kind::NextPage, "", 104);
    ASSERT_TRUE(ShowBoardView(*session, "moderation", 105, &error)) << error;
    EXPECT_NE(texts().front(), approve.text);
    EXPECT_EQ(session->View().tallies.free_text.front().status, Moderation::Pending);
}

TEST_F(BoardSessionTest, CrossTabAsksTheStoreForTheFilteredFigures) {
    auto session = Open();
    ASSERT_TRUE(session->Refresh(100));
    std::string error;
    ASSERT_TRUE(ShowBoardView(*session, "crosstab", 101, &error)) << error;
    EXPECT_EQ(session->Query().cross_step, "level");
    EXPECT_EQ(session->Query().round, kCurrentRound);
    session->State().round_shown = kAllRounds;
    EXPECT_EQ(session->Query().round, 0) << "all rounds: TallyQuery's every round";
    session->State().round_shown = 0;
    ASSERT_TRUE(session->Refresh(101)) << "another query: figures recomputed";
    const CrossTally& cross = session->Live().cross;
    EXPECT_GT(cross.visits, 0);
    const StepTally* sheet = cross.Step("benefits");
    ASSERT_NE(sheet, nullptr);
    EXPECT_EQ(session->Anim().Value(CrossBarKey("benefits", "workplace-culture"), 101, -1),
              sheet->Count("workplace-culture"));
}

TEST_F(BoardSessionTest, FreezeHoldsThePictureWhileTheRoomAnswers) {
    auto session = Open();
    ASSERT_TRUE(session->Refresh(100));
    const int respondents = session->Live().Step("level")->respondents;
    Apply(*session, BoardIntent::Kind::ToggleFreeze, "", 101);
    {
        WriterOptions options;
        options.db_path = db_;
        options.kiosk_id = "late-kiosk";
        VisitWriter writer(options, pack_);
        writer.BeginVisit("late", "en");
        writer.SaveAnswer({"late", "level", false, {{"system", ""}}});
    } // drained on destruction
    ASSERT_TRUE(RefreshUntilChanged(*session, 102));
    EXPECT_EQ(session->Live().Step("level")->respondents, respondents + 1);
    EXPECT_EQ(session->View().tallies.Step("level")->respondents, respondents) << "frozen";
    Apply(*session, BoardIntent::Kind::ToggleFreeze, "", 103);
    EXPECT_EQ(session->View().tallies.Step("level")->respondents, respondents + 1);
}

// Freezing holds figures, never a decision: a text rejected while frozen
// leaves the frozen picture at the next refresh.
TEST_F(BoardSessionTest, TextRejectedWhileFrozenLeavesTheFrozenPicture) {
    auto session = Open();
    ASSERT_TRUE(session->Refresh(100));
    const FreeText* approved = nullptr;
    for (const FreeText& text : session->Live().free_text)
        if (text.status == Moderation::Approved && text.item_id == "own") approved = &text;
    ASSERT_NE(approved, nullptr) << "the demo figures approve some own benefits";
    BoardIntent reject = BoardIntent::Of(BoardIntent::Kind::Reject);
    reject.id = approved->step_id;
    reject.item = approved->item_id;
    reject.text = approved->text;
    Apply(*session, BoardIntent::Kind::ToggleFreeze, "", 101);
    session->Apply({reject}, 102);
    ASSERT_TRUE(RefreshUntilChanged(*session, 103));
    for (const FreeText& text : session->View().tallies.free_text)
        EXPECT_FALSE(text.text == reject.text && text.status == Moderation::Approved) << "still shown frozen";
}

// With a wake to call, the board does not poll: the kiosk's commit wakes it
// (through the file watch), it then looks again every few ms until it has
// read the commit, and otherwise sleeps for seconds.
TEST_F(BoardSessionTest, AKioskCommitWakesAWatchingBoard) {
    std::mutex mutex;
    std::condition_variable woken;
    int wakes = 0;
    BoardSessionOptions options{db_,
                                nullptr,
                                [&] {
                                    {
                                        std::lock_guard lock(mutex);
                                        ++wakes;
                                    }
                                    woken.notify_all();
                                },
                                {}};
    const double start = LoopSeconds();
    BoardSession session(pack_, options, start);
    ASSERT_TRUE(session.Watching());
    ASSERT_TRUE(session.Refresh(start));
    EXPECT_GE(session.NextWake(start), start + 1) << "no commit: no polling";
    const int before = wakes;
    {
        WriterOptions writer_options;
        writer_options.db_path = db_;
        writer_options.kiosk_id = "late-kiosk";
        VisitWriter writer(writer_options, pack_);
        writer.BeginVisit("late", "en");
    } // committed and drained on destruction
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(woken.wait_for(lock, std::chrono::seconds(5), [&] { return wakes > before; }));
    }
    const double after_write = LoopSeconds();
    EXPECT_LE(session.NextWake(after_write), after_write + kSettlePollSeconds + 1e-6) << "looks again soon";
    ASSERT_TRUE(session.Refresh(after_write)) << "the commit is readable";
    const double later = LoopSeconds() + kSettleAfterWriteSeconds + 0.1;
    EXPECT_GE(session.NextWake(later), later + 1) << "long after the last write: back to sleep";
}

TEST_F(BoardSessionTest, WakesForTheStorePollTheTimerAndTheRotation) {
    auto session = Open(100);
    EXPECT_LE(session->NextWake(100), 100 + BoardSession::kPollSeconds);
    EXPECT_EQ(session->NextClockTick(100), 0) << "no timer running";
    Apply(*session, BoardIntent::Kind::TimerStart, "", 100.25);
    // 780 s left at 100.25; at 100.5 that is 779.75: the digits change in 0.75 s.
    EXPECT_NEAR(session->NextClockTick(100.5), 101.252, 1e-6);
    session->State().rotate_seconds = 0.01;
    Apply(*session, BoardIntent::Kind::ToggleDropIn, "", 100.5);
    EXPECT_NEAR(session->NextWake(100.5), NextRotation(session->State()), 1e-9);
}

// "Answers in the last 10 minutes" and "visits today" change with the clock
// alone: with nothing written, the board recomputes them now and then.
TEST_F(BoardSessionTest, TimeWindowsAgeWhileNothingHappens) {
    const auto wall = std::chrono::system_clock::now();
    auto session = Open(100);
    ASSERT_TRUE(session->Refresh(100, wall));
    const int recent = session->View().tallies.answers_last_10_min;
    ASSERT_GT(recent, 0) << "the demo visits were written just now";
    const auto later = wall + std::chrono::minutes(11);
    EXPECT_FALSE(session->Refresh(101, later)) << "nothing changed in the store: nothing read";
    // The loop wakes at NextWake() and calls Refresh then Tick, as BoardLoopWindow::Update does.
    double now = 101;
    for (int i = 0; i < 100000 && now < 400 && session->View().tallies.answers_last_10_min == recent; ++i) {
        now = std::max(now + 0.001, session->NextWake(now));
        session->Refresh(now, later);
        session->Tick(now);
    }
    EXPECT_EQ(session->View().tallies.answers_last_10_min, 0) << "eleven minutes later";
    EXPECT_LE(now, 100 + 2 * BoardSession::kAgeSeconds) << "within a minute or so";
}

TEST_F(BoardSessionTest, EveryNamedViewCanBeShown) {
    auto session = Open();
    ASSERT_TRUE(session->Refresh(100));
    std::string error;
    for (const char* view : kBoardViews)
        EXPECT_TRUE(ShowBoardView(*session, view, 200, &error)) << view << ": " << error;
    EXPECT_TRUE(ShowBoardView(*session, "poll:improvement", 200, &error)) << error;
    EXPECT_EQ(session->State().page.step_id, "improvement");
    EXPECT_FALSE(ShowBoardView(*session, "poll:benefits", 200, &error));
    EXPECT_FALSE(ShowBoardView(*session, "nowhere", 200, &error));
    EXPECT_NE(error.find("nowhere"), std::string::npos);
}

} // namespace
} // namespace tapsheet

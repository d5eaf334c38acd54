// The board's running state: the pack, the BoardState the facilitator
// steers, the live tallies from the store (and a frozen copy), and the
// animated figures the screens read. It applies the screens' intents and
// sends the ones the store keeps (new round, moderation, hidden results) to
// a writer. Shared by `tapsheet board`, `demo`, `screenshot` and tests.
#pragma once

#include "app/core/animated.h"
#include "app/core/board.h"
#include "app/core/fleet_view.h"
#include "app/store/file_watch.h"
#include "app/store/store.h"
#include "app/store/tally_reader.h"
#include "app/ui/board/board_view.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace tapsheet {

struct BoardSessionOptions {
    std::string db_path;
    // The kiosk's writer when kiosk and board share a process (`demo`);
    // null: the board opens its own (kiosk id "board") on its first write,
    // so a board that only shows never creates or writes the file.
    VisitWriter* shared_writer = nullptr;
    std::function<void()> wake;            // for the board's own writer's acks
    std::vector<std::string> fleet_kiosks; // [fleet] kiosks: listed before they first report
};

class BoardSession {
  public:
    // The pack must outlive the session.
    BoardSession(const Pack& pack, BoardSessionOptions options, double now);
    BoardSession(Pack&& pack, BoardSessionOptions options, double now) = delete;
    ~BoardSession();

    // Asks the store whether anything changed (one cheap statement when
    // nothing did) and, when it did, takes the new figures and retargets
    // the animation. True when what the board shows changed. `wall` sets
    // the time windows of the totals; tests pass a fixed one.
    // With the control strip shown it also reads the fleet's health (at
    // most every kFleetSeconds), true when the strip's fleet tag changed.
    bool Refresh(double now, TallyReader::TimePoint wall = std::chrono::system_clock::now());
    // Applies what the screens asked for; true when anything changed.
    bool Apply(const BoardIntents& intents, double now);
    // Drop-in rotation and the time windows' ageing; true when the page changed.
    bool Tick(double now);

    // Frames are needed every frame while bars glide or a page fades in.
    bool Animating(double now) const;
    // The next moment the board must look again without any event: the
    // store poll, the timer's next second, the rotation, the ageing.
    double NextWake(double now) const;
    // The running timer's next whole second (0: no timer running), when
    // the board draws one frame for the new digits.
    double NextClockTick(double now) const;

    BoardView View() const;
    const Pack& GetPack() const { return pack_; }
    BoardState& State() { return state_; }
    const BoardState& State() const { return state_; }
    const Tallies& Live() const { return tallies_; }
    const AnimatedValues& Anim() const { return anim_; }
    const FleetView& Fleet() const { return fleet_; }
    TallyQuery Query() const;
    bool HaveData() const { return have_data_; }

    // How often the store is asked while the board waits: well inside the
    // 100 ms from a kiosk's commit to the board. With a working FileWatch
    // (and a wake to call) a write wakes the board at once, and the poll is
    // only a safety net.
    static constexpr double kPollSeconds = 0.025;
    static constexpr double kWatchedPollSeconds = 2.0;
    bool Watching() const { return watch_ && watch_->Ok(); }
    // Visits today and the last 10 minutes change with the clock alone.
    static constexpr double kAgeSeconds = 60;
    // The strip's fleet tag: a read of the hub's health this often while the strip shows.
    static constexpr double kFleetSeconds = 2.0;

  private:
    bool ApplyOne(const BoardIntent& intent, double now);
    VisitWriter* Writer();
    void SaveHidden();
    void TakeAcks();
    void Retarget(double now);
    void Watch(double now);
    bool RefreshFleet(double now, TallyReader::TimePoint wall);
    const Tallies& Shown() const;

    const Pack& pack_;
    BoardSessionOptions options_;
    BoardState state_;
    TallyReader reader_;
    std::unique_ptr<VisitWriter> own_writer_;
    // Declared before watch_, so it outlives the watch thread that sets it.
    std::atomic<double> last_write_{-1}; // LoopSeconds() of the watch's last report
    double seen_write_ = -1;             // last_write_ as it was when a refresh found a commit
    std::int64_t seen_version_ = -1;     // the reader's Version() at the last refresh
    std::unique_ptr<FileWatch> watch_;   // null without options.wake
    double next_watch_try_ = 0;
    Tallies tallies_;
    Tallies frozen_;
    AnimatedValues anim_;
    bool have_data_ = false;
    bool hidden_loaded_ = false;
    double next_age_ = 0;
    std::string write_problem_;
    FleetView fleet_;
    double next_fleet_ = 0; // the next read of the fleet's health, while the strip shows
};

} // namespace tapsheet

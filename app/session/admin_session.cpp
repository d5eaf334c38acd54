#include "app/session/admin_session.h"

#include "app/core/loader.h"
#include "app/core/moderation_order.h"
#include "app/session/admin_places.h"
#include "app/session/fleet_read.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <system_error>

namespace tapsheet {

namespace {

int MinuteOfDay() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_hour * 60 + local.tm_min;
}

} // namespace

AdminSession::AdminSession(AdminSettings settings, VisitWriter* writer)
    : settings_(std::move(settings)), writer_(writer) {}

AdminSession::~AdminSession() {
    if (check_.valid()) check_.wait();
}

void AdminSession::CornerHeld(bool held, double now) {
    if (!state_.CornerHeld(held, now)) return;
    std::fprintf(stderr, "tapsheet kiosk: admin PIN pad opened\n");
    LoadLockout(now);
    panel_.tab = AdminTab::Overview;
    Say({}, false);
}

// Once, when the PIN pad first opens: the wrong tries before a restart.
void AdminSession::LoadLockout(double now) {
    if (lockout_loaded_ || settings_.lockout_path.empty()) return;
    lockout_loaded_ = true;
    PinLockoutRecord record;
    std::string error;
    if (!LoadPinLockout(settings_.lockout_path, &record, &error))
        std::fprintf(stderr, "tapsheet kiosk: %s; starting the PIN lock-out afresh\n", error.c_str());
    state_.RestoreLockout(PinLockout::Restored(record, now, WallSeconds()));
    if (state_.Locked(now))
        std::fprintf(stderr, "tapsheet kiosk: the PIN pad is locked for %.0f s more (wrong PINs before)\n",
                     std::ceil(state_.LockedFor(now)));
}

void AdminSession::StartPinCheck(double now) {
    PinCheckJob job;
    job.pin = state_.Entry();
    job.stored_hash = settings_.pin_hash;
    job.lockout_path = settings_.lockout_path;
    job.failed = state_.Lockout().Record(now, WallSeconds());
    try {
        check_ = std::async(std::launch::async, CheckPin, job);
    } catch (const std::system_error&) { // no thread to be had: check when asked for the outcome
        check_ = std::async(std::launch::deferred, CheckPin, std::move(job));
    }
}

void AdminSession::TakePinCheck(double now) {
    if (!check_.valid() || check_.wait_for(std::chrono::seconds(0)) == std::future_status::timeout) return;
    const PinCheckResult result = check_.get();
    if (!result.error.empty())
        std::fprintf(stderr, "tapsheet kiosk: the PIN lock-out is not kept on disk: %s\n",
                     result.error.c_str());
    if (state_.CheckDone(result.right, !settings_.pin_hash.empty(), now)) return OpenPanel(now);
    if (!result.right) std::fprintf(stderr, "tapsheet kiosk: wrong admin PIN\n");
}

void AdminSession::FinishPinCheck(double now) {
    if (check_.valid()) check_.wait();
    TakePinCheck(now);
}

void AdminSession::OpenPanel(double now) {
    std::fprintf(stderr, "tapsheet kiosk: admin panel opened\n");
    sticks_ = FindSticks(settings_.export_dir, settings_.sticks_need_mount);
    packs_ = ListPacks(settings_.content_path, settings_.packs_dir);
    next_refresh_ = now + kRefreshSeconds;
    Refresh(false);
}

bool AdminSession::Asleep(double now, bool idle) const {
    return sleep_.Asleep(settings_.sleep, MinuteOfDay(), now, idle && !Open());
}

double AdminSession::NextWake(double now) const {
    double wake = now + 60;
    if (state_.HoldDeadline() > 0) wake = std::min(wake, state_.HoldDeadline());
    if (state_.IdleDeadline() > 0) wake = std::min(wake, state_.IdleDeadline());
    // The lock-out's countdown is shown to the second.
    if (Open() && state_.Locked(now)) wake = std::min(wake, now + 1 - std::fmod(state_.LockedFor(now), 1.0));
    if (state_.Checking()) wake = std::min(wake, now + 0.05); // to take the outcome soon after it is there
    if (sleep_.AwakeUntil() > now) wake = std::min(wake, sleep_.AwakeUntil());
    if (state_.Screen() == AdminScreen::Panel && next_refresh_ > now) wake = std::min(wake, next_refresh_);
    if (state_.Screen() == AdminScreen::Panel && panel_.tab == AdminTab::Fleet)
        wake = std::min(wake, std::max(now, next_fleet_));
    // Sleep hours and the drift both change on the minute of the wall clock.
    const double wall = static_cast<double>(std::time(nullptr));
    return std::min(wake, now + 60 - std::fmod(wall, 60.0) + 0.05);
}

AdminView AdminSession::View() const {
    AdminView view(state_);
    view.tab = panel_.tab;
    view.kiosk_id = settings_.kiosk_id;
    view.db_path = settings_.db_path;
    view.tallies = have_tallies_ ? &tallies_ : nullptr;
    view.problem = reader_ && !reader_->Ok() ? reader_->Error() : "The results file is not there yet.";
    view.sticks = sticks_;
    view.packs = packs_;
    view.export_dir = settings_.export_dir;
    view.status = status_;
    view.status_is_error = status_is_error_;
    view.armed = panel_.armed;
    view.armed_index = panel_.armed_index;
    if (outbox_) view.outbox = outbox_();
    view.fleet = fleet_;
    return view;
}

void AdminSession::Apply(const AdminIntents& intents, double now) {
    for (const AdminIntent& intent : intents)
        ApplyOne(intent, now);
}

void AdminSession::ApplyOne(const AdminIntent& intent, double now) {
    switch (ApplyAdminIntent(intent, now, state_, panel_)) {
    case AdminEffect::None:
        return;
    case AdminEffect::CheckPin:
        return StartPinCheck(now);
    case AdminEffect::TabShown:
        Say({}, false);
        next_fleet_ = 0;
        RefreshFleet(now);
        return Refresh(false);
    case AdminEffect::TextsReread:
        Say({}, false);
        return Refresh(true);
    case AdminEffect::NewRound:
        if (writer_ == nullptr) return Say("The results file is not working: no new round.", true);
        writer_->NextRound();
        Say("A new round has started.", false);
        return Refresh(panel_.tab == AdminTab::Moderation);
    case AdminEffect::Moderate:
        return Moderate(intent);
    case AdminEffect::LookForSticks:
        sticks_ = FindSticks(settings_.export_dir, settings_.sticks_need_mount);
        return Say(sticks_.empty() ? "Still no USB stick." : "Found " + std::to_string(sticks_.size()) + ".",
                   sticks_.empty());
    case AdminEffect::Export:
        return Export(intent.index);
    case AdminEffect::SwitchPack:
        return SwitchPack(intent.index);
    case AdminEffect::SleepNow:
        return sleep_.SleepNow();
    case AdminEffect::Restart:
        exit_code_ = kExitRestart;
        return;
    case AdminEffect::Quit:
        exit_code_ = 0;
        return;
    }
}

// The Fleet tab only: every kiosk's health when this kiosk's file is the hub's.
void AdminSession::RefreshFleet(double now) {
    if (state_.Screen() != AdminScreen::Panel || panel_.tab != AdminTab::Fleet || now < next_fleet_) return;
    next_fleet_ = now + kFleetSeconds;
    fleet_ = ReadFleetView(settings_.db_path, std::chrono::system_clock::now(), settings_.fleet_kiosks);
}

void AdminSession::Tick(double now) {
    TakePinCheck(now);
    state_.Tick(now);
    RefreshFleet(now);
    // Figures such as "answers in the last 10 minutes" change with the clock
    // alone, and other kiosks' visits arrive: read again now and then.
    if (state_.Screen() != AdminScreen::Panel) return;
    if (next_refresh_ == 0) next_refresh_ = now + kRefreshSeconds;
    if (now < next_refresh_) return;
    next_refresh_ = now + kRefreshSeconds;
    if (reader_) reader_->Invalidate();
    Refresh(panel_.tab == AdminTab::Moderation);
}

void AdminSession::Refresh(bool keep_rows) {
    if (!reader_) reader_ = std::make_unique<TallyReader>(settings_.db_path);
    // The writer may still be committing what was just asked: this reads
    // what is there; the next action or reopening reads again.
    Tallies fresh;
    if (reader_->Refresh(TallyQuery{}, &fresh)) {
        // The Texts tab's rows stay where they are while it is open.
        if (keep_rows && have_tallies_) KeepListedOrder(tallies_.free_text, &fresh.free_text);
        tallies_ = std::move(fresh);
        have_tallies_ = true;
    }
    have_tallies_ = have_tallies_ && reader_->Ok();
}

void AdminSession::Moderate(const AdminIntent& intent) {
    if (!have_tallies_ || intent.index >= tallies_.free_text.size()) return;
    if (writer_ == nullptr) return Say("The results file is not working: nothing was changed.", true);
    FreeText& text = tallies_.free_text[intent.index];
    const bool approved = intent.status == Moderation::Approved;
    writer_->Moderate(text.step_id, text.item_id, text.text, approved);
    text.status = intent.status; // shown at once; the store has it queued
    Say(std::string(approved ? "Approved: " : "Hidden: ") + text.text, false);
}

void AdminSession::Export(std::size_t index) {
    if (index >= sticks_.size()) return;
    if (!settings_.export_to) return Say("Export is not available in this build.", true);
    std::string summary, error;
    if (!settings_.export_to(sticks_[index].path, &summary, &error))
        return Say("Export failed: " + error, true);
    std::fprintf(stderr, "tapsheet kiosk: exported %s\n", summary.c_str());
    Say("Exported: " + summary + ". Wait a moment before pulling the stick out.", false);
}

void AdminSession::SwitchPack(std::size_t index) {
    if (index >= packs_.size()) return;
    const std::string path = packs_[index].path;
    const LoadResult loaded = LoadPackFile(path); // it may have changed since the list was made
    if (!loaded.pack) return Say("That pack has a problem: " + loaded.errors.front().ToString(), true);
    std::string error;
    if (!WriteChosenPack(settings_.db_path, path, &error)) return Say("Cannot switch: " + error, true);
    std::fprintf(stderr, "tapsheet kiosk: content pack %s chosen in the admin panel; restarting\n",
                 path.c_str());
    exit_code_ = kExitRestart;
}

void AdminSession::Say(std::string status, bool error) {
    status_ = std::move(status);
    status_is_error_ = error;
}

} // namespace tapsheet

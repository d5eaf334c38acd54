// Numbers that glide to their new value (the board's bars growing) and then
// stop, so a board whose figures settled draws nothing more.
//
// The app calls Retarget() for every figure after a refresh; screens read
// Value() with the same key. Keys are the caller's (for example
// "poll-1\x1fsystem"). Owned by the app, read-only to screens.
#pragma once

#include <string>
#include <unordered_map>

namespace tapsheet {

class AnimatedValues {
  public:
    explicit AnimatedValues(double seconds = 0.8) : seconds_(seconds) {}

    // A key seen for the first time starts at `target` (no animation from
    // zero when a board starts on a full database).
    void Retarget(const std::string& key, double target, double now);
    // The value at `now`; `fallback` for a key never retargeted.
    double Value(const std::string& key, double now, double fallback = 0) const;
    // Every value has reached its target.
    bool Settled(double now) const;
    // Forget everything (a new round, another cross-tab): next Retarget jumps.
    void Clear() { values_.clear(); }

  private:
    struct Glide {
        double from = 0, to = 0, start = 0;
    };
    double At(const Glide& glide, double now) const;

    double seconds_;
    std::unordered_map<std::string, Glide> values_;
};

} // namespace tapsheet

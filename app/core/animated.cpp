#include "app/core/animated.h"

#include <algorithm>

namespace tapsheet {

void AnimatedValues::Retarget(const std::string& key, double target, double now) {
    auto [it, inserted] = values_.try_emplace(key, Glide{target, target, now});
    if (inserted) return;
    Glide& glide = it->second;
    if (glide.to == target) return;
    // A glide interrupted mid-way starts again from where it is now, so a
    // bar never jumps back.
    glide.from = At(glide, now);
    glide.to = target;
    glide.start = now;
}

double AnimatedValues::Value(const std::string& key, double now, double fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : At(it->second, now);
}

bool AnimatedValues::Settled(double now) const {
    return std::all_of(values_.begin(), values_.end(), [&](const auto& entry) {
        const Glide& glide = entry.second;
        return glide.from == glide.to || now - glide.start >= seconds_;
    });
}

// Ease-out (cubic): quick at first, gentle as it lands, which reads as
// "growing" without the bars bouncing.
double AnimatedValues::At(const Glide& glide, double now) const {
    if (seconds_ <= 0) return glide.to;
    const double t = std::clamp((now - glide.start) / seconds_, 0.0, 1.0);
    if (t >= 1) return glide.to;
    const double rest = 1 - t;
    return glide.from + (glide.to - glide.from) * (1 - rest * rest * rest);
}

} // namespace tapsheet

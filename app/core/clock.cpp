#include "app/core/clock.h"

#include <chrono>

namespace tapsheet {

double LoopSeconds() {
    using Clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

} // namespace tapsheet

// Seconds on the steady clock: the run loop's and the sessions' `now`. Plain
// numbers, so the flow, the board state and the tests take any time they like.
#pragma once

namespace tapsheet {

double LoopSeconds();

} // namespace tapsheet

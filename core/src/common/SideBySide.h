#pragma once
// Two independent pieces of work at once, on the two threads OpenCV's pool has (the lab
// machines have two cores). For steps that each keep one core busy most of the time: one after
// the other they leave the second core idle; side by side the pair takes about as long as the
// longer one. Each piece must not touch what the other writes. The results do not depend on
// the threads: every piece computes exactly what it computes alone.
#include <functional>

namespace rw {

// Runs `first` and `second`, side by side where OpenCV has more than one thread (one after the
// other otherwise, or when already inside a parallel loop), and returns when both have
// finished. If either throws, the first exception (in argument order) is rethrown after both
// have finished.
void runSideBySide(const std::function<void()>& first, const std::function<void()>& second);

}  // namespace rw

#include "common/SideBySide.h"

#include <opencv2/core/utility.hpp>

#include <exception>

namespace rw {

void runSideBySide(const std::function<void()>& first, const std::function<void()>& second)
{
    std::exception_ptr failures[2];
    const std::function<void()>* pieces[2] = {&first, &second};
    // One task per piece; a nested parallel loop inside a piece then runs on that piece's
    // thread, so each keeps its own core.
    cv::parallel_for_(
        cv::Range(0, 2),
        [&](const cv::Range& range) {
            for (int i = range.start; i < range.end; ++i) {
                try {
                    (*pieces[i])();
                } catch (...) {
                    failures[i] = std::current_exception();
                }
            }
        },
        2);
    for (const std::exception_ptr& failure : failures)
        if (failure)
            std::rethrow_exception(failure);
}

}  // namespace rw

#pragma once
// How long core operations report progress and learn that they should stop. Core stays free
// of Qt: the GUI's JobRunner wraps these into queued signals, the CLI prints them.
#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace rw {

struct ProgressEvent {
    std::size_t step = 0;                   // steps done so far
    std::size_t total = 0;                  // 0 when unknown
    std::string message;                    // what is happening, e.g. the current file
    std::map<std::string, double> metrics;  // optional figures (loss, images/s, ...)
};

using ProgressSink = std::function<void(const ProgressEvent&)>;

// Shared, copyable cancellation flag. Long operations check it at least once per item,
// batch or tile and then throw rw::Error(ErrorKind::Cancelled).
class CancelToken {
public:
    CancelToken()
        : m_flag(std::make_shared<std::atomic<bool>>(false))
    {
    }

    void cancel() const noexcept { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_flag->load(std::memory_order_relaxed); }
    // Throws rw::Error(Cancelled) when cancelled.
    void throwIfCancelled() const;

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

// Calls the sink when there is one; lets callers pass an empty ProgressSink.
inline void report(const ProgressSink& sink, const ProgressEvent& event)
{
    if (sink)
        sink(event);
}

}  // namespace rw

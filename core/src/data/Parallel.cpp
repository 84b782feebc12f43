// The parallel loop that loads, preprocesses and renders prints for core/data.
#include "DataInternal.h"
#include "ridgeworks/common/Error.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace rw::data {

std::uint64_t deriveSeed(std::initializer_list<std::uint64_t> parts)
{
    // SplitMix64 finaliser over a running state: order-sensitive, platform-independent.
    std::uint64_t state = 0x6a09e667f3bcc908ULL;
    for (const std::uint64_t part : parts) {
        state ^= part;
        state += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        state = z ^ (z >> 31);
    }
    return state;
}

int resolveWorkers(int requested)
{
    if (requested > 0)
        return requested;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

void parallelFor(std::size_t count, int workers, const std::string& verb,
                 const ProgressSink& progress, const CancelToken& cancel,
                 const std::function<void(std::size_t)>& work)
{
    if (count == 0)
        return;
    cancel.throwIfCancelled();
    const std::size_t threadCount =
        std::min<std::size_t>(static_cast<std::size_t>(resolveWorkers(workers)), count);

    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished;
    std::exception_ptr failure;
    std::size_t running = threadCount;

    auto worker = [&] {
        try {
            for (;;) {
                if (stop.load() || cancel.isCancelled())
                    break;
                const std::size_t i = next.fetch_add(1);
                if (i >= count)
                    break;
                work(i);
                done.fetch_add(1);
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!failure)
                failure = std::current_exception();
            stop = true;
        }
        std::lock_guard lock(mutex);
        --running;
        finished.notify_all();
    };

    std::vector<std::thread> threads;
    threads.reserve(threadCount);
    for (std::size_t t = 0; t < threadCount; ++t)
        threads.emplace_back(worker);

    // The calling thread only watches: progress, cancel, and the end. A throwing progress
    // sink stops the workers like a cancel does, and its exception is passed on after they
    // have been joined.
    std::exception_ptr sinkFailure;
    std::size_t reported = static_cast<std::size_t>(-1);
    {
        std::unique_lock lock(mutex);
        for (;;) {
            const bool allDone = finished.wait_for(lock, std::chrono::milliseconds(100),
                                                   [&] { return running == 0; });
            if (cancel.isCancelled())
                stop = true;
            const std::size_t now = done.load();
            if (now != reported && !stop) {
                reported = now;
                lock.unlock();
                try {
                    report(progress,
                           {now,
                            count,
                            verb + " " + std::to_string(now) + "/" + std::to_string(count),
                            {}});
                } catch (...) {
                    sinkFailure = std::current_exception();
                    stop = true;
                }
                lock.lock();
            }
            if (allDone)
                break;
        }
    }
    for (auto& thread : threads)
        thread.join();
    if (sinkFailure)
        std::rethrow_exception(sinkFailure);
    if (failure)
        std::rethrow_exception(failure);
    cancel.throwIfCancelled();
}

}  // namespace rw::data

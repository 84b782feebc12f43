// Worker threads fill a ring of preallocated batch slots ahead of the trainer. Example k of
// the epoch's order always lands in batch k / batchSize at position k % batchSize, and each
// example depends only on (split, epoch, index), so batch contents never depend on timing.
#include "ridgeworks/data/BatchLoader.h"

#include "DataInternal.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Random.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

namespace rw {

struct BatchLoader::Impl {
    struct Slot {
        Batch batch;
        std::size_t filled = 0;
        bool ready = false;
    };

    std::shared_ptr<const TrainingData> data;
    DataSplit split = DataSplit::Train;
    std::uint64_t epoch = 0;
    BatchLoaderOptions options;
    std::vector<std::size_t> order;
    std::size_t total = 0;  // examples delivered this epoch
    std::size_t batches = 0;
    std::size_t batchSize = 0;
    std::size_t prefetch = 0;
    int imageSize = 0;
    std::size_t area = 0;

    std::mutex mutex;
    std::condition_variable workAvailable;
    std::condition_variable batchReady;
    std::vector<Slot> slots;
    std::size_t nextItem = 0;  // next position in `order` to produce
    std::size_t consumed = 0;  // batches handed to the trainer
    bool stop = false;
    std::exception_ptr failure;
    std::vector<std::thread> threads;

    std::size_t countOf(std::size_t batch) const
    {
        return std::min(batchSize, total - batch * batchSize);
    }

    // Sizes a slot's buffers for `batch` (no allocation once the buffers have grown).
    void prepare(Slot& slot, std::size_t batch)
    {
        const std::size_t count = countOf(batch);
        slot.batch.count = static_cast<int>(count);
        slot.batch.size = imageSize;
        slot.batch.clean.resize(count * area);
        slot.batch.damaged.resize(count * area);
        slot.batch.mask.resize(count * area);
        slot.batch.indices.resize(count);
        slot.filled = 0;
        slot.ready = false;
    }

    void copyPlane(const cv::Mat& image, std::vector<float>& plane, std::size_t position) const
    {
        if (image.type() != CV_32FC1 || image.rows != imageSize || image.cols != imageSize)
            throw Error(ErrorKind::InvalidArgument, "an example has the wrong size or type");
        float* target = plane.data() + position * area;
        if (image.isContinuous()) {
            std::memcpy(target, image.ptr<float>(0), area * sizeof(float));
            return;
        }
        for (int y = 0; y < imageSize; ++y)
            std::memcpy(target + static_cast<std::size_t>(y) * imageSize, image.ptr<float>(y),
                        static_cast<std::size_t>(imageSize) * sizeof(float));
    }

    void work()
    {
        for (;;) {
            std::size_t item = 0;
            {
                std::unique_lock lock(mutex);
                workAvailable.wait(lock, [&] {
                    return stop || failure || nextItem >= total ||
                           nextItem / batchSize < consumed + prefetch;
                });
                if (stop || failure || nextItem >= total)
                    return;
                item = nextItem++;
            }
            const std::size_t batch = item / batchSize;
            const std::size_t position = item % batchSize;
            Slot& slot = slots[batch % prefetch];
            try {
                const TrainingExample example = data->example(split, epoch, order[item]);
                // This position of the slot belongs to this worker alone until the batch is
                // complete; the consumer touches the slot only after that (under the mutex).
                copyPlane(example.clean, slot.batch.clean, position);
                copyPlane(example.damaged, slot.batch.damaged, position);
                copyPlane(example.mask, slot.batch.mask, position);
                slot.batch.indices[position] = order[item];
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure)
                    failure = std::current_exception();
                batchReady.notify_all();
                workAvailable.notify_all();
                return;
            }
            std::lock_guard lock(mutex);
            if (++slot.filled == countOf(batch)) {
                slot.ready = true;
                batchReady.notify_all();
            }
        }
    }
};

BatchLoader::BatchLoader(std::shared_ptr<const TrainingData> data, DataSplit split,
                         std::uint64_t epoch, const BatchLoaderOptions& options)
    : m_impl(std::make_unique<Impl>())
{
    if (!data)
        throw Error(ErrorKind::InvalidArgument, "batch loader needs training data");
    if (options.batchSize < 1)
        throw Error(ErrorKind::InvalidArgument,
                    "batch size must be at least 1, got " + std::to_string(options.batchSize));
    if (options.prefetchBatches < 1)
        throw Error(ErrorKind::InvalidArgument, "prefetch must be at least 1 batch");
    Impl& d = *m_impl;
    d.data = std::move(data);
    d.split = split;
    d.epoch = epoch;
    d.options = options;
    d.imageSize = d.data->config().imageSize;
    d.area = static_cast<std::size_t>(d.imageSize) * static_cast<std::size_t>(d.imageSize);
    d.batchSize = static_cast<std::size_t>(options.batchSize);
    d.prefetch = static_cast<std::size_t>(options.prefetchBatches);

    const std::size_t n = d.data->size(split);
    d.order.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        d.order[i] = i;
    if (options.shuffle && n > 1) {
        // Fisher–Yates with rw::Rng: the order depends only on (shuffleSeed, epoch).
        Rng rng(rw::data::deriveSeed({options.shuffleSeed, epoch}));
        for (std::size_t i = n - 1; i > 0; --i)
            std::swap(d.order[i],
                      d.order[static_cast<std::size_t>(rng.uniformInt(0, static_cast<int>(i)))]);
    }
    d.batches = options.dropLast ? n / d.batchSize : (n + d.batchSize - 1) / d.batchSize;
    d.total = std::min(n, d.batches * d.batchSize);

    d.slots.resize(d.prefetch);
    for (std::size_t b = 0; b < d.prefetch && b < d.batches; ++b)
        d.prepare(d.slots[b], b);

    int workers = options.workers;
    if (workers <= 0)
        workers = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
    const std::size_t threadCount =
        std::min<std::size_t>(static_cast<std::size_t>(workers), d.total);
    d.threads.reserve(threadCount);
    for (std::size_t t = 0; t < threadCount; ++t)
        d.threads.emplace_back([&d] { d.work(); });
}

BatchLoader::~BatchLoader()
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->stop = true;
    }
    m_impl->workAvailable.notify_all();
    for (auto& thread : m_impl->threads)
        thread.join();
}

std::size_t BatchLoader::batchCount() const
{
    return m_impl->batches;
}

bool BatchLoader::next(Batch& out, const CancelToken& cancel)
{
    Impl& d = *m_impl;
    std::unique_lock lock(d.mutex);
    if (d.consumed >= d.batches)
        return false;
    Impl::Slot& slot = d.slots[d.consumed % d.prefetch];
    while (!slot.ready) {
        if (d.failure)
            std::rethrow_exception(d.failure);
        if (cancel.isCancelled())
            throw Error(ErrorKind::Cancelled, "cancelled by the user");
        d.batchReady.wait_for(lock, std::chrono::milliseconds(10));
    }
    // Hand the filled buffers over and take the caller's old ones for a later batch: no copy,
    // and no allocation once the caller reuses its Batch.
    std::swap(out.clean, slot.batch.clean);
    std::swap(out.damaged, slot.batch.damaged);
    std::swap(out.mask, slot.batch.mask);
    std::swap(out.indices, slot.batch.indices);
    out.count = slot.batch.count;
    out.size = slot.batch.size;
    ++d.consumed;
    const std::size_t upcoming = d.consumed - 1 + d.prefetch;
    if (upcoming < d.batches)
        d.prepare(slot, upcoming);
    lock.unlock();
    d.workAvailable.notify_all();
    return true;
}

}  // namespace rw

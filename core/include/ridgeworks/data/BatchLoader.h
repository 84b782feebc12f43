#pragma once
// Feeds the trainer: worker threads build the examples of the next batches while the
// network trains on the current one, into buffers allocated once (no per-batch allocation).
// The order of examples is a seeded shuffle per epoch; the contents of every batch are
// independent of thread timing.
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/data/TrainingData.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace rw {

// Planar float batch: count × size × size per plane, values in [0,1].
struct Batch {
    int count = 0;
    int size = 0;
    std::vector<float> clean;
    std::vector<float> damaged;
    std::vector<float> mask;
    std::vector<std::size_t> indices;  // example indices in this batch, in order
};

struct BatchLoaderOptions {
    int batchSize = 32;
    bool shuffle = true;    // false for validation
    bool dropLast = false;  // true keeps every training batch the same size
    int workers = 0;        // 0 = automatic (hardware threads - 1, at least 1)
    int prefetchBatches = 3;
    std::uint64_t shuffleSeed = 1;
};

class BatchLoader {
public:
    BatchLoader(std::shared_ptr<const TrainingData> data, DataSplit split, std::uint64_t epoch,
                const BatchLoaderOptions& options);
    ~BatchLoader();  // stops the workers
    BatchLoader(const BatchLoader&) = delete;
    BatchLoader& operator=(const BatchLoader&) = delete;

    std::size_t batchCount() const;
    // Waits for the next batch; false after the last one. Throws rw::Error(Cancelled) when
    // `cancel` fires while waiting, and rethrows a worker's error. The batch's buffers are
    // swapped with `out`'s (no copy): pass the same Batch every time and, after the first
    // prefetchBatches batches, nothing is allocated. The last batch may be smaller
    // (count < batchSize) unless dropLast; the vectors then hold count × size² values.
    bool next(Batch& out, const CancelToken& cancel = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace rw

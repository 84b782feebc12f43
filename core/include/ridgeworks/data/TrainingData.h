#pragma once
// The training set in memory: every clean print loaded, cropped of blank space and scaled to
// the model size ONCE (cached), split by subject; examples are damaged on the fly from the
// cache with a seed derived from (data seed, epoch, index), so any example can be recomputed
// and a resumed run sees exactly the data an uninterrupted one would have.
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/data/DataSource.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <memory>
#include <vector>

namespace rw {

enum class DataSplit { Train, Validation };

// One example, all CV_32FC1 in [0,1], imageSize × imageSize.
struct TrainingExample {
    cv::Mat clean;
    cv::Mat damaged;          // with DataConfig::holeFill RidgeContinuation: hole prefilled
    cv::Mat mask;             // 1 where damaged, 0 elsewhere
    std::string description;  // e.g. "12__F_Right_ring_finger obliteration:hard seed 991"
};

class TrainingData {
public:
    // Loads and preprocesses the source (parallel, with progress and cancel). Bad files are
    // skipped and listed in summary().skipped. Throws rw::Error(InvalidArgument or Missing)
    // naming the folder when nothing usable is left, or no validation subject remains.
    static std::shared_ptr<TrainingData> open(const DataConfig& config,
                                              const ProgressSink& progress = {},
                                              const CancelToken& cancel = {});

    virtual ~TrainingData() = default;
    virtual const DataConfig& config() const = 0;
    virtual const DataSummary& summary() const = 0;
    // Examples per epoch in a split (fixed for the whole run).
    virtual std::size_t size(DataSplit split) const = 0;
    // Deterministic: same (split, epoch, index) → same bytes, on any thread. Validation
    // examples ignore `epoch` (the validation set never changes during a run). Thread-safe.
    virtual TrainingExample example(DataSplit split, std::uint64_t epoch,
                                    std::size_t index) const = 0;
    // Throws rw::Error(InvalidArgument) for an index >= size(split). For the synthetic source,
    // an epoch that was not prepared is rendered print by print on demand (same bytes, slow).
    // Called once before an epoch's batches are drawn; the synthetic source renders that
    // epoch's new prints here (parallel). Cheap for folder sources. Safe to call while
    // example() runs on other threads (the previous epoch's prints stay valid for them).
    virtual void prepareEpoch(std::uint64_t epoch, const ProgressSink& progress,
                              const CancelToken& cancel) = 0;
};

}  // namespace rw

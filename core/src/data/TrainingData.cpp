#include "ridgeworks/data/TrainingData.h"

#include "DataInternal.h"

namespace rw {

std::shared_ptr<TrainingData> TrainingData::open(const DataConfig& config,
                                                 const ProgressSink& progress,
                                                 const CancelToken& cancel)
{
    data::validateConfig(config);
    cancel.throwIfCancelled();
    if (config.source.kind == DataSourceKind::Synthetic)
        return data::openSyntheticData(config, progress, cancel);
    return data::openFileData(config, progress, cancel);
}

}  // namespace rw

// Training data from the synthetic generator: every epoch gets new prints (rendered in
// parallel by prepareEpoch), the validation prints are rendered once and fixed for the run.
#include "DataInternal.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Random.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <mutex>

namespace rw::data {
namespace {

// Varied geometry per print: size 160..256 × 176..288 px at 420..580 ppi, class drawn by the
// generator from its seed (all five equally likely); ridge period, contrast and noise vary
// with the generator's seed as well.
CachedPrint renderPrint(std::uint64_t printSeed, const DataConfig& config, const std::string& name)
{
    for (std::uint64_t attempt = 0;; ++attempt) {
        Rng rng(deriveSeed({printSeed, attempt}));
        SynthOptions options;
        options.width = rng.uniformInt(160, 256);
        options.height = rng.uniformInt(176, 288);
        options.ppi = rng.uniform(420.0, 580.0);
        options.seed = rng.nextU64() >> 1;
        const SyntheticPrint synthetic = generateSyntheticPrint(options);
        Print print;
        print.pixels = synthetic.image;
        print.ppi = synthetic.ppi;
        print.source.format = "synthetic";
        try {
            CachedPrint cached = cachePrint(print, config.imageSize, name);
            measureForAppearance(cached, config);
            return cached;
        } catch (const Error&) {
            if (attempt >= 3)  // never seen; a blank rendering four times in a row is a bug
                throw;
        }
    }
}

class SyntheticTrainingData final : public TrainingData {
public:
    SyntheticTrainingData(const DataConfig& config, const ProgressSink& progress,
                          const CancelToken& cancel)
        : m_config(config)
    {
        m_validation.resize(static_cast<std::size_t>(config.syntheticValidationCount));
        parallelFor(m_validation.size(), config.workers, "rendering synthetic validation prints",
                    progress, cancel, [&](std::size_t i) { m_validation[i] = validationPrint(i); });
        m_summary.source = toString(config.source);
        m_summary.trainPrints = static_cast<std::size_t>(config.syntheticCount);
        m_summary.validationPrints = m_validation.size();
        m_summary.trainSubjects = m_summary.trainPrints;  // every synthetic print is a finger
        m_summary.validationSubjects = m_summary.validationPrints;
        m_summary.trainExamples = m_summary.trainPrints;
        m_summary.validationExamples = m_summary.validationPrints;
        recordCommonSettings(config, m_summary);
    }

    const DataConfig& config() const override { return m_config; }
    const DataSummary& summary() const override { return m_summary; }
    std::size_t size(DataSplit split) const override
    {
        return split == DataSplit::Train ? static_cast<std::size_t>(m_config.syntheticCount)
                                         : m_validation.size();
    }

    TrainingExample example(DataSplit split, std::uint64_t epoch, std::size_t index) const override
    {
        if (index >= size(split))
            throw Error(ErrorKind::InvalidArgument, "example " + std::to_string(index) + " of " +
                                                        std::to_string(size(split)) + " requested");
        if (split == DataSplit::Validation)
            return damagedExample(m_validation[index], m_config,
                                  deriveSeed({m_config.seed, kStreamValidationDamage, index}));
        std::shared_ptr<const Epoch> prepared;
        {
            std::lock_guard lock(m_mutex);
            prepared = m_epoch;
        }
        const std::uint64_t seed = deriveSeed({m_config.seed, kStreamTrainDamage, epoch, index});
        if (prepared && prepared->epoch == epoch)
            return damagedExample(prepared->prints[index], m_config, seed);
        // An epoch that was not prepared: render this one print (slow, but the same bytes).
        return damagedExample(trainPrint(epoch, index), m_config, seed);
    }

    void prepareEpoch(std::uint64_t epoch, const ProgressSink& progress,
                      const CancelToken& cancel) override
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_epoch && m_epoch->epoch == epoch)
                return;
        }
        auto next = std::make_shared<Epoch>();
        next->epoch = epoch;
        next->prints.resize(static_cast<std::size_t>(m_config.syntheticCount));
        parallelFor(next->prints.size(), m_config.workers,
                    "rendering synthetic prints for epoch " + std::to_string(epoch), progress,
                    cancel, [&](std::size_t i) { next->prints[i] = trainPrint(epoch, i); });
        std::lock_guard lock(m_mutex);
        m_epoch = std::move(next);
    }

private:
    struct Epoch {
        std::uint64_t epoch = 0;
        std::vector<CachedPrint> prints;
    };

    CachedPrint trainPrint(std::uint64_t epoch, std::size_t index) const
    {
        return renderPrint(deriveSeed({m_config.seed, kStreamSyntheticTrain, epoch, index}),
                           m_config,
                           "synthetic-e" + std::to_string(epoch) + "-" + std::to_string(index));
    }
    CachedPrint validationPrint(std::size_t index) const
    {
        return renderPrint(deriveSeed({m_config.seed, kStreamSyntheticValidation, index}), m_config,
                           "synthetic-v" + std::to_string(index));
    }

    DataConfig m_config;
    DataSummary m_summary;
    std::vector<CachedPrint> m_validation;
    mutable std::mutex m_mutex;
    std::shared_ptr<const Epoch> m_epoch;
};

}  // namespace

std::shared_ptr<TrainingData>
openSyntheticData(const DataConfig& config, const ProgressSink& progress, const CancelToken& cancel)
{
    return std::make_shared<SyntheticTrainingData>(config, progress, cancel);
}

}  // namespace rw::data

#include "ridgeworks/reconstruct/ReconstructionBench.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/model/Model.h"
#include "ridgeworks/reconstruct/BatchReconstruction.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

namespace rw {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

DamagedPrint damagedPrint(int width, int height, std::uint64_t seed)
{
    SynthOptions synth;
    synth.width = width;
    synth.height = height;
    synth.seed = seed;
    const SyntheticPrint print = generateSyntheticPrint(synth);
    DamageSpec spec;
    spec.kind = DamageKind::Obliteration;
    spec.level = DamageLevel::Medium;
    spec.seed = seed;
    return applyDamage(print.image, print.foreground, spec);
}

// Median wall time of `repeats` calls after one warm-up call, in ms.
template <typename Call> double medianMs(int repeats, const CancelToken& cancel, Call call)
{
    call();
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        cancel.throwIfCancelled();
        const auto start = Clock::now();
        call();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    return times[times.size() / 2];
}

// A temporary folder removed on every way out.
struct TemporaryFolder {
    fs::path path;
    TemporaryFolder()
        : path(fs::temp_directory_path() /
               ("ridgeworks-bench-" + std::to_string(Clock::now().time_since_epoch().count())))
    {
        fs::create_directories(path);
    }
    ~TemporaryFolder()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

std::string ReconstructionBenchResult::toJson() const
{
    return nlohmann::json{{"augmentations", augmentations},
                          {"refinements", refinements},
                          {"regrowth", regrowth},
                          {"settling", settling},
                          {"turnBack", turnBackRotation},
                          {"slideBack", slideBackFlaps},
                          {"swapBack", swapBackFlaps},
                          {"seedAutoencoder100Ms", seed100Ms},
                          {"unetInpaint100Ms", unet100Ms},
                          {"unetInpaint512SelectiveMs", unet512Ms},
                          {"unetInpaint512NetworkInputs", unet512NetworkInputs},
                          {"folder",
                           {{"source", folder},
                            {"prints", folderPrints},
                            {"seconds", folderSeconds},
                            {"printsPerSecond", folderPrintsPerSecond},
                            {"model", "seed-autoencoder, full, end to end"}}}}
        .dump(2);
}

ReconstructionBenchResult runReconstructionBench(const ReconstructionBenchConfig& config,
                                                 const ProgressSink& progress,
                                                 const CancelToken& cancel)
{
    const Model seed = Model::load(config.seedAutoencoder);
    const Model unet = Model::load(config.unetInpaint);
    ReconstructionBenchResult result;
    result.augmentations = config.augmentations;
    result.refinements = config.refinements;
    result.regrowth = config.regrowth;
    result.settling = config.settling;
    result.turnBackRotation = config.turnBackRotation;
    result.slideBackFlaps = config.slideBackFlaps;
    result.swapBackFlaps = config.swapBackFlaps;
    ReconstructionOptions options;
    options.augmentations = config.augmentations;
    options.refinements = config.refinements;
    options.regrowth = config.regrowth;
    options.settling = config.settling;
    options.turnBackRotation = config.turnBackRotation;
    options.slideBackFlaps = config.slideBackFlaps;
    options.swapBackFlaps = config.swapBackFlaps;

    report(progress, {0, 4, "100×100 prints", {}});
    const DamagedPrint small = damagedPrint(100, 100, 7);
    ReconstructionOptions full = options;
    full.mode = ReconstructionMode::Full;
    result.seed100Ms =
        medianMs(config.repeats, cancel, [&] { reconstruct(small.image, seed, full); });
    ReconstructionOptions selective = options;
    selective.mask = small.mask;
    result.unet100Ms =
        medianMs(config.repeats, cancel, [&] { reconstruct(small.image, unet, selective); });

    report(progress, {1, 4, "512×512 print", {}});
    const DamagedPrint large = damagedPrint(512, 512, 8);
    selective.mask = large.mask;
    result.unet512Ms = medianMs(std::max(3, config.repeats / 3), cancel, [&] {
        result.unet512NetworkInputs = reconstruct(large.image, unet, selective).networkInputs;
    });

    report(progress, {2, 4, "preparing the folder", {}});
    TemporaryFolder work;
    fs::path in = work.path / "in";
    std::vector<ReconstructionInput> inputs;
    if (!config.folder.empty()) {
        result.folder = config.folder.string();
        for (const fs::path& file : listImageFiles(config.folder)) {
            if (inputs.size() >= std::size_t(config.folderPrints))
                break;
            inputs.push_back({file, {}, {}});
        }
    } else {
        result.folder = "synthetic 96×103 prints";
        fs::create_directories(in);
        for (int i = 0; i < config.folderPrints; ++i) {
            cancel.throwIfCancelled();
            SynthOptions synth;
            synth.width = 96;
            synth.height = 103;
            synth.seed = std::uint64_t(i + 1);
            const fs::path file = in / ("print-" + std::to_string(i) + ".png");
            saveImage(file, generateSyntheticPrint(synth).image, 500.0);
            inputs.push_back({file, {}, {}});
        }
    }
    if (inputs.empty())
        throw Error(ErrorKind::Missing, "no image files for the folder benchmark", config.folder);

    report(progress, {3, 4, "folder end to end", {}});
    const ReconstructionBatchResult batch =
        reconstructFiles(inputs, seed, full, {}, work.path / "out", {}, cancel);
    result.folderPrints = inputs.size() - batch.failed;
    result.folderSeconds = batch.seconds;
    result.folderPrintsPerSecond = double(result.folderPrints) / batch.seconds;
    report(progress, {4, 4, "done", {}});
    return result;
}

}  // namespace rw

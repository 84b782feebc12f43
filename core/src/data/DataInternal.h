#pragma once
// Shared by the core/data sources (not public): seed derivation, the parallel loop used to
// load and render prints, and the example builders.
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/data/DataSource.h"
#include "ridgeworks/data/TrainingData.h"
#include "ridgeworks/image/Preprocess.h"
#include "ridgeworks/image/Print.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>

namespace rw::data {

// A seed from a list of numbers (SplitMix64 chaining): the same list gives the same seed on
// every platform, and neighbouring lists give unrelated seeds.
std::uint64_t deriveSeed(std::initializer_list<std::uint64_t> parts);

// Stream tags mixed into derived seeds so that the purposes never share a seed.
enum SeedStream : std::uint64_t {
    kStreamTrainDamage = 0x7472'6169'6e00ULL,
    kStreamValidationDamage = 0x7661'6c00ULL,
    kStreamSyntheticTrain = 0x7379'6e74'6800ULL,
    kStreamSyntheticValidation = 0x7379'6e76'6100ULL,
    kStreamMaxPrints = 0x6d61'7800ULL,
    kStreamSplit = 0x7370'6c00ULL,
    kStreamAppearance = 0x6170'7065'6172ULL,  // the sensor look, from an example's seed
};

// Runs `work(i)` for i in [0, count) on `workers` threads (0 = hardware threads). The calling
// thread reports progress ("<verb> i/count") about every 100 ms and watches `cancel`; on
// cancel it stops the workers and throws rw::Error(Cancelled). An exception escaping `work`
// stops the loop and is rethrown here. Items must write only their own results.
void parallelFor(std::size_t count, int workers, const std::string& verb,
                 const ProgressSink& progress, const CancelToken& cancel,
                 const std::function<void(std::size_t)>& work);

int resolveWorkers(int requested);  // 0 = hardware threads, at least 1

// A clean print in model geometry: what the cache holds for each print.
struct CachedPrint {
    cv::Mat image;        // CV_8UC1, imageSize × imageSize
    cv::Mat foreground;   // CV_8UC1, 255 = print
    double ppi = 500.0;   // effective ppi after scaling (geometric mean of ppiX and ppiY)
    std::string name;     // file stem or synthetic id, for descriptions
    double period = 0.0;  // ridge period in px; measured only for the appearance augmentation
};

// Crops the blank space around `print` and scales it to imageSize² (preprocessForModel).
// Throws rw::Error(InvalidArgument) naming the file when the print covers less than
// kMinForegroundShare of the result (a blank or nearly blank image). `transform`, when given,
// receives the crop and scale, so that an aligned image can be cut the same way.
CachedPrint cachePrint(const Print& print, int imageSize, std::string name,
                       GeometricTransform* transform = nullptr);

// Cuts `image` (same size as the transform's source) exactly as preprocessForModel cut the
// print the transform belongs to.
cv::Mat applyTransform(const cv::Mat& image, const GeometricTransform& transform);

// The sources behind TrainingData::open.
std::shared_ptr<TrainingData> openFileData(const DataConfig& config, const ProgressSink& progress,
                                           const CancelToken& cancel);
std::shared_ptr<TrainingData> openSyntheticData(const DataConfig& config,
                                                const ProgressSink& progress,
                                                const CancelToken& cancel);

// Damages `print` on the fly (one kind and level drawn from the config's lists by `seed`).
// With DataConfig::appearance Sensor the print first gets a sensor look drawn from
// deriveSeed({seed, kStreamAppearance}); the damage draws stay the same.
TrainingExample damagedExample(const CachedPrint& print, const DataConfig& config,
                               std::uint64_t seed);

// A SOCOFing altered pair as an example. With DataConfig::appearance Sensor both prints get
// the same look (drawn from deriveSeed({seed, kStreamAppearance})); the pair mask is computed
// on the source pixels and moved by the zoom, and outside it the damaged image is the clean
// one, pixel for pixel.
TrainingExample alteredPairExample(const CachedPrint& real, const cv::Mat& altered,
                                   const std::string& name, const DataConfig& config,
                                   std::uint64_t seed);

// Fills `print.period` when the config's appearance augmentation needs it (about 2 ms).
void measureForAppearance(CachedPrint& print, const DataConfig& config);

// SOCOFing altered pair: |altered − real| above kPairDiffThreshold (of 255), closed with a
// 5×5 ellipse and dilated by one pixel (3×3). Outside the alteration SOCOFing's altered
// prints equal their real print exactly (checked on socofing-dev) and both are cut and scaled
// by the same operations, so the difference there is 0; the threshold only keeps rounding
// noise out, and pixels of the region that differ by less are filled in by the closing.
inline constexpr int kPairDiffThreshold = 8;
cv::Mat alteredPairMask(const cv::Mat& real, const cv::Mat& altered);  // CV_8UC1 0/255

// 8-bit image → CV_32FC1 in [0,1].
cv::Mat toUnitFloat(const cv::Mat& gray);

// Checks the parts of DataConfig that every source uses; throws InvalidArgument naming them.
void validateConfig(const DataConfig& config);

// Copies the settings every source records the same way (image size, seed, damage kinds
// and levels) into its summary.
void recordCommonSettings(const DataConfig& config, DataSummary& summary);

// The share of the model image a print must cover to be usable for training.
inline constexpr double kMinForegroundShare = 0.05;

}  // namespace rw::data

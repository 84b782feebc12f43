#include "reconstruct/NetworkPasses.h"

#include <opencv2/core.hpp>

#include <algorithm>

namespace rw::reconstruction {
namespace {

// cv::flip codes for pass 1..3; pass 0 is the input as it is. Flips are their own inverse.
constexpr int kFlipCodes[] = {1, 0, -1};

cv::Mat flipped(const cv::Mat& image, int pass)
{
    if (pass == 0 || image.empty())
        return image;
    cv::Mat out;
    cv::flip(image, out, kFlipCodes[pass - 1]);
    return out;
}

}  // namespace

std::vector<PassOutput> runWithAugmentations(const Model& model,
                                             const std::vector<ModelInput>& inputs,
                                             int augmentations, int batchSize,
                                             const CancelToken& cancel, int* networkInputs)
{
    struct Job {
        std::size_t input;
        int pass;
    };
    std::vector<Job> jobs;
    for (std::size_t i = 0; i < inputs.size(); ++i)
        for (int pass = 0; pass < augmentations; ++pass)
            jobs.push_back({i, pass});

    std::vector<cv::Mat> sum(inputs.size()), sumSquares(inputs.size());
    const std::size_t step = static_cast<std::size_t>(std::max(1, batchSize));
    for (std::size_t start = 0; start < jobs.size(); start += step) {
        cancel.throwIfCancelled();
        const std::size_t end = std::min(jobs.size(), start + step);
        std::vector<ModelInput> batch;
        batch.reserve(end - start);
        for (std::size_t j = start; j < end; ++j) {
            const ModelInput& in = inputs[jobs[j].input];
            batch.push_back({flipped(in.image, jobs[j].pass), flipped(in.mask, jobs[j].pass)});
        }
        const std::vector<cv::Mat> outputs = model.predict(batch);
        if (networkInputs)
            *networkInputs += static_cast<int>(batch.size());
        for (std::size_t j = start; j < end; ++j) {
            const cv::Mat out = flipped(outputs[j - start], jobs[j].pass);
            cv::Mat& s = sum[jobs[j].input];
            cv::Mat& s2 = sumSquares[jobs[j].input];
            if (s.empty()) {
                s = out.clone();
                s2 = out.mul(out);
            } else {
                s += out;
                s2 += out.mul(out);
            }
        }
    }

    std::vector<PassOutput> result(inputs.size());
    const double n = augmentations;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        result[i].mean = sum[i] / n;
        cv::Mat variance = sumSquares[i] / n - result[i].mean.mul(result[i].mean);
        cv::max(variance, 0.0, variance);  // rounding can make it a hair negative
        cv::sqrt(variance, result[i].spread);
    }
    return result;
}

}  // namespace rw::reconstruction

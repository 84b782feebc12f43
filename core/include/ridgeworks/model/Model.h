#pragma once
// A loaded network, ready for inference. Tensors stay inside core: images go in and come
// out as CV_32FC1 cv::Mat in [0,1]. Copyable handle; the network is shared and immutable.
#include "ridgeworks/model/ModelCard.h"

#include <opencv2/core.hpp>

#include <filesystem>
#include <memory>
#include <vector>

namespace rw {

struct ModelInput {
    // CV_32FC1 in [0,1], inputSize × inputSize (the U-Net: any size). For a U-Net, the hole
    // must hold its starting fill: prepareHoleInput(spec().holeFill, ...) (reconstruct() does it).
    cv::Mat image;
    cv::Mat mask;  // CV_32FC1 in {0,1}, same size; used by the U-Net only
};

class Model {
public:
    // Loads the best weights of a checkpoint (throws rw::Error naming the file when the file
    // is bad or its weights do not fit the architecture in its card).
    static Model load(const std::filesystem::path& checkpoint);

    const ModelCard& card() const;
    const ModelSpec& spec() const { return card().spec; }
    // Runs the network on a batch (inference mode, no gradients). Output per input: the
    // image (autoencoder, U-Net) or the damage probability (detector), CV_32FC1 in [0,1].
    // Thread-safe. Throws rw::Error(InvalidArgument) for wrong sizes or types.
    std::vector<cv::Mat> predict(const std::vector<ModelInput>& inputs) const;

    struct Impl;
    explicit Model(std::shared_ptr<const Impl> impl);

private:
    std::shared_ptr<const Impl> m_impl;
};

}  // namespace rw

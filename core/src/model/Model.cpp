#include "ridgeworks/model/Model.h"

#include "model/Networks.h"
#include "model/TensorImages.h"
#include "model/WeightsIo.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/model/Checkpoint.h"
#include "ridgeworks/model/ComputeSettings.h"

namespace rw {

struct Model::Impl {
    ModelCard card;
    mutable nets::Network network;

    Impl(ModelCard c)
        : card(std::move(c))
        , network(card.spec)
    {
    }
};

Model::Model(std::shared_ptr<const Impl> impl)
    : m_impl(std::move(impl))
{
}

Model Model::load(const std::filesystem::path& path)
{
    CheckpointFile file = readCheckpoint(path);
    auto impl = std::make_shared<Impl>(file.card);
    weights::load(*impl->network.module(), file.weights, path);
    impl->network.module()->eval();
    const CpuFeatures cpu = detectCpuFeatures();
    impl->network.setChannelsLast(resolveChannelsLast(MemoryLayout::Auto, cpu));
    // bf16 where the CPU computes bf16 natively (as training's autocast does): about 3× the
    // fp32 speed of small convolutions there; everywhere else fp32. The weights are stored in
    // bf16 once here rather than cast by autocast on every call.
    if (resolvePrecision(Precision::Auto, cpu) == Precision::Bf16)
        impl->network.useBf16Weights();
    return Model(std::move(impl));
}

const ModelCard& Model::card() const
{
    return m_impl->card;
}

std::vector<cv::Mat> Model::predict(const std::vector<ModelInput>& inputs) const
{
    if (inputs.empty())
        return {};
    const ModelSpec& spec = m_impl->card.spec;
    const bool withMask = spec.inputChannels() == 2;
    std::vector<std::vector<cv::Mat>> planes;
    planes.reserve(inputs.size());
    for (const ModelInput& input : inputs) {
        if (spec.architecture == Architecture::SeedAutoencoder &&
            input.image.size() != cv::Size(spec.inputSize, spec.inputSize))
            throw Error(ErrorKind::InvalidArgument, "the seed autoencoder takes " +
                                                        std::to_string(spec.inputSize) + "×" +
                                                        std::to_string(spec.inputSize) + " images");
        if (withMask) {
            if (input.mask.empty())
                throw Error(ErrorKind::InvalidArgument, "the inpainting network needs a mask");
            planes.push_back({input.image, input.mask});
        } else {
            planes.push_back({input.image});
        }
    }
    torch::InferenceMode inference;
    const torch::Tensor logits = m_impl->network.logits(tensors::fromPlanes(planes));
    return tensors::toMats(torch::sigmoid(logits.to(torch::kFloat32)));
}

}  // namespace rw

#include "train/ResumeState.h"

#include "model/WeightsIo.h"
#include "ridgeworks/common/Error.h"

namespace rw {
namespace {

torch::Tensor bytesTensor(const std::string& bytes)
{
    auto t = torch::empty({static_cast<int64_t>(bytes.size())}, torch::kUInt8);
    std::memcpy(t.data_ptr<std::uint8_t>(), bytes.data(), bytes.size());
    return t;
}

std::string tensorBytes(const torch::Tensor& t)
{
    const auto c = t.contiguous();
    return std::string(reinterpret_cast<const char*>(c.data_ptr<std::uint8_t>()),
                       static_cast<std::size_t>(c.numel()));
}

}  // namespace

std::string writeResumeState(const ResumeState& state, const torch::nn::Module& module,
                             const torch::optim::Optimizer& optimizer)
{
    torch::serialize::OutputArchive archive;
    archive.write("epochsCompleted", torch::tensor(static_cast<int64_t>(state.epochsCompleted)));
    archive.write("bestLoss", torch::tensor(state.bestLoss, torch::kFloat64));
    archive.write("epochsWithoutImprovement",
                  torch::tensor(static_cast<int64_t>(state.epochsWithoutImprovement)));
    archive.write("lastWeights", bytesTensor(weights::save(module)));
    archive.write("optimizer", bytesTensor(weights::save(optimizer)));
    return weights::toBytes(archive);
}

ResumeState readResumeState(const std::string& bytes, torch::nn::Module& module,
                            torch::optim::Optimizer& optimizer, const std::filesystem::path& source)
{
    torch::serialize::InputArchive archive;
    weights::fromBytes(archive, bytes, source);
    torch::Tensor epochs, bestLoss, stale, lastWeights, optimizerBytes;
    if (!archive.try_read("epochsCompleted", epochs) || !archive.try_read("bestLoss", bestLoss) ||
        !archive.try_read("epochsWithoutImprovement", stale) ||
        !archive.try_read("lastWeights", lastWeights) ||
        !archive.try_read("optimizer", optimizerBytes))
        throw Error(ErrorKind::Truncated, "the training state in the checkpoint is incomplete",
                    source);
    ResumeState state;
    state.epochsCompleted = static_cast<int>(epochs.item<int64_t>());
    state.bestLoss = bestLoss.item<double>();
    state.epochsWithoutImprovement = static_cast<int>(stale.item<int64_t>());
    weights::load(module, tensorBytes(lastWeights), source);
    weights::load(optimizer, tensorBytes(optimizerBytes), source);
    return state;
}

}  // namespace rw

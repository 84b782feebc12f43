#include "model/WeightsIo.h"

#include "ridgeworks/common/Error.h"

#include <sstream>

namespace rw::weights {

std::string toBytes(torch::serialize::OutputArchive& archive)
{
    std::ostringstream out;
    archive.save_to(out);
    return std::move(out).str();
}

void fromBytes(torch::serialize::InputArchive& archive, const std::string& bytes,
               const std::filesystem::path& source)
{
    try {
        std::istringstream in(bytes);
        archive.load_from(in);
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Truncated, "weights are not a readable archive", source);
    }
}

std::string save(const torch::nn::Module& module)
{
    torch::serialize::OutputArchive archive;
    for (const auto& item : module.named_parameters(true))
        archive.write(item.key(), item.value());
    for (const auto& item : module.named_buffers(true))
        archive.write(item.key(), item.value(), /*is_buffer=*/true);
    return toBytes(archive);
}

void load(torch::nn::Module& module, const std::string& bytes, const std::filesystem::path& source)
{
    torch::serialize::InputArchive archive;
    fromBytes(archive, bytes, source);
    torch::NoGradGuard noGrad;
    for (auto& item : module.named_parameters(true)) {
        torch::Tensor stored;
        if (!archive.try_read(item.key(), stored))
            throw Error(ErrorKind::Incompatible,
                        "weights lack parameter '" + item.key() +
                            "': the file was made for another network",
                        source);
        if (stored.sizes() != item.value().sizes())
            throw Error(ErrorKind::Incompatible,
                        "parameter '" + item.key() + "' has another shape than the network's",
                        source);
        item.value().copy_(stored);
    }
}

std::string save(const torch::optim::Optimizer& optimizer)
{
    torch::serialize::OutputArchive archive;
    optimizer.save(archive);
    return toBytes(archive);
}

void load(torch::optim::Optimizer& optimizer, const std::string& bytes,
          const std::filesystem::path& source)
{
    torch::serialize::InputArchive archive;
    fromBytes(archive, bytes, source);
    try {
        optimizer.load(archive);
    } catch (const c10::Error&) {
        throw Error(ErrorKind::Incompatible, "optimizer state does not fit the network", source);
    }
}

}  // namespace rw::weights

#include "model/NetworkGrowth.h"

#include "ridgeworks/common/Error.h"

#include <string>

namespace rw::nets {
namespace {

// "up.2.a.weight" with prefix "up." → 2 (and the rest after the number); -1 when no match.
int indexAfter(const std::string& key, const std::string& prefix, std::string* rest)
{
    if (key.rfind(prefix, 0) != 0)
        return -1;
    const std::size_t dot = key.find('.', prefix.size());
    if (dot == std::string::npos)
        return -1;
    *rest = key.substr(dot);
    return std::stoi(key.substr(prefix.size(), dot - prefix.size()));
}

// Where a trained parameter goes in the grown network (see growByOneLevel).
std::string grownName(const std::string& key, int trainedLevels)
{
    std::string rest;
    if (key.rfind("bottleneck.", 0) == 0)
        return "down." + std::to_string(trainedLevels) + key.substr(10);
    for (const char* decoder : {"upConv.", "up."})
        if (const int index = indexAfter(key, decoder, &rest); index >= 0)
            return decoder + std::to_string(index + 1) + rest;
    return key;  // the encoder levels and the head keep their names
}

}  // namespace

void growByOneLevel(const torch::nn::Module& trained, int trainedLevels, torch::nn::Module& grown,
                    const std::filesystem::path& source)
{
    torch::NoGradGuard noGrad;
    auto target = grown.named_parameters(true);
    auto slot = [&](const std::string& name) -> torch::Tensor& {
        torch::Tensor* found = target.find(name);
        if (!found)
            throw Error(ErrorKind::Incompatible,
                        "the larger network has no parameter '" + name +
                            "': it is not the same U-Net with one level more",
                        source);
        return *found;
    };
    for (const auto& item : trained.named_parameters(true)) {
        const std::string name = grownName(item.key(), trainedLevels);
        torch::Tensor& to = slot(name);
        if (to.sizes() != item.value().sizes())
            throw Error(ErrorKind::Incompatible,
                        "parameter '" + item.key() + "' does not fit '" + name +
                            "' of the larger network",
                        source);
        to.copy_(item.value());
    }

    // The new decoder level: cat(from below, skip) → skip, through both convolutions.
    torch::Tensor& first = slot("up.0.a.weight");
    torch::Tensor& second = slot("up.0.b.weight");
    const int64_t channels = second.size(0);
    if (first.size(1) != 2 * channels)
        throw Error(ErrorKind::Incompatible, "the larger network's new level is not a U-Net's",
                    source);
    first.zero_();
    second.zero_();
    slot("up.0.a.bias").zero_();
    slot("up.0.b.bias").zero_();
    const int64_t centre = first.size(2) / 2;
    for (int64_t c = 0; c < channels; ++c) {
        first[c][channels + c][centre][centre] = 1.0;  // the skip half comes second
        second[c][c][centre][centre] = 1.0;
    }
}

}  // namespace rw::nets

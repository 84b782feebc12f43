#include "model/Networks.h"

namespace rw::nets {
namespace F = torch::nn::functional;
using torch::nn::Conv2d;
using torch::nn::Conv2dOptions;

namespace {

Conv2d conv3x3(int in, int out)
{
    return Conv2d(Conv2dOptions(in, out, 3).padding(1));
}

torch::Tensor upsample2(const torch::Tensor& x)
{
    return F::interpolate(x, F::InterpolateFuncOptions()
                                 .scale_factor(std::vector<double>{2.0, 2.0})
                                 .mode(torch::kNearest));
}

}  // namespace

SeedAutoencoderImpl::SeedAutoencoderImpl()
{
    enc1 = register_module("enc1", conv3x3(1, 32));
    enc2 = register_module("enc2", conv3x3(32, 64));
    enc3 = register_module("enc3", conv3x3(64, 128));
    dec1 = register_module("dec1", conv3x3(128, 128));
    dec2 = register_module("dec2", conv3x3(128, 64));
    out = register_module("out", conv3x3(64, 1));
}

torch::Tensor SeedAutoencoderImpl::forward(const torch::Tensor& x)
{
    auto h = enc1(x).relu_();
    h = torch::max_pool2d(h, 2);
    h = enc2(h).relu_();
    h = torch::max_pool2d(h, 2);
    h = enc3(h).relu_();
    h = dec1(h).relu_();
    h = upsample2(h);
    h = dec2(h).relu_();
    h = upsample2(h);
    return out(h);
}

ConvBlockImpl::ConvBlockImpl(int in, int out)
{
    a = register_module("a", conv3x3(in, out));
    b = register_module("b", conv3x3(out, out));
}

torch::Tensor ConvBlockImpl::forward(const torch::Tensor& x)
{
    return b(a(x).relu_()).relu_();
}

UNetImpl::UNetImpl(int inputChannels, int base, int levels)
    : depth(levels)
{
    int channels = inputChannels;
    for (int level = 0; level < depth; ++level) {
        const int out = base << level;
        down->push_back(ConvBlock(channels, out));
        channels = out;
    }
    bottleneck = ConvBlock(channels, base << depth);
    channels = base << depth;
    for (int level = depth - 1; level >= 0; --level) {
        const int skip = base << level;
        upConv->push_back(Conv2d(Conv2dOptions(channels, skip, 1)));
        up->push_back(ConvBlock(2 * skip, skip));
        channels = skip;
    }
    register_module("down", down);
    register_module("bottleneck", bottleneck);
    register_module("upConv", upConv);
    register_module("up", up);
    head = register_module("head", Conv2d(Conv2dOptions(channels, 1, 1)));
}

torch::Tensor UNetImpl::forward(const torch::Tensor& input)
{
    const int64_t multiple = int64_t{1} << depth;
    const int64_t height = input.size(2), width = input.size(3);
    const int64_t padBottom = (multiple - height % multiple) % multiple;
    const int64_t padRight = (multiple - width % multiple) % multiple;
    torch::Tensor x = input;
    if (padBottom || padRight) {
        // libtorch 1.13 has no bf16 replication padding: a bf16 input is padded in fp32, and
        // bf16 → fp32 → bf16 gives back the same values.
        const auto type = x.scalar_type();
        x = F::pad(type == torch::kBFloat16 ? x.to(torch::kFloat32) : x,
                   F::PadFuncOptions({0, padRight, 0, padBottom}).mode(torch::kReplicate))
                .to(type);
    }

    std::vector<torch::Tensor> skips;
    for (int level = 0; level < depth; ++level) {
        x = down[level]->as<ConvBlock>()->forward(x);
        skips.push_back(x);
        x = torch::max_pool2d(x, 2);
    }
    x = bottleneck(x);
    for (int i = 0; i < depth; ++i) {
        x = upConv[i]->as<Conv2d>()->forward(upsample2(x));
        x = up[i]->as<ConvBlock>()->forward(torch::cat({x, skips[depth - 1 - i]}, 1));
    }
    x = head(x);
    if (padBottom || padRight)
        x = x.slice(2, 0, height).slice(3, 0, width);
    return x;
}

Network::Network(const ModelSpec& spec)
    : m_spec(spec)
{
    switch (spec.architecture) {
    case Architecture::SeedAutoencoder:
        m_seed = SeedAutoencoder();
        m_module = m_seed.ptr();
        break;
    case Architecture::UNetInpaint:
        m_unet = UNet(2, spec.effectiveBaseChannels(), spec.effectiveLevels());
        m_module = m_unet.ptr();
        break;
    case Architecture::DamageDetector:
        // The detector: a thinner U-Net (16 base channels) on the damaged image alone.
        m_unet = UNet(1, spec.effectiveBaseChannels(), spec.effectiveLevels());
        m_module = m_unet.ptr();
        break;
    }
}

void Network::setChannelsLast(bool channelsLast)
{
    // Weights in the activations' layout spare oneDNN a reorder per call (the C++ Module
    // has no .to(memory_format)).
    m_format = channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    torch::NoGradGuard noGrad;
    for (auto& parameter : m_module->parameters())
        if (parameter.dim() == 4)
            parameter.set_data(parameter.data().contiguous(m_format));
}

void Network::useBf16Weights()
{
    torch::NoGradGuard noGrad;
    for (auto& parameter : m_module->parameters())
        parameter.set_data(parameter.data().to(torch::kBFloat16));
    m_bf16Weights = true;
}

torch::Tensor Network::logits(const torch::Tensor& input)
{
    torch::Tensor x = input;
    if (m_spec.architecture == Architecture::UNetInpaint && m_spec.holeFill == HoleFill::Grey) {
        // The hole is blanked to mid-grey: the network inpaints from the surroundings and the
        // mask alone, never from what the damage left (scars, displaced or rotated ridges).
        // A ridge-continuation model gets its hole already replaced (prepareHoleInput).
        const auto image = x.slice(1, 0, 1), mask = x.slice(1, 1, 2);
        x = torch::cat({image * (1.0 - mask) + 0.5 * mask, mask}, 1);
    }
    if (m_format == torch::MemoryFormat::ChannelsLast) {
        // Explicit channels-last strides. contiguous(ChannelsLast) returns a one-channel NCHW
        // tensor unchanged (its layout is both), and the first convolution then picks NCHW
        // for its output, so every later layer ran NCHW against channels-last weights: the
        // seed autoencoder's call took 4.0 ms per 100×100 print instead of 1.7.
        auto strided = torch::empty(x.sizes(), x.options().memory_format(m_format));
        x = strided.copy_(x);
    } else {
        x = x.contiguous();
    }
    if (m_bf16Weights)
        x = x.to(torch::kBFloat16);  // keeps the strides, as autocast's own cast does
    return m_seed ? m_seed->forward(x) : m_unet->forward(x);
}

}  // namespace rw::nets

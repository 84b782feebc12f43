#pragma once
// The three networks (private to ridgeworks_ml: includes libtorch). Every network's
// forward() returns LOGITS; probabilities/images are sigmoid(logits). Training uses the
// logits directly where the loss allows it (BCE with logits is the same loss as the
// experiment's sigmoid + binary cross-entropy, computed in one fused, stable step).
#include "ridgeworks/model/ModelSpec.h"

#include <torch/torch.h>

namespace rw::nets {

// The published Keras experiment, layer for layer ('same' padding = 1 for 3×3 kernels,
// UpSampling2D = nearest):
//   Conv 32 ReLU, MaxPool 2, Conv 64 ReLU, MaxPool 2, Conv 128 ReLU |
//   Conv 128 ReLU, UpSample 2, Conv 64 ReLU, UpSample 2, Conv 1 (sigmoid)
struct SeedAutoencoderImpl : torch::nn::Module {
    SeedAutoencoderImpl();
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d enc1{nullptr}, enc2{nullptr}, enc3{nullptr};
    torch::nn::Conv2d dec1{nullptr}, dec2{nullptr}, out{nullptr};
};
TORCH_MODULE(SeedAutoencoder);

// Two 3×3 convolutions with ReLU (the U-Net's unit).
struct ConvBlockImpl : torch::nn::Module {
    ConvBlockImpl(int in, int out);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::Conv2d a{nullptr}, b{nullptr};
};
TORCH_MODULE(ConvBlock);

// A U-Net of `depth` levels (ModelSpec::levels; 3: a receptive field of ~90 px at the input,
// 4: ~190 px, all of a 100×100 print from any pixel of it). Input channels: the damaged image
// (+ the mask for inpainting).
// No dilated convolutions: libtorch 1.13 runs them outside oneDNN, ~5x slower here.
// Inputs of any size: padded (replicate) to a multiple of 2^depth inside forward, cropped after.
struct UNetImpl : torch::nn::Module {
    UNetImpl(int inputChannels, int base, int depth);
    torch::Tensor forward(const torch::Tensor& x);

    int depth;
    torch::nn::ModuleList down, up, upConv;
    ConvBlock bottleneck{nullptr};
    torch::nn::Conv2d head{nullptr};
};
TORCH_MODULE(UNet);

// One network of any architecture behind one interface.
class Network {
public:
    explicit Network(const ModelSpec& spec);
    // Converts the input to the network's memory format (a no-op when it already is).
    torch::Tensor logits(const torch::Tensor& input);
    // Stores the 4-D weights channels-last (or back) and runs in that layout. Call before
    // creating the optimizer.
    void setChannelsLast(bool channelsLast);
    bool channelsLast() const { return m_format == torch::MemoryFormat::ChannelsLast; }
    // For inference only (no training afterwards): stores the weights in bf16 and runs on bf16
    // inputs. That computes what bf16 autocast computes on the fp32 weights, bit for bit
    // (autocast casts every convolution's weights and inputs to bf16, and the other layers
    // only move or compare values), without casting the weights again on every call.
    void useBf16Weights();
    std::shared_ptr<torch::nn::Module> module() const { return m_module; }
    const ModelSpec& spec() const { return m_spec; }

private:
    ModelSpec m_spec;
    std::shared_ptr<torch::nn::Module> m_module;
    torch::MemoryFormat m_format = torch::MemoryFormat::Contiguous;
    bool m_bf16Weights = false;
    SeedAutoencoder m_seed{nullptr};
    UNet m_unet{nullptr};
};

}  // namespace rw::nets

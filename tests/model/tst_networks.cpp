// Network::useBf16Weights: a network whose weights are stored in bf16 computes what bf16
// autocast computes on its fp32 weights, bit for bit, for every architecture, in either memory
// layout and on inputs the U-Net must pad. Model::load relies on it on CPUs with native bf16.
#include "model/AutocastGuard.h"
#include "model/Networks.h"

#include <QtTest>

#include <torch/torch.h>

using namespace rw;

namespace {

ModelSpec specOf(Architecture architecture)
{
    ModelSpec spec;
    spec.architecture = architecture;
    return spec;
}

}  // namespace

class TestNetworks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bf16WeightsComputeWhatAutocastComputes_data()
    {
        QTest::addColumn<int>("architecture");
        QTest::addColumn<bool>("channelsLast");
        QTest::addColumn<int>("side");
        QTest::newRow("seed autoencoder") << int(Architecture::SeedAutoencoder) << true << 100;
        QTest::newRow("inpainting U-Net, padded") << int(Architecture::UNetInpaint) << true << 75;
        QTest::newRow("inpainting U-Net, NCHW") << int(Architecture::UNetInpaint) << false << 64;
        QTest::newRow("detector, padded") << int(Architecture::DamageDetector) << true << 90;
    }
    void bf16WeightsComputeWhatAutocastComputes()
    {
        QFETCH(int, architecture);
        QFETCH(bool, channelsLast);
        QFETCH(int, side);
        const ModelSpec spec = specOf(static_cast<Architecture>(architecture));
        torch::manual_seed(7);
        nets::Network reference(spec), stored(spec);
        {
            // The same (random) weights in both.
            torch::NoGradGuard noGrad;
            const auto from = reference.module()->parameters();
            auto to = stored.module()->parameters();
            QCOMPARE(to.size(), from.size());
            for (std::size_t i = 0; i < from.size(); ++i)
                to[i].copy_(from[i]);
        }
        for (nets::Network* network : {&reference, &stored}) {
            network->module()->eval();
            network->setChannelsLast(channelsLast);
        }
        stored.useBf16Weights();
        for (const auto& parameter : stored.module()->parameters())
            QCOMPARE(parameter.scalar_type(), torch::kBFloat16);

        torch::InferenceMode inference;
        const torch::Tensor input = torch::rand({2, spec.inputChannels(), side, side + 7});
        torch::Tensor expected;
        {
            AutocastGuard autocast(true);
            expected = reference.logits(input).to(torch::kFloat32);
        }
        const torch::Tensor actual = stored.logits(input).to(torch::kFloat32);
        QVERIFY(actual.sizes() == expected.sizes());
        QVERIFY(expected.abs().max().item<float>() > 0.0f);  // a real output, not zeros
        QCOMPARE((actual - expected).abs().max().item<float>(), 0.0f);
    }
};

QTEST_GUILESS_MAIN(TestNetworks)
#include "tst_networks.moc"

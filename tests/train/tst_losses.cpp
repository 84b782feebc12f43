// The inpainting losses on hand-made ridge patterns: the coherence term is zero for the true
// ridges, and a cross-hatch of two guessed directions costs more than committing to either;
// the orientation term is the sine of a known rotation.
#include "train/Losses.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace rw;

namespace {

constexpr int kSize = 64;
constexpr double kPeriod = 6.0;  // pixels, about the ridge period of a 100×100 training image

// Sinusoidal ridges running at `degrees`, contrast 0.8 around mid-grey, [1,1,H,W].
torch::Tensor ridges(double degrees)
{
    const double normal = (degrees + 90.0) * std::numbers::pi / 180.0;
    const auto y = torch::arange(kSize, torch::kFloat32).unsqueeze(1);
    const auto x = torch::arange(kSize, torch::kFloat32).unsqueeze(0);
    const auto phase =
        (x * std::cos(normal) + y * std::sin(normal)) * (2.0 * std::numbers::pi / kPeriod);
    return (0.5 + 0.4 * torch::cos(phase)).reshape({1, 1, kSize, kSize});
}

// The central 32×32 square, away from the borders' zero padding.
torch::Tensor centralHole()
{
    auto mask = torch::zeros({1, 1, kSize, kSize});
    mask.slice(2, 16, 48).slice(3, 16, 48).fill_(1.0);
    return mask;
}

double shortfall(const torch::Tensor& output, const torch::Tensor& target)
{
    return losses::coherenceShortfallInHole(output, target, centralHole()).item<double>();
}

double orientationError(const torch::Tensor& output, const torch::Tensor& target)
{
    return losses::orientationErrorInHole(output, target, centralHole()).item<double>();
}

// Logits whose sigmoid is `image`, for trainingLoss.
torch::Tensor logitsOf(const torch::Tensor& image)
{
    return torch::log(image / (1.0 - image));
}

}  // namespace

class TestLosses : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theTrueRidgesFallShortOfNothing()
    {
        const auto target = ridges(30.0);
        QVERIFY(shortfall(target, target) < 0.05);
        // Contrast does not matter, only direction and coherence.
        QVERIFY(shortfall(0.5 + 0.3 * (target - 0.5), target) < 0.05);
    }

    void aWrongDirectionOrAFlatFillFallsShort()
    {
        const auto target = ridges(30.0);
        const double perpendicular = shortfall(ridges(120.0), target);
        QVERIFY2(perpendicular > 1.6, qPrintable(QString::number(perpendicular)));
        const double flat = shortfall(torch::full({1, 1, kSize, kSize}, 0.5), target);
        QVERIFY2(flat > 1.6, qPrintable(QString::number(flat)));
        // A small error costs little, a larger one more.
        const double off10 = shortfall(ridges(40.0), target);
        const double off30 = shortfall(ridges(60.0), target);
        QVERIFY(off10 < 0.2);
        QVERIFY(off30 > off10 + 0.2);
    }

    void aCrossHatchCostsMoreThanCommittingToOneGuess()
    {
        // Two guesses 60° apart, one of them right: superposing them must cost more than the
        // expected cost of committing to either one at even odds.
        const auto right = ridges(30.0), wrong = ridges(90.0);
        const auto crossHatch = 0.5 * (right + wrong);
        const double hedge = shortfall(crossHatch, right);
        const double commit = 0.5 * (shortfall(right, right) + shortfall(wrong, right));
        QVERIFY2(hedge > commit + 0.2,
                 qPrintable(QStringLiteral("hedge %1, commit %2").arg(hedge).arg(commit)));
    }

    void onlyTheHoleCounts()
    {
        const auto target = ridges(30.0);
        auto output = target.clone();
        output.slice(2, 0, 8).fill_(0.5);  // rows far outside the hole: blanked
        QVERIFY(shortfall(output, target) < 0.05);
    }

    void theCoherentLossIsTheInpaintLossPlusTheTerm()
    {
        const auto target = ridges(30.0);
        const auto output = 0.5 * (target + ridges(90.0));
        const auto logits = logitsOf(output);
        const auto hole = centralHole();
        const double plain =
            losses::trainingLoss(LossKind::Inpaint, logits, target, hole, 1.0).item<double>();
        const double coherent =
            losses::trainingLoss(LossKind::InpaintCoherent, logits, target, hole, 1.0)
                .item<double>();
        QVERIFY(std::abs(coherent - plain - shortfall(output, target)) < 1e-4);
        // Its gradient reaches the logits.
        auto trainable = logits.clone().requires_grad_(true);
        losses::coherenceShortfallInHole(torch::sigmoid(trainable), target, hole).backward();
        QVERIFY(trainable.grad().defined());
        QVERIFY(trainable.grad().abs().sum().item<double>() > 0.0);
        QVERIFY(torch::isfinite(trainable.grad()).all().item<bool>());
    }

    void theOrientationTermIsTheSineOfTheTurn()
    {
        const auto target = ridges(30.0);
        // Zero but for the 1e-4 that keeps the root smooth: sqrt(1e-4) = 0.01.
        QVERIFY(orientationError(target, target) < 0.02);
        QVERIFY(orientationError(0.5 + 0.2 * (target - 0.5), target) < 0.02);  // contrast
        // Linear for small turns, unlike the coherence term: 5° costs sin 5° = 0.087. Read back
        // as an angle, within 3°: Sobel gradients see a sampled 6-px grating up to 2.4° off.
        for (const double turn : {5.0, 10.0, 30.0, 60.0, 90.0}) {
            const double measured = orientationError(ridges(30.0 + turn), target);
            const double readBack = std::asin(std::min(measured, 1.0)) * 180.0 / std::numbers::pi;
            QVERIFY2(std::abs(readBack - turn) < 3.0,
                     qPrintable(QStringLiteral("%1°: read back as %2°").arg(turn).arg(readBack)));
        }
        // A flat fill has no direction: as bad as 45°.
        const double flat = orientationError(torch::full({1, 1, kSize, kSize}, 0.5), target);
        QVERIFY2(std::abs(flat - std::sin(std::numbers::pi / 4)) < 0.03,
                 qPrintable(QString::number(flat)));
    }

    void theOrientedLossIsTheCoherentLossPlusTheTerm()
    {
        const auto target = ridges(30.0);
        const auto output = ridges(45.0);
        const auto logits = logitsOf(output);
        const auto hole = centralHole();
        const double coherent =
            losses::trainingLoss(LossKind::InpaintCoherent, logits, target, hole, 1.0)
                .item<double>();
        const double oriented =
            losses::trainingLoss(LossKind::InpaintOriented, logits, target, hole, 1.0)
                .item<double>();
        QVERIFY(std::abs(oriented - coherent - orientationError(output, target)) < 1e-4);
        auto trainable = logits.clone().requires_grad_(true);
        losses::orientationErrorInHole(torch::sigmoid(trainable), target, hole).backward();
        QVERIFY(trainable.grad().abs().sum().item<double>() > 0.0);
        QVERIFY(torch::isfinite(trainable.grad()).all().item<bool>());
    }
};

QTEST_GUILESS_MAIN(TestLosses)
#include "tst_losses.moc"

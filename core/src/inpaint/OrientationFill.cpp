#include "OrientationFill.h"

#include "FieldInterpolation.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace rw::inpaint {
namespace {

constexpr double kPi = std::numbers::pi;

// Gradients whose 3x3 Sobel window reaches a hole pixel see the hole's edge, not ridges: they
// are left out, and no more. The 2 px disc of 0.6.0 also dropped the next ring of good
// gradients; with this square the pipeline's orientation error went from 8.36 to 8.29 degrees
// pooled on synthetic prints and from 9.01 to 8.85 on real ones with hard damage. A disc of
// radius 1 is too small: it misses the Sobel's diagonal neighbours.
constexpr int kSobelWindow = 3;
// The tensor is smoothed over a third of a ridge period. Against the clean prints' field inside
// the hole (docs/inpainting.md, "Orientation"), the earlier fixed 6 px (a whole period at the
// network's scale) blurred the bends at the rim that the membrane carries in: 8.9 against 8.1°
// on real prints with medium damage, 11.4 against 10.4° with hard, 20.0 against 16.7° on
// synthetic prints. From 1/4 to 1/2 of a period the error moves by less than 0.4°.
constexpr double kTensorSigmaPerPeriod = 1.0 / 3.0;
// A known direction is fully trusted from this share of the print's median tensor strength.
constexpr float kReliableShare = 0.5f;

// The membrane is solved only this far (pixels) around the hole: the known field pins itself
// there (data stiffness 50 against 4 neighbours), so what lies farther out barely reaches the
// hole, and none of it is used.
constexpr int kMembraneMargin = 24;

}  // namespace

cv::Mat fillOrientation(const cv::Mat& image, const cv::Mat& hole, double ridgePeriod)
{
    const double tensorSigma = std::max(1.0, kTensorSigmaPerPeriod * ridgePeriod);
    cv::Mat guarded;
    cv::dilate(hole, guarded,
               cv::getStructuringElement(cv::MORPH_RECT, {kSobelWindow, kSobelWindow}));
    cv::Mat trusted;
    cv::Mat(guarded == 0).convertTo(trusted, CV_32FC1, 1.0 / 255.0);
    cv::Mat gx, gy;
    cv::Sobel(image, gx, CV_32F, 1, 0, 3);
    cv::Sobel(image, gy, CV_32F, 0, 1, 3);
    const cv::Mat planes[] = {gx.mul(gx) - gy.mul(gy), 2.0 * gx.mul(gy)};
    cv::Mat raw;
    cv::merge(planes, 2, raw);
    // The smoothed tensor of the known ridges; its direction is trusted in proportion to its
    // strength (weak on background and noise).
    const cv::Mat tensor =
        interpolateFromSurroundings(raw, trusted, distanceToKnown(guarded), tensorSigma);
    // Only the membrane's box needs the unit field and its reliability; the typical strength is
    // the median over every trusted pixel (the median's value does not depend on the order the
    // strengths are gathered in, so rows are measured side by side).
    const cv::Rect box = boxAround(guarded, kMembraneMargin);
    cv::Mat strength(image.size(), CV_32FC1);
    cv::parallel_for_(cv::Range(0, image.rows), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const cv::Vec2f* t = tensor.ptr<cv::Vec2f>(y);
            float* out = strength.ptr<float>(y);
            for (int x = 0; x < image.cols; ++x)
                out[x] = std::hypot(t[x][0], t[x][1]);
        }
    });
    std::vector<float> strengths;
    strengths.reserve(image.total());
    for (int y = 0; y < image.rows; ++y) {
        const float* w = trusted.ptr<float>(y);
        const float* value = strength.ptr<float>(y);
        for (int x = 0; x < image.cols; ++x)
            if (w[x] > 0.0f)
                strengths.push_back(value[x]);
    }
    cv::Mat unit(box.size(), CV_32FC2);
    for (int y = 0; y < box.height; ++y) {
        const cv::Vec2f* t = tensor.ptr<cv::Vec2f>(box.y + y) + box.x;
        const float* value = strength.ptr<float>(box.y + y) + box.x;
        cv::Vec2f* u = unit.ptr<cv::Vec2f>(y);
        for (int x = 0; x < box.width; ++x)
            u[x] = value[x] > 0.0f ? t[x] / value[x] : cv::Vec2f(0.0f, 0.0f);
    }
    cv::Mat reliability = strength(box);
    if (!strengths.empty()) {
        auto middle = strengths.begin() + static_cast<std::ptrdiff_t>(strengths.size() / 2);
        std::nth_element(strengths.begin(), middle, strengths.end());
        const float typical = std::max(*middle, 1e-12f);
        reliability = cv::min(reliability / (kReliableShare * typical), 1.0f).mul(trusted(box));
    }

    // Across the hole the field is the smoothest one that meets the rim (a membrane). Cores
    // and deltas under the hole are not placed: the rim's Poincaré index is unreliable on real
    // prints, and placing them cost more there than it gained on synthetic ones (see
    // docs/inpainting.md, "Orientation").
    const cv::Mat field = membraneInterpolation(unit, reliability);

    // The angle only where it is asked for: in the hole.
    cv::Mat orientation = cv::Mat::zeros(image.size(), CV_32FC1);
    for (int y = 0; y < box.height; ++y) {
        const cv::Vec2f* t = field.ptr<cv::Vec2f>(y);
        const unsigned char* inHole = hole.ptr<unsigned char>(box.y + y) + box.x;
        float* o = orientation.ptr<float>(box.y + y) + box.x;
        for (int x = 0; x < box.width; ++x)  // ridges run across the gradient
            if (inHole[x])
                o[x] = static_cast<float>(0.5 * std::atan2(t[x][1], t[x][0]) + kPi / 2);
    }
    return orientation;
}

}  // namespace rw::inpaint

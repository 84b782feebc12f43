#include "OrientationFill.h"

#include "FieldInterpolation.h"
#include "image/DiscMorphology.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

namespace rw::inpaint {
namespace {

using Complex = std::complex<double>;
constexpr double kPi = std::numbers::pi;

// Gradients within this many pixels of the hole see its edge, not ridges: left out.
constexpr int kEdgeGuard = 2;
// The tensor is smoothed at this scale (as estimateOrientation does).
constexpr double kTensorSigma = 6.0;
// The rim on which the Poincaré index is read lies this far outside the hole, where the
// smoothed field rests on known ridges only.
constexpr int kRimDistance = kEdgeGuard + 6;
// Holes smaller than this (pixels) are filled by plain interpolation: too small to hide a
// singular point that the rim could locate.
constexpr int kMinimumHoleForSingularity = 64;
// Rim points whose tensor is weaker than this share of the rim's median are background or
// noise; too many of them and the index is not trusted.
constexpr double kWeakRimShare = 0.25;
constexpr double kMaximumWeakRim = 0.2;
// A known direction is fully trusted from this share of the print's median tensor strength.
constexpr float kReliableShare = 0.5f;

// cv::dilate with an ellipse, computed from its row runs (image/DiscMorphology: the same
// pixels; OpenCV visits every point of the ellipse, and the rims' 17–41 px ellipses were a
// tenth of the starting fill's time).
cv::Mat dilated(const cv::Mat& mask, int radius)
{
    return image::dilateWithDisc(mask, radius);
}

Complex tensorAt(const cv::Mat& tensor, cv::Point p)
{
    const cv::Vec2f t = tensor.at<cv::Vec2f>(p);
    return {t[0], t[1]};
}

double wrapped(double angle)
{
    return std::remainder(angle, 2.0 * kPi);
}

struct Singularity {
    int turns = 0;  // doubled-angle turns per loop around it: +1 core, -1 delta, +2 whorl
    cv::Point2d centre;
};

// A core and a delta hidden together (a tented arch, the middle of a loop) leave no net turn on
// the rim, and no singular point is placed then: two free centres explain a bending field
// around an arch's hole about as well as a real pair (on 72 synthetic holes, the best pair's
// residual against a quadratic smooth field's spread over the same range, 0.25-1.5, with and
// without a hidden pair), and a false pair invents a core and a delta the print does not have.
// Filled smoothly, the hole keeps the rim's flow. (With pairs accepted below half the smooth
// field's residual, the ridge continuation's spurious minutiae rose from 4.8 to 5.7 per print.)
//
// Candidate centres per hole component (a grid over its pixels).
constexpr std::size_t kCandidateCentres = 120;
// The field is read on rims this far outside the hole: the first closes the loop the Poincaré
// index is taken on; the farther ones show how the field bends around the hole, which one rim
// alone leaves open (a singular point moved sideways and a field bending across the hole look
// alike on it). Every few pixels along them is enough: the tensor is smoothed over 6 px.
constexpr int kOuterRims[] = {kRimDistance + 6, kRimDistance + 12};
constexpr std::size_t kSampleStep = 3;

// The field around one hole component as the search sees it: unit doubled-angle directions
// with weights at positions scaled to the hole, and for every candidate centre the unit turn
// e^{-i arg(position - centre)} at each of them.
//
// What remains once the singular turns are taken out is modelled as a direction varying
// linearly across the hole, a + b·x + c·y (complex). The least-squares fit of that model to
// remainders r_j with weights w_j explains bᴴ G⁻¹ b of their Σ w_j |r_j|² = Σ w_j, where
// φ_j = (1, x_j, y_j), G = Σ w_j φ_j φ_jᵀ (the same for every choice of centres) and
// b = Σ w_j φ_j r_j. The search keeps the centres that explain the most.
class SingularSearch {
public:
    SingularSearch(std::vector<cv::Point2d> positions, std::vector<Complex> direction,
                   std::vector<double> weight, std::vector<cv::Point2d> centres)
        : m_position(std::move(positions))
        , m_direction(std::move(direction))
        , m_weight(std::move(weight))
        , m_centres(std::move(centres))
    {
        // Positions and centres relative to the samples' middle, in units of their spread, so
        // the Gram matrix stays well conditioned at any print size.
        cv::Point2d middle(0.0, 0.0);
        for (const cv::Point2d& p : m_position)
            middle += p;
        middle *= 1.0 / static_cast<double>(m_position.size());
        double spread = 1.0;
        for (const cv::Point2d& p : m_position)
            spread = std::max({spread, std::abs(p.x - middle.x), std::abs(p.y - middle.y)});
        for (const cv::Point2d& centre : m_centres) {
            std::vector<Complex> unturn;
            unturn.reserve(m_position.size());
            for (const cv::Point2d& p : m_position)
                unturn.push_back(std::polar(1.0, -std::atan2(p.y - centre.y, p.x - centre.x)));
            m_unturn.push_back(std::move(unturn));
        }
        for (cv::Point2d& p : m_position)
            p = (p - middle) * (1.0 / spread);
        m_totalWeight = 0.0;
        for (double w : m_weight)
            m_totalWeight += w;
        m_gramInverse = gramInverse();
    }

    const cv::Point2d& centre(std::size_t c) const { return m_centres[c]; }
    std::size_t centreCount() const { return m_centres.size(); }

    // Share of the field (0..1) that `turns` about centre `c` plus a linearly varying
    // remainder leave unexplained.
    double unexplained(std::size_t c, int turns) const
    {
        std::vector<Complex> remainder = m_direction;
        for (std::size_t j = 0; j < remainder.size(); ++j) {
            const Complex u = m_unturn[c][j];
            for (int t = 0; t < std::abs(turns); ++t)
                remainder[j] *= turns > 0 ? u : std::conj(u);
        }
        return unexplainedBy(remainder);
    }

private:
    static constexpr int kTerms = 3;  // 1, x, y

    cv::Mat gramInverse() const
    {
        cv::Mat gram = cv::Mat::zeros(kTerms, kTerms, CV_64FC1);
        for (std::size_t j = 0; j < m_position.size(); ++j) {
            const double basis[kTerms] = {1.0, m_position[j].x, m_position[j].y};
            for (int k = 0; k < kTerms; ++k)
                for (int l = 0; l < kTerms; ++l)
                    gram.at<double>(k, l) += m_weight[j] * basis[k] * basis[l];
        }
        return gram.inv(cv::DECOMP_SVD);
    }

    double unexplainedBy(const std::vector<Complex>& remainder) const
    {
        if (m_totalWeight <= 0.0)
            return 1.0;
        Complex b[kTerms] = {};
        for (std::size_t j = 0; j < remainder.size(); ++j) {
            const double basis[kTerms] = {1.0, m_position[j].x, m_position[j].y};
            for (int k = 0; k < kTerms; ++k)
                b[k] += m_weight[j] * basis[k] * remainder[j];
        }
        double explained = 0.0;  // Re(bᴴ G⁻¹ b)
        for (int k = 0; k < kTerms; ++k)
            for (int l = 0; l < kTerms; ++l)
                explained += m_gramInverse.at<double>(k, l) * (std::conj(b[k]) * b[l]).real();
        return std::clamp(1.0 - explained / m_totalWeight, 0.0, 1.0);
    }

    std::vector<cv::Point2d> m_position;  // scaled to the hole (after the turns are set up)
    std::vector<Complex> m_direction;
    std::vector<double> m_weight;
    std::vector<cv::Point2d> m_centres;          // pixels
    std::vector<std::vector<Complex>> m_unturn;  // [centre][sample]
    double m_totalWeight = 0.0;
    cv::Mat m_gramInverse;  // G⁻¹, 3×3
};

// The closed rim `distance` pixels around one hole component (the longest contour).
std::vector<cv::Point> rimAt(const cv::Mat& component, int distance)
{
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(dilated(component, distance), contours, cv::RETR_EXTERNAL,
                     cv::CHAIN_APPROX_NONE);
    std::size_t longest = 0;
    for (std::size_t i = 1; i < contours.size(); ++i)
        if (contours[i].size() > contours[longest].size())
            longest = i;
    return contours.empty() ? std::vector<cv::Point>() : contours[longest];
}

// The singular points hidden by one hole component, as far as the field around it shows them.
std::vector<Singularity> findHiddenSingularities(const cv::Mat& tensor, const cv::Mat& component)
{
    const std::vector<cv::Point> rim = rimAt(component, kRimDistance);
    if (rim.size() < 16)
        return {};
    const cv::Rect inside(kRimDistance, kRimDistance, tensor.cols - 2 * kRimDistance,
                          tensor.rows - 2 * kRimDistance);
    std::vector<Complex> direction;
    std::vector<double> weight;
    for (const cv::Point& p : rim) {
        if (!inside.contains(p))
            return {};  // the rim leaves the image: the loop is not closed on data
        const Complex t = tensorAt(tensor, p);
        weight.push_back(std::abs(t));
        direction.push_back(std::abs(t) > 0.0 ? t / std::abs(t) : Complex(0.0));
    }
    std::vector<double> sorted = weight;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double weak = kWeakRimShare * sorted[sorted.size() / 2];
    const auto weakCount =
        std::count_if(weight.begin(), weight.end(), [&](double w) { return w < weak; });
    if (weakCount > kMaximumWeakRim * rim.size())
        return {};  // the rim runs over background or noise

    // Doubled-angle change around the rim, against the rim's own winding about a hole pixel.
    std::vector<cv::Point> holePixels;
    cv::findNonZero(component, holePixels);
    const cv::Point probe = holePixels[holePixels.size() / 2];
    double fieldTurn = 0.0, loopTurn = 0.0;
    for (std::size_t i = 0; i < rim.size(); ++i) {
        const cv::Point a = rim[i], b = rim[(i + 1) % rim.size()];
        fieldTurn += wrapped(std::arg(direction[(i + 1) % rim.size()]) - std::arg(direction[i]));
        loopTurn += wrapped(std::atan2(b.y - probe.y, b.x - probe.x) -
                            std::atan2(a.y - probe.y, a.x - probe.x));
    }
    if (std::abs(loopTurn) < kPi)
        return {};  // the probe is not enclosed (a ring-shaped hole)
    const int turns = static_cast<int>(std::lround(fieldTurn / loopTurn));
    if (turns == 0 || std::abs(turns) > 2)
        return {};  // none (or a hidden core-delta pair: filled smoothly, see above); or noise

    // The samples the search fits: every few pixels of the first rim and of the outer rims
    // (where those stay within the image).
    std::vector<cv::Point2d> positions;
    std::vector<Complex> sampledDirection;
    std::vector<double> sampledWeight;
    for (std::size_t i = 0; i < rim.size(); i += kSampleStep) {
        positions.emplace_back(rim[i]);
        sampledDirection.push_back(direction[i]);
        sampledWeight.push_back(weight[i]);
    }
    const cv::Rect image(0, 0, tensor.cols, tensor.rows);
    for (int distance : kOuterRims) {
        const std::vector<cv::Point> outer = rimAt(component, distance);
        for (std::size_t i = 0; i < outer.size(); i += kSampleStep) {
            if (!image.contains(outer[i]))
                continue;
            const Complex t = tensorAt(tensor, outer[i]);
            if (std::abs(t) <= 0.0)
                continue;
            positions.emplace_back(outer[i]);
            sampledDirection.push_back(t / std::abs(t));
            sampledWeight.push_back(std::abs(t));
        }
    }
    std::vector<cv::Point2d> centres;
    const std::size_t step = std::max<std::size_t>(1, holePixels.size() / kCandidateCentres);
    for (std::size_t c = 0; c < holePixels.size(); c += step)
        centres.emplace_back(holePixels[c]);
    const SingularSearch search(std::move(positions), std::move(sampledDirection),
                                std::move(sampledWeight), std::move(centres));

    // Where the turn best explains the field around the hole.
    std::size_t best = 0;
    double bestUnexplained = 2.0;
    for (std::size_t c = 0; c < search.centreCount(); ++c)
        if (const double u = search.unexplained(c, turns); u < bestUnexplained)
            bestUnexplained = u, best = c;
    return {{turns, search.centre(best)}};
}

// The tensor with (sign = -1) or without (sign = +1) the singular turns about their centres;
// `tensor` is the part of the image whose top-left pixel is `origin`.
cv::Mat turned(const cv::Mat& tensor, const std::vector<Singularity>& singularities, int sign,
               cv::Point origin)
{
    cv::Mat out(tensor.size(), CV_32FC2);
    // Rows are independent (an arctangent, a sine and a cosine per pixel): both cores.
    cv::parallel_for_(cv::Range(0, tensor.rows), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const cv::Vec2f* in = tensor.ptr<cv::Vec2f>(y);
            cv::Vec2f* o = out.ptr<cv::Vec2f>(y);
            for (int x = 0; x < tensor.cols; ++x) {
                double turn = 0.0;
                for (const Singularity& s : singularities)
                    turn += sign * s.turns *
                            std::atan2(origin.y + y - s.centre.y, origin.x + x - s.centre.x);
                const Complex v = Complex(in[x][0], in[x][1]) * std::polar(1.0, turn);
                o[x] = cv::Vec2f(static_cast<float>(v.real()), static_cast<float>(v.imag()));
            }
        }
    });
    return out;
}

// The membrane is solved only this far (pixels) around the part of the hole it fills: the
// known field pins itself there (data stiffness 50 against 4 neighbours), so what lies
// farther out barely reaches the hole, and none of it is used.
constexpr int kMembraneMargin = 24;

}  // namespace

cv::Mat fillOrientation(const cv::Mat& image, const cv::Mat& hole)
{
    const cv::Mat guarded = dilated(hole, kEdgeGuard);
    cv::Mat trusted;
    cv::Mat(guarded == 0).convertTo(trusted, CV_32FC1, 1.0 / 255.0);
    cv::Mat gx, gy;
    cv::Sobel(image, gx, CV_32F, 1, 0, 3);
    cv::Sobel(image, gy, CV_32F, 0, 1, 3);
    const cv::Mat planes[] = {gx.mul(gx) - gy.mul(gy), 2.0 * gx.mul(gy)};
    cv::Mat raw;
    cv::merge(planes, 2, raw);
    // The smoothed tensor of the known ridges (estimateOrientation's scale); its direction
    // is trusted in proportion to its strength (weak on background and noise).
    const cv::Mat tensor =
        interpolateFromSurroundings(raw, trusted, distanceToKnown(guarded), kTensorSigma);
    cv::Mat unit(image.size(), CV_32FC2), reliability(image.size(), CV_32FC1);
    std::vector<float> strengths;
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.cols; ++x) {
            const cv::Vec2f t = tensor.at<cv::Vec2f>(y, x);
            const float strength = std::hypot(t[0], t[1]);
            unit.at<cv::Vec2f>(y, x) = strength > 0.0f ? t / strength : cv::Vec2f(0.0f, 0.0f);
            reliability.at<float>(y, x) = strength;
            if (trusted.at<float>(y, x) > 0.0f)
                strengths.push_back(strength);
        }
    if (!strengths.empty()) {
        auto middle = strengths.begin() + static_cast<std::ptrdiff_t>(strengths.size() / 2);
        std::nth_element(strengths.begin(), middle, strengths.end());
        const float typical = std::max(*middle, 1e-12f);
        reliability = cv::min(reliability / (kReliableShare * typical), 1.0f).mul(trusted);
    }

    // Across the hole the field is the smoothest one that meets the rim (a membrane).
    // A hole component that hides a singular turn gets it back: the membrane carries the
    // remainder, which is then turned again.
    struct TurnedComponent {
        cv::Mat component;
        std::vector<Singularity> singularities;
    };
    std::vector<TurnedComponent> turnedComponents;
    bool everyComponentTurned = true;
    cv::Mat labels;
    const int count = cv::connectedComponents(hole, labels, 8, CV_32S);
    for (int label = 1; label < count; ++label) {
        cv::Mat component = labels == label;
        std::vector<Singularity> s;
        if (cv::countNonZero(component) >= kMinimumHoleForSingularity)
            s = findHiddenSingularities(tensor, component);
        if (s.empty())
            everyComponentTurned = false;
        else
            turnedComponents.push_back({std::move(component), std::move(s)});
    }
    cv::Mat filled(image.size(), CV_32FC2, cv::Scalar(0.0f, 0.0f));
    // The plain membrane, unless every component gets its own turned one below (each covers
    // its guarded component, and together they cover all of `guarded`).
    if (!everyComponentTurned) {
        const cv::Rect box = boxAround(guarded, kMembraneMargin);
        membraneInterpolation(unit(box), reliability(box)).copyTo(filled(box));
    }
    for (const TurnedComponent& t : turnedComponents) {
        const cv::Mat guardedComponent = dilated(t.component, kEdgeGuard);
        const cv::Rect part = boxAround(guardedComponent, kMembraneMargin);
        const cv::Mat remainder = membraneInterpolation(
            turned(unit(part), t.singularities, -1, part.tl()), reliability(part));
        turned(remainder, t.singularities, +1, part.tl())
            .copyTo(filled(part), guardedComponent(part));
    }
    cv::Mat field = tensor.clone();
    filled.copyTo(field, guarded);

    cv::Mat orientation(image.size(), CV_32FC1);
    for (int y = 0; y < image.rows; ++y) {
        const cv::Vec2f* t = field.ptr<cv::Vec2f>(y);
        float* o = orientation.ptr<float>(y);
        for (int x = 0; x < image.cols; ++x)  // ridges run across the gradient
            o[x] = static_cast<float>(0.5 * std::atan2(t[x][1], t[x][0]) + kPi / 2);
    }
    return orientation;
}

}  // namespace rw::inpaint

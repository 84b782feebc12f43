#include "OrientationFill.h"

#include "FieldInterpolation.h"

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

cv::Mat dilated(const cv::Mat& mask, int radius)
{
    cv::Mat out;
    cv::dilate(mask, out,
               cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * radius + 1, 2 * radius + 1}));
    return out;
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

// The closed rim around one hole component, as an ordered list of points.
std::vector<cv::Point> rimAround(const cv::Mat& component)
{
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(dilated(component, kRimDistance), contours, cv::RETR_EXTERNAL,
                     cv::CHAIN_APPROX_NONE);
    std::size_t longest = 0;
    for (std::size_t i = 1; i < contours.size(); ++i)
        if (contours[i].size() > contours[longest].size())
            longest = i;
    return contours.empty() ? std::vector<cv::Point>() : contours[longest];
}

struct Singularity {
    int turns = 0;  // doubled-angle turns per loop around it: +1 core, -1 delta, +2 whorl
    cv::Point2d centre;
};

// A pair hidden together (a core and a delta) leaves no net turn on the rim. Two free
// centres can explain almost any rim, so the pair must beat a smooth field with a similar
// freedom (a doubled angle varying linearly across the hole): its angular residual must be
// below this share of the linear field's.
constexpr double kPairResidualShare = 0.5;
// Candidate centres per hole component (a grid over its pixels).
constexpr std::size_t kCandidateCentres = 120;

// The rim as seen by the search: unit doubled-angle directions, weights, and for every
// candidate centre the unit turn e^{-i arg(rim - centre)} per rim point.
struct RimFit {
    std::vector<Complex> direction;
    std::vector<double> weight;
    std::vector<cv::Point2d> centres;
    std::vector<std::vector<Complex>> unturn;  // [centre][rim point]

    // How uniform the remainder is along the rim (1 = constant) once the turns of
    // `power[c]` at centre c are taken out; `chosen` lists (centre, turns).
    Complex remainder(std::size_t j, const std::vector<std::pair<std::size_t, int>>& chosen) const
    {
        Complex v = direction[j];
        for (const auto& [centre, turns] : chosen) {
            const Complex u = unturn[centre][j];
            for (int t = 0; t < std::abs(turns); ++t)
                v *= turns > 0 ? u : std::conj(u);
        }
        return v;
    }
    double score(const std::vector<std::pair<std::size_t, int>>& chosen) const
    {
        Complex sum = 0.0;
        double weights = 0.0;
        for (std::size_t j = 0; j < direction.size(); ++j) {
            sum += remainder(j, chosen) * weight[j];
            weights += weight[j];
        }
        return weights > 0.0 ? std::abs(sum) / weights : 0.0;
    }
    // The (core, delta) pair of centres with the best score. Every pair's weighted sum is
    // Σ_j w_j·d_j·u_core,j·conj(u_delta,j): one complex matrix product over all pairs (14,280
    // pairs of 120 centres; a loop over pairs and rim points took most of the fill's time).
    std::pair<std::size_t, std::size_t> bestCoreDeltaPair() const
    {
        const int centreCount = static_cast<int>(centres.size());
        const int points = static_cast<int>(direction.size());
        cv::Mat cores(centreCount, points, CV_64FC2), deltas(centreCount, points, CV_64FC2);
        for (int c = 0; c < centreCount; ++c) {
            auto* coreRow = cores.ptr<cv::Vec2d>(c);
            auto* deltaRow = deltas.ptr<cv::Vec2d>(c);
            for (int j = 0; j < points; ++j) {
                const Complex u = unturn[std::size_t(c)][std::size_t(j)];
                const Complex a = direction[std::size_t(j)] * weight[std::size_t(j)] * u;
                coreRow[j] = {a.real(), a.imag()};
                deltaRow[j] = {u.real(), -u.imag()};  // conj: a delta turns the other way
            }
        }
        cv::Mat sums;  // [core][delta]
        cv::gemm(cores, deltas, 1.0, cv::noArray(), 0.0, sums, cv::GEMM_2_T);
        double bestNorm = -1.0;
        std::pair<std::size_t, std::size_t> best{0, 0};
        for (int core = 0; core < centreCount; ++core) {
            const auto* row = sums.ptr<cv::Vec2d>(core);
            for (int delta = 0; delta < centreCount; ++delta) {
                const double norm = row[delta][0] * row[delta][0] + row[delta][1] * row[delta][1];
                if (core != delta && norm > bestNorm)
                    bestNorm = norm, best = {std::size_t(core), std::size_t(delta)};
            }
        }
        return best;
    }
    // Weighted RMS angle (radians) of the remainder about its mean direction.
    double residual(const std::vector<std::pair<std::size_t, int>>& chosen) const
    {
        Complex mean = 0.0;
        for (std::size_t j = 0; j < direction.size(); ++j)
            mean += remainder(j, chosen) * weight[j];
        double sum = 0.0, weights = 0.0;
        for (std::size_t j = 0; j < direction.size(); ++j) {
            const double d = std::arg(remainder(j, chosen) * std::conj(mean));
            sum += weight[j] * d * d;
            weights += weight[j];
        }
        return weights > 0.0 ? std::sqrt(sum / weights) : 0.0;
    }
};

// Weighted RMS residual (radians) of the rim's doubled angle, unwrapped along the rim, about
// the best plane a + b·x + c·y: how well a smooth field without singular points explains it.
double linearFieldResidual(const std::vector<Complex>& direction, const std::vector<double>& weight,
                           const std::vector<cv::Point>& rim)
{
    const int n = static_cast<int>(rim.size());
    cv::Mat design(n, 3, CV_64FC1), angle(n, 1, CV_64FC1);
    double unwrapped = std::arg(direction[0]);
    for (int j = 0; j < n; ++j) {
        if (j > 0)
            unwrapped += wrapped(std::arg(direction[std::size_t(j)]) -
                                 std::arg(direction[std::size_t(j - 1)]));
        const double w = std::sqrt(weight[std::size_t(j)]);
        design.at<double>(j, 0) = w;
        design.at<double>(j, 1) = w * rim[std::size_t(j)].x;
        design.at<double>(j, 2) = w * rim[std::size_t(j)].y;
        angle.at<double>(j, 0) = w * unwrapped;
    }
    cv::Mat coefficients;
    cv::solve(design, angle, coefficients, cv::DECOMP_SVD);
    const cv::Mat residual = design * coefficients - angle;
    double weights = 0.0;
    for (double w : weight)
        weights += w;
    return weights > 0.0 ? std::sqrt(residual.dot(residual) / weights) : 0.0;
}

// The singular points hidden by one hole component, as far as its rim shows them.
std::vector<Singularity> findHiddenSingularities(const cv::Mat& tensor, const cv::Mat& component)
{
    const std::vector<cv::Point> rim = rimAround(component);
    if (rim.size() < 16)
        return {};
    const cv::Rect inside(kRimDistance, kRimDistance, tensor.cols - 2 * kRimDistance,
                          tensor.rows - 2 * kRimDistance);
    RimFit fit;
    for (const cv::Point& p : rim) {
        if (!inside.contains(p))
            return {};  // the rim leaves the image: the loop is not closed on data
        const Complex t = tensorAt(tensor, p);
        fit.weight.push_back(std::abs(t));
        fit.direction.push_back(std::abs(t) > 0.0 ? t / std::abs(t) : Complex(0.0));
    }
    std::vector<double> sorted = fit.weight;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double weak = kWeakRimShare * sorted[sorted.size() / 2];
    const auto weakCount =
        std::count_if(fit.weight.begin(), fit.weight.end(), [&](double w) { return w < weak; });
    if (weakCount > kMaximumWeakRim * rim.size())
        return {};  // the rim runs over background or noise

    // Doubled-angle change around the rim, against the rim's own winding about a hole pixel.
    std::vector<cv::Point> holePixels;
    cv::findNonZero(component, holePixels);
    const cv::Point probe = holePixels[holePixels.size() / 2];
    double fieldTurn = 0.0, loopTurn = 0.0;
    for (std::size_t i = 0; i < rim.size(); ++i) {
        const cv::Point a = rim[i], b = rim[(i + 1) % rim.size()];
        fieldTurn +=
            wrapped(std::arg(fit.direction[(i + 1) % rim.size()]) - std::arg(fit.direction[i]));
        loopTurn += wrapped(std::atan2(b.y - probe.y, b.x - probe.x) -
                            std::atan2(a.y - probe.y, a.x - probe.x));
    }
    if (std::abs(loopTurn) < kPi)
        return {};  // the probe is not enclosed (a ring-shaped hole)
    const int turns = static_cast<int>(std::lround(fieldTurn / loopTurn));
    if (std::abs(turns) > 2)
        return {};

    const std::size_t step = std::max<std::size_t>(1, holePixels.size() / kCandidateCentres);
    for (std::size_t c = 0; c < holePixels.size(); c += step) {
        const cv::Point2d centre = holePixels[c];
        fit.centres.push_back(centre);
        std::vector<Complex> unturn;
        unturn.reserve(rim.size());
        for (const cv::Point& p : rim)
            unturn.push_back(std::polar(1.0, -std::atan2(p.y - centre.y, p.x - centre.x)));
        fit.unturn.push_back(std::move(unturn));
    }

    // Where the turn best explains the rim: the remainder is then as uniform as possible
    // along it (a pure singular field leaves a constant).
    if (turns != 0) {
        std::size_t best = 0;
        double bestScore = -1.0;
        for (std::size_t c = 0; c < fit.centres.size(); ++c)
            if (const double score = fit.score({{c, turns}}); score > bestScore)
                bestScore = score, best = c;
        return {{turns, fit.centres[best]}};
    }
    // No net turn: a smooth field, or a core and a delta together (a tented arch, the middle
    // of a loop). The pair must clearly beat the smooth field.
    const double smooth = linearFieldResidual(fit.direction, fit.weight, rim);
    const std::pair<std::size_t, std::size_t> best = fit.bestCoreDeltaPair();
    if (fit.residual({{best.first, +1}, {best.second, -1}}) > kPairResidualShare * smooth)
        return {};
    return {{+1, fit.centres[best.first]}, {-1, fit.centres[best.second]}};
}

// The tensor with (sign = -1) or without (sign = +1) the singular turns about their centres;
// `tensor` is the part of the image whose top-left pixel is `origin`.
cv::Mat turned(const cv::Mat& tensor, const std::vector<Singularity>& singularities, int sign,
               cv::Point origin)
{
    cv::Mat out(tensor.size(), CV_32FC2);
    for (int y = 0; y < tensor.rows; ++y) {
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

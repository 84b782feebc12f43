// The degradations of the ChaLearn 2018 fingerprint inpainting challenge: blur,
// brightness/contrast, elastic distortion, scratches, occlusion and background clutter.
#include "DamageInternal.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace rw::damage {
namespace {

cv::Point randomForegroundPoint(const cv::Mat& foreground, Rng& rng)
{
    const cv::Rect box = cv::boundingRect(foreground);
    for (int attempt = 0; attempt < 200; ++attempt) {
        const cv::Point p(rng.uniformInt(box.x, box.x + box.width - 1),
                          rng.uniformInt(box.y, box.y + box.height - 1));
        if (foreground.at<std::uint8_t>(p))
            return p;
    }
    const cv::Point2d c = foregroundCentroid(foreground);
    return {cvRound(c.x), cvRound(c.y)};
}

}  // namespace

DamageResult blur(const DamageInput& in, Rng& rng)
{
    const double sigma =
        rng.uniform(in.parameters.get("sigmaMinPx"), in.parameters.get("sigmaMaxPx")) * in.scale;
    DamageResult r;
    cv::GaussianBlur(in.gray, r.image, cv::Size(), sigma, sigma, cv::BORDER_REFLECT);
    r.drawn.set("sigmaPx", sigma);
    r.detail = describe("sigma %.2f px", sigma);
    return r;
}

DamageResult changeContrast(const DamageInput& in, Rng& rng)
{
    const double contrast =
        rng.uniform(in.parameters.get("contrastMin"), in.parameters.get("contrastMax"));
    const double limit = in.parameters.get("brightness");
    const double brightness = rng.uniform(-limit, limit);
    // Contrast pivots on the print's mean gray, so a lower contrast greys the ridges out
    // rather than darkening the whole print.
    const double mean = cv::mean(in.gray, in.foreground)[0];
    DamageResult r;
    in.gray.convertTo(r.image, CV_8U, contrast, (1.0 - contrast) * mean + brightness);
    r.drawn.set("contrastApplied", contrast);
    r.drawn.set("brightnessApplied", brightness);
    r.detail = describe("contrast x%.2f, brightness %+.0f", contrast, brightness);
    return r;
}

DamageResult elasticDistort(const DamageInput& in, Rng& rng)
{
    const double amplitude = in.parameters.get("amplitudePx") * in.scale;
    const double smooth = in.parameters.get("smoothPx") * in.scale;
    Rng rx = rng.fork(1), ry = rng.fork(2);
    const cv::Mat dx = smoothNoise(in.gray.size(), smooth, rx) * static_cast<float>(amplitude);
    const cv::Mat dy = smoothNoise(in.gray.size(), smooth, ry) * static_cast<float>(amplitude);
    cv::Mat mapX(in.gray.size(), CV_32FC1), mapY(in.gray.size(), CV_32FC1);
    for (int y = 0; y < in.gray.rows; ++y)
        for (int x = 0; x < in.gray.cols; ++x) {
            mapX.at<float>(y, x) = static_cast<float>(x) + dx.at<float>(y, x);
            mapY.at<float>(y, x) = static_cast<float>(y) + dy.at<float>(y, x);
        }
    DamageResult r;
    cv::remap(in.gray, r.image, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REFLECT);
    r.detail = describe("displacement %.1f px rms", amplitude);
    return r;
}

DamageResult scratch(const DamageInput& in, Rng& rng)
{
    const int count = static_cast<int>(in.parameters.get("count"));
    const int width = std::max(1, cvRound(in.parameters.get("widthPx") * in.scale));
    const cv::Rect box = cv::boundingRect(in.foreground);
    const double length = in.parameters.get("lengthFraction") * std::min(box.width, box.height);
    cv::Mat value(in.gray.size(), CV_8UC1, cv::Scalar(0));
    cv::Mat region = cv::Mat::zeros(in.gray.size(), CV_8UC1);
    for (int i = 0; i < count; ++i) {
        // A gently curved stroke (quadratic Bézier) through a point of the print.
        const cv::Point2d mid(randomForegroundPoint(in.foreground, rng));
        const double angle = rng.uniform(0.0, CV_PI);
        const cv::Point2d dir(std::cos(angle), std::sin(angle));
        const cv::Point2d normal(-dir.y, dir.x);
        const cv::Point2d a = mid - dir * (0.5 * length), b = mid + dir * (0.5 * length);
        const cv::Point2d bend = mid + normal * (rng.uniform(-0.15, 0.15) * length);
        std::vector<cv::Point> stroke;
        for (int k = 0; k <= 32; ++k) {
            const double t = k / 32.0;
            const cv::Point2d p = a * ((1 - t) * (1 - t)) + bend * (2 * t * (1 - t)) + b * (t * t);
            stroke.emplace_back(cvRound(p.x), cvRound(p.y));
        }
        // Scratches on a scan are mostly light (lifted ink), some dark (dirt in the groove).
        const double gray = rng.uniform() < 0.75 ? rng.uniform(225, 255) : rng.uniform(0, 40);
        cv::polylines(value, std::vector<std::vector<cv::Point>>{stroke}, false, cv::Scalar(gray),
                      width, cv::LINE_8);
        cv::polylines(region, std::vector<std::vector<cv::Point>>{stroke}, false, cv::Scalar(255),
                      width, cv::LINE_8);
    }
    DamageResult r;
    r.image = value;
    r.region = region;
    r.detail = describe("%.0f scratches, %.0f px wide", count, width);
    return r;
}

DamageResult occlude(const DamageInput& in, Rng& rng)
{
    const int count = static_cast<int>(in.parameters.get("patches"));
    struct Patch {
        cv::Point2d centre;
        cv::Size2d axes;
        double angle;
        bool ellipse;
        double gray;
    };
    std::vector<Patch> patches;
    const cv::Rect box = cv::boundingRect(in.foreground);
    const double span = std::min(box.width, box.height);
    for (int i = 0; i < count; ++i) {
        Patch p;
        p.centre = randomForegroundPoint(in.foreground, rng);
        p.axes = {span * rng.uniform(0.5, 1.0), span * rng.uniform(0.3, 0.7)};
        p.angle = rng.uniform(0.0, 180.0);
        p.ellipse = rng.uniform() < 0.5;
        p.gray = rng.uniform(20.0, 235.0);
        patches.push_back(p);
    }
    auto drawPatch = [](const Patch& p, double scale, cv::Mat& mask, const cv::Scalar& colour) {
        const cv::Size2f size(float(p.axes.width * scale), float(p.axes.height * scale));
        const cv::RotatedRect rect(cv::Point2f(p.centre), size, float(p.angle));
        if (p.ellipse) {
            cv::ellipse(mask, rect, colour, cv::FILLED);
            return;
        }
        cv::Point2f v[4];
        rect.points(v);
        std::vector<cv::Point> poly;
        for (const auto& q : v)
            poly.emplace_back(cvRound(q.x), cvRound(q.y));
        cv::fillConvexPoly(mask, poly, colour);
    };
    double fitted = 1.0;
    cv::Mat region = fitToArea(in.foreground, in.parameters.get("areaFraction"), 4.0,
                               [&](double scale, cv::Mat& mask) {
                                   for (const Patch& p : patches)
                                       drawPatch(p, scale, mask, cv::Scalar(255));
                                   fitted = scale;
                               });
    // Each patch an opaque object of its own gray with a faint texture; later patches on top.
    cv::Mat value(in.gray.size(), CV_32FC1, cv::Scalar(0));
    for (const Patch& p : patches)
        drawPatch(p, fitted, value, cv::Scalar(p.gray));
    Rng noiseRng = rng.fork(3);
    const cv::Mat texture = smoothNoise(in.gray.size(), 4.0 * in.scale, noiseRng) * 4.0f;
    value += texture;
    DamageResult r;
    value.convertTo(r.image, CV_8U);
    r.region = region;
    r.detail = describe("%.0f patches", count);
    return r;
}

DamageResult addClutter(const DamageInput& in, Rng& rng)
{
    const int count = static_cast<int>(in.parameters.get("shapes"));
    const double opacity = in.parameters.get("opacity");
    const cv::Rect box = cv::boundingRect(in.foreground);
    const double span = std::min(box.width, box.height);
    cv::Mat layer(in.gray.size(), CV_8UC1, cv::Scalar(0));
    cv::Mat region = cv::Mat::zeros(in.gray.size(), CV_8UC1);
    for (int i = 0; i < count; ++i) {
        // Lines, rings and boxes like the printed and handwritten clutter of the challenge.
        const cv::Point p = randomForegroundPoint(in.foreground, rng);
        const int gray = rng.uniformInt(0, 255);
        const int thickness = std::max(1, cvRound(rng.uniform(1.0, 3.0) * in.scale));
        const int shape = rng.uniformInt(0, 2);
        const double size = span * rng.uniform(0.05, 0.3);
        const double angle = rng.uniform(0.0, CV_PI);
        auto draw = [&](cv::Mat& target, const cv::Scalar& colour) {
            if (shape == 0) {
                const cv::Point d(cvRound(size * std::cos(angle)), cvRound(size * std::sin(angle)));
                cv::line(target, p - d, p + d, colour, thickness, cv::LINE_8);
            } else if (shape == 1) {
                cv::circle(target, p, cvRound(size * 0.5), colour, thickness, cv::LINE_8);
            } else {
                const cv::Point d(cvRound(size * 0.5), cvRound(size * 0.3));
                cv::rectangle(target, p - d, p + d, colour, thickness, cv::LINE_8);
            }
        };
        draw(layer, cv::Scalar(gray));
        draw(region, cv::Scalar(255));
    }
    cv::Mat image, clutter;
    in.gray.convertTo(image, CV_32F);
    layer.convertTo(clutter, CV_32F);
    const cv::Mat mixed = image * (1.0 - opacity) + clutter * opacity;
    DamageResult r;
    mixed.convertTo(r.image, CV_8U);
    r.region = region;
    r.detail = describe("%.0f shapes at %.0f%% opacity", count, 100.0 * opacity);
    return r;
}

}  // namespace rw::damage

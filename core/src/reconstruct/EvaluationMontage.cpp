#include "reconstruct/EvaluationMontage.h"

#include <opencv2/imgproc.hpp>

namespace rw::evaluation {
namespace {

constexpr int kLabelHeight = 18;
const cv::Scalar kMaskOutline(0, 0, 255);  // red, BGR

cv::Mat tile(const cv::Mat& gray, const cv::Mat& mask, int height, const std::string& label)
{
    const int width = std::max(1, gray.cols * height / std::max(1, gray.rows));
    cv::Mat colour;
    cv::cvtColor(gray, colour, cv::COLOR_GRAY2BGR);
    if (!mask.empty()) {
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(mask.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
        cv::drawContours(colour, contours, -1, kMaskOutline, 1);
    }
    cv::Mat scaled;
    cv::resize(colour, scaled, {width, height}, 0, 0, cv::INTER_AREA);
    cv::Mat framed(height + kLabelHeight, width + 4, CV_8UC3, cv::Scalar(255, 255, 255));
    scaled.copyTo(framed(cv::Rect(2, kLabelHeight, width, height)));
    cv::putText(framed, label, {3, kLabelHeight - 5}, cv::FONT_HERSHEY_SIMPLEX, 0.4,
                cv::Scalar(0, 0, 0), 1, cv::LINE_AA);
    return framed;
}

}  // namespace

MontageBuilder::MontageBuilder(std::vector<std::string> methods, int rowHeight)
    : m_methods(std::move(methods))
    , m_rowHeight(rowHeight)
{
}

void MontageBuilder::addRow(const std::string& label, const cv::Mat& clean, const cv::Mat& damaged,
                            const cv::Mat& mask, const std::vector<cv::Mat>& candidates)
{
    std::vector<cv::Mat> tiles{tile(clean, {}, m_rowHeight, "clean"),
                               tile(damaged, mask, m_rowHeight, label)};
    for (std::size_t i = 0; i < candidates.size() && i < m_methods.size(); ++i)
        tiles.push_back(tile(candidates[i], mask, m_rowHeight, m_methods[i]));
    cv::Mat row;
    cv::hconcat(tiles, row);
    m_rows.push_back(row);
}

cv::Mat MontageBuilder::image() const
{
    if (m_rows.empty())
        return {};
    int width = 0;
    for (const cv::Mat& row : m_rows)
        width = std::max(width, row.cols);
    std::vector<cv::Mat> padded;
    for (const cv::Mat& row : m_rows) {
        cv::Mat p(row.rows, width, CV_8UC3, cv::Scalar(255, 255, 255));
        row.copyTo(p(cv::Rect(0, 0, row.cols, row.rows)));
        padded.push_back(p);
    }
    cv::Mat image;
    cv::vconcat(padded, image);
    return image;
}

}  // namespace rw::evaluation

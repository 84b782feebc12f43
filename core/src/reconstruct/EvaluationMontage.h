#pragma once
// The picture of an evaluation: per row one case, clean | damaged with its mask outlined |
// each method's result, all at one height, labelled — what the numbers are about.
#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace rw::evaluation {

class MontageBuilder {
public:
    explicit MontageBuilder(std::vector<std::string> methods, int rowHeight = 160);
    // `candidates`: one per method, in the constructor's order; all CV_8UC1 of the clean's size.
    void addRow(const std::string& label, const cv::Mat& clean, const cv::Mat& damaged,
                const cv::Mat& mask, const std::vector<cv::Mat>& candidates);
    cv::Mat image() const;  // CV_8UC3; empty when no row was added

private:
    std::vector<std::string> m_methods;
    int m_rowHeight;
    std::vector<cv::Mat> m_rows;
};

}  // namespace rw::evaluation

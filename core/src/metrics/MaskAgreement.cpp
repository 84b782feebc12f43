#include "ridgeworks/metrics/MaskAgreement.h"

#include "MetricsInput.h"

namespace rw {

MaskAgreement measureMaskAgreement(const cv::Mat& predicted, const cv::Mat& truth)
{
    metrics_detail::requireGray8(predicted, "predicted mask");
    metrics_detail::requireGray8(truth, "true mask");
    metrics_detail::requireSize(truth, predicted.size(), "true mask");
    const cv::Mat p = predicted != 0, t = truth != 0;
    const double both = cv::countNonZero(p & t);
    const double either = cv::countNonZero(p | t);
    const double flagged = cv::countNonZero(p);
    const double damaged = cv::countNonZero(t);
    MaskAgreement a;
    a.iou = either > 0 ? both / either : 1.0;
    a.precision = flagged > 0 ? both / flagged : 1.0;
    a.recall = damaged > 0 ? both / damaged : 1.0;
    a.predictedFraction = flagged / static_cast<double>(p.total());
    return a;
}

}  // namespace rw

// The public door to core/data's pair mask (the same function the training data uses).
#include "ridgeworks/data/AlteredPairMask.h"

#include "DataInternal.h"

namespace rw {

cv::Mat alteredPairMask(const cv::Mat& real, const cv::Mat& altered)
{
    return data::alteredPairMask(real, altered);
}

}  // namespace rw

#include "model/TensorImages.h"

#include "ridgeworks/common/Error.h"

namespace rw::tensors {

torch::Tensor fromPlanes(const std::vector<std::vector<cv::Mat>>& planes)
{
    if (planes.empty() || planes.front().empty())
        throw Error(ErrorKind::InvalidArgument, "no images given to the network");
    const auto channels = static_cast<int64_t>(planes.front().size());
    const cv::Size size = planes.front().front().size();
    auto batch =
        torch::empty({static_cast<int64_t>(planes.size()), channels, size.height, size.width});
    float* out = batch.data_ptr<float>();
    const std::size_t planeFloats = static_cast<std::size_t>(size.area());
    for (const auto& sample : planes) {
        if (static_cast<int64_t>(sample.size()) != channels)
            throw Error(ErrorKind::InvalidArgument, "images with different channel counts");
        for (const cv::Mat& plane : sample) {
            if (plane.type() != CV_32FC1 || plane.size() != size)
                throw Error(ErrorKind::InvalidArgument,
                            "network inputs must be CV_32FC1 images of one size");
            const cv::Mat continuous = plane.isContinuous() ? plane : plane.clone();
            std::memcpy(out, continuous.ptr<float>(), planeFloats * sizeof(float));
            out += planeFloats;
        }
    }
    return batch;
}

torch::Tensor wrap(float* data, int count, int channels, int height, int width)
{
    return torch::from_blob(data, {count, channels, height, width}, torch::kFloat32);
}

std::vector<cv::Mat> toMats(const torch::Tensor& images)
{
    const torch::Tensor contiguous = images.to(torch::kFloat32).contiguous();
    const int count = static_cast<int>(contiguous.size(0));
    const int height = static_cast<int>(contiguous.size(2));
    const int width = static_cast<int>(contiguous.size(3));
    std::vector<cv::Mat> mats;
    mats.reserve(static_cast<std::size_t>(count));
    const float* data = contiguous.data_ptr<float>();
    for (int n = 0; n < count; ++n) {
        cv::Mat mat(height, width, CV_32FC1);
        std::memcpy(mat.ptr<float>(), data + static_cast<std::size_t>(n) * height * width,
                    sizeof(float) * static_cast<std::size_t>(height) * width);
        mats.push_back(mat);
    }
    return mats;
}

}  // namespace rw::tensors

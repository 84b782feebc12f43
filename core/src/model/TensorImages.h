#pragma once
// cv::Mat (CV_32FC1) ↔ NCHW float tensors. Private to ridgeworks_ml.
#include <opencv2/core.hpp>
#include <torch/torch.h>

#include <vector>

namespace rw::tensors {

// Stacks planes into a [N, C, H, W] float tensor: planes[n][c]. Copies (from_blob does not
// own memory). Throws rw::Error(InvalidArgument) on type or size mismatch.
torch::Tensor fromPlanes(const std::vector<std::vector<cv::Mat>>& planes);

// Wraps a planar float buffer (count × channels × size × size) without copying.
torch::Tensor wrap(float* data, int count, int channels, int height, int width);

// [N, 1, H, W] → N CV_32FC1 Mats (copies).
std::vector<cv::Mat> toMats(const torch::Tensor& images);

}  // namespace rw::tensors

// Zhang–Suen thinning and the crossing number. The thinning works on a padded 0/1 copy and
// only revisits pixels still set, so a 256x256 print thins in about a millisecond.
#include "ridgeworks/metrics/Thinning.h"

#include "MetricsInput.h"

#include <algorithm>
#include <array>
#include <vector>

namespace rw {
namespace {

// Neighbour order P2..P9 of Zhang & Suen: N, NE, E, SE, S, SW, W, NW (clockwise from north).
// A pixel's neighbourhood is coded as 8 bits, bit i for neighbour i, so that every decision
// below is one table look-up: thinning a print visits each ridge pixel several times.
constexpr std::array<int, 8> kDx = {0, 1, 1, 1, 0, -1, -1, -1};
constexpr std::array<int, 8> kDy = {-1, -1, 0, 1, 1, 1, 0, -1};

using Ring = std::array<int, 8>;

Ring ringOf(int code)
{
    Ring ring{};
    for (std::size_t i = 0; i < 8; ++i)
        ring[i] = (code >> i) & 1;
    return ring;
}

// Number of 0 -> 1 transitions around the ring (Zhang & Suen's A(P1)).
int risingEdges(const Ring& p)
{
    int count = 0;
    for (std::size_t i = 0; i < 8; ++i)
        count += (p[i] == 0 && p[(i + 1) % 8] == 1) ? 1 : 0;
    return count;
}

bool deletable(const Ring& p, bool firstPass)
{
    int neighbours = 0;
    for (int v : p)
        neighbours += v;
    // 2..6 neighbours: not an end point, not an interior pixel. One rising edge: deleting it
    // does not split the ridge.
    if (neighbours < 2 || neighbours > 6 || risingEdges(p) != 1)
        return false;
    const int n = p[0], e = p[2], s = p[4], w = p[6];
    // First pass peels south-east boundaries and north-west corners, second the opposite.
    return firstPass ? (n * e * s == 0 && e * s * w == 0) : (n * e * w == 0 && n * s * w == 0);
}

// A corner pixel joining two 4-neighbours at a right angle (N and E, E and S, ...) whose
// neighbours are 8-connected among themselves without it: the skeleton keeps its shape
// without it, and with it the crossing number may read a bifurcation on a plain diagonal.
bool isStaircase(const Ring& p)
{
    bool rightAngle = false;
    for (std::size_t i = 0; i < 8; i += 2)
        rightAngle = rightAngle || (p[i] && p[(i + 2) % 8]);
    if (!rightAngle)
        return false;
    // Count 8-connected groups of the ring: runs of set pixels, where a run also bridges an
    // unset diagonal between two set 4-neighbours (they touch corner to corner).
    Ring bridged = p;
    for (std::size_t i = 1; i < 8; i += 2)
        if (!p[i] && p[i - 1] && p[(i + 1) % 8])
            bridged[i] = 1;
    return risingEdges(bridged) == 1;
}

struct Tables {
    std::array<bool, 256> firstPass{}, secondPass{}, staircase{};
    std::array<unsigned char, 256> crossing{};
};

const Tables& tables()
{
    static const Tables t = [] {
        Tables result;
        for (int code = 0; code < 256; ++code) {
            const Ring ring = ringOf(code);
            const auto c = std::size_t(code);
            result.firstPass[c] = deletable(ring, true);
            result.secondPass[c] = deletable(ring, false);
            result.staircase[c] = isStaircase(ring);
            int changes = 0;
            for (std::size_t i = 0; i < 8; ++i)
                changes += ring[i] != ring[(i + 1) % 8] ? 1 : 0;
            result.crossing[c] = static_cast<unsigned char>(changes / 2);
        }
        return result;
    }();
    return t;
}

// Neighbourhood code of (x, y) in a 0/1 image padded so that (x, y) is never on its edge.
int codeAt(const cv::Mat& padded, int x, int y)
{
    const unsigned char* up = padded.ptr<unsigned char>(y - 1);
    const unsigned char* mid = padded.ptr<unsigned char>(y);
    const unsigned char* down = padded.ptr<unsigned char>(y + 1);
    return up[x] | up[x + 1] << 1 | mid[x + 1] << 2 | down[x + 1] << 3 | down[x] << 4 |
           down[x - 1] << 5 | mid[x - 1] << 6 | up[x - 1] << 7;
}

void zhangSuen(cv::Mat& padded)
{
    const Tables& t = tables();
    std::vector<cv::Point> pixels;
    for (int y = 1; y < padded.rows - 1; ++y)
        for (int x = 1; x < padded.cols - 1; ++x)
            if (padded.at<unsigned char>(y, x))
                pixels.emplace_back(x, y);

    std::vector<cv::Point> marked;
    bool changed = true;
    while (changed) {
        changed = false;
        for (const std::array<bool, 256>* rule : {&t.firstPass, &t.secondPass}) {
            // Parallel: decide on the state before this sub-iteration, then delete.
            marked.clear();
            for (const cv::Point& p : pixels)
                if ((*rule)[std::size_t(codeAt(padded, p.x, p.y))])
                    marked.push_back(p);
            if (marked.empty())
                continue;
            changed = true;
            for (const cv::Point& p : marked)
                padded.at<unsigned char>(p) = 0;
            pixels.erase(
                std::remove_if(pixels.begin(), pixels.end(),
                               [&](const cv::Point& p) { return !padded.at<unsigned char>(p); }),
                pixels.end());
        }
    }
}

void removeStaircases(cv::Mat& padded)
{
    const Tables& t = tables();
    // Sequential (raster order, in place): of two mutually redundant corners only one goes.
    for (int y = 1; y < padded.rows - 1; ++y) {
        unsigned char* row = padded.ptr<unsigned char>(y);
        for (int x = 1; x < padded.cols - 1; ++x)
            if (row[x] && t.staircase[std::size_t(codeAt(padded, x, y))])
                row[x] = 0;
    }
}

}  // namespace

cv::Mat thinRidges(const cv::Mat& binary)
{
    metrics_detail::requireGray8(binary, "thinning input");
    cv::Mat padded(binary.rows + 2, binary.cols + 2, CV_8UC1, cv::Scalar(0));
    cv::Mat inner = padded(cv::Rect(1, 1, binary.cols, binary.rows));
    cv::compare(binary, 0, inner, cv::CMP_NE);
    cv::bitwise_and(inner, cv::Scalar(1), inner);  // 0/1: the neighbourhood codes need bits
    zhangSuen(padded);
    removeStaircases(padded);
    cv::Mat skeleton;
    cv::compare(inner, 0, skeleton, cv::CMP_NE);
    return skeleton;
}

int crossingNumber(const cv::Mat& skeleton, int x, int y)
{
    const auto at = [&](int px, int py) {
        return px >= 0 && py >= 0 && px < skeleton.cols && py < skeleton.rows &&
                       skeleton.at<unsigned char>(py, px)
                   ? 1
                   : 0;
    };
    if (!at(x, y))
        return 0;
    int code = 0;
    for (std::size_t i = 0; i < 8; ++i)
        code |= at(x + kDx[i], y + kDy[i]) << i;
    return tables().crossing[std::size_t(code)];
}

}  // namespace rw

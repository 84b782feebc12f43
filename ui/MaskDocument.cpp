#include "MaskDocument.h"

#include "MaskPatchCommand.h"

#include <QUndoStack>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace rw {

namespace {

constexpr uchar kDamaged = 255;

cv::Point pixelOf(QPointF imagePoint)
{
    return {static_cast<int>(std::floor(imagePoint.x())),
            static_cast<int>(std::floor(imagePoint.y()))};
}

QRect toQRect(cv::Rect rect)
{
    return {rect.x, rect.y, rect.width, rect.height};
}

}  // namespace

MaskDocument::MaskDocument(cv::Size size, QObject* parent)
    : QObject(parent)
    , m_mask(cv::Mat::zeros(size, CV_8UC1))
    , m_undoStack(new QUndoStack(this))
{
}

int MaskDocument::damagedPixelCount() const
{
    return cv::countNonZero(m_mask);
}

template <typename Edit>
void MaskDocument::pushEdit(cv::Rect rect, const QString& text, int strokeId, Edit edit)
{
    rect &= cv::Rect(cv::Point(0, 0), m_mask.size());
    if (rect.empty())
        return;
    cv::Mat before = m_mask(rect).clone();
    cv::Mat after = before.clone();
    edit(after, rect.tl());
    // Nothing changed (e.g. erasing where nothing is marked): no empty undo step.
    if (strokeId == 0 && cv::countNonZero(before != after) == 0)
        return;
    m_undoStack->push(
        new MaskPatchCommand(this, rect, std::move(before), std::move(after), text, strokeId));
}

void MaskDocument::beginStroke(bool erase)
{
    m_strokeId = m_nextStrokeId++;
    m_strokeErases = erase;
}

void MaskDocument::strokeTo(QPointF from, QPointF to, int diameter)
{
    if (m_strokeId == 0 || diameter < 1)
        return;
    const cv::Point a = pixelOf(from);
    const cv::Point b = pixelOf(to);
    const int reach = diameter / 2 + 2;
    const cv::Rect rect(cv::Point(std::min(a.x, b.x) - reach, std::min(a.y, b.y) - reach),
                        cv::Point(std::max(a.x, b.x) + reach + 1, std::max(a.y, b.y) + reach + 1));
    const uchar value = m_strokeErases ? 0 : kDamaged;
    pushEdit(rect, m_strokeErases ? QStringLiteral("Erase") : QStringLiteral("Brush stroke"),
             m_strokeId, [&](cv::Mat& patch, cv::Point origin) {
                 // A round brush: OpenCV caps thick lines with discs, so a click (a == b) is a
                 // disc of the brush's diameter too.
                 cv::line(patch, a - origin, b - origin, value, diameter, cv::LINE_8);
             });
}

void MaskDocument::endStroke()
{
    m_strokeId = 0;
}

void MaskDocument::fillPolygon(const QPolygonF& polygon, bool erase)
{
    if (polygon.size() < 3)
        return;
    std::vector<cv::Point> points;
    points.reserve(static_cast<std::size_t>(polygon.size()));
    for (const QPointF& p : polygon)
        points.push_back(pixelOf(p));
    const cv::Rect rect = cv::boundingRect(points) + cv::Size(1, 1);
    pushEdit(rect, erase ? QStringLiteral("Lasso erase") : QStringLiteral("Lasso fill"), 0,
             [&](cv::Mat& patch, cv::Point origin) {
                 std::vector<cv::Point> local;
                 local.reserve(points.size());
                 for (const cv::Point& p : points)
                     local.push_back(p - origin);
                 cv::fillPoly(patch, std::vector<std::vector<cv::Point>>{local},
                              erase ? 0 : kDamaged, cv::LINE_8);
             });
}

void MaskDocument::clear()
{
    pushEdit(cv::Rect(cv::Point(0, 0), m_mask.size()), QStringLiteral("Clear mask"), 0,
             [](cv::Mat& patch, cv::Point) { patch.setTo(0); });
}

void MaskDocument::invert()
{
    pushEdit(cv::Rect(cv::Point(0, 0), m_mask.size()), QStringLiteral("Invert mask"), 0,
             [](cv::Mat& patch, cv::Point) {
                 cv::Mat inverted;
                 cv::compare(patch, 0, inverted, cv::CMP_EQ);  // 0 → 255, anything else → 0
                 patch = inverted;
             });
}

void MaskDocument::replace(const cv::Mat& mask, const QString& undoText)
{
    if (mask.size() != m_mask.size() || mask.type() != CV_8UC1)
        return;
    pushEdit(cv::Rect(cv::Point(0, 0), m_mask.size()), undoText, 0, [&](cv::Mat& patch, cv::Point) {
        cv::compare(mask, 0, patch, cv::CMP_NE);  // nonzero → 255
    });
}

void MaskDocument::setPatch(cv::Rect rect, const cv::Mat& pixels)
{
    pixels.copyTo(m_mask(rect));
    Q_EMIT changed(toQRect(rect));
}

}  // namespace rw

#pragma once
// The damage mask of one print: CV_8UC1, the print's size, in image coordinates,
// 255 = damaged, 0 = intact. Every edit goes through its own undo stack, one step per edit
// (a whole brush stroke is one step).
#include <QObject>
#include <QPolygonF>
#include <QRect>
#include <QString>

#include <opencv2/core.hpp>

class QUndoStack;

namespace rw {

class MaskDocument : public QObject {
    Q_OBJECT

public:
    explicit MaskDocument(cv::Size size, QObject* parent = nullptr);

    const cv::Mat& mask() const { return m_mask; }
    cv::Size size() const { return m_mask.size(); }
    QUndoStack* undoStack() const { return m_undoStack; }
    int damagedPixelCount() const;

    // A brush or eraser stroke: the segments between beginStroke() and endStroke() merge
    // into one undo step. Points are image coordinates; `diameter` in image pixels.
    void beginStroke(bool erase);
    void strokeTo(QPointF from, QPointF to, int diameter);
    void endStroke();
    bool isStroking() const { return m_strokeId != 0; }

    // Marks (or, with `erase`, unmarks) the inside of a polygon in image coordinates.
    void fillPolygon(const QPolygonF& polygon, bool erase = false);
    void clear();
    void invert();
    // Replaces the whole mask (e.g. one loaded from a file); nonzero = damaged.
    // `mask` must have this document's size.
    void replace(const cv::Mat& mask, const QString& undoText);

    // For the undo commands: puts `pixels` into `rect` and says so.
    void setPatch(cv::Rect rect, const cv::Mat& pixels);

Q_SIGNALS:
    // Pixels inside `rect` (image coordinates) changed.
    void changed(QRect rect);

private:
    // Applies `edit` to a copy of `rect` and pushes the result as one undo step.
    template <typename Edit>
    void pushEdit(cv::Rect rect, const QString& text, int strokeId, Edit edit);

    cv::Mat m_mask;
    QUndoStack* m_undoStack;
    int m_strokeId = 0;
    int m_nextStrokeId = 1;
    bool m_strokeErases = false;
};

}  // namespace rw

#pragma once
// One image pane: a QGraphicsView on a single image where one scene unit is one image pixel.
// Zooms with the wheel around the cursor, pans by dragging, reports the pixel under the
// cursor. Two panes are kept in step by ComparisonView through viewChanged()/setViewState().
#include <QGraphicsView>
#include <QImage>
#include <QPoint>
#include <QPointF>
#include <QString>

#include <optional>

class QGraphicsPixmapItem;
class QGraphicsRectItem;

namespace rw {

class ImageView : public QGraphicsView {
    Q_OBJECT

public:
    explicit ImageView(QWidget* parent = nullptr);

    // Shows `image` (scene = its pixel rectangle) and fits it to the window.
    void setImage(const QImage& image);
    // Swaps in another image of the same size keeping zoom and position (e.g. a preview);
    // an image of another size is shown as setImage() would.
    void replaceImage(const QImage& image);
    // Shows a sentence instead of an image, e.g. why a Working image could not be made.
    void setMessage(const QString& message);
    // Outlines a rectangle in pixel coordinates over the image; an empty rect hides it.
    void setOutline(const QRect& rect);
    const QImage& image() const { return m_image; }

    // A label pinned to the pane's top-left corner at any zoom (e.g. "ESTIMATE"); empty hides it.
    void setBadge(const QString& text);
    QString badge() const { return m_badge; }
    // Swipe: a vertical divider at image column `x` (nullopt hides it), with a label for each
    // side. Dragging near the divider moves it (dividerDragged) instead of panning.
    void setDivider(std::optional<double> x, const QString& leftLabel = {},
                    const QString& rightLabel = {});
    std::optional<double> divider() const { return m_divider; }

    double zoom() const;          // view pixels per image pixel
    QPointF sceneCentre() const;  // image coordinates at the middle of the viewport
    bool isFitMode() const { return m_fitMode; }
    // Applies another pane's zoom and centre (used to keep panes in step).
    void setViewState(double zoom, QPointF sceneCentre, bool fitMode);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToWindow();  // and keep fitting while the window is resized
    void actualSize();   // 100 %: one image pixel per screen pixel

Q_SIGNALS:
    // Zoom or scroll position changed, for whatever reason.
    void viewChanged();
    // The image pixel under the cursor; pixelLeft() when the cursor leaves the image.
    void pixelHovered(QPoint pixel);
    void pixelLeft();
    // The divider was dragged to image column `x` (not yet moved: the owner decides).
    void dividerDragged(double x);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    // Scales by `factor` keeping the image point under `viewportPos` where it is.
    void zoomAround(double factor, QPointF viewportPos);
    void applyZoom(double zoom);
    void updateSmoothing();
    void reportPixelAt(QPointF viewportPos);

    QGraphicsScene* m_scene = nullptr;
    QGraphicsPixmapItem* m_pixmapItem = nullptr;
    QGraphicsRectItem* m_outlineItem = nullptr;
    QImage m_image;
    QString m_message;
    bool m_fitMode = true;
    bool m_pixelHovered = false;
    QString m_badge;
    std::optional<double> m_divider;
    QString m_dividerLeft;
    QString m_dividerRight;
    bool m_draggingDivider = false;
};

}  // namespace rw

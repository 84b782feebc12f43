#pragma once
// One image pane: a QGraphicsView on a single image where one scene unit is one image pixel.
// Zooms with the wheel around the cursor, pans by dragging, reports the pixel under the
// cursor. Two panes are kept in step by ComparisonView through viewChanged()/setViewState().
#include <QGraphicsView>
#include <QImage>
#include <QPoint>
#include <QPointF>
#include <QString>

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

protected:
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
};

}  // namespace rw

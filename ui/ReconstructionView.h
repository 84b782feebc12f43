#pragma once
// The comparison panes for a reconstruction: the clean original (when the damaged print was
// itself derived from one), the damaged parent and the reconstruction, in one of five modes —
// side by side, swipe, difference heat map, confidence overlay, minutiae. Every visible pane
// zooms and pans together. The reconstruction is always marked as an estimate: an "ESTIMATE" badge
// on its pane and the outline of the changed pixels, whatever the mode.
#include "MinutiaeMarks.h"

#include <QPoint>
#include <QString>
#include <QWidget>

#include <opencv2/core.hpp>

#include <optional>

class QGridLayout;
class QLabel;
class QSlider;

namespace rw {

class ImageView;

class ReconstructionView : public QWidget {
    Q_OBJECT

public:
    enum class Mode { SideBySide, Swipe, Difference, Overlay, Minutiae };
    Q_ENUM(Mode)
    // What the swipe and the heat map compare the estimate with.
    enum class Reference { Damaged, Clean };
    Q_ENUM(Reference)
    enum class Pane { Clean, Damaged, Estimate };

    struct Images {
        cv::Mat estimate;     // CV_8UC1: the reconstruction
        cv::Mat changedMask;  // CV_8UC1, 255 = estimated pixel
        cv::Mat confidence;   // CV_32FC1 in [0,1] (may be empty)
        cv::Mat damaged;      // CV_8UC1: the parent
        cv::Mat clean;        // CV_8UC1: the parent's clean original; empty when there is none
        QString estimateName;
        QString damagedName;
        QString cleanName;
        QString summary;  // core's one line about the reconstruction
        QString itemKey;  // the reconstruction's evidence key (pairs it with its minutiae)
    };

    explicit ReconstructionView(QWidget* parent = nullptr);

    void setImages(Images images);
    const Images& images() const { return m_images; }
    bool hasClean() const { return !m_images.clean.empty(); }

    Mode mode() const { return m_mode; }
    Reference reference() const { return m_reference; }
    bool confidenceFill() const { return m_fill; }
    // Swipe divider as an image column.
    int swipeColumn() const { return m_swipeColumn; }
    // What the estimate pane shows now (BGR), e.g. the heat map in Difference mode.
    const cv::Mat& shownEstimate() const { return m_shown; }
    // The Minutiae mode's marks for the images shown; none until they have been found.
    const std::optional<MinutiaeMarks>& minutiaeMarks() const { return m_marks; }

    ImageView* cleanView() const { return m_cleanView; }
    ImageView* damagedView() const { return m_damagedView; }
    ImageView* estimateView() const { return m_estimateView; }
    QLabel* estimateCaption() const { return m_estimateCaption; }
    QWidget* legend() const { return m_legend; }
    QSlider* swipeSlider() const { return m_swipeSlider; }

    static QString modeTitle(Mode mode);

public Q_SLOTS:
    void setMode(rw::ReconstructionView::Mode mode);
    // Clean is only taken when there is a clean original; otherwise Damaged stays.
    void setReference(rw::ReconstructionView::Reference reference);
    void setConfidenceFill(bool fill);
    void setSwipeColumn(int column);
    // Marks found for the reconstruction `marks.itemKey`; ignored unless it is the one shown.
    void setMinutiaeMarks(rw::MinutiaeMarks marks);
    // Finding them failed or was cancelled: the Minutiae mode says why instead of waiting.
    void setMinutiaeUnavailable(const QString& itemKey, const QString& why);
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();

Q_SIGNALS:
    void modeChanged(rw::ReconstructionView::Mode mode);
    // The Minutiae mode shows a reconstruction whose marks are not there yet: find them.
    void minutiaeMarksWanted(const QString& itemKey);
    void pixelHovered(rw::ReconstructionView::Pane pane, QPoint pixel, int gray);
    void pixelLeft();

private:
    void render();
    void updateCaptions();
    void syncFrom(ImageView* source);
    cv::Mat referenceImage() const;
    void askForMarksIfNeeded();
    QString minutiaeLegendText() const;
    QString minutiaeCaptionText() const;
    QString referenceWord() const;

    Images m_images;
    Mode m_mode = Mode::SideBySide;
    Reference m_reference = Reference::Damaged;
    bool m_fill = true;
    int m_swipeColumn = 0;
    cv::Mat m_shown;
    std::optional<MinutiaeMarks> m_marks;
    QString m_marksUnavailable;  // why there are none (empty: still being found)
    bool m_syncing = false;

    QGridLayout* m_panes = nullptr;
    ImageView* m_cleanView = nullptr;
    ImageView* m_damagedView = nullptr;
    ImageView* m_estimateView = nullptr;
    QLabel* m_cleanCaption = nullptr;
    QLabel* m_damagedCaption = nullptr;
    QLabel* m_estimateCaption = nullptr;
    QWidget* m_legend = nullptr;
    QLabel* m_legendTitle = nullptr;
    QLabel* m_legendBar = nullptr;
    QLabel* m_legendLow = nullptr;
    QLabel* m_legendHigh = nullptr;
    QWidget* m_swipeRow = nullptr;
    QSlider* m_swipeSlider = nullptr;
};

}  // namespace rw
